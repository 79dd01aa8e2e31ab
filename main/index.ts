// The Electron main process: lifecycle and wiring only. Every decision lives in a pure module next to this one.
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell } from 'electron'
import { hostEventChannel } from '../shared/ipc/channels'
import { type HostEvent, hostEventSchema, REPORT_READY_TIMEOUT_MS } from '../shared/ipc/contract'
import { APP_INDEX_URL } from './app-origin'
import { createBackupStore } from './backup/backups'
import { writeFileAtomic } from './files/atomic-write'
import { diskFreeBytes } from './files/disk-space'
import { sanitizeFileName } from './files/file-name'
import { writeNewFolder } from './files/new-folder'
import { readTextFile } from './files/read-text-file'
import { createHandle } from './ipc/handle'
import { ARCHIVE_FILTERS, registerHostHandlers } from './ipc/handlers'
import { HostError } from './ipc/host-error'
import { registerWatchHandlers } from './ipc/watch-handlers'
import { buildMenuTemplate, type MenuCommand } from './menu/menu-template'
import { registerAppScheme, serveAppProtocol } from './protocol/register'
import { printReportToPdf } from './report/print-report'
import { createReadySignals } from './report/ready-signals'
import { decidePermission, guardContents, isAllowedRequestUrl } from './security/navigation'
import { mainWindowOptions, reportWindowOptions } from './security/window-options'
import { createBatchBridge } from './watch/batch-bridge'
import { chokidarWatch } from './watch/chokidar-watch'
import { loadWatchState, saveWatchState } from './watch/watch-state-file'
import { createWatchedFolders } from './watch/watched-folders'
import { loadWindowState, restoreBounds, saveWindowState } from './window/window-state'

const APP_NAME = 'Carbon Ledger'

// End-to-end tests give each run its own profile; a packaged app ignores the variable.
if (!app.isPackaged && process.env.CARBON_LEDGER_USER_DATA_DIR)
  app.setPath('userData', process.env.CARBON_LEDGER_USER_DATA_DIR)

// Privileges must be registered before 'ready'.
registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (which focuses its window) and leaves.
  app.quit()
} else {
  start()
}

function log(message: string, error?: unknown): void {
  console.error(`[carbon-ledger] ${message}`, error ?? '')
}

function start(): void {
  const rendererDir = join(__dirname, '../renderer')
  const preloadPath = join(__dirname, '../preload/index.cjs')
  const userData = app.getPath('userData')
  const windowStatePath = join(userData, 'window-state.json')
  const backups = createBackupStore({
    dir: join(userData, 'backups'),
    choosePath: async (suggestedName) => {
      if (!mainWindow) return null
      const { canceled, filePath } = await dialog.showSaveDialog(mainWindow, {
        defaultPath: sanitizeFileName(suggestedName),
        filters: ARCHIVE_FILTERS
      })
      return canceled || !filePath ? null : filePath
    }
  })
  const readySignals = createReadySignals()
  let mainWindow: BrowserWindow | null = null

  const openExternal = (url: string): void => {
    void shell.openExternal(url).catch((error: unknown) => log('could not open a link in the browser', error))
  }

  const sendHostEvent = (event: HostEvent): void => {
    mainWindow?.webContents.send(hostEventChannel, hostEventSchema.parse(event))
  }

  const restoreFromMenu = async (): Promise<void> => {
    if (!mainWindow) return
    const { canceled, filePaths } = await dialog.showOpenDialog(mainWindow, {
      title: 'Restore the ledger from a backup',
      defaultPath: backups.dir,
      filters: ARCHIVE_FILTERS,
      properties: ['openFile']
    })
    const path = filePaths[0]
    if (canceled || path === undefined) return
    sendHostEvent({ type: 'restore-archive', archive: await backups.openPath(path) })
  }

  const onMenuCommand = (command: MenuCommand): void => {
    if (command !== 'restore') {
      sendHostEvent({ type: 'menu', action: command })
      return
    }
    restoreFromMenu().catch((error: unknown) => {
      if (!(error instanceof HostError)) log('restore failed', error)
      dialog.showErrorBox(
        'Restore',
        error instanceof HostError ? error.message : 'The backup could not be read. The details are in the log.'
      )
    })
  }

  const createMainWindow = async (): Promise<BrowserWindow> => {
    const primary = screen.getPrimaryDisplay()
    const workAreas = [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map(
      (display) => display.workArea
    )
    const { bounds, isMaximized } = restoreBounds(await loadWindowState(windowStatePath), workAreas)
    const window = new BrowserWindow(mainWindowOptions(bounds, preloadPath, !app.isPackaged))
    window.once('ready-to-show', () => {
      if (isMaximized) window.maximize()
      window.show()
    })
    // Saved shortly after every move or resize, so a crash or a forced quit still remembers the last layout.
    let saveTimer: ReturnType<typeof setTimeout> | undefined
    const saveState = (): void => {
      clearTimeout(saveTimer)
      saveTimer = setTimeout(() => {
        if (window.isDestroyed()) return
        const normal = window.getNormalBounds()
        saveWindowState(windowStatePath, { ...normal, isMaximized: window.isMaximized() }).catch((error: unknown) =>
          log('could not save the window state', error)
        )
      }, 500)
    }
    window.on('resize', saveState)
    window.on('move', saveState)
    window.on('maximize', saveState)
    window.on('unmaximize', saveState)
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null
    })
    await window.loadURL(APP_INDEX_URL)
    return window
  }

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  // Every web contents, including ones created later (the report window), gets the navigation guards.
  app.on('web-contents-created', (_event, contents) => guardContents(contents, openExternal))

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app
    .whenReady()
    .then(async () => {
      const ses = session.defaultSession
      ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
        callback(decidePermission(permission, details.requestingUrl))
      )
      ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
        decidePermission(permission, requestingOrigin)
      )
      ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }))
      serveAppProtocol(ses, rendererDir)

      registerHostHandlers(createHandle(ipcMain, log), {
        showOpenDialog: async ({ title, filters, multiple }) => {
          const options: Electron.OpenDialogOptions = {
            title,
            filters,
            properties: multiple ? ['openFile', 'multiSelections'] : ['openFile']
          }
          const { canceled, filePaths } = mainWindow
            ? await dialog.showOpenDialog(mainWindow, options)
            : await dialog.showOpenDialog(options)
          return canceled ? [] : filePaths
        },
        showSaveDialog: async ({ defaultName, filters }) => {
          const options: Electron.SaveDialogOptions = {
            defaultPath: join(app.getPath('documents'), defaultName),
            filters,
            properties: ['showOverwriteConfirmation', 'createDirectory']
          }
          const { canceled, filePath } = mainWindow
            ? await dialog.showSaveDialog(mainWindow, options)
            : await dialog.showSaveDialog(options)
          return canceled || !filePath ? null : filePath
        },
        readTextFile: (path) => readTextFile(path),
        writeFileAtomic: (path, data) => writeFileAtomic(path, data),
        showFolderDialog: async ({ title }) => {
          const options: Electron.OpenDialogOptions = {
            title,
            defaultPath: app.getPath('documents'),
            properties: ['openDirectory', 'createDirectory']
          }
          const { canceled, filePaths } = mainWindow
            ? await dialog.showOpenDialog(mainWindow, options)
            : await dialog.showOpenDialog(options)
          return canceled || filePaths[0] === undefined ? null : filePaths[0]
        },
        writeNewFolder: (parent, name, files) => writeNewFolder(parent, name, files),
        printReport: (params, targetPath) =>
          printReportToPdf(params, targetPath, {
            createWindow: () => {
              const window = new BrowserWindow(reportWindowOptions(preloadPath))
              return {
                id: window.webContents.id,
                load: (url) => window.loadURL(url),
                printToPDF: (options) => window.webContents.printToPDF(options),
                destroy: () => window.destroy()
              }
            },
            readySignals,
            writeFile: (path, data) => writeFileAtomic(path, data),
            timeoutMs: REPORT_READY_TIMEOUT_MS
          }),
        readySignals,
        appInfo: () => ({
          name: APP_NAME,
          version: app.getVersion(),
          platform: process.platform,
          arch: process.arch,
          electronVersion: process.versions.electron,
          chromeVersion: process.versions.chrome,
          isPackaged: app.isPackaged
        }),
        openExternal: (url) => shell.openExternal(url),
        backups,
        diskFreeBytes: () => diskFreeBytes(userData)
      })

      const newId = (): string => randomBytes(12).toString('hex')
      const watchStatePath = join(userData, 'watched-folders.json')
      const bridge = createBatchBridge((batch) => {
        if (!mainWindow) return false
        // parsed: only the watched formats may cross
        sendHostEvent(hostEventSchema.parse({ type: 'watch-batch', ...batch }))
        return true
      }, newId)
      const watched = createWatchedFolders({
        watch: (path, onFile, onError) => chokidarWatch(path, onFile, onError),
        readFile: (path) => readFile(path),
        loadState: () => loadWatchState(watchStatePath),
        saveState: (state) => saveWatchState(watchStatePath, state),
        deliver: bridge.deliver,
        // The renderer shows its own notices from the batch's results; main keeps them in its log.
        notify: (notice) => log(`watched folder ${notice.folderId}: ${notice.text}`),
        now: () => Date.now(),
        setTimer: (fn, ms) => {
          const timer = setTimeout(fn, ms)
          return { cancel: () => clearTimeout(timer) }
        }
      })
      registerWatchHandlers(createHandle(ipcMain, log), {
        watched,
        bridge,
        newId,
        chooseFolder: async () => {
          const options: Electron.OpenDialogOptions = { title: 'Watch a folder', properties: ['openDirectory'] }
          const { canceled, filePaths } = mainWindow
            ? await dialog.showOpenDialog(mainWindow, options)
            : await dialog.showOpenDialog(options)
          return canceled ? null : (filePaths[0] ?? null)
        }
      })
      app.on('will-quit', () => void watched.stop())

      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({
            platform: process.platform,
            appName: APP_NAME,
            isPackaged: app.isPackaged,
            onCommand: onMenuCommand
          })
        )
      )
      mainWindow = await createMainWindow()
      // After the window: the first batches need a renderer to import into.
      watched.start().catch((error: unknown) => log('could not start the watched folders', error))

      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) void createMainWindow().then((window) => (mainWindow = window))
      })
    })
    .catch((error: unknown) => {
      log('start-up failed', error)
      dialog.showErrorBox(APP_NAME, 'Carbon Ledger could not start. The details are in the log.')
      app.quit()
    })
}
