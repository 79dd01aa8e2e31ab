// The one interface the renderer uses to reach outside its page. In Electron it is window.api (main/preload, backed by
// IPC and validated against shared/ipc/contract); in a plain browser the renderer supplies a web implementation
// (downloads, <input type=file>, window.print, no backups folder).
import type {
  AppInfo,
  ArchiveHandle,
  ArchiveTarget,
  ArchiveWriteOpened,
  ArchiveWritten,
  BackupEntry,
  BackupStatus,
  HostEvent,
  OpenedFile,
  OpenFilesRequest,
  PrintReportRequest,
  ReportReadySignal,
  SaveFileRequest,
  SaveFolderRequest,
  SaveOutcome
} from './ipc/contract'
import type { WatchFileResult, WatchFolderSettings, WatchOverview } from './watch/schema'

export interface HostApi {
  /** Asks the user for files to import and returns their text; [] when the dialog is cancelled. */
  openFiles(request: OpenFilesRequest): Promise<OpenedFile[]>
  /** Save dialog, then writes the text atomically. */
  saveFile(request: SaveFileRequest): Promise<SaveOutcome>
  /**
   * Several files saved together: in the desktop app a new folder of that name inside the folder the user chooses
   * (the outcome's path is the new folder); in a browser one zip download (the path is the zip's name).
   */
  saveFolder(request: SaveFolderRequest): Promise<SaveOutcome>
  /** Save dialog, then renders report.html?params in a hidden window and prints it to an A4 PDF. */
  printReportToPdf(request: PrintReportRequest): Promise<SaveOutcome>
  /** Called once by report.html when it has finished rendering (or failed); see reportReadySignalSchema. */
  signalReportReady(signal: ReportReadySignal): Promise<void>
  appInfo(): Promise<AppInfo>
  /** Opens an https link in the user's browser if it is on the allowlist; false when refused. */
  openLink(url: string): Promise<boolean>
  /** Whether today's automatic backup is still due, and the latest one. */
  backupStatus(): Promise<BackupStatus>
  listBackups(): Promise<BackupEntry[]>
  /**
   * Archives are written as a stream (never one string): open (the save dialog for 'save'), chunks in order, then
   * close, which reads the file back, counts and checks it, renames it into place atomically and only then rotates
   * older automatic backups. abort discards the temporary file.
   */
  openArchiveWrite(target: ArchiveTarget): Promise<ArchiveWriteOpened>
  writeArchiveChunk(writeId: string, bytes: Uint8Array): Promise<void>
  closeArchiveWrite(writeId: string): Promise<ArchiveWritten>
  abortArchiveWrite(writeId: string): Promise<void>
  /** An archive to restore: chosen by the user (null when cancelled), or an automatic backup by name. */
  chooseArchive(title: string): Promise<ArchiveHandle | null>
  openBackup(fileName: string): Promise<ArchiveHandle>
  /** Up to ARCHIVE_READ_BYTES from offset; empty at the end. */
  readArchiveChunk(readId: string, offset: number): Promise<Uint8Array>
  closeArchive(readId: string): Promise<void>
  /** Free bytes on the disk holding the ledger; undefined where the host cannot tell (a browser). */
  diskFreeBytes(): Promise<number | undefined>
  /** Menu actions and archives chosen for restore; returns the function that unsubscribes. */
  onHostEvent(listener: (event: HostEvent) => void): () => void
  /** Watched folders (issue 14); null where the host has no file system to watch (a browser). */
  watchedFolders: WatchedFoldersApi | null
}

export interface WatchedFoldersApi {
  list(): Promise<WatchOverview>
  /** Main's folder dialog; null when cancelled. timeZone: the IANA zone of the folder's zone-less timestamps. */
  add(timeZone?: string): Promise<WatchOverview | null>
  remove(id: string): Promise<WatchOverview>
  setPaused(id: string, paused: boolean): Promise<WatchOverview>
  /** The folder's remembered zone and partitions (null forgets one); files imported from now on use them. */
  update(id: string, settings: WatchFolderSettings): Promise<WatchOverview>
  /** The answer to a 'watch-batch' host event: what each of its files stored. */
  batchDone(batchId: string, results: WatchFileResult[]): Promise<void>
}

export type {
  AppInfo,
  ArchiveHandle,
  ArchiveTarget,
  ArchiveWriteOpened,
  ArchiveWritten,
  BackupEntry,
  BackupStatus,
  HostEvent,
  OpenedFile,
  OpenFilesRequest,
  PrintReportRequest,
  ReportReadySignal,
  SaveFileRequest,
  SaveFolderRequest,
  SaveOutcome,
  WatchFileResult,
  WatchOverview
}
