import { describe, expect, it } from 'vitest'
import { mainWindowOptions, reportWindowOptions, secureWebPreferences } from '../../../main/security/window-options'

describe('window options', () => {
  it('apply the security checklist to the app window', () => {
    const options = mainWindowOptions({ width: 1280, height: 800 }, '/app/out/preload/index.cjs', false)
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false
    })
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures')
    expect(options.show).toBe(false)
    expect(options).toMatchObject({ width: 1280, height: 800 })
  })

  it('allow DevTools only when asked (unpackaged builds)', () => {
    expect(secureWebPreferences('/p.cjs', true).devTools).toBe(true)
    expect(secureWebPreferences('/p.cjs', false).devTools).toBe(false)
  })

  it('keep the report window hidden, unfocusable, sandboxed and without DevTools', () => {
    const options = reportWindowOptions('/app/out/preload/index.cjs')
    expect(options).toMatchObject({ show: false, focusable: false, skipTaskbar: true })
    expect(options.webPreferences).toEqual({
      ...secureWebPreferences('/app/out/preload/index.cjs', false),
      backgroundThrottling: false
    })
  })
})
