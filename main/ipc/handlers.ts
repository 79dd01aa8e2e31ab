// What each IPC channel does, over injected dialogs, files and windows (the Electron adapter supplies them).
import { invokeChannels } from '../../shared/ipc/channels'
import { type AppInfo, type FileFilter, MAX_OPEN_FILES, type OpenedFile } from '../../shared/ipc/contract'
import type { BackupStore } from '../backup/backups'
import { sanitizeFileName } from '../files/file-name'
import type { ReadySignals } from '../report/ready-signals'
import { allowedExternalUrl } from '../security/external-links'
import type { createHandle } from './handle'
import { HostError } from './host-error'

export interface HostDeps {
  /** Paths chosen, [] when cancelled. */
  showOpenDialog(options: { title?: string; filters: FileFilter[]; multiple: boolean }): Promise<string[]>
  /** The path chosen, null when cancelled. defaultName is already sanitised. */
  showSaveDialog(options: { defaultName: string; filters: FileFilter[] }): Promise<string | null>
  readTextFile(path: string): Promise<OpenedFile>
  writeFileAtomic(path: string, data: string | Uint8Array): Promise<void>
  /** The folder chosen to hold a new one, null when cancelled. */
  showFolderDialog(options: { title: string }): Promise<string | null>
  /** Makes a new folder `name` in `parent` (never reusing one) and writes the files in it; returns its path. */
  writeNewFolder(parent: string, name: string, files: { name: string; content: string }[]): Promise<string>
  printReport(params: Record<string, string>, targetPath: string): Promise<void>
  readySignals: ReadySignals
  appInfo(): AppInfo
  openExternal(url: string): Promise<void>
  backups: BackupStore
  /** Free bytes of the disk holding the ledger (userData); null when it cannot be told. */
  diskFreeBytes(): Promise<number | null>
}

export const ARCHIVE_FILTERS: FileFilter[] = [{ name: 'Carbon Ledger backup', extensions: ['gz', 'json'] }]

export const PDF_FILTERS: FileFilter[] = [{ name: 'PDF document', extensions: ['pdf'] }]

export function registerHostHandlers(handle: ReturnType<typeof createHandle>, deps: HostDeps): void {
  handle(invokeChannels.openFiles, async ({ title, filters, multiple }) => {
    const paths = await deps.showOpenDialog({ title, filters, multiple })
    if (paths.length > MAX_OPEN_FILES)
      throw new HostError(`Choose at most ${MAX_OPEN_FILES} files at a time (${paths.length} chosen).`)
    const files: OpenedFile[] = []
    // One at a time: two 100 MB files decoded at once would double the peak memory for no gain.
    for (const path of paths) files.push(await deps.readTextFile(path))
    return files
  })

  handle(invokeChannels.saveFile, async ({ suggestedName, content, filters }) => {
    const path = await deps.showSaveDialog({ defaultName: sanitizeFileName(suggestedName), filters })
    if (path === null) return { status: 'cancelled' as const }
    await deps.writeFileAtomic(path, content)
    return { status: 'saved' as const, path }
  })

  handle(invokeChannels.saveFolder, async ({ suggestedName, title, files }) => {
    const parent = await deps.showFolderDialog({ title })
    if (parent === null) return { status: 'cancelled' as const }
    const named = files.map((f) => ({ name: sanitizeFileName(f.name), content: f.content }))
    const path = await deps.writeNewFolder(parent, sanitizeFileName(suggestedName, 'carbon-ledger-export'), named)
    return { status: 'saved' as const, path }
  })

  handle(invokeChannels.printReportToPdf, async ({ suggestedName, params }) => {
    // The dialog first: a user who cancels should not wait for a report to render.
    const path = await deps.showSaveDialog({
      defaultName: sanitizeFileName(suggestedName, 'carbon-ledger-report.pdf'),
      filters: PDF_FILTERS
    })
    if (path === null) return { status: 'cancelled' as const }
    await deps.printReport(params, path)
    return { status: 'saved' as const, path }
  })

  handle(invokeChannels.reportReady, (signal, { senderId }) => {
    if (!deps.readySignals.signal(senderId, signal)) throw new HostError('No report is waiting for this page.')
    return null
  })

  handle(invokeChannels.appInfo, () => deps.appInfo())

  handle(invokeChannels.openLink, async ({ url }) => {
    const allowed = allowedExternalUrl(url)
    if (allowed === null) return { opened: false }
    await deps.openExternal(allowed)
    return { opened: true }
  })

  handle(invokeChannels.backupStatus, () => deps.backups.status())
  handle(invokeChannels.listBackups, () => deps.backups.list())
  handle(invokeChannels.archiveWriteOpen, (target) => deps.backups.openWrite(target))
  handle(invokeChannels.archiveWriteChunk, async ({ writeId, bytes }) => {
    await deps.backups.writeChunk(writeId, bytes)
    return null
  })
  handle(invokeChannels.archiveWriteClose, ({ writeId }) => deps.backups.close(writeId))
  handle(invokeChannels.archiveWriteAbort, async ({ writeId }) => {
    await deps.backups.abort(writeId)
    return null
  })
  handle(invokeChannels.archiveChoose, async ({ title }) => {
    const [path] = await deps.showOpenDialog({ title, filters: ARCHIVE_FILTERS, multiple: false })
    return path === undefined ? null : deps.backups.openPath(path)
  })
  handle(invokeChannels.backupOpen, ({ fileName }) => deps.backups.openBackup(fileName))
  handle(invokeChannels.archiveReadChunk, ({ readId, offset }) => deps.backups.readChunk(readId, offset))
  handle(invokeChannels.archiveReadClose, ({ readId }) => {
    deps.backups.closeRead(readId)
    return null
  })
  handle(invokeChannels.diskFree, async () => ({ freeBytes: await deps.diskFreeBytes() }))
}
