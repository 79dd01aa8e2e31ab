import type { RunInput } from '../domain/run'
import type { HourlyProfile } from '../refdata/schema'
import { hourlyRunIntensity } from './hourly-intensity'

/**
 * The upstream part of a run's grid intensity: life-cycle minus direct (combustion only), energy-weighted over the
 * run's hours, in gCO2e per kWh of the run's whole energy (GHG Protocol Scope 3 category 3, "upstream emissions of
 * purchased electricity"). Only hourly profiles carry both bases: hours they do not cover contribute nothing here,
 * since the yearly factors are life-cycle only and their upstream cannot be separated. Undefined when no profile
 * covers any of the run's hours. Weighted as resolve.ts weighs the run's intensity (by its measured energy per hour
 * when it has one, else uniform power over its hours).
 */
export function upstreamGPerKWh(
  input: Pick<RunInput, 'startedAt' | 'durationS' | 'energyByHourKWh'>,
  profiles: readonly HourlyProfile[]
): number | undefined {
  if (profiles.length === 0) return undefined
  const startUtcMs = Date.parse(input.startedAt)
  if (!Number.isFinite(startUtcMs)) return undefined
  const request = {
    startUtcMs,
    endUtcMs: startUtcMs + input.durationS * 1000,
    profiles,
    yearlyGPerKWh: () => 0,
    ...(input.energyByHourKWh ? { energyByHourKWh: input.energyByHourKWh } : {})
  }
  const lifeCycle = hourlyRunIntensity({ ...request, basis: 'lifecycle' })
  if (lifeCycle.hourlyShare === 0) return undefined
  const direct = hourlyRunIntensity({ ...request, basis: 'direct' })
  // Both bases take the same 0 outside the profiles, so the difference is the covered hours' upstream alone.
  return Math.max(0, lifeCycle.intensityGPerKWh - direct.intensityGPerKWh)
}
