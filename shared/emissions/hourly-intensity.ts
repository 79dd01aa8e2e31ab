import type { HourlyProfile } from '../refdata/schema'

const HOUR_MS = 3_600_000

export interface HourlyIntensityRequest {
  startUtcMs: number
  endUtcMs: number
  /** The zone's hourly profiles the caller loaded (any years, any order; one zone). */
  profiles: readonly HourlyProfile[]
  /** 'lifecycle' (the default basis) or 'direct' (combustion only, GHG Protocol Scope 2 location-based). */
  basis?: 'lifecycle' | 'direct'
  /** The zone's yearly value (gCO2eq/kWh) for hours no profile covers, by UTC year. */
  yearlyGPerKWh: (year: number) => number
  /**
   * The run's measured energy per UTC hour from its start hour (RunInput.energyByHourKWh): each hour weighs by its
   * value. Used when it has one value per hour the run touches and some energy; else power is taken as uniform.
   */
  energyByHourKWh?: readonly number[]
}

/** A run of consecutive hours whose intensity came from the same place. */
export interface IntensitySpan {
  fromUtcMs: number
  toUtcMs: number
  origin: 'hourly' | 'yearly'
  /** The UTC year of these hours (of the profile, or of the yearly value asked for). */
  year: number
  /** Energy-weighted mean intensity of these hours, gCO2eq/kWh. */
  meanGPerKWh: number
  /** Share of the run's energy in these hours, 0–1. */
  energyShare: number
}

export interface HourlyIntensity {
  /** Energy-weighted mean over the run's hours, gCO2eq/kWh. */
  intensityGPerKWh: number
  /** Share of the energy in hours a profile covers, 0–1. */
  hourlyShare: number
  /** Share of the energy in profile hours, weighted by each zone-year's share of estimated hours, 0–1. */
  estimatedShare: number
  /**
   * 'power-samples': weighted by energyByHourKWh; 'uniform': by overlap, none given; 'uniform-mismatch': by overlap,
   * since the energy given does not fit the run's hours (its times were edited after the import).
   */
  weighting: 'power-samples' | 'uniform' | 'uniform-mismatch'
  /** In time order; together they cover the run. */
  spans: IntensitySpan[]
}

interface IndexedProfile {
  startMs: number
  endMs: number
  values: readonly number[]
  estimatedShare: number
}

/** How many UTC hours [startUtcMs, endUtcMs) touches; a run of no length, its start hour. */
export function hoursTouched(startUtcMs: number, endUtcMs: number): number {
  return endUtcMs > startUtcMs ? Math.ceil(endUtcMs / HOUR_MS) - Math.floor(startUtcMs / HOUR_MS) : 1
}

/** The given energy per hour when it fits the run (one finite, non-negative value per hour it touches, some > 0). */
function measuredWeights(
  byHour: readonly number[] | undefined,
  hours: number
): { weights?: readonly number[]; mismatch: boolean } {
  if (byHour === undefined) return { mismatch: false }
  const fits = byHour.length === hours && byHour.every((e) => Number.isFinite(e) && e >= 0) && byHour.some((e) => e > 0)
  return fits ? { weights: byHour, mismatch: false } : { mismatch: true }
}

/**
 * The energy-weighted mean grid intensity over the hours a run ran (docs/methodology.md, "Hourly intensity"): each
 * UTC hour weighs by the energy the run used in it (its measured energy in that hour when given, else its overlap
 * with the run under uniform power), takes the profile's value where a profile covers it and the zone's yearly value
 * elsewhere.
 * A run of zero length takes the hour it started in. Pure; the spans say which hours came from where.
 */
export function hourlyRunIntensity(request: HourlyIntensityRequest): HourlyIntensity {
  const { startUtcMs, endUtcMs } = request
  if (!Number.isFinite(startUtcMs) || !Number.isFinite(endUtcMs) || endUtcMs < startUtcMs)
    throw new Error(`hourly intensity: the run's end (${endUtcMs}) is before its start (${startUtcMs})`)
  const basis = request.basis ?? 'lifecycle'
  const profiles: IndexedProfile[] = request.profiles.map((p) => {
    const values = basis === 'direct' ? p.directGPerKWh : p.lifecycleGPerKWh
    const startMs = Date.parse(p.startUtc)
    return {
      startMs,
      endMs: startMs + values.length * HOUR_MS,
      values,
      estimatedShare: values.length === 0 ? 0 : p.estimatedHours / values.length
    }
  })
  const measured = measuredWeights(request.energyByHourKWh, hoursTouched(startUtcMs, endUtcMs))
  const weights = measured.weights

  const spans: (IntensitySpan & { weight: number; weighted: number; plain: number })[] = []
  let total = 0
  let hourlyWeight = 0
  let estimatedWeight = 0
  const firstHour = Math.floor(startUtcMs / HOUR_MS) * HOUR_MS
  for (let hour = firstHour, index = 0; hour < endUtcMs || hour === firstHour; hour += HOUR_MS, index++) {
    const weight = weights
      ? weights[index]!
      : endUtcMs === startUtcMs
        ? 1
        : Math.min(endUtcMs, hour + HOUR_MS) - Math.max(startUtcMs, hour)
    const profile = profiles.find((p) => hour >= p.startMs && hour < p.endMs)
    const year = new Date(hour).getUTCFullYear()
    const intensity = profile ? profile.values[(hour - profile.startMs) / HOUR_MS]! : request.yearlyGPerKWh(year)
    const origin = profile ? 'hourly' : 'yearly'
    total += weight
    if (profile) {
      hourlyWeight += weight
      estimatedWeight += weight * profile.estimatedShare
    }
    const last = spans.at(-1)
    if (last && last.origin === origin && last.year === year && last.toUtcMs === hour) {
      last.toUtcMs = hour + HOUR_MS
      last.weight += weight
      last.weighted += weight * intensity
      last.plain += intensity
    } else
      spans.push({
        fromUtcMs: hour,
        toUtcMs: hour + HOUR_MS,
        origin,
        year,
        meanGPerKWh: 0,
        energyShare: 0,
        weight,
        weighted: weight * intensity,
        plain: intensity
      })
  }
  const weightedSum = spans.reduce((sum, s) => sum + s.weighted, 0)
  return {
    intensityGPerKWh: total > 0 ? weightedSum / total : 0,
    hourlyShare: total > 0 ? hourlyWeight / total : 0,
    estimatedShare: total > 0 ? estimatedWeight / total : 0,
    weighting: weights ? 'power-samples' : measured.mismatch ? 'uniform-mismatch' : 'uniform',
    spans: spans.map(({ weight, weighted, plain, ...span }) => ({
      ...span,
      // Hours in which the run measured no energy (a gap in its log) weigh nothing: their plain mean is shown.
      meanGPerKWh: weight > 0 ? weighted / weight : plain / ((span.toUtcMs - span.fromUtcMs) / HOUR_MS),
      energyShare: total > 0 ? weight / total : 0
    }))
  }
}
