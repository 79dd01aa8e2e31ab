import { z } from 'zod'
import type { RunInput } from '../domain/run'
import { importErrorSchema, importFormatSchema, importWarningSchema } from '../import/types'
import { canonicalJson, hash128, sameJson } from './canonical'
import type { RunRecord } from './records'

/**
 * The id of an imported run: a hash of its source kind and the id the source gives it, so that importing the
 * same file again (or a renamed copy) upserts instead of duplicating. Without an external id the run's own
 * content is its identity.
 */
export const stableRunId = (input: RunInput, externalId: string | undefined): string =>
  `${input.source.kind}-${hash128(`${input.source.kind}\u001f${externalId ?? canonicalJson(input)}`)}`

export type ImportAction = 'add' | 'update' | 'unchanged'

/** Whether a stored run must change: its input differs, or its project, or it was computed with other data. */
export const classifyImport = (
  incoming: { input: RunInput; projectId: string },
  stored: RunRecord | undefined,
  computeStamp: string
): ImportAction => {
  if (!stored) return 'add'
  const same =
    stored.projectId === incoming.projectId &&
    stored.computeStamp === computeStamp &&
    sameJson(stored.input, incoming.input)
  return same ? 'unchanged' : 'update'
}

/**
 * The version of the method and of what a result holds. Raised when either changes, so that stored runs are
 * recomputed: 2 = the trace and assumptions as messages (shown in the app's language); 3 = a device named by its
 * family only ("A100") counts with the span of its models' TDPs instead of 0 W; 4 = issue 11: the power model
 * (idle and full-load fractions of TDP), cloud regions at their grid's intensity, market-based without offsets;
 * 5 = issue 12: a run's hourly intensity weighted by its measured energy per hour (nvidia-smi logs), traced as such;
 * 6 = a run past every yearly series takes the grid entry (zone or country) with the nearest year, not the first.
 */
export const METHOD_VERSION = 6

/** The stamp of a computation: method version, data version and lab defaults. A run with another stamp is due a recompute. */
export const computeStamp = (dataVersion: string, labDefaults: unknown): string =>
  `r${METHOD_VERSION}:${dataVersion}#${hash128(canonicalJson(labDefaults))}`

/**
 * An engine's stamp for these lab defaults: only the part a run's result depends on (`resultPart`; the app's leaves
 * out contractual instruments and offsets, applied where figures are summed), so saving those recomputes no run.
 */
export const engineStamp = <L>(engine: { dataVersion: string; resultPart?: (lab: L) => unknown }, lab: L): string =>
  computeStamp(engine.dataVersion, engine.resultPart ? engine.resultPart(lab) : lab)

/** Where the runs of one source project name go: an existing project, or a new one of that name. */
export const projectPlanLineSchema = z.object({
  sourceName: z.string(),
  action: z.enum(['map', 'create']),
  /** The existing project's id (action 'map'). */
  projectId: z.string().optional(),
  projectName: z.string(),
  runs: z.number().int().nonnegative()
})

/** What an import would do to the ledger, before it is written: counts by action, refusals, and the projects. */
export const importPreviewSchema = z.object({
  format: importFormatSchema,
  fileName: z.string(),
  runsFound: z.number().int().nonnegative(),
  added: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  /** Rows the importer rejected and runs the ledger refused, with the reason. */
  skipped: z.array(importErrorSchema),
  warnings: z.array(importWarningSchema),
  /** Per source project name: the ledger project it maps to, or 'create' with the name it will get. */
  projects: z.array(projectPlanLineSchema)
})
export type ImportPreview = z.infer<typeof importPreviewSchema>
