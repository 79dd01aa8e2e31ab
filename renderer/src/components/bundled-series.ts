import { HOUR_MS, paperReachHours, seriesOnAnyDate } from '../../../shared/planning'
import { bundledHourlyYears, loadHourlyProfile } from '../../../shared/refdata/hourly'

/**
 * A bundled zone's series for a job of `hours` starting at `startUtcMs`, on any date: the bundled years' actual hours,
 * a projection from them beyond (shared/planning/projection.ts). Compare & plan and a run's "What if it had started
 * later?" use the same series, so both answer alike; undefined when the zone has no bundled profile.
 */
export async function bundledSeriesAround(zone: string, startUtcMs: number, hours: number) {
  const profiles = await Promise.all(bundledHourlyYears(zone).map((year) => loadHourlyProfile(zone, year)))
  const years = profiles.flatMap((p) =>
    p
      ? [
          {
            year: new Date(p.startUtc).getUTCFullYear(),
            startUtcMs: Date.parse(p.startUtc),
            values: p.lifecycleGPerKWh
          }
        ]
      : []
  )
  const first = profiles.find((p) => p !== undefined)
  if (!first) return undefined
  return seriesOnAnyDate(
    zone,
    first.name,
    first.sourceId,
    years,
    startUtcMs,
    startUtcMs + paperReachHours(hours) * HOUR_MS
  )
}
