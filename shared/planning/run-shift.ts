import type { RunResult } from '../domain/result'
import type { RunInput } from '../domain/run'
import { PlanningError } from './errors'
import { floorToHour, isoHour, type HourlySeries } from './hourly'
import { comparePaperStrategies, type ShiftJob, type ShiftPlan } from './timeshift'

const S_PER_HOUR = 3600

/**
 * A logged run as a time-shifting job: its start's UTC hour slot, its duration rounded to whole hours (at least one),
 * and its mean facility power (the result's energy over its wall-clock hours). The notes state the rounding.
 */
export function shiftJobOfRun(input: RunInput, result: RunResult): { job: ShiftJob; notes: string[] } {
  if (input.hoursPerDay !== undefined) {
    throw new PlanningError('not-shiftable', 'A continuous service (hours per day set) has no start time to move.')
  }
  if (input.durationS <= 0) throw new PlanningError('not-shiftable', 'The run has no duration, so there is nothing to move.')
  const startedMs = Date.parse(input.startedAt)
  const slotMs = floorToHour(startedMs)
  const wallHours = input.durationS / S_PER_HOUR
  const hours = Math.max(1, Math.round(wallHours))
  const powerKW = result.energyKWh.value / wallHours
  const notes = [
    `The run's ${formatHours(wallHours)} count as ${hours} whole hour${hours === 1 ? '' : 's'} from ${isoHour(slotMs)}` +
      `${slotMs === startedMs ? '' : ` (it started at ${new Date(startedMs).toISOString()})`}, at its mean power of ${powerKW.toPrecision(3)} kW.`,
    "Baseline and optimised emissions use the zone's hourly life-cycle intensity, so they can differ from the run's recorded emissions."
  ]
  return { job: { startUtcMs: slotMs, hours, powerKW }, notes }
}

/** What a logged run would have saved under each of the paper's settings; the rounding notes come first. */
export function whatRunWouldHaveSaved(series: HourlySeries, input: RunInput, result: RunResult): ShiftPlan[] {
  const { job, notes } = shiftJobOfRun(input, result)
  return comparePaperStrategies(series, job).map((plan) => ({ ...plan, notes: [...notes, ...plan.notes] }))
}

function formatHours(hours: number): string {
  const minutes = Math.round(hours * 60)
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`
}
