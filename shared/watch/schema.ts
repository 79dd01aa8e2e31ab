// Watched folders (issue 14): the shapes main keeps in its state file and sends to the renderer over IPC.
import { z } from 'zod'
import { slurmPartitionSchema } from '../import/types'

export const watchedFolderSchema = z.strictObject({
  id: z.string().min(1),
  path: z.string().min(1),
  paused: z.boolean(),
  /** The IANA zone of the folder's zone-less timestamps (the cluster's for sacct files). */
  timeZone: z.string().min(1).optional(),
  slurmPartitions: z.record(z.string(), slurmPartitionSchema).optional()
})
export type WatchedFolder = z.infer<typeof watchedFolderSchema>

/** What Settings edits on a folder: its zone and partitions (null: forget it, the lab's own apply). */
export const watchFolderSettingsSchema = z.strictObject({
  timeZone: z.string().min(1).max(100).nullable(),
  slurmPartitions: z.record(z.string().min(1).max(200), slurmPartitionSchema).nullable()
})
export type WatchFolderSettings = z.infer<typeof watchFolderSettingsSchema>

export const watchLogEntrySchema = z.strictObject({
  atMs: z.number(),
  folderId: z.string(),
  file: z.string(),
  outcome: z.enum(['imported', 'unchanged', 'skipped', 'failed']),
  runs: z.number().int().nonnegative(),
  /** In English; for 'skipped' and 'failed' why. */
  detail: z.string()
})
export type WatchLogEntry = z.infer<typeof watchLogEntrySchema>

/** The folders and the import log, as the Settings section shows them. */
export const watchOverviewSchema = z.strictObject({
  folders: z.array(watchedFolderSchema),
  log: z.array(watchLogEntrySchema)
})
export type WatchOverview = z.infer<typeof watchOverviewSchema>

export const watchedFileSchema = z.strictObject({
  name: z.string().min(1).max(255),
  format: z.enum(['codecarbon', 'nvidia-smi', 'slurm']),
  text: z.string()
})

/** What the renderer stored from each file of a batch (in the batch's order); error when a file could not be stored. */
export const watchFileResultSchema = z.strictObject({
  name: z.string(),
  runs: z.number().int().nonnegative(),
  error: z.string().max(2000).optional()
})
export type WatchFileResult = z.infer<typeof watchFileResultSchema>
