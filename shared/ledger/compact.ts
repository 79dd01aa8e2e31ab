import type { RunResult, StoredResult } from '../domain/result'
import { english, msg } from '../messages/index'
import { canonicalJson } from './canonical'
import { computeStamp, engineStamp } from './import-plan'
import type { RunRecord } from './records'

/**
 * Compact runs (issue 15, docs/ledger.md "Storage"). A stored run keeps its input, its figures and its compute stamp
 * (method version, data version, hash of the lab defaults); the trace, assumptions and sources are rebuilt on demand
 * by computing the input again with the lab defaults of that stamp. The engine is deterministic, so the rebuilt
 * result is the one computed when the run was stored; explainResult proves it for every run it rebuilds by comparing
 * the figures, and gives the result only when they are identical.
 */

/** A run whose result carries its trace, assumptions and sources: what the run detail, reports and CSVs read. */
export type ExplainedRun = RunRecord & { result: RunResult }

/** The settings key keeping the lab defaults a stamp was computed with, so that runs left on it can be rebuilt. */
export const LAB_AT_STAMP_PREFIX = 'labDefaultsAt:'
export const labAtStampKey = (stamp: string): string => `${LAB_AT_STAMP_PREFIX}${stamp}`

/** The result as the ledger stores it: the figures only. */
export const compactResult = (result: StoredResult): StoredResult => {
  const { trace: _t, assumptions: _a, assumptionMsgs: _m, sources: _s, ...figures } = result
  return figures
}

/** Whether a stored result still holds its trace, assumptions and sources (stored before version 4, or not compacted). */
export const isExplained = (result: StoredResult): result is RunResult =>
  result.trace !== undefined && result.assumptions !== undefined && result.sources !== undefined

/** The stamp a run's result was computed to is the one these lab defaults give with this engine's data version. */
export const reproduces = <L>(
  stamp: string,
  engine: { dataVersion: string; resultPart?: (lab: L) => unknown },
  lab: L
): boolean =>
  // A run stamped before the engine left settings out of its stamp (whole lab defaults hashed) is explained too.
  engineStamp(engine, lab) === stamp || computeStamp(engine.dataVersion, lab) === stamp

/**
 * The stored figures with the trace, assumptions and sources of a recomputation, when the recomputation gives exactly
 * the stored figures (every bound of every range, the location, the data version); undefined otherwise.
 */
export const explainResult = (stored: StoredResult, recomputed: RunResult): RunResult | undefined =>
  canonicalJson(compactResult(recomputed)) === canonicalJson(compactResult(stored)) ? recomputed : undefined

/**
 * A compact result that cannot be rebuilt here (the ledger no longer has its data version or lab defaults: the app
 * was updated and the run not yet recomputed): its figures stand, and its one assumption says how to see the rest.
 */
export const unexplainedResult = (stored: StoredResult): RunResult => {
  if (isExplained(stored)) return stored
  const note = msg('assume.traceUnavailable', { dataVersion: stored.dataVersion })
  return { ...stored, trace: [], assumptions: [english(note)], assumptionMsgs: [note], sources: [] }
}

/**
 * Rebuilds the results of runs (any mix of stamps): `labOf(stamp)` gives the lab defaults a stamp was computed with
 * (undefined when unknown), `prepare` loads what the engine computes with (hourly profiles), `compute` is the engine.
 * Results stored whole are returned as they are.
 */
export async function explainRuns<L>(
  runs: readonly RunRecord[],
  engine: {
    dataVersion: string
    resultPart?: (lab: L) => unknown
    compute(input: RunRecord['input'], lab: L): RunResult
    prepare?(inputs: RunRecord['input'][], lab: L): Promise<void>
    alternatives?: ((input: RunRecord['input'], lab: L) => RunResult)[]
  },
  labOf: (stamp: string) => Promise<L | undefined>
): Promise<ExplainedRun[]> {
  const byStamp = new Map<string, RunRecord[]>()
  for (const run of runs) {
    if (isExplained(run.result)) continue
    const group = byStamp.get(run.computeStamp)
    if (group) group.push(run)
    else byStamp.set(run.computeStamp, [run])
  }
  const rebuilt = new Map<string, RunResult>()
  for (const [stamp, group] of byStamp) {
    const lab = await labOf(stamp)
    const usable = lab !== undefined && reproduces(stamp, engine, lab)
    if (usable)
      await engine.prepare?.(
        group.map((r) => r.input),
        lab
      )
    for (const run of group) {
      let result: RunResult | undefined
      for (const compute of usable ? [engine.compute, ...(engine.alternatives ?? [])] : []) {
        try {
          result = explainResult(run.result, compute(run.input, lab as L))
        } catch {
          // An input the engine refuses now cannot be rebuilt: its figures stand with the note below.
          result = undefined
        }
        if (result !== undefined) break
      }
      rebuilt.set(run.id, result ?? unexplainedResult(run.result))
    }
  }
  return runs.map((run) => ({
    ...run,
    result: isExplained(run.result) ? run.result : rebuilt.get(run.id)!
  }))
}
