import type { RunInput } from '../domain/run'
import { canonicalJson, hash128 } from './canonical'
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
    canonicalJson(stored.input) === canonicalJson(incoming.input)
  return same ? 'unchanged' : 'update'
}

/**
 * The form of a stored result. Raised when what a result holds changes, so that stored runs are recomputed into the
 * new form: 2 = the trace and assumptions as messages (shown in the app's language).
 */
export const RESULT_FORM = 2

/** The stamp of a computation: result form, data version and lab defaults. A run with another stamp is due a recompute. */
export const computeStamp = (dataVersion: string, labDefaults: unknown): string =>
  `r${RESULT_FORM}:${dataVersion}#${hash128(canonicalJson(labDefaults))}`
