// The IPC contract: for every channel, the zod schema of its argument and of its result. Main parses both
// (shared/ipc is the single source of truth; the HostApi types are inferred from here).
import { z } from 'zod'
import {
  watchedFileSchema,
  watchedFolderSchema,
  watchFileResultSchema,
  watchFolderSettingsSchema,
  watchOverviewSchema
} from '../watch/schema'
import { hostEventChannel, type InvokeChannel, invokeChannels } from './channels'

/**
 * Largest text crossing IPC in one message (import file, CSV export, backup archive): 256 Mi UTF-16 code units,
 * about half of V8's maximum string length, so a structured clone of it cannot fail on size.
 */
export const MAX_TEXT_CHARS = 256 * 1024 * 1024

/** Largest file read for import or restore. A 100 MB CodeCarbon CSV fits with room to spare. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024

export const MAX_OPEN_FILES = 50

const fileNameSchema = z.string().min(1).max(255)

export const fileFilterSchema = z.strictObject({
  name: z.string().min(1).max(100),
  // Bare extensions as Electron's dialogs expect them ('csv', not '.csv'); '*' means any file.
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'an extension without its dot, e.g. "csv"'))
    .min(1)
    .max(20)
})
export type FileFilter = z.infer<typeof fileFilterSchema>

export const openFilesRequestSchema = z.strictObject({
  title: z.string().max(200).optional(),
  filters: z.array(fileFilterSchema).max(10),
  multiple: z.boolean()
})
export type OpenFilesRequest = z.infer<typeof openFilesRequestSchema>

export const openedFileSchema = z.strictObject({
  /** The file's base name only: the renderer never learns the folders of the user's disk. */
  name: fileNameSchema,
  sizeBytes: z.number().int().nonnegative(),
  /** Decoded text: UTF-8, or UTF-16 when the file starts with a UTF-16 byte-order mark; the BOM itself removed. */
  text: z.string().max(MAX_TEXT_CHARS)
})
export type OpenedFile = z.infer<typeof openedFileSchema>

export const saveFileRequestSchema = z.strictObject({
  /** Proposed in the save dialog after sanitising (no folders, no reserved or control characters). */
  suggestedName: fileNameSchema,
  content: z.string().max(MAX_TEXT_CHARS),
  filters: z.array(fileFilterSchema).max(10)
})
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>

/** Most files one "save together" writes (a report's CSV files and their README). */
export const MAX_FOLDER_FILES = 20

export const saveFolderRequestSchema = z.strictObject({
  /** The new folder's name (desktop: made inside the folder the user chooses) or the zip's stem (browser). */
  suggestedName: fileNameSchema,
  /** The folder dialog's title, in the app's language. */
  title: z.string().max(200),
  files: z
    .array(z.strictObject({ name: fileNameSchema, content: z.string().max(MAX_TEXT_CHARS) }))
    .min(1)
    .max(MAX_FOLDER_FILES)
    .refine((files) => new Set(files.map((f) => f.name)).size === files.length, 'file names must differ')
})
export type SaveFolderRequest = z.infer<typeof saveFolderRequestSchema>

export const saveOutcomeSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('saved'), path: z.string().min(1) }),
  z.strictObject({ status: z.literal('cancelled') })
])
export type SaveOutcome = z.infer<typeof saveOutcomeSchema>

const reportParamNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/)

export const printReportRequestSchema = z.strictObject({
  suggestedName: fileNameSchema,
  /** Becomes the query string of app://carbon-ledger/report.html, e.g. { quarter: '2026-Q3', project: 'p1' }. */
  params: z
    .record(reportParamNameSchema, z.string().max(2000))
    .refine((params) => Object.keys(params).length <= 20, 'at most 20 report parameters')
})
export type PrintReportRequest = z.infer<typeof printReportRequestSchema>

/**
 * The report page's ready signal (channel 'report:ready'). report.html, loaded in main's hidden window, calls
 * HostApi.signalReportReady exactly once: { ok: true } after its data is loaded, its charts drawn (animation off) and
 * fonts ready (`await document.fonts.ready`); { ok: false, message } when it cannot render. Main prints only after
 * { ok: true } and gives up after REPORT_READY_TIMEOUT_MS. The signal is accepted only from the hidden report window.
 */
export const reportReadySignalSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({ ok: z.literal(false), message: z.string().min(1).max(500) })
])
export type ReportReadySignal = z.infer<typeof reportReadySignalSchema>
export const REPORT_READY_TIMEOUT_MS = 60_000

export const appInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  arch: z.string(),
  electronVersion: z.string(),
  chromeVersion: z.string(),
  isPackaged: z.boolean()
})
export type AppInfo = z.infer<typeof appInfoSchema>

export const openLinkRequestSchema = z.strictObject({ url: z.string().max(2048) })

/**
 * Automatic backups are named by the local day they were taken: one a day, the newest kept. Version-3 archives are
 * gzip-compressed JSON lines (.jsonl.gz); backups written before them (.json) are still listed and restorable.
 */
export const backupFileNameSchema = z
  .string()
  .regex(
    /^carbon-ledger-backup-\d{4}-\d{2}-\d{2}\.(json|jsonl\.gz)$/,
    'a backup file name like carbon-ledger-backup-2026-01-31.jsonl.gz'
  )

export const backupEntrySchema = z.strictObject({
  fileName: backupFileNameSchema,
  /** The local day of the backup, YYYY-MM-DD. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sizeBytes: z.number().int().nonnegative()
})
export type BackupEntry = z.infer<typeof backupEntrySchema>

export const backupStatusSchema = z.strictObject({
  /** True when no backup was taken today: the renderer then streams its archive to openArchiveWrite({kind:'daily'}). */
  due: z.boolean(),
  latest: backupEntrySchema.nullable(),
  keep: z.number().int().positive()
})
export type BackupStatus = z.infer<typeof backupStatusSchema>

/** Where an archive is written: today's automatic backup, or a file the user chooses in a save dialog. */
export const archiveTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('daily') }),
  z.strictObject({ kind: z.literal('save'), suggestedName: fileNameSchema })
])
export type ArchiveTarget = z.infer<typeof archiveTargetSchema>

const sessionIdSchema = z.string().regex(/^[0-9a-f]{24}$/)

export const archiveWriteOpenedSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('open'), writeId: sessionIdSchema }),
  z.strictObject({ status: z.literal('cancelled') })
])
export type ArchiveWriteOpened = z.infer<typeof archiveWriteOpenedSchema>

/** Largest piece of an archive crossing IPC in one message (the renderer sends about 1 MiB at a time). */
export const MAX_ARCHIVE_CHUNK_BYTES = 16 * 1024 * 1024

const uint8ArraySchema = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes (a Uint8Array)')

const bytesSchema = uint8ArraySchema.refine((b) => b.byteLength <= MAX_ARCHIVE_CHUNK_BYTES, {
  message: `at most ${MAX_ARCHIVE_CHUNK_BYTES} bytes per chunk`
})

export const archiveWriteChunkSchema = z.strictObject({ writeId: sessionIdSchema, bytes: bytesSchema })

const recordNoteSchema = z.strictObject({ table: z.string(), id: z.string(), reason: z.string() })

/** A written archive after it was read back: its records counted and checked as a restore would. */
export const archiveWrittenSchema = z.strictObject({
  /** The file's base name (the daily backup's, or the one chosen in the save dialog). */
  fileName: z.string().min(1).max(255),
  /** The full path where the user chose it; absent for the automatic backups. */
  path: z.string().optional(),
  sizeBytes: z.number().int().nonnegative(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** Records a restore would refuse (then older backups were not rotated). */
  refusedCount: z.number().int().nonnegative(),
  refused: z.array(recordNoteSchema).max(200),
  /** Older automatic backups deleted by rotation. */
  removed: z.array(backupFileNameSchema)
})
export type ArchiveWritten = z.infer<typeof archiveWrittenSchema>

/** An archive opened for reading (restore): read by offset, as often as needed, then closed. */
export const archiveHandleSchema = z.strictObject({
  readId: sessionIdSchema,
  fileName: z.string().min(1).max(255),
  sizeBytes: z.number().int().nonnegative()
})
export type ArchiveHandle = z.infer<typeof archiveHandleSchema>

export const archiveReadChunkSchema = z.strictObject({
  readId: sessionIdSchema,
  offset: z.number().int().nonnegative()
})

/** Bytes returned by one archive read (the last read of a file returns fewer, then none). */
export const ARCHIVE_READ_BYTES = 4 * 1024 * 1024

const noArgs = z.undefined()

export const ipcContract = {
  [invokeChannels.openFiles]: { args: openFilesRequestSchema, result: z.array(openedFileSchema).max(MAX_OPEN_FILES) },
  [invokeChannels.saveFile]: { args: saveFileRequestSchema, result: saveOutcomeSchema },
  [invokeChannels.saveFolder]: { args: saveFolderRequestSchema, result: saveOutcomeSchema },
  [invokeChannels.printReportToPdf]: { args: printReportRequestSchema, result: saveOutcomeSchema },
  [invokeChannels.reportReady]: { args: reportReadySignalSchema, result: z.null() },
  [invokeChannels.appInfo]: { args: noArgs, result: appInfoSchema },
  [invokeChannels.openLink]: { args: openLinkRequestSchema, result: z.strictObject({ opened: z.boolean() }) },
  [invokeChannels.backupStatus]: { args: noArgs, result: backupStatusSchema },
  [invokeChannels.listBackups]: { args: noArgs, result: z.array(backupEntrySchema) },
  [invokeChannels.archiveWriteOpen]: { args: archiveTargetSchema, result: archiveWriteOpenedSchema },
  [invokeChannels.archiveWriteChunk]: { args: archiveWriteChunkSchema, result: z.null() },
  [invokeChannels.archiveWriteClose]: {
    args: z.strictObject({ writeId: sessionIdSchema }),
    result: archiveWrittenSchema
  },
  [invokeChannels.archiveWriteAbort]: { args: z.strictObject({ writeId: sessionIdSchema }), result: z.null() },
  [invokeChannels.archiveChoose]: {
    args: z.strictObject({ title: z.string().max(200) }),
    result: archiveHandleSchema.nullable()
  },
  [invokeChannels.backupOpen]: {
    args: z.strictObject({ fileName: backupFileNameSchema }),
    result: archiveHandleSchema
  },
  [invokeChannels.archiveReadChunk]: { args: archiveReadChunkSchema, result: uint8ArraySchema },
  [invokeChannels.archiveReadClose]: { args: z.strictObject({ readId: sessionIdSchema }), result: z.null() },
  [invokeChannels.diskFree]: {
    args: noArgs,
    result: z.strictObject({ freeBytes: z.number().nonnegative().nullable() })
  },
  // Watched folders (issue 14): main chooses the folder in its own dialog; the renderer never names a path.
  [invokeChannels.watchList]: { args: noArgs, result: watchOverviewSchema },
  [invokeChannels.watchAdd]: {
    args: z.strictObject({ timeZone: z.string().min(1).max(100).optional() }),
    result: watchOverviewSchema.nullable()
  },
  [invokeChannels.watchRemove]: { args: z.strictObject({ id: z.string().min(1) }), result: watchOverviewSchema },
  [invokeChannels.watchSetPaused]: {
    args: z.strictObject({ id: z.string().min(1), paused: z.boolean() }),
    result: watchOverviewSchema
  },
  /** A folder's remembered zone and partitions; null forgets one. Applies to files imported from now on. */
  [invokeChannels.watchUpdate]: {
    args: z.strictObject({ id: z.string().min(1), settings: watchFolderSettingsSchema }),
    result: watchOverviewSchema
  },
  [invokeChannels.watchBatchDone]: {
    args: z.strictObject({ batchId: sessionIdSchema, results: z.array(watchFileResultSchema).max(10_000) }),
    result: z.null()
  }
} as const satisfies Record<InvokeChannel, { args: z.ZodType; result: z.ZodType }>

export type IpcArgs<C extends InvokeChannel> = z.infer<(typeof ipcContract)[C]['args']>
export type IpcResult<C extends InvokeChannel> = z.infer<(typeof ipcContract)[C]['result']>

/** Menu commands the renderer carries out (Restore… is main's own: it sends a 'restore-archive' event instead). */
export const menuActionSchema = z.enum([
  'import',
  'export-csv',
  'export-pdf',
  'backup',
  'methodology',
  'data-sources',
  'about'
])
export type MenuAction = z.infer<typeof menuActionSchema>

/** Everything main sends on the one event channel ('host:event'). */
export const hostEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('menu'), action: menuActionSchema }),
  /** The user chose an archive in File › Restore…; the renderer confirms before replacing the ledger. */
  z.strictObject({ type: z.literal('restore-archive'), archive: archiveHandleSchema }),
  /** Files from a watched folder to import; the renderer answers with watch:batch-done and the same batchId. */
  z.strictObject({
    type: z.literal('watch-batch'),
    batchId: sessionIdSchema,
    folder: watchedFolderSchema,
    files: z.array(watchedFileSchema)
  })
])
export type HostEvent = z.infer<typeof hostEventSchema>

export { hostEventChannel, invokeChannels }
