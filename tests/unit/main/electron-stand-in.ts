// A stand-in for the `electron` module that records what the main bundle asks of it, for tests that load the built
// main process in plain Node (no Electron binary). Only what main/ calls exists; anything else throws, so a new call
// shows up as a failing test rather than a silent no-op.
import { EventEmitter } from 'node:events'

export type Listener = (...args: unknown[]) => unknown

/** One thing main asked for, in order: the test reads the sequence (e.g. scheme privileges before 'ready'). */
export interface Call {
  what: string
  args: unknown[]
}

export interface StandInWindow {
  options: Record<string, unknown>
  loadedUrls: string[]
  destroyed: boolean
  webContents: StandInWebContents
}

export interface StandInWebContents extends EventEmitter {
  id: number
  windowOpenHandler?: (details: { url: string }) => { action: string }
}

export interface ElectronStandIn {
  /** The module object handed to require('electron'). */
  module: Record<string, unknown>
  calls: Call[]
  windows: StandInWindow[]
  /** ipcMain.handle listeners by channel. */
  handlers: Map<string, Listener>
  /** Resolves app.whenReady(), recording 'ready' in calls. */
  emitReady(): void
  appListeners: EventEmitter
  /** What the next save dialog answers. */
  saveDialogAnswer: { canceled: boolean; filePath?: string }
}

export function createElectronStandIn(userDataDir: string): ElectronStandIn {
  const calls: Call[] = []
  const windows: StandInWindow[] = []
  const handlers = new Map<string, Listener>()
  const appListeners = new EventEmitter()
  const record = (what: string, ...args: unknown[]): void => {
    calls.push({ what, args })
  }
  let markReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => {
    markReady = resolve
  })
  let nextContentsId = 1

  const app = {
    isPackaged: false,
    setPath: (name: string, path: string) => record('app.setPath', name, path),
    getPath: (name: string) => (name === 'userData' ? userDataDir : `${userDataDir}/${name}`),
    getVersion: () => '0.0.0-stand-in',
    requestSingleInstanceLock: () => {
      record('app.requestSingleInstanceLock')
      return true
    },
    quit: () => record('app.quit'),
    on: (event: string, listener: Listener) => {
      record('app.on', event)
      appListeners.on(event, listener)
      return app
    },
    whenReady: () => ready
  }

  class BrowserWindow extends EventEmitter {
    static getAllWindows = (): BrowserWindow[] => []
    readonly webContents: StandInWebContents
    private readonly state: StandInWindow
    constructor(options: Record<string, unknown>) {
      super()
      record('new BrowserWindow', options)
      const webContents = Object.assign(new EventEmitter(), {
        id: nextContentsId++,
        send: (channel: string, payload: unknown) => record('webContents.send', channel, payload),
        printToPDF: async () => new Uint8Array([0x25, 0x50, 0x44, 0x46]),
        setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
          webContents.windowOpenHandler = handler
        }
      }) as StandInWebContents & { send: Listener; printToPDF: Listener; setWindowOpenHandler: Listener }
      this.webContents = webContents
      this.state = { options, loadedUrls: [], destroyed: false, webContents }
      windows.push(this.state)
      // As in Electron: every new web contents is announced to the app.
      appListeners.emit('web-contents-created', {}, webContents)
    }
    async loadURL(url: string): Promise<void> {
      record('BrowserWindow.loadURL', url)
      this.state.loadedUrls.push(url)
    }
    destroy(): void {
      this.state.destroyed = true
    }
    isDestroyed = (): boolean => this.state.destroyed
    show = (): void => record('BrowserWindow.show')
    maximize = (): void => record('BrowserWindow.maximize')
    isMaximized = (): boolean => false
    isMinimized = (): boolean => false
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 })
  }

  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }
  const saveDialogAnswer: ElectronStandIn['saveDialogAnswer'] = { canceled: true }

  const electronModule: Record<string, unknown> = {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => record('protocol.registerSchemesAsPrivileged', schemes)
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        record('ipcMain.handle', channel)
        handlers.set(channel, listener)
      }
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: unknown) => record('session.setPermissionRequestHandler', handler),
        setPermissionCheckHandler: (handler: unknown) => record('session.setPermissionCheckHandler', handler),
        webRequest: { onBeforeRequest: (handler: unknown) => record('session.webRequest.onBeforeRequest', handler) },
        protocol: { handle: (scheme: string, handler: unknown) => record('session.protocol.handle', scheme, handler) }
      }
    },
    screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => record('Menu.setApplicationMenu', menu)
    },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => saveDialogAnswer,
      showErrorBox: (title: string, content: string) => record('dialog.showErrorBox', title, content)
    },
    shell: { openExternal: async (url: string) => record('shell.openExternal', url) }
  }

  // Anything main reaches for that the stand-in lacks fails loudly.
  const module = new Proxy(electronModule, {
    get(target, property) {
      if (typeof property === 'symbol' || property === '__esModule' || property === 'default')
        return property === 'default' ? target : undefined
      if (!(property in target)) throw new Error(`the electron stand-in has no '${property}'`)
      return target[property]
    }
  })

  return {
    module,
    calls,
    windows,
    handlers,
    appListeners,
    saveDialogAnswer,
    emitReady: () => {
      record('ready')
      markReady()
    }
  }
}
