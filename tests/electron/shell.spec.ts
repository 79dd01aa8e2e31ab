import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { CONTENT_SECURITY_POLICY } from '../../main/security/csp'
import { electronBinary, launchApp, root, SKIP_MESSAGE, temporaryDir } from './support'

test.skip(electronBinary() === null, SKIP_MESSAGE)

const expectedApi = [
  'appInfo',
  'backupStatus',
  'listBackups',
  'onHostEvent',
  'openFiles',
  'openLink',
  'printReportToPdf',
  'readBackup',
  'saveFile',
  'signalReportReady',
  'writeBackup'
]

test.describe('the desktop shell', () => {
  let profile: ReturnType<typeof temporaryDir>
  test.beforeEach(() => {
    profile = temporaryDir('carbon-ledger-electron-')
  })
  test.afterEach(() => profile.remove())

  test('launches on app://carbon-ledger with the named bridge only, and no Node in the page', async () => {
    const { app, page } = await launchApp(profile.path)
    try {
      expect(page.url()).toBe('app://carbon-ledger/index.html')
      expect(await page.evaluate(() => Object.keys(window.api!).sort())).toEqual(expectedApi)
      expect(
        await page.evaluate(() => [
          typeof (window as unknown as { require?: unknown }).require,
          typeof (window as unknown as { process?: unknown }).process
        ])
      ).toEqual(['undefined', 'undefined'])
      expect(await page.evaluate(() => 'ipcRenderer' in window.api! || 'invoke' in window.api!)).toBe(false)
    } finally {
      await app.close()
    }
  })

  test('round-trips IPC through window.api, and refuses invalid arguments with a readable message', async () => {
    const { app, page } = await launchApp(profile.path)
    try {
      const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string
      const info = await page.evaluate(() => window.api!.appInfo())
      expect(info).toMatchObject({ name: 'Carbon Ledger', version, isPackaged: false })
      const refusal = await page.evaluate(() =>
        window.api!.saveFile({ suggestedName: 'x.csv', content: 42 } as never).then(
          () => 'resolved',
          (error: Error) => error.message
        )
      )
      expect(refusal).toMatch(/Invalid request to files:save/)
      expect(await page.evaluate(() => window.api!.openLink('file:///etc/passwd'))).toBe(false)
    } finally {
      await app.close()
    }
  })

  test('serves every page with the strict CSP header', async () => {
    const { app, page } = await launchApp(profile.path)
    try {
      const csp = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'))
      expect(csp).toBe(CONTENT_SECURITY_POLICY)
      expect(await page.evaluate(async () => (await fetch('/runs/recent')).headers.get('content-type'))).toBe(
        'text/html; charset=utf-8'
      )
    } finally {
      await app.close()
    }
  })

  test('blocks navigation, new windows and remote requests', async () => {
    const { app, page } = await launchApp(profile.path)
    try {
      await page.evaluate(() => {
        window.location.href = 'https://example.com/'
      })
      await page.waitForTimeout(500)
      expect(page.url()).toBe('app://carbon-ledger/index.html')
      expect(await page.evaluate(() => window.open('app://carbon-ledger/index.html') === null)).toBe(true)
      expect(app.windows()).toHaveLength(1)
      const remote = await page.evaluate(() =>
        fetch('https://example.com/').then(
          () => 'loaded',
          () => 'blocked'
        )
      )
      expect(remote).toBe('blocked')
    } finally {
      await app.close()
    }
  })
})
