import type { RunResult } from '../../../../shared/domain/result'
import type { RunInput } from '../../../../shared/domain/run'
import {
  reconcile,
  reconcileTotals,
  type Reconciliation,
  type ReconciliationTotals
} from '../../../../shared/emissions/reconcile'
import type { ImportedRun } from '../../../../shared/import'

/** Runs a preview reconciles: each is computed once more, so a log of 100,000 runs does not hold the page. */
export const RECONCILE_LIMIT = 2000

/** What a file's runs reported against what the ledger recomputes (import preview, issue 11). */
export interface FileReconciliation {
  totals: ReconciliationTotals
  /** Runs that carry their own emissions. */
  runsWithFigures: number
  /** Only the first RECONCILE_LIMIT of them were compared. */
  limited: boolean
}

/** Undefined when no run of the file reported emissions; a run the method cannot compute is left out. */
export function reconcileFile(
  runs: readonly ImportedRun[],
  compute: (input: RunInput) => RunResult,
  limit = RECONCILE_LIMIT
): FileReconciliation | undefined {
  const withFigures = runs.filter((r) => r.input.reportedEmissionsKg !== undefined)
  if (withFigures.length === 0) return undefined
  const list = withFigures.slice(0, limit).flatMap((run): Reconciliation[] => {
    try {
      const r = reconcile(run.input, compute(run.input))
      return r === undefined ? [] : [r]
    } catch {
      // the ledger's preview lists why such a run is skipped
      return []
    }
  })
  return { totals: reconcileTotals(list), runsWithFigures: withFigures.length, limited: withFigures.length > limit }
}
