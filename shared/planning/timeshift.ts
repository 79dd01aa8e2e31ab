import { z } from 'zod'
import { type Message, msg } from '../messages/index'
import { notesOf, parseInput, PlanningError } from './errors'
import { floorToHour, HOUR_MS, type HourlySeries, seriesEndUtcMs } from './hourly'

/**
 * Carbon-aware time shifting on hourly intensity (Dodge et al. 2022, "Measuring the Carbon Intensity of AI in Cloud
 * Instances"): a job of n whole hours at constant power, asked to start at hour s, run where the grid is cleanest.
 */

const G_PER_KG = 1000

export const shiftJobSchema = z.object({
  /** Asked start, epoch ms; a start inside an hour counts from the UTC hour slot that contains it. */
  startUtcMs: z.number().int(),
  /** Whole hours of work. */
  hours: z.number().int().min(1),
  /** Constant power drawn, kW (facility power, so that the kg match the run's). */
  powerKW: z.number().nonnegative().finite()
})
export type ShiftJob = z.infer<typeof shiftJobSchema>

export const shiftStrategySchema = z.discriminatedUnion('kind', [
  /** The cheapest contiguous n-hour block starting at s, s+1, …, s+W. */
  z.object({ kind: z.literal('flexible'), windowHours: z.number().int().min(0) }),
  /** The n cheapest hours within [s, s + floor(n × (1 + p/100))), run in time order. */
  z.object({ kind: z.literal('pause-resume'), extraPercent: z.number().min(0).finite() })
])
export type ShiftStrategy = z.infer<typeof shiftStrategySchema>

/** The settings of the paper, offered side by side. */
export const PAPER_STRATEGIES: readonly ShiftStrategy[] = [
  ...[6, 12, 18, 24].map((windowHours) => ({ kind: 'flexible' as const, windowHours })),
  ...[25, 50, 75, 100].map((extraPercent) => ({ kind: 'pause-resume' as const, extraPercent }))
]

/** Hours after a job's start the paper's widest setting can reach (Pause & Resume +100 % or Flexible Start +24 h). */
export const paperReachHours = (hours: number): number => Math.max(hours + 24, 2 * hours) + 1

export interface ShiftPlan {
  strategy: ShiftStrategy
  zone: string
  baselineKg: number
  optimizedKg: number
  /** baselineKg − optimizedKg, never negative. */
  savedKg: number
  /** Share of the baseline saved, 0–100 (0 when the baseline is 0). */
  savingsPct: number
  /** Epoch ms of the first chosen hour. */
  firstHourUtcMs: number
  /** Epoch ms of each baseline hour (s … s+n−1). */
  baselineHoursUtcMs: number[]
  /** Epoch ms of each chosen hour, in time order. */
  chosenHoursUtcMs: number[]
  /** What a chart draws: the intensity of every hour the strategy considered, from s. */
  span: { startUtcMs: number; intensitiesGPerKWh: number[] }
  /** Plain sentences: slot rounding, a window clipped by the end of the data. */
  notes: string[]
  /** The same as messages, for the app's language. */
  noteMsgs: Message[]
}

/** Where the job sits in the series; throws when its n hours from s are not all in the data. */
function locate(series: HourlySeries, job: ShiftJob): { s: number; notes: Message[] } {
  const notes: Message[] = []
  const slotMs = floorToHour(job.startUtcMs)
  if (slotMs !== job.startUtcMs) {
    notes.push(msg('plan.startSlot', { start: job.startUtcMs, slot: slotMs }))
  }
  const length = series.intensitiesGPerKWh.length
  const covers = msg('plan.covers', {
    zone: series.zone,
    from: series.startUtcMs,
    to: seriesEndUtcMs(series) - HOUR_MS
  })
  const s = (slotMs - series.startUtcMs) / HOUR_MS
  if (s < 0 || s >= length) throw new PlanningError('outside-data', msg('plan.outsideData', { slot: slotMs, covers }))
  if (job.hours > length) {
    throw new PlanningError(
      'longer-than-data',
      msg('plan.longerThanData', { hours: job.hours, length, zone: series.zone })
    )
  }
  if (s + job.hours > length) {
    throw new PlanningError('past-end-of-data', msg('plan.pastEnd', { hours: job.hours, slot: slotMs, covers }))
  }
  return { s, notes }
}

function sumOf(values: number[], indexes: Iterable<number>): number {
  let sum = 0
  for (const i of indexes) sum += values[i]!
  return sum
}

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, k) => from + k)

/**
 * Start of the cheapest contiguous n-hour block among starts s … last, ties to the earliest. One pass: each step
 * adds the hour entering the block and drops the one leaving it. A later block must be cheaper by more than the
 * rounding the running sum accumulates, so equal blocks stay ties.
 */
export function cheapestBlockStart(values: number[], s: number, last: number, n: number): number {
  let sum = sumOf(values, range(s, n))
  let best = sum
  let bestStart = s
  for (let t = s + 1; t <= last; t++) {
    sum += values[t + n - 1]! - values[t - 1]!
    if (sum < best - 1e-9 * Math.max(1, Math.abs(best))) {
      best = sum
      bestStart = t
    }
  }
  return bestStart
}

/** The n cheapest hours of [from, to), ties to the earliest, in time order. */
export function cheapestHours(values: number[], from: number, to: number, n: number): number[] {
  return range(from, to - from)
    .sort((a, b) => values[a]! - values[b]! || a - b)
    .slice(0, n)
    .sort((a, b) => a - b)
}

/** End (exclusive) of the pause-and-resume span: s + floor(n × (1 + p/100)), exact for whole percentages. */
export const pauseResumeSpanEnd = (s: number, n: number, extraPercent: number): number =>
  s + Math.floor((n * (100 + extraPercent)) / 100)

/**
 * Plans one job with one strategy. Throws PlanningError when the job's own n hours from s are not all in the data;
 * a window or allowance running past the end of the data is clipped to it, with a note.
 */
export function planTimeShift(series: HourlySeries, job: ShiftJob, strategy: ShiftStrategy): ShiftPlan {
  parseInput(shiftStrategySchema, strategy, 'strategy')
  parseInput(shiftJobSchema, job, 'job')
  const { s, chosen, spanEnd, notes, baselineKg, optimizedKg, savedKg } = shift(series, job, strategy)
  const hourMs = (i: number): number => series.startUtcMs + i * HOUR_MS
  return {
    strategy,
    zone: series.zone,
    baselineKg,
    optimizedKg,
    savedKg,
    savingsPct: baselineKg > 0 ? (savedKg / baselineKg) * 100 : 0,
    firstHourUtcMs: hourMs(chosen[0]!),
    baselineHoursUtcMs: range(s, job.hours).map(hourMs),
    chosenHoursUtcMs: chosen.map(hourMs),
    span: { startUtcMs: hourMs(s), intensitiesGPerKWh: series.intensitiesGPerKWh.slice(s, spanEnd) },
    ...notesOf(notes)
  }
}

/**
 * The hours a validated job's strategy chooses and what they emit: planTimeShift's figures without its hour lists
 * and sentences, for callers that sum many jobs (whatIfStrategies). Throws as planTimeShift does.
 */
export function shift(
  series: HourlySeries,
  job: ShiftJob,
  strategy: ShiftStrategy
): {
  s: number
  chosen: number[]
  spanEnd: number
  notes: Message[]
  baselineKg: number
  optimizedKg: number
  savedKg: number
} {
  const { s, notes } = locate(series, job)
  const values = series.intensitiesGPerKWh
  const n = job.hours
  const lastHour = seriesEndUtcMs(series) - HOUR_MS
  let chosen: number[]
  let spanEnd: number
  if (strategy.kind === 'flexible') {
    const lastStart = Math.min(s + strategy.windowHours, values.length - n)
    if (lastStart < s + strategy.windowHours) {
      notes.push(msg('plan.windowCut', { window: strategy.windowHours, hours: lastStart - s, last: lastHour }))
    }
    const start = cheapestBlockStart(values, s, lastStart, n)
    chosen = range(start, n)
    spanEnd = lastStart + n
  } else {
    const wanted = pauseResumeSpanEnd(s, n, strategy.extraPercent)
    spanEnd = Math.min(wanted, values.length)
    if (spanEnd < wanted) {
      notes.push(msg('plan.spanCut', { wanted: wanted - s, hours: spanEnd - s, last: lastHour }))
    }
    chosen = cheapestHours(values, s, spanEnd, n)
  }
  const baselineKg = (job.powerKW * sumOf(values, range(s, n))) / G_PER_KG
  const optimizedKg = (job.powerKW * sumOf(values, chosen)) / G_PER_KG
  // The chosen hours never cost more than the baseline's; summing different hours can only differ by rounding.
  const savedKg = Math.max(0, baselineKg - optimizedKg)
  return { s, chosen, spanEnd, notes, baselineKg, optimizedKg, savedKg }
}

/** The paper's eight settings side by side for one job (W = 6, 12, 18, 24 h; p = 25, 50, 75, 100 %). */
export function comparePaperStrategies(series: HourlySeries, job: ShiftJob): ShiftPlan[] {
  return PAPER_STRATEGIES.map((strategy) => planTimeShift(series, job, strategy))
}
