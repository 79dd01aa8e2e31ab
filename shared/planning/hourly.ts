import { z } from 'zod'
import { msg } from '../messages/index'
import type { HourlyProfile } from '../refdata/schema'
import { PlanningError } from './errors'

export const HOUR_MS = 3_600_000

/**
 * A zone's hourly grid intensity as the planner uses it: life-cycle gCO2eq/kWh, one value per UTC hour from
 * startUtcMs. Plain data, so a screen can build one from a bundled or an imported profile and keep it in state.
 */
export const hourlySeriesSchema = z.object({
  zone: z.string().min(1),
  label: z.string(),
  /** Epoch ms of the first hour; a whole UTC hour. */
  startUtcMs: z
    .number()
    .int()
    .refine((ms) => ms % HOUR_MS === 0, { message: 'the series must start on a whole UTC hour' }),
  intensitiesGPerKWh: z.array(z.number().nonnegative()).min(1),
  sourceId: z.string()
})
export type HourlySeries = z.infer<typeof hourlySeriesSchema>

/** The life-cycle intensities of a profile (bundled or imported): the planner's time shifting uses these. */
export function seriesOfProfile(profile: HourlyProfile): HourlySeries {
  const startUtcMs = Date.parse(profile.startUtc)
  if (Number.isNaN(startUtcMs))
    throw new PlanningError(
      'invalid-input',
      msg('plan.badProfileStart', { zone: profile.zone, start: profile.startUtc })
    )
  return hourlySeriesSchema.parse({
    zone: profile.zone,
    label: profile.name,
    startUtcMs,
    intensitiesGPerKWh: profile.lifecycleGPerKWh,
    sourceId: profile.sourceId
  })
}

/** "2024-03-01T14:00:00Z": the slot's start hour, the form the CLI and the UI print. */
export function isoHour(utcMs: number): string {
  return `${new Date(utcMs).toISOString().slice(0, 13)}:00:00Z`
}

export const floorToHour = (utcMs: number): number => Math.floor(utcMs / HOUR_MS) * HOUR_MS

export const seriesEndUtcMs = (series: HourlySeries): number =>
  series.startUtcMs + series.intensitiesGPerKWh.length * HOUR_MS
