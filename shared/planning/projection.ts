import { HOUR_MS, type HourlySeries } from './hourly'

const WEEK_MS = 7 * 24 * HOUR_MS

/** One bundled zone-year of life-cycle intensities. */
export interface ZoneYearValues {
  year: number
  startUtcMs: number
  values: readonly number[]
}

export interface ProjectedSeries {
  series: HourlySeries
  /** True when any hour of the series is projected rather than actual. */
  projected: boolean
  /** The bundled years the projection is built from (empty when nothing is projected). */
  fromYears: number[]
  /** Per hour, the lowest and highest value among those years (equal to the value for actual hours). */
  lowGPerKWh: number[]
  highGPerKWh: number[]
}

const median = (sorted: number[]): number => {
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * A zone's hourly series over [fromUtcMs, toUtcMs) on any date (issue 12): actual values where a bundled year holds
 * the hour; elsewhere a projection from the same week and hour of every bundled year (each year shifted by whole
 * weeks, so that weekdays line up), the median of those years, with their lowest and highest as the range.
 */
export function seriesOnAnyDate(
  zone: string,
  label: string,
  sourceId: string,
  years: readonly ZoneYearValues[],
  fromUtcMs: number,
  toUtcMs: number
): ProjectedSeries {
  const start = Math.floor(fromUtcMs / HOUR_MS) * HOUR_MS
  const count = Math.max(1, Math.ceil((toUtcMs - start) / HOUR_MS))
  const actualAt = (t: number): number | undefined => {
    for (const y of years) {
      const i = (t - y.startUtcMs) / HOUR_MS
      if (i >= 0 && i < y.values.length) return y.values[i]
    }
    return undefined
  }
  const values: number[] = []
  const low: number[] = []
  const high: number[] = []
  const used = new Set<number>()
  for (let k = 0; k < count; k++) {
    const t = start + k * HOUR_MS
    const actual = actualAt(t)
    if (actual !== undefined) {
      values.push(actual)
      low.push(actual)
      high.push(actual)
      continue
    }
    const targetYear = new Date(t).getUTCFullYear()
    const samples: number[] = []
    for (const y of years) {
      const shift = Math.round((Date.UTC(y.year, 0, 1) - Date.UTC(targetYear, 0, 1)) / WEEK_MS) * WEEK_MS
      const i = (t + shift - y.startUtcMs) / HOUR_MS
      const value = y.values[i]
      if (i >= 0 && value !== undefined) {
        samples.push(value)
        used.add(y.year)
      }
    }
    if (samples.length === 0) {
      // The very edge of a year that no bundled year reaches after the week shift: the nearest earlier hour's value.
      const previous = values.at(-1) ?? years[0]!.values[0]!
      values.push(previous)
      low.push(low.at(-1) ?? previous)
      high.push(high.at(-1) ?? previous)
      continue
    }
    samples.sort((a, b) => a - b)
    values.push(median(samples))
    low.push(samples[0]!)
    high.push(samples.at(-1)!)
  }
  return {
    series: { zone, label, startUtcMs: start, intensitiesGPerKWh: values, sourceId },
    projected: used.size > 0,
    fromYears: [...used].sort((a, b) => a - b),
    lowGPerKWh: low,
    highGPerKWh: high
  }
}
