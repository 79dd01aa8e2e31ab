import { z } from 'zod'
import { type DeviceKind, locationInputSchema, runInputSchema } from '../domain/run'
import { messageSchema } from '../messages/message'

export const importFormatSchema = z.enum(['codecarbon', 'nvidia-smi', 'ledger-csv', 'ledger-json', 'slurm'])
export type ImportFormat = z.infer<typeof importFormatSchema>

/** A problem that kept a row (a run, in JSON) out of the import. row is 1-based with the header as row 1. */
export const importErrorSchema = z.object({
  row: z.number().int().nonnegative(),
  field: z.string(),
  /** In English, naming the file, row and field. */
  message: z.string().min(1),
  /** The same as a message, for the app's language; absent where the text is zod's own. */
  msg: messageSchema.optional()
})
export type ImportError = z.infer<typeof importErrorSchema>

export const importWarningSchema = z.object({
  row: z.number().int().nonnegative().optional(),
  field: z.string().optional(),
  message: z.string().min(1),
  msg: messageSchema.optional()
})
export type ImportWarning = z.infer<typeof importWarningSchema>

export const importedRunSchema = z.object({
  /** Stable across re-imports of the same file: the key of an idempotent upsert. */
  externalId: z.string().min(1),
  /**
   * Where the run is in its file, as its errors and warnings count: the CSV row (header = row 1), or in JSON its
   * position in the list; absent for a run made of the whole file (an nvidia-smi log).
   */
  row: z.number().int().positive().optional(),
  input: runInputSchema,
  /** 'reported': the file gave emissions (kept in input.reportedEmissionsKg); 'computed': it gave none. */
  emissionsSource: z.enum(['reported', 'computed']),
  /** What the user should know about this run's figures (assumptions, fallbacks). */
  warnings: z.array(z.string()),
  /** The same warnings as messages (same order). */
  warningMsgs: z.array(messageSchema).optional(),
  /**
   * CodeCarbon's tracking_mode: 'machine' measured the whole machine (every rank of a distributed run measured the
   * same), 'process' only the tracking process.
   */
  trackingMode: z.enum(['machine', 'process']).optional()
})
export type ImportedRun = z.infer<typeof importedRunSchema>

export const importResultSchema = z.object({
  format: importFormatSchema,
  fileName: z.string(),
  /** Data rows read (header and blank lines excluded); for JSON, the runs read. */
  rows: z.number().int().nonnegative(),
  /** Of those, the rows rejected: each counts once however many errors it has (errors lists every one). */
  skippedRows: z.number().int().nonnegative(),
  runs: z.array(importedRunSchema),
  errors: z.array(importErrorSchema),
  warnings: z.array(importWarningSchema),
  /** Slurm: the partitions whose hardware or location the lab has not set yet (the preview asks for them). */
  partitionsUnset: z.array(z.string()).optional()
})
export type ImportResult = z.infer<typeof importResultSchema>

/**
 * What the ledger takes to preview or store an import: an importer's result (or a test's or benchmark's own runs).
 * Each run's input is a draft the ledger validates again; a run without an external id is known by its content.
 */
export const importSourceSchema = importResultSchema
  .pick({ format: true, fileName: true, errors: true, warnings: true })
  .extend({
    skippedRows: importResultSchema.shape.skippedRows.optional(),
    runs: z.array(
      importedRunSchema.pick({ externalId: true, warnings: true }).partial().extend({ input: runInputSchema })
    )
  })
/** The input side: run inputs as drafts (defaults not yet applied), which every ImportResult is. */
export type ImportSource = z.input<typeof importSourceSchema>

/**
 * What the lab sets once for a Slurm partition (and the app remembers): the hardware of its nodes, as catalogue names
 * or ids, and where they are. Absent: the GPU type of AllocTRES names the GPU, and the location is unknown.
 */
export const slurmPartitionSchema = z.object({
  gpu: z.string().min(1).max(200).optional(),
  cpu: z.string().min(1).max(200).optional(),
  location: locationInputSchema.optional()
})
export type SlurmPartition = z.infer<typeof slurmPartitionSchema>

export interface HardwareMatch {
  id: string
  name: string
  /** 0–1; below HARDWARE_MATCH_THRESHOLD (shared/refdata/hardware.ts) it is only suggested, in a warning. */
  confidence: number
}

/** Options hold a function (the injected catalogue matcher), so they are a TypeScript type, not a zod schema. */
export interface ImportOptions {
  fileName: string
  matchHardware?: (text: string, kind: DeviceKind) => HardwareMatch | undefined
  /**
   * Offset of the clock that wrote zone-less timestamps, minutes east of UTC (CET = 60). Absent: UTC is assumed,
   * with one warning for the file.
   */
  timeZoneOffsetMinutes?: number
  /**
   * The IANA zone of zone-less timestamps (Slurm: the zone sacct ran in, e.g. Europe/Berlin), daylight saving
   * included; wins over timeZoneOffsetMinutes. Read by the Slurm importer.
   */
  timeZone?: string
  /** Slurm partition name → its hardware and location. */
  slurmPartitions?: Record<string, SlurmPartition>
  /** Columns of an nvidia-smi log written with `noheader`; absent: DEFAULT_NVIDIA_SMI_COLUMNS. */
  nvidiaSmiColumns?: string[]
}

export interface Importer {
  push(chunk: string): void
  finish(): ImportResult
}
