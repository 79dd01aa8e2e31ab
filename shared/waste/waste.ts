import { add, exact, type Range } from '../domain/range'
import type { RunResult } from '../domain/result'
import type { RunInput } from '../domain/run'

/**
 * Below this mean GPU utilisation a run is "low utilisation" waste (issue 14, docs/methodology.md "Waste"). Green
 * Algorithms and cluster operators flag jobs that keep GPUs mostly idle; a quarter of the GPU's power budget used on
 * average is the threshold here. Only a utilisation that was given counts: the default 1 (not measured) never does.
 */
export const LOW_GPU_UTILISATION = 0.25

export type WasteReason = 'unsuccessful' | 'low-utilisation'

/** Why a run counts as waste, or nothing: a failed job first (its whole energy), else idle GPUs. */
export function wasteReasonOf(input: RunInput): WasteReason | undefined {
  if (input.outcome?.successful === false) return 'unsuccessful'
  const gpus = input.devices.filter((d) => d.kind === 'gpu' && d.count > 0)
  const count = gpus.reduce((n, d) => n + d.count, 0)
  if (count === 0) return undefined
  const meanUtilisation = gpus.reduce((sum, d) => sum + d.utilization * d.count, 0) / count
  return meanUtilisation < LOW_GPU_UTILISATION ? 'low-utilisation' : undefined
}

export interface WasteSums {
  runs: number
  energyKWh: Range
  emissionsKg: Range
}

export interface WasteGroup {
  /** The person's name or the project's name. */
  key: string
  unsuccessful: WasteSums
  lowUtilisation: WasteSums
  /** Both kinds: each run counts once. */
  total: WasteSums
  /** What the group's runs used, waste or not. */
  all: WasteSums
}

export interface WasteModel {
  unsuccessful: WasteSums
  lowUtilisation: WasteSums
  /**
   * What the lab would have saved without these runs: their energy and emissions, each run once. An upper bound:
   * some failures are how research finds out, and a rerun may be needed anyway.
   */
  saved: WasteSums
  all: WasteSums
  /** saved / all, 0–1 (0 for an empty ledger), of the emissions' best estimate. */
  savedShare: number
  byPerson: WasteGroup[]
  byProject: WasteGroup[]
}

export interface WasteRun {
  project: string
  person: string
  input: RunInput
  result: Pick<RunResult, 'energyKWh' | 'emissionsKg'>
}

const none = (): WasteSums => ({ runs: 0, energyKWh: exact(0), emissionsKg: exact(0) })
const plus = (sums: WasteSums, run: WasteRun): WasteSums => ({
  runs: sums.runs + 1,
  energyKWh: add(sums.energyKWh, run.result.energyKWh),
  emissionsKg: add(sums.emissionsKg, run.result.emissionsKg)
})

/** The waste of a set of runs (a period, a scope), in total, per person and per project, largest emissions first. */
export function buildWasteModel(runs: Iterable<WasteRun>): WasteModel {
  const model = { unsuccessful: none(), lowUtilisation: none(), saved: none(), all: none() }
  const persons = new Map<string, WasteGroup>()
  const projects = new Map<string, WasteGroup>()
  const groupOf = (groups: Map<string, WasteGroup>, key: string): WasteGroup => {
    let group = groups.get(key)
    if (!group) {
      group = { key, unsuccessful: none(), lowUtilisation: none(), total: none(), all: none() }
      groups.set(key, group)
    }
    return group
  }
  for (const run of runs) {
    const reason = wasteReasonOf(run.input)
    model.all = plus(model.all, run)
    for (const group of [groupOf(persons, run.person), groupOf(projects, run.project)]) {
      group.all = plus(group.all, run)
      if (reason === undefined) continue
      group.total = plus(group.total, run)
      if (reason === 'unsuccessful') group.unsuccessful = plus(group.unsuccessful, run)
      else group.lowUtilisation = plus(group.lowUtilisation, run)
    }
    if (reason === undefined) continue
    model.saved = plus(model.saved, run)
    if (reason === 'unsuccessful') model.unsuccessful = plus(model.unsuccessful, run)
    else model.lowUtilisation = plus(model.lowUtilisation, run)
  }
  const ranked = (groups: Map<string, WasteGroup>): WasteGroup[] =>
    [...groups.values()]
      .filter((g) => g.total.runs > 0)
      .sort((a, b) => b.total.emissionsKg.value - a.total.emissionsKg.value || a.key.localeCompare(b.key))
  const allKg = model.all.emissionsKg.value
  return {
    ...model,
    savedShare: allKg > 0 ? model.saved.emissionsKg.value / allKg : 0,
    byPerson: ranked(persons),
    byProject: ranked(projects)
  }
}
