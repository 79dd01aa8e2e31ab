import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, type MenuCommand } from '../../../main/menu/menu-template'

type Item = MenuItemConstructorOptions
const submenu = (item: Item | undefined): Item[] => (Array.isArray(item?.submenu) ? (item.submenu as Item[]) : [])
const labels = (items: Item[]): (string | undefined)[] => items.map((item) => item.label ?? item.role ?? item.type)
const find = (items: Item[], label: string): Item | undefined => items.find((item) => item.label === label)

function template(platform: NodeJS.Platform, isPackaged = true, onCommand = vi.fn<(command: MenuCommand) => void>()) {
  return { menu: buildMenuTemplate({ platform, appName: 'Carbon Ledger', isPackaged, onCommand }), onCommand }
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help on Windows and Linux, with mnemonics', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(labels(template(platform).menu)).toEqual(['&File', '&Edit', '&View', '&Help'])
    }
  })

  it('adds the app menu first and the Window menu on macOS', () => {
    const { menu } = template('darwin')
    expect(labels(menu)).toEqual(['Carbon Ledger', 'File', 'Edit', 'View', 'windowMenu', 'Help'])
    expect(labels(submenu(menu[0]))).toEqual([
      'About Carbon Ledger',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'Quit Carbon Ledger'
    ])
  })

  it('lists the File commands with CmdOrCtrl accelerators, Quit last off macOS', () => {
    const file = submenu(template('linux').menu[0])
    expect(labels(file)).toEqual([
      'Import…',
      'separator',
      'Export CSV…',
      'Export PDF report…',
      'separator',
      'Back up…',
      'Restore…',
      'separator',
      'Quit'
    ])
    expect(find(file, 'Import…')?.accelerator).toBe('CmdOrCtrl+O')
    expect(find(file, 'Export CSV…')?.accelerator).toBe('CmdOrCtrl+E')
    expect(find(file, 'Export PDF report…')?.accelerator).toBe('CmdOrCtrl+P')
    expect(find(file, 'Back up…')?.accelerator).toBe('CmdOrCtrl+Shift+S')
  })

  it('uses each platform’s quit convention', () => {
    expect(find(submenu(template('linux').menu[0]), 'Quit')).toMatchObject({ role: 'quit', accelerator: 'Ctrl+Q' })
    const exit = find(submenu(template('win32').menu[0]), 'Exit')
    expect(exit?.role).toBe('quit')
    expect(exit?.accelerator).toBeUndefined()
    const mac = template('darwin').menu
    expect(find(submenu(mac[0]), 'Quit Carbon Ledger')).toMatchObject({ role: 'quit', accelerator: 'Command+Q' })
    expect(submenu(mac[1]).some((item) => item.role === 'quit')).toBe(false)
  })

  it('sends each command once when clicked', () => {
    const { menu, onCommand } = template('win32')
    const click = (item: Item | undefined) => (item?.click as (() => void) | undefined)?.()
    const file = submenu(menu[0])
    for (const label of ['Import…', 'Export CSV…', 'Export PDF report…', 'Back up…', 'Restore…'])
      click(find(file, label))
    const help = submenu(menu[3])
    for (const label of ['Methodology', 'Data sources', 'About Carbon Ledger']) click(find(help, label))
    expect(onCommand.mock.calls.map(([command]) => command)).toEqual([
      'import',
      'export-csv',
      'export-pdf',
      'backup',
      'restore',
      'methodology',
      'data-sources',
      'about'
    ])
  })

  it('has the standard Edit roles (paste and match style on macOS only)', () => {
    expect(labels(submenu(template('linux').menu[1]))).toEqual([
      'undo',
      'redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'delete',
      'separator',
      'selectAll'
    ])
    expect(submenu(template('darwin').menu[2]).some((item) => item.role === 'pasteAndMatchStyle')).toBe(true)
  })

  it('offers DevTools and forced reload only in unpackaged builds', () => {
    const roles = (isPackaged: boolean) => submenu(template('linux', isPackaged).menu[2]).map((item) => item.role)
    expect(roles(true)).not.toContain('toggleDevTools')
    expect(roles(true)).not.toContain('forceReload')
    expect(roles(false)).toEqual(expect.arrayContaining(['toggleDevTools', 'forceReload']))
  })

  it('puts About under Help off macOS and in the app menu on macOS', () => {
    expect(labels(submenu(template('linux').menu[3]))).toEqual([
      'Methodology',
      'Data sources',
      'separator',
      'About Carbon Ledger'
    ])
    expect(labels(submenu(template('darwin').menu[5]))).toEqual(['Methodology', 'Data sources'])
  })
})
