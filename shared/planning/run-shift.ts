import type { StoredResult } from '../domain/result'
import type { RunInput } from '../domain/run'
import { type Message, msg } from '../messages/index'
import { notesOf, PlanningError } from './errors'
import { floorToHour, type HourlySeries } from './hourly'
import { comparePaperStrategies, type ShiftJob, type ShiftPlan } from './timeshift'

const S_PER_HOUR = 3600

/**
 * A logged run as a time-shifting job: its start's UTC hour slot, its duration rounded to whole hours (at least one),
 * and its mean facility power (the result's energy over its wall-clock hours). The notes state the rounding.
 */
export function shiftJobOfRun(
  input: RunInput,
  result: StoredResult
): { job: ShiftJob; notes: string[]; noteMsgs: Message[] } {
  if (input.hoursPerDay !== undefined) throw new PlanningError('not-shiftable', msg('plan.continuous'))
  if (input.durationS <= 0) throw new PlanningError('not-shiftable', msg('plan.noDuration'))
  const startedMs = Date.parse(input.startedAt)
  const slotMs = floorToHour(startedMs)
  const wallHours = input.durationS / S_PER_HOUR
  const hours = Math.max(1, Math.round(wallHours))
  const powerKW = result.energyKWh.value / wallHours
  const started = slotMs === startedMs ? '' : msg('plan.startedAt', { at: startedMs })
  const rounding = msg(hours === 1 ? 'plan.runHoursOne' : 'plan.runHours', {
    duration: durationOf(wallHours),
    hours,
    slot: slotMs,
    started,
    powerKW
  })
  return { job: { startUtcMs: slotMs, hours, powerKW }, ...notesOf([rounding, msg('plan.scaledToRun')]) }
}

/**
 * Kilograms a setting saves, in the run's own terms: the hourly series gives the share of its baseline saved, and that
 * share is taken of what the run emitted. So a run's what-if starts from its recorded figure (its PUE, its measured
 * energy, its own intensity method), and a run shorter than its whole hours is not counted as their emissions.
 */
export const savedOfRun = (planSavedKg: number, planBaselineKg: number, runEmissionsKg: number): number =>
  planBaselineKg > 0 ? (runEmissionsKg * planSavedKg) / planBaselineKg : 0

/** Plans restated in the run's own kilograms (savedOfRun): the baseline is the run's emissions, the shares unchanged. */
export function scaledToRun(plans: readonly ShiftPlan[], runEmissionsKg: number): ShiftPlan[] {
  return plans.map((plan) => {
    const savedKg = savedOfRun(plan.savedKg, plan.baselineKg, runEmissionsKg)
    return { ...plan, baselineKg: runEmissionsKg, optimizedKg: runEmissionsKg - savedKg, savedKg }
  })
}

/** What a logged run would have saved under each of the paper's settings, in its own kilograms; the rounding notes come first. */
export function whatRunWouldHaveSaved(series: HourlySeries, input: RunInput, result: StoredResult): ShiftPlan[] {
  const { job, notes, noteMsgs } = shiftJobOfRun(input, result)
  return scaledToRun(comparePaperStrategies(series, job), result.emissionsKg.value).map((plan) => ({
    ...plan,
    notes: [...notes, ...plan.notes],
    noteMsgs: [...noteMsgs, ...plan.noteMsgs]
  }))
}

function durationOf(hours: number): Message {
  const minutes = Math.round(hours * 60)
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return h === 0
    ? msg('duration.min', { minutes: m })
    : m === 0
      ? msg('duration.h', { hours: h })
      : msg('duration.hMin', { hours: h, minutes: m })
}
