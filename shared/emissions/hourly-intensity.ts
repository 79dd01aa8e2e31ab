import type { HourlyProfile } from '../refdata/schema'

const HOUR_MS = 3_600_000

/** A power sample of the run (e.g. nvidia-smi), held until the next one: a step function of time. */
export interface PowerSample {
  utcMs: number
  powerW: number
}

export interface HourlyIntensityRequest {
  startUtcMs: number
  endUtcMs: number
  /** The zone's hourly profiles the caller loaded (any years, any order; one zone). */
  profiles: readonly HourlyProfile[]
  /** 'lifecycle' (the default basis) or 'direct' (combustion only, GHG Protocol Scope 2 location-based). */
  basis?: 'lifecycle' | 'direct'
  /** The zone's yearly value (gCO2eq/kWh) for hours no profile covers, by UTC year. */
  yearlyGPerKWh: (year: number) => number
  /** When given (and not all zero), each hour is weighted by the energy the samples put in it; else power is uniform. */
  powerSamples?: readonly PowerSample[]
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
  weighting: 'power-samples' | 'uniform'
  /** In time order; together they cover the run. */
  spans: IntensitySpan[]
}

interface IndexedProfile {
  startMs: number
  endMs: number
  values: readonly number[]
  estimatedShare: number
}

/** Energy in [a, b) of a step-function power (W × ms); before the first sample its power holds, after the last too. */
function sampledEnergy(samples: readonly PowerSample[]): (a: number, b: number) => number {
  const times = samples.map((s) => s.utcMs)
  const cumulative = [0]
  for (let i = 1; i < samples.length; i++)
    cumulative.push(cumulative[i - 1]! + samples[i - 1]!.powerW * (times[i]! - times[i - 1]!))
  const at = (t: number): number => {
    if (t <= times[0]!) return samples[0]!.powerW * (t - times[0]!)
    let lo = 0
    let hi = times.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (times[mid]! <= t) lo = mid
      else hi = mid - 1
    }
    return cumulative[lo]! + samples[lo]!.powerW * (t - times[lo]!)
  }
  return (a, b) => at(b) - at(a)
}

/**
 * The energy-weighted mean grid intensity over the hours a run ran (docs/methodology.md, "Hourly intensity"): each
 * UTC hour weighs by the energy the run used in it (its overlap with the run under uniform power, or the power
 * samples' energy in it), takes the profile's value where a profile covers it and the zone's yearly value elsewhere.
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
  const samples = (request.powerSamples ?? []).filter((s) => Number.isFinite(s.utcMs) && s.powerW >= 0)
  samples.sort((a, b) => a.utcMs - b.utcMs)
  const sampled =
    samples.length > 0 && endUtcMs > startUtcMs && sampledEnergy(samples)(startUtcMs, endUtcMs) > 0
      ? sampledEnergy(samples)
      : undefined
  const energy = (a: number, b: number): number => (sampled ? sampled(a, b) : b - a)

  const spans: (IntensitySpan & { weight: number; weighted: number; plain: number })[] = []
  let total = 0
  let hourlyWeight = 0
  let estimatedWeight = 0
  const firstHour = Math.floor(startUtcMs / HOUR_MS) * HOUR_MS
  for (let hour = firstHour; hour < endUtcMs || hour === firstHour; hour += HOUR_MS) {
    const weight = endUtcMs === startUtcMs ? 1 : energy(Math.max(startUtcMs, hour), Math.min(endUtcMs, hour + HOUR_MS))
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
    weighting: sampled ? 'power-samples' : 'uniform',
    spans: spans.map(({ weight, weighted, plain, ...span }) => ({
      ...span,
      // Hours in which the samples put no energy weigh nothing: their plain mean is shown.
      meanGPerKWh: weight > 0 ? weighted / weight : plain / ((span.toUtcMs - span.fromUtcMs) / HOUR_MS),
      energyShare: total > 0 ? weight / total : 0
    }))
  }
}
