// Loads the BUILT main process (out/main/index.js, from `npx electron-vite build`) in plain Node with a stand-in
// `electron` module, and checks what it asks Electron to do: a handler for every contract channel, the app:// scheme
// privileged before 'ready', the secure web preferences and navigation guards on every window. Skipped with a message
// when there is no build (scripts/test.mjs runs it after its build step).
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invokeChannels } from '../../../shared/ipc/channels'
import { ipcContract } from '../../../shared/ipc/contract'
import { createElectronStandIn, type ElectronStandIn, type Listener } from './electron-stand-in'

const bundle = resolve('out', 'main', 'index.js')
const built = existsSync(bundle)
const skipReason =
  'no build in out/: run `npx electron-vite build` first (scripts/test.mjs runs this check after its build step)'

type Load = (request: string, parent: unknown, isMain: boolean) => unknown
const moduleInternals = Module as unknown as { _load: Load }

/** An IPC event as Electron would send it from a top-level frame showing `url`. */
const eventFrom = (url: string, senderId = 1) => ({ sender: { id: senderId }, senderFrame: { url, parent: null } })

const until = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 5))
  if (!condition()) throw new Error('the main bundle never got there')
}

describe.skipIf(!built)(
  `the built main process with a stand-in electron${built ? '' : ` (skipped: ${skipReason})`}`,
  () => {
    let electron: ElectronStandIn
    let userData: string
    const originalLoad = moduleInternals._load

    beforeAll(async () => {
      userData = mkdtempSync(join(tmpdir(), 'carbon-ledger-main-'))
      // What Electron's Node adds to process.versions (app:info reports them).
      Object.assign(process.versions, { electron: '0.0.0-stand-in', chrome: '0.0.0-stand-in' })
      electron = createElectronStandIn(userData)
      moduleInternals._load = function (request, parent, isMain) {
        if (request === 'electron') return electron.module
        return originalLoad.call(this, request, parent, isMain)
      }
      createRequire(import.meta.url)(bundle)
      electron.emitReady()
      // Start-up ends with the main window loading the app.
      await until(() => electron.windows.length > 0 && electron.windows[0]!.loadedUrls.length > 0)
    })

    afterAll(() => {
      moduleInternals._load = originalLoad
      const versions = process.versions as Record<string, string | undefined>
      delete versions.electron
      delete versions.chrome
      rmSync(userData, { recursive: true, force: true })
    })

    const indexOf = (what: string): number => electron.calls.findIndex((call) => call.what === what)

    it('registers app:// as a privileged, standard and secure scheme before ready', () => {
      const registered = electron.calls.filter((call) => call.what === 'protocol.registerSchemesAsPrivileged')
      expect(registered).toHaveLength(1)
      expect(indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(indexOf('ready'))
      const [schemes] = registered[0]!.args as [{ scheme: string; privileges: Record<string, boolean> }[]]
      expect(schemes).toHaveLength(1)
      expect(schemes[0]!.scheme).toBe('app')
      expect(schemes[0]!.privileges).toMatchObject({ standard: true, secure: true })
      expect(schemes[0]!.privileges.bypassCSP).toBeUndefined()
      // ...and serves it from the session only after ready.
      const served = electron.calls.filter((call) => call.what === 'session.protocol.handle')
      expect(served.map((call) => call.args[0])).toEqual(['app'])
      expect(indexOf('session.protocol.handle')).toBeGreaterThan(indexOf('ready'))
    })

    it('handles every channel of the IPC contract, and nothing else', () => {
      expect([...electron.handlers.keys()].sort()).toEqual(Object.keys(ipcContract).sort())
      expect(Object.keys(ipcContract).sort()).toEqual(Object.values(invokeChannels).sort())
    })

    it('answers only the app origin, through the contract', async () => {
      const appInfo = electron.handlers.get(invokeChannels.appInfo) as Listener
      await expect(appInfo(eventFrom('https://evil.example/'))).resolves.toMatchObject({ ok: false })
      await expect(appInfo(eventFrom('app://carbon-ledger/index.html'))).resolves.toMatchObject({
        ok: true,
        value: { name: 'Carbon Ledger', version: '0.0.0-stand-in' }
      })
    })

    it('sets the permission and request guards before any window opens', () => {
      const firstWindow = indexOf('new BrowserWindow')
      for (const guard of [
        'session.setPermissionRequestHandler',
        'session.setPermissionCheckHandler',
        'session.webRequest.onBeforeRequest'
      ]) {
        expect(indexOf(guard), guard).toBeGreaterThan(-1)
        expect(indexOf(guard), guard).toBeLessThan(firstWindow)
      }
    })

    it('gives every window, the hidden report window included, the secure web preferences and navigation guards', async () => {
      // Printing a report opens the hidden report window; its ready signal lets the print finish.
      const target = join(userData, 'report.pdf')
      electron.saveDialogAnswer.canceled = false
      electron.saveDialogAnswer.filePath = target
      const print = electron.handlers.get(invokeChannels.printReportToPdf) as Listener
      const reportReady = electron.handlers.get(invokeChannels.reportReady) as Listener
      const printed = print(eventFrom('app://carbon-ledger/index.html'), {
        suggestedName: 'report.pdf',
        params: { period: '2026-Q3' }
      })
      await until(() => electron.windows.length === 2 && electron.windows[1]!.loadedUrls.length > 0)
      const reportWindow = electron.windows[1]!
      expect(reportWindow.loadedUrls[0]).toBe('app://carbon-ledger/report.html?period=2026-Q3')
      await expect(
        reportReady(eventFrom(reportWindow.loadedUrls[0]!, reportWindow.webContents.id), { ok: true })
      ).resolves.toEqual({ ok: true, value: null })
      await expect(printed).resolves.toEqual({ ok: true, value: { status: 'saved', path: target } })
      expect(reportWindow.destroyed).toBe(true)

      expect(electron.windows).toHaveLength(2)
      for (const window of electron.windows) {
        const preferences = window.options.webPreferences as Record<string, unknown>
        expect(preferences).toMatchObject({
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          experimentalFeatures: false,
          webviewTag: false,
          navigateOnDragDrop: false
        })
        // The preload is the built one, next to the bundle.
        expect(preferences.preload).toBe(resolve('out', 'preload', 'index.cjs'))
        expect(window.options.show).toBe(false)
        // Navigation guards: every web contents refuses navigation and new windows.
        for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])
          expect(window.webContents.listenerCount(event), event).toBe(1)
        expect(window.webContents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' })
      }
      expect(electron.windows[0]!.loadedUrls).toEqual(['app://carbon-ledger/index.html'])
    })
  }
)
