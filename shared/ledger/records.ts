import { z } from 'zod'
import { rangeSchema } from '../domain/range'
import { storedResultSchema } from '../domain/result'
import { runInputSchema } from '../domain/run'
import { monthOf } from './period'

/**
 * The rows the ledger stores, one zod schema per table. They are the single source of truth for the repository
 * types and for validating a backup archive. Times are epoch milliseconds (numbers sort and index correctly;
 * ISO strings with different offsets do not).
 */
const epochMs = z.number().int().nonnegative()
const id = z.string().min(1)

export const projectRecordSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  description: z.string().max(2000).default(''),
  /** The import batch that created it: undoing any import removes such a project once it is empty (issue 16). */
  createdByImport: id.optional(),
  createdAt: epochMs,
  updatedAt: epochMs
})
export type ProjectRecord = z.infer<typeof projectRecordSchema>

const runRecordObject = z.object({
  id,
  projectId: id,
  /** input.person, trimmed: indexed for per-person lists. */
  person: z.string(),
  startedAtMs: z.number().int(),
  /** The UTC month of startedAtMs, the month the rollups count the run in: indexed with emissionsKg for a period's largest runs. */
  startMonth: z.string().regex(/^\d{4}-\d{2}$/),
  input: runInputSchema,
  /** The figures; the trace, assumptions and sources only in results stored before they were built on demand. */
  result: storedResultSchema,
  /** result.emissionsKg.value, copied out so that top-N runs is an index walk. */
  emissionsKg: z.number(),
  /** Which data version and lab defaults computed the result (see computeStamp()). */
  computeStamp: z.string(),
  /** The import batch that created the run; '' for runs entered by hand. */
  importId: z.string(),
  createdAt: epochMs,
  updatedAt: epochMs
})

/**
 * A stored run. Runs written before schema version 2 (in backups, trash and superseded copies) have no startMonth:
 * it is derived from startedAtMs, so every copy of a run parses to the current shape.
 */
export const runRecordSchema = z.preprocess(
  (raw) =>
    raw !== null &&
    typeof raw === 'object' &&
    !('startMonth' in raw) &&
    'startedAtMs' in raw &&
    Number.isFinite(raw.startedAtMs)
      ? { ...raw, startMonth: monthOf(raw.startedAtMs as number) }
      : raw,
  runRecordObject
)
export type RunRecord = z.infer<typeof runRecordSchema>

export const importBatchSchema = z.object({
  id,
  format: z.string(),
  fileName: z.string(),
  importedAt: epochMs,
  /** What the commit did: runs created, runs changed (their previous versions are kept for undo), runs left as they were. */
  added: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  /** Rows of the file the importer rejected. */
  skipped: z.number().int().nonnegative(),
  updatedAt: epochMs
})
export type ImportBatch = z.infer<typeof importBatchSchema>

/** The version of a run an import batch replaced, so that undoing the batch puts it back. */
export const supersededRunSchema = z.object({ importId: id, runId: id, previous: runRecordSchema })
export type SupersededRun = z.infer<typeof supersededRunSchema>

/** A deleted run, restorable by the deletion it was part of. */
export const trashEntrySchema = z.object({ id, deletionId: id, deletedAt: epochMs, run: runRecordSchema })
export type TrashEntry = z.infer<typeof trashEntrySchema>

/** A remembered mapping of a source's project name (CodeCarbon project_name) to a ledger project. */
export const projectMappingSchema = z.object({
  id,
  sourceKind: z.string().min(1),
  sourceName: z.string(),
  projectId: id,
  updatedAt: epochMs
})
export type ProjectMapping = z.infer<typeof projectMappingSchema>

/** Key/value settings; each value is validated by the repository that owns its key. */
export const settingRecordSchema = z.object({ key: id, value: z.unknown(), updatedAt: epochMs })
export type SettingRecord = z.infer<typeof settingRecordSchema>

/** Sums of one rollup cell. Ranges are summed bound by bound. */
export const rollupSumsSchema = z.object({
  /** Runs that started in this month (a run is counted once, in its first month). */
  runs: z.number(),
  energyKWh: rangeSchema,
  emissionsKg: rangeSchema,
  marketEmissionsKg: rangeSchema,
  embodiedKg: rangeSchema,
  gpuHours: z.number()
})
export type RollupSums = z.infer<typeof rollupSumsSchema>

/** The dimensions a rollup cell is keyed by (besides its month). */
export const rollupDimensionSchema = z.enum([
  'project',
  'person',
  'hardwareClass',
  'hardwareModel',
  'location',
  'source'
])
export type RollupDimension = z.infer<typeof rollupDimensionSchema>

/**
 * One rollup cell. Level 'pm' keys by project × month only (the hot query: quarterly totals by project);
 * level 'all' keys by every dimension × month. Both are maintained in the transaction that writes the runs.
 */
export const rollupRecordSchema = rollupSumsSchema.extend({
  key: id,
  level: z.enum(['pm', 'all']),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  project: z.string(),
  person: z.string(),
  hardwareClass: z.string(),
  hardwareModel: z.string(),
  location: z.string(),
  source: z.string(),
  /** How many run portions contribute; the cell is deleted when it reaches 0 (sums alone would keep float dust). */
  members: z.number().int().nonnegative()
})
export type RollupRecord = z.infer<typeof rollupRecordSchema>
