import { add, exact, type Range } from '../domain/range'
import type { LabDefaults } from '../emissions/lab-defaults'
import { type LedgerRun, type Recommendation, recommendChanges } from '../planning/recommend'
import type { ReferenceData } from '../refdata/index'
import { MATERIAL_FLOOR } from './format'

export interface WhatIfMove {
  from: string
  to: string
  runCount: number
  savedKg: Range
}

export interface WhatIf {
  kind: 'region' | 'hardware'
  /** One sentence saying what the scenario is. */
  title: string
  /** Runs the change applies to (cloud runs with a cleaner region; accelerators with a more efficient model). */
  runCount: number
  savedKg: Range
  /** savedKg.value as a share of the period's location-based emissions. */
  savedShare: number
  /** The largest moves, e.g. AWS us-east-1 → AWS eu-north-1. */
  moves: WhatIfMove[]
}

export interface WhatIfs {
  region: WhatIf
  hardware: WhatIf
  /** The few single changes that would have saved the most, each material (isMaterialSaving). */
  recommendations: Omit<Recommendation, 'runIds'>[]
}

const TITLES: Record<WhatIf['kind'], string> = {
  region: "The same work in each cloud provider's cleanest region (same provider, that region's PUE and grid)",
  hardware: 'The same work on the most efficient accelerator of the same kind with at least as much memory'
}

/**
 * The reference data the what-ifs need: the accelerators (the candidates) and the processors the runs name by id.
 * The catalogue's thousands of other CPUs change no result but cost time in every per-run comparison. A device known
 * only by its name is matched against the whole catalogue, so then the whole catalogue is kept.
 */
export function referenceForWhatIfs(ref: ReferenceData, runs: readonly LedgerRun[]): ReferenceData {
  const named = new Set<string>()
  for (const run of runs) {
    for (const device of run.input.devices) {
      if (device.hardwareId === undefined) return ref
      named.add(device.hardwareId)
    }
  }
  return { ...ref, hardware: ref.hardware.filter((e) => e.kind !== 'cpu' || named.has(e.id)) }
}

/**
 * What the period's runs would have emitted with other choices, from shared/planning: every region and hardware
 * change summed by kind. Start-time shifts need hourly profiles, which the report does not load.
 */
export function whatIfsOf(runs: LedgerRun[], ref: ReferenceData, lab: LabDefaults, totalEmissionsKg: number): WhatIfs {
  const all = recommendChanges(runs, referenceForWhatIfs(ref, runs), lab, {}, { limit: Number.MAX_SAFE_INTEGER })
  const summarise = (kind: WhatIf['kind']): WhatIf => {
    const moves = all.filter((r) => r.kind === kind)
    const savedKg = moves.reduce((sum, r) => add(sum, r.savedKg), exact(0))
    return {
      kind,
      title: TITLES[kind],
      // A run has at most one move of each kind, so the counts add up.
      runCount: moves.reduce((n, r) => n + r.runCount, 0),
      savedKg,
      savedShare: totalEmissionsKg > 0 ? savedKg.value / totalEmissionsKg : 0,
      moves: moves.slice(0, 5).map((r) => ({ from: r.from, to: r.to, runCount: r.runCount, savedKg: r.savedKg }))
    }
  }
  return {
    region: summarise('region'),
    hardware: summarise('hardware'),
    recommendations: all
      .filter((r) => isMaterialSaving(r.savedKg.value, totalEmissionsKg))
      .slice(0, 3)
      .map(({ runIds: _runIds, ...rest }) => rest)
  }
}

/** A change worth recommending saves at least 1 % of the period's emissions and at least 1 kg. */
export const isMaterialSaving = (savedKg: number, periodKg: number): boolean =>
  savedKg >= MATERIAL_FLOOR.kg && savedKg >= 0.01 * periodKg
