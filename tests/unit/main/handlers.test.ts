import { describe, expect, it, vi } from 'vitest'
import type { BackupStore } from '../../../main/backup/backups'
import { createHandle, type InvokeEventLike } from '../../../main/ipc/handle'
import { type HostDeps, registerHostHandlers } from '../../../main/ipc/handlers'
import { HostError } from '../../../main/ipc/host-error'
import { createReadySignals } from '../../../main/report/ready-signals'
import { type InvokeChannel, invokeChannels } from '../../../shared/ipc/channels'

const appPage: InvokeEventLike = {
  sender: { id: 1 },
  senderFrame: { url: 'app://carbon-ledger/index.html', parent: null }
}
const reportPage: InvokeEventLike = {
  sender: { id: 2 },
  senderFrame: { url: 'app://carbon-ledger/report.html?quarter=2026-Q3', parent: null }
}
const csvFilters = [{ name: 'CSV', extensions: ['csv'] }]

function setUp(overrides: Partial<HostDeps> = {}) {
  const listeners = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>()
  const deps: HostDeps = {
    showOpenDialog: vi.fn(async () => []),
    showSaveDialog: vi.fn(async () => null),
    readTextFile: vi.fn(async (path: string) => ({ name: path.split('/').at(-1) ?? '', sizeBytes: 3, text: 'a,b' })),
    writeFileAtomic: vi.fn(async () => undefined),
    showFolderDialog: vi.fn(async () => null),
    writeNewFolder: vi.fn(async (parent: string, name: string) => `${parent}/${name}`),
    printReport: vi.fn(async () => undefined),
    readySignals: createReadySignals(),
    appInfo: () => ({
      name: 'Carbon Ledger',
      version: '0.1.0',
      platform: 'linux',
      arch: 'x64',
      electronVersion: '40.10.2',
      chromeVersion: '144.0',
      isPackaged: false
    }),
    openExternal: vi.fn(async () => undefined),
    backups: {} as BackupStore,
    diskFreeBytes: vi.fn(async () => 1e9),
    ...overrides
  }
  registerHostHandlers(createHandle({ handle: (channel, listener) => listeners.set(channel, listener) }, vi.fn()), deps)
  const call = (channel: InvokeChannel, event: InvokeEventLike, ...args: unknown[]) =>
    listeners.get(channel)?.(event, ...args)
  return { deps, call, listeners }
}

describe('registerHostHandlers', () => {
  it('registers every channel of the contract but the watched folders (registerWatchHandlers)', () => {
    expect([...setUp().listeners.keys()].sort()).toEqual(
      Object.values(invokeChannels)
        .filter((channel) => !channel.startsWith('watch:'))
        .sort()
    )
  })

  it('saves a file: sanitised name in the dialog, content written atomically to the chosen path', async () => {
    const { deps, call } = setUp({ showSaveDialog: vi.fn(async () => '/home/me/Documents/q3.csv') })
    const result = await call(invokeChannels.saveFile, appPage, {
      suggestedName: '../Q3: runs.csv',
      content: 'a,b\n',
      filters: csvFilters
    })
    expect(result).toEqual({ ok: true, value: { status: 'saved', path: '/home/me/Documents/q3.csv' } })
    expect(deps.showSaveDialog).toHaveBeenCalledWith({ defaultName: 'Q3- runs.csv', filters: csvFilters })
    expect(deps.writeFileAtomic).toHaveBeenCalledWith('/home/me/Documents/q3.csv', 'a,b\n')
  })

  it('writes nothing when the save dialog is cancelled', async () => {
    const { deps, call } = setUp()
    expect(await call(invokeChannels.saveFile, appPage, { suggestedName: 'x.csv', content: 'x', filters: [] })).toEqual(
      { ok: true, value: { status: 'cancelled' } }
    )
    expect(deps.writeFileAtomic).not.toHaveBeenCalled()
  })

  it('saves files together in a new folder inside the one chosen, every name sanitised', async () => {
    const { deps, call } = setUp({ showFolderDialog: vi.fn(async () => '/home/me/Reports') })
    const result = await call(invokeChannels.saveFolder, appPage, {
      suggestedName: 'carbon-report-2025-Q1',
      title: 'Ordner wählen',
      files: [
        { name: 'runs.csv', content: 'a\n' },
        { name: '../README.txt', content: 'r' }
      ]
    })
    expect(result).toEqual({ ok: true, value: { status: 'saved', path: '/home/me/Reports/carbon-report-2025-Q1' } })
    expect(deps.showFolderDialog).toHaveBeenCalledWith({ title: 'Ordner wählen' })
    expect(deps.writeNewFolder).toHaveBeenCalledWith('/home/me/Reports', 'carbon-report-2025-Q1', [
      { name: 'runs.csv', content: 'a\n' },
      { name: 'README.txt', content: 'r' }
    ])
  })

  it('writes no folder when its dialog is cancelled, and refuses two files of one name', async () => {
    const { deps, call } = setUp()
    const files = [{ name: 'a.csv', content: '' }]
    expect(await call(invokeChannels.saveFolder, appPage, { suggestedName: 'r', title: '', files })).toEqual({
      ok: true,
      value: { status: 'cancelled' }
    })
    expect(deps.writeNewFolder).not.toHaveBeenCalled()
    const twice = await call(invokeChannels.saveFolder, appPage, {
      suggestedName: 'r',
      title: '',
      files: [...files, ...files]
    })
    expect(twice).toMatchObject({ ok: false })
    expect(deps.showFolderDialog).toHaveBeenCalledTimes(1)
  })

  it('opens files one after another and returns names and text', async () => {
    const { call } = setUp({ showOpenDialog: vi.fn(async () => ['/data/a.csv', '/data/b.csv']) })
    expect(await call(invokeChannels.openFiles, appPage, { filters: csvFilters, multiple: true })).toEqual({
      ok: true,
      value: [
        { name: 'a.csv', sizeBytes: 3, text: 'a,b' },
        { name: 'b.csv', sizeBytes: 3, text: 'a,b' }
      ]
    })
  })

  it('asks where to save the PDF before rendering, and renders nothing when cancelled', async () => {
    const { deps, call } = setUp()
    const result = await call(invokeChannels.printReportToPdf, appPage, {
      suggestedName: 'report',
      params: { quarter: '2026-Q3' }
    })
    expect(result).toEqual({ ok: true, value: { status: 'cancelled' } })
    expect(deps.printReport).not.toHaveBeenCalled()
    const saving = setUp({ showSaveDialog: vi.fn(async () => '/r/q3.pdf') })
    expect(
      await saving.call(invokeChannels.printReportToPdf, appPage, {
        suggestedName: 'q3.pdf',
        params: { quarter: '2026-Q3' }
      })
    ).toEqual({
      ok: true,
      value: { status: 'saved', path: '/r/q3.pdf' }
    })
    expect(saving.deps.printReport).toHaveBeenCalledWith({ quarter: '2026-Q3' }, '/r/q3.pdf')
  })

  it('accepts report:ready only from the window that waits for it', async () => {
    const { deps, call } = setUp()
    expect(await call(invokeChannels.reportReady, appPage, { ok: true })).toEqual({
      ok: false,
      error: 'No report is waiting for this page.'
    })
    const waiting = deps.readySignals.waitFor(2, 1000)
    expect(await call(invokeChannels.reportReady, reportPage, { ok: true })).toEqual({ ok: true, value: null })
    await expect(waiting).resolves.toBeUndefined()
  })

  it('opens allowlisted links only, with the normalised URL', async () => {
    const { deps, call } = setUp()
    expect(await call(invokeChannels.openLink, appPage, { url: 'https://GITHUB.com/x' })).toEqual({
      ok: true,
      value: { opened: true }
    })
    expect(await call(invokeChannels.openLink, appPage, { url: 'file:///etc/passwd' })).toEqual({
      ok: true,
      value: { opened: false }
    })
    expect(await call(invokeChannels.openLink, appPage, { url: 'https://github.com.evil.example/' })).toEqual({
      ok: true,
      value: { opened: false }
    })
    expect(deps.openExternal).toHaveBeenCalledTimes(1)
    expect(deps.openExternal).toHaveBeenCalledWith('https://github.com/x')
  })

  it('passes a readable file error through to the renderer', async () => {
    const { call } = setUp({
      showOpenDialog: vi.fn(async () => ['/data/huge.csv']),
      readTextFile: vi.fn(async () => {
        throw new HostError('huge.csv is 300.0 MB; files up to 200.0 MB can be opened.')
      })
    })
    expect(await call(invokeChannels.openFiles, appPage, { filters: [], multiple: false })).toEqual({
      ok: false,
      error: 'huge.csv is 300.0 MB; files up to 200.0 MB can be opened.'
    })
  })
})
