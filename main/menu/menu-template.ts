// The native menu as data: a pure function of the platform, so every item and accelerator is testable without Electron.
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuAction } from '../../shared/ipc/contract'

/** Restore… is handled in main (dialog, read, then a 'restore-archive' event); all others go to the renderer. */
export type MenuCommand = MenuAction | 'restore'

export interface MenuOptions {
  platform: NodeJS.Platform
  appName: string
  /** DevTools and forced reload exist only in development builds. */
  isPackaged: boolean
  onCommand(command: MenuCommand): void
}

export function buildMenuTemplate({
  platform,
  appName,
  isPackaged,
  onCommand
}: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => onCommand(name)
  })
  const separator: MenuItemConstructorOptions = { type: 'separator' }
  const about = command(`About ${appName}`, 'about')

  // Quit: Cmd+Q in the macOS app menu, Ctrl+Q on Linux, "Exit" without accelerator on Windows (Alt+F4 is the system's).
  const quit: MenuItemConstructorOptions =
    platform === 'win32'
      ? { role: 'quit', label: 'Exit' }
      : { role: 'quit', label: isMac ? `Quit ${appName}` : 'Quit', accelerator: isMac ? 'Command+Q' : 'Ctrl+Q' }

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      about,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      quit
    ]
  }

  const file: MenuItemConstructorOptions = {
    label: isMac ? 'File' : '&File',
    submenu: [
      command('Import…', 'import', 'CmdOrCtrl+O'),
      separator,
      command('Export CSV…', 'export-csv', 'CmdOrCtrl+E'),
      command('Export PDF report…', 'export-pdf', 'CmdOrCtrl+P'),
      separator,
      command('Back up…', 'backup', 'CmdOrCtrl+Shift+S'),
      command('Restore…', 'restore'),
      ...(isMac ? [separator, { role: 'close' } as MenuItemConstructorOptions] : [separator, quit])
    ]
  }

  const edit: MenuItemConstructorOptions = {
    label: isMac ? 'Edit' : '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as MenuItemConstructorOptions] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' }
    ]
  }

  const view: MenuItemConstructorOptions = {
    label: isMac ? 'View' : '&View',
    submenu: [
      { role: 'reload' },
      ...(isPackaged ? [] : ([{ role: 'forceReload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' }
    ]
  }

  const help: MenuItemConstructorOptions = {
    label: isMac ? 'Help' : '&Help',
    role: 'help',
    submenu: [
      command('Methodology', 'methodology'),
      command('Data sources', 'data-sources'),
      ...(isMac ? [] : [separator, about])
    ]
  }

  return [
    ...(isMac ? [appMenu] : []),
    file,
    edit,
    view,
    ...(isMac ? [{ role: 'windowMenu' } as MenuItemConstructorOptions] : []),
    help
  ]
}
