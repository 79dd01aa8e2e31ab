// BrowserWindow options for the app window and the hidden report window: Electron's security checklist, in one place.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'

export interface WindowBounds {
  x?: number
  y?: number
  width: number
  height: number
}

export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // Middle-click would otherwise try to open a link in a new window.
    disableBlinkFeatures: 'Auxclick',
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools
  }
}

export function mainWindowOptions(
  bounds: WindowBounds,
  preloadPath: string,
  devTools: boolean
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 800,
    minHeight: 560,
    title: 'Carbon Ledger',
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath, devTools)
  }
}

/** The report is printed from a window the user never sees: no focus, no taskbar entry, no DevTools. */
export function reportWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1240,
    height: 1754,
    show: false,
    focusable: false,
    skipTaskbar: true,
    // A hidden window's timers and animation frames are throttled; the report must render at full speed to signal.
    webPreferences: { ...secureWebPreferences(preloadPath, false), backgroundThrottling: false }
  }
}
