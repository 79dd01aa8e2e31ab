import { msg } from '../messages/index'
import { parseInput, PlanningError } from './errors'
import type { HourlySeries } from './hourly'
import { sweepStarts } from './sweep'
import {
  PAPER_STRATEGIES,
  shift,
  type ShiftJob,
  shiftJobSchema,
  type ShiftStrategy,
  shiftStrategySchema
} from './timeshift'

const G_PER_KG = 1000

/** One zone-year of hourly life-cycle intensities for the study. */
export interface StudyZone {
  zone: string
  label: string
  year: number
  intensitiesGPerKWh: ArrayLike<number>
}

export interface StudyStrategyResult {
  strategy: ShiftStrategy
  /** Mean over every start of the kg saved against the baseline. */
  meanSavedKg: number
  /** Mean over every start of the share of the baseline saved, %. */
  meanSavingsPct: number
}

export interface StudyRow {
  zone: string
  label: string
  year: number
  /** Start hours averaged over: every hour of the year whose widest strategy span fits in it. */
  starts: number
  /** Mean over every start of the job's emissions where and when asked, kg. */
  meanBaselineKg: number
  strategies: StudyStrategyResult[]
  /** Saving of running in this zone instead of the study's dirtiest (highest mean baseline), %. */
  regionSavingPct: number
}

export interface Study {
  hours: number
  powerKW: number
  /** The zone the region saving is measured against. */
  referenceZone: string
  rows: StudyRow[]
}

/**
 * Dodge et al. (2022)'s study for one workload (n hours at P kW): per zone, the average saving over every start hour
 * of the year for each strategy (by default Flexible Start +6/12/18/24 h and Pause and Resume +25/50/75/100 %),
 * beside the saving of moving to that zone from the dirtiest one. Pure; sweepStarts does each zone in milliseconds.
 */
export function dodgeStudy(
  zones: readonly StudyZone[],
  workload: { hours: number; powerKW: number },
  strategies: readonly ShiftStrategy[] = PAPER_STRATEGIES
): Study {
  const { hours, powerKW } = workload
  if (!Number.isInteger(hours) || hours < 1)
    throw new PlanningError(
      'invalid-input',
      msg('plan.invalidArgument', { what: 'hours', path: '', issue: 'a whole number ≥ 1' })
    )
  if (!(powerKW >= 0) || !Number.isFinite(powerKW))
    throw new PlanningError(
      'invalid-input',
      msg('plan.invalidArgument', { what: 'powerKW', path: '', issue: 'a number ≥ 0' })
    )
  if (zones.length === 0)
    throw new PlanningError(
      'invalid-input',
      msg('plan.invalidArgument', { what: 'zones', path: '', issue: 'none given' })
    )
  const kg = (intensityHours: number): number => (powerKW * intensityHours) / G_PER_KG
  const partial = zones.map((zone) => {
    const sweep = sweepStarts(zone.intensitiesGPerKWh, hours, strategies)
    if (sweep.starts === 0)
      throw new PlanningError(
        'longer-than-data',
        msg('plan.longerThanData', { hours, length: zone.intensitiesGPerKWh.length, zone: zone.zone })
      )
    let baselineSum = 0
    for (let s = 0; s < sweep.starts; s++) baselineSum += sweep.baseline[s]!
    return {
      zone: zone.zone,
      label: zone.label,
      year: zone.year,
      starts: sweep.starts,
      meanBaselineKg: kg(baselineSum / sweep.starts),
      strategies: strategies.map((strategy, k) => {
        const optimized = sweep.optimized[k]!
        let saved = 0
        let pct = 0
        for (let s = 0; s < sweep.starts; s++) {
          const base = sweep.baseline[s]!
          const gain = Math.max(0, base - optimized[s]!)
          saved += gain
          pct += base > 0 ? (100 * gain) / base : 0
        }
        return { strategy, meanSavedKg: kg(saved / sweep.starts), meanSavingsPct: pct / sweep.starts }
      })
    }
  })
  const reference = partial.reduce((a, b) => (b.meanBaselineKg > a.meanBaselineKg ? b : a))
  return {
    hours,
    powerKW,
    referenceZone: reference.zone,
    rows: partial.map((row) => ({
      ...row,
      regionSavingPct:
        reference.meanBaselineKg > 0
          ? (100 * (reference.meanBaselineKg - row.meanBaselineKg)) / reference.meanBaselineKg
          : 0
    }))
  }
}

/** One job of the what-if: its zone's series (already loaded) and the job as run. */
export interface WhatIfJob {
  series: HourlySeries
  job: ShiftJob
}

export interface WhatIfTotal {
  strategy: ShiftStrategy
  /** Jobs whose hours the series covered, and their sums. */
  jobs: number
  baselineKg: number
  optimizedKg: number
  savedKg: number
}

/**
 * What each strategy would have saved over a set of jobs (the report's what-if for a quarter's runs): every job
 * planned with every strategy on its own zone's series, summed. Jobs the data cannot plan (outside it, too long) are
 * counted in `skipped`, never guessed.
 */
export function whatIfStrategies(
  jobs: readonly WhatIfJob[],
  strategies: readonly ShiftStrategy[] = PAPER_STRATEGIES
): { totals: WhatIfTotal[]; skipped: number } {
  const totals = strategies.map((strategy) => ({ strategy, jobs: 0, baselineKg: 0, optimizedKg: 0, savedKg: 0 }))
  let skipped = 0
  // Validated once, not once per job and strategy (planTimeShift's checks, the same outcome): a period's thousands of
  // runs are summed with shift(), which makes no hour lists and no sentences.
  // A strategy planTimeShift refuses would make every job skipped.
  if (!strategies.every((strategy) => shiftStrategySchema.safeParse(strategy).success))
    return { totals, skipped: jobs.length }
  for (const { series, job } of jobs) {
    try {
      parseInput(shiftJobSchema, job, 'job')
      const plans = strategies.map((strategy) => shift(series, job, strategy))
      plans.forEach((plan, k) => {
        const total = totals[k]!
        total.jobs++
        total.baselineKg += plan.baselineKg
        total.optimizedKg += plan.optimizedKg
        total.savedKg += plan.savedKg
      })
    } catch (error) {
      if (!(error instanceof PlanningError)) throw error
      skipped++
    }
  }
  return { totals, skipped }
}
