// The one interface the renderer uses to reach outside its page. In Electron it is window.api (main/preload, backed by
// IPC and validated against shared/ipc/contract); in a plain browser the renderer supplies a web implementation
// (downloads, <input type=file>, window.print, no backups folder).
import type {
  AppInfo,
  BackupArchive,
  BackupEntry,
  BackupStatus,
  BackupWritten,
  HostEvent,
  OpenedFile,
  OpenFilesRequest,
  PrintReportRequest,
  ReportReadySignal,
  SaveFileRequest,
  SaveOutcome
} from './ipc/contract'

export interface HostApi {
  /** Asks the user for files to import and returns their text; [] when the dialog is cancelled. */
  openFiles(request: OpenFilesRequest): Promise<OpenedFile[]>
  /** Save dialog, then writes the text atomically. */
  saveFile(request: SaveFileRequest): Promise<SaveOutcome>
  /** Save dialog, then renders report.html?params in a hidden window and prints it to an A4 PDF. */
  printReportToPdf(request: PrintReportRequest): Promise<SaveOutcome>
  /** Called once by report.html when it has finished rendering (or failed); see reportReadySignalSchema. */
  signalReportReady(signal: ReportReadySignal): Promise<void>
  appInfo(): Promise<AppInfo>
  /** Opens an https link in the user's browser if it is on the allowlist; false when refused. */
  openLink(url: string): Promise<boolean>
  /** Whether today's automatic backup is still due, and the latest one. */
  backupStatus(): Promise<BackupStatus>
  /** Writes today's automatic backup (the ledger archive as JSON) and rotates old ones. */
  writeBackup(archiveJson: string): Promise<BackupWritten>
  listBackups(): Promise<BackupEntry[]>
  readBackup(fileName: string): Promise<BackupArchive>
  /** Menu actions and archives chosen for restore; returns the function that unsubscribes. */
  onHostEvent(listener: (event: HostEvent) => void): () => void
}

export type {
  AppInfo,
  BackupArchive,
  BackupEntry,
  BackupStatus,
  BackupWritten,
  HostEvent,
  OpenedFile,
  OpenFilesRequest,
  PrintReportRequest,
  ReportReadySignal,
  SaveFileRequest,
  SaveOutcome
}
