import type { StoredResult } from '../domain/result'
import type { RunInput } from '../domain/run'
import type { LabDefaults } from '../emissions/lab-defaults'
import { runLocationEntry } from '../emissions/resolve'
import { HOUR_MS, type HourlySeries } from '../planning/hourly'
import { seriesOnAnyDate, type ZoneYearValues } from '../planning/projection'
import { savedOfRun, shiftJobOfRun } from '../planning/run-shift'
import { whatIfStrategies } from '../planning/study'
import { PAPER_STRATEGIES, paperReachHours, type ShiftJob, type ShiftStrategy } from '../planning/timeshift'
import { bundledHourlyYears, loadHourlyProfile } from '../refdata/hourly'
import type { ReferenceData } from '../refdata/index'
import type { HourlyProfile } from '../refdata/schema'

/** A run as the time-shifting what-if reads it. */
export interface ShiftableRun {
  id: string
  input: RunInput
  result: StoredResult
}

/** The hours a run's shifts can reach (its zone's actual hours, or a projection where no bundled year holds them). */
export interface RunShiftSeries {
  series: HourlySeries
  projected: boolean
  fromYears: number[]
}

export interface TimeShiftStrategyTotal {
  strategy: ShiftStrategy
  /** Sum over the covered runs of what the strategy saves against each run's own hours. */
  savedKg: number
  /** savedKg as a share of the covered runs' baseline, 0–100. */
  savedPct: number
}

/** What each of Dodge et al.'s eight settings would have saved over the period's runs (issue 12, item 5). */
export interface TimeShiftWhatIf {
  strategies: TimeShiftStrategyTotal[]
  /** Runs planned on their zone's hours. */
  coveredRuns: number
  /** Of those, runs whose hours (or their shifts') lie beyond the bundled years: planned on a projection. */
  projectedRuns: number
  /** The bundled years the projections come from. */
  projectedFromYears: number[]
  /** The covered runs' emissions at their hours' life-cycle intensity (the planner's baseline), kg. */
  baselineKg: number
  /** Runs left out: no zone with hourly data, a continuous service, no duration, or longer than the data. */
  notCoveredRuns: number
  /** Their recorded location-based emissions, kg, so the reader sees how much the what-if leaves out. */
  notCoveredKg: number
}

function jobOf(run: ShiftableRun): ShiftJob | undefined {
  try {
    return shiftJobOfRun(run.input, run.result).job
  } catch {
    return undefined // a continuous service or a run without duration cannot be shifted; counted as not covered
  }
}

/**
 * Each run's series for the what-if: its zone's bundled years (loaded lazily, once per zone) around its hours, a
 * projection from them beyond. Runs at a location without hourly data get none. The report's callers await this,
 * then pass it to buildReportModel, which stays synchronous.
 */
export async function loadShiftSeries(
  runs: readonly ShiftableRun[],
  ref: ReferenceData,
  lab: LabDefaults,
  /** How a zone-year is read: the bundled chunks by default; a test under plain Node reads the JSON files itself. */
  loadProfile: (zone: string, year: number) => Promise<HourlyProfile | undefined> = loadHourlyProfile
): Promise<Map<string, RunShiftSeries>> {
  const zoneYears = new Map<string, Promise<{ label: string; sourceId: string; years: ZoneYearValues[] }>>()
  const yearsOf = (zone: string) => {
    let loaded = zoneYears.get(zone)
    if (!loaded) {
      loaded = Promise.all(bundledHourlyYears(zone).map((year) => loadProfile(zone, year))).then((profiles) => {
        const present = profiles.filter((p) => p !== undefined)
        return {
          label: present[0]?.name ?? zone,
          sourceId: present[0]?.sourceId ?? '',
          years: present.map((p) => ({
            year: new Date(p.startUtc).getUTCFullYear(),
            startUtcMs: Date.parse(p.startUtc),
            values: p.lifecycleGPerKWh
          }))
        }
      })
      zoneYears.set(zone, loaded)
    }
    return loaded
  }
  const out = new Map<string, RunShiftSeries>()
  await Promise.all(
    runs.map(async (run) => {
      const zone = runLocationEntry(run.input, ref, lab)?.hourlyZone
      const job = jobOf(run)
      if (zone === undefined || job === undefined) return
      const { label, sourceId, years } = await yearsOf(zone)
      if (years.length === 0) return
      const endMs = job.startUtcMs + paperReachHours(job.hours) * HOUR_MS
      const { series, projected, fromYears } = seriesOnAnyDate(zone, label, sourceId, years, job.startUtcMs, endMs)
      out.set(run.id, { series, projected, fromYears })
    })
  )
  return out
}

/**
 * The what-if over the period's runs: every run with a series planned with the eight settings on its own hours
 * (shared/planning/study.ts whatIfStrategies), summed; the others counted and weighed, never guessed. Pure.
 */
export function timeShiftWhatIfOf(
  runs: readonly ShiftableRun[],
  seriesByRun: ReadonlyMap<string, RunShiftSeries>
): TimeShiftWhatIf {
  const savedKg = PAPER_STRATEGIES.map(() => 0)
  let baselineKg = 0
  let coveredRuns = 0
  let projectedRuns = 0
  const fromYears = new Set<number>()
  let notCoveredRuns = 0
  let notCoveredKg = 0
  for (const run of runs) {
    const series = seriesByRun.get(run.id)
    const job = series ? jobOf(run) : undefined
    // One run at a time, so that a run the planner refuses (longer than the data) is known and weighed.
    const planned = series && job ? whatIfStrategies([{ series: series.series, job }], PAPER_STRATEGIES) : undefined
    if (!series || !planned || planned.skipped > 0) {
      notCoveredRuns++
      notCoveredKg += run.result.emissionsKg.value
      continue
    }
    coveredRuns++
    // in the run's own kilograms, as its detail shows: the baseline is the period's emissions of the runs covered
    const emittedKg = run.result.emissionsKg.value
    baselineKg += emittedKg
    planned.totals.forEach((t, k) => (savedKg[k]! += savedOfRun(t.savedKg, t.baselineKg, emittedKg)))
    if (series.projected) {
      projectedRuns++
      for (const y of series.fromYears) fromYears.add(y)
    }
  }
  return {
    strategies: PAPER_STRATEGIES.map((strategy, k) => ({
      strategy,
      savedKg: savedKg[k]!,
      savedPct: baselineKg > 0 ? (100 * savedKg[k]!) / baselineKg : 0
    })),
    coveredRuns,
    projectedRuns,
    projectedFromYears: [...fromYears].sort((a, b) => a - b),
    baselineKg,
    notCoveredRuns,
    notCoveredKg
  }
}
