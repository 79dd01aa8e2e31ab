import type { Cites, RunResult, StoredResult } from '../domain/result'
import { english, msg, verbatim } from '../messages/index'
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

/** The grid-intensity line of a trace: the one in gCO2e/kWh. */
const intensityStep = (r: RunResult) => r.trace.find((s) => s.unit === 'gCO2e/kWh')

/** How fine a result's grid factor is, from its trace's intensity line: its label names hourly or custom factors. */
export function granularityOf(r: RunResult): NonNullable<Cites['intensity']>['granularity'] {
  const step = intensityStep(r)
  const label = JSON.stringify(step?.labelMsg ?? step?.label ?? '')
  if (label.includes('hourly')) return 'hourly'
  if (label.includes('custom')) return 'custom'
  return 'yearly'
}

/** What a report cites of a whole result (Cites): its assumptions, its sources' ids, its intensity line. */
export function citesOf(r: RunResult): Cites {
  const step = intensityStep(r)
  return {
    // Results stored before messages hold English texts only: a verbatim message writes them as they are.
    assumptionMsgs: r.assumptionMsgs ?? r.assumptions.map(verbatim),
    sourceIds: r.sources.map((s) => s.id),
    ...(step
      ? {
          intensity: {
            granularity: granularityOf(r),
            ...(step.sourceId !== undefined ? { sourceId: step.sourceId } : {})
          }
        }
      : {})
  }
}

/** The figures of a result, without the trace, assumptions, sources and cites: what a rebuild must reproduce. */
const figuresOf = (result: StoredResult): StoredResult => {
  const { trace: _t, assumptions: _a, assumptionMsgs: _m, sources: _s, cites: _c, ...figures } = result
  return figures
}

/**
 * The result as the ledger stores it: the figures, and what a report cites of the trace (cites), so that reports
 * read it instead of rebuilding the run. A result already compact keeps its cites, if it has them.
 */
export const compactResult = (result: StoredResult): StoredResult =>
  isExplained(result) ? { ...figuresOf(result), cites: citesOf(result) } : result

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
  canonicalJson(figuresOf(recomputed)) === canonicalJson(figuresOf(stored)) ? recomputed : undefined

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
