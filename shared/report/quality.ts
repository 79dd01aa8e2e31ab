import type { StoredResult } from '../domain/result'

/** The factors a run's location-based emissions multiply: IT energy × PUE × grid intensity. */
export const UNCERTAINTY_FACTORS = ['itEnergy', 'pue', 'intensity'] as const
export type UncertaintyFactor = (typeof UNCERTAINTY_FACTORS)[number]

export const UNCERTAINTY_FACTOR_LABELS: Record<UncertaintyFactor, string> = {
  itEnergy: 'IT energy (device power, utilisation, duration)',
  pue: 'PUE (data-centre overhead)',
  intensity: 'Grid carbon intensity'
}

export interface DataQuality {
  runs: number
  measured: number
  estimated: number
  /** Share of runs whose energy was measured, 0–1 (0 without runs). */
  measuredShare: number
  unknownLocation: number
  unknownLocationShare: number
  /** Share of the location-based emissions of runs with an unknown location. */
  unknownLocationEmissionsShare: number
  /** Width of the summed location-based range (high − low), kg. */
  rangeWidthKg: number
  /** Width relative to the best estimate: (high − low) / value. */
  relativeWidth: number
  /** How much of the range width each factor accounts for, largest first; shares sum to 1 when there is a width. */
  uncertainty: { factor: UncertaintyFactor; label: string; share: number }[]
  /** Share of the range width carried by runs with an unknown location. */
  unknownLocationWidthShare: number
}

const logWidth = (r: { low: number; high: number }): number =>
  r.low > 0 && r.high > r.low ? Math.log(r.high / r.low) : 0

/**
 * Where the uncertainty of the period's figure comes from. A run's range is the product of its factors' ranges,
 * so the log of its high/low ratio is the sum of the factors' log ratios; each run's width in kg is shared among
 * its factors in proportion to those, then summed over the runs.
 */
export function dataQualityOf(results: readonly StoredResult[]): DataQuality {
  const widthByFactor: Record<UncertaintyFactor, number> = { itEnergy: 0, pue: 0, intensity: 0 }
  let measured = 0
  let unknownLocation = 0
  let unknownKg = 0
  let unknownWidth = 0
  let value = 0
  let width = 0
  for (const r of results) {
    if (r.method === 'measured') measured++
    const runWidth = r.emissionsKg.high - r.emissionsKg.low
    value += r.emissionsKg.value
    width += runWidth
    if (r.locationId === 'unknown') {
      unknownLocation++
      unknownKg += r.emissionsKg.value
      unknownWidth += runWidth
    }
    const logs = { itEnergy: logWidth(r.itEnergyKWh), pue: logWidth(r.pue), intensity: logWidth(r.intensityGPerKWh) }
    const sum = logs.itEnergy + logs.pue + logs.intensity
    if (sum <= 0 || runWidth <= 0) continue
    for (const f of UNCERTAINTY_FACTORS) widthByFactor[f] += (runWidth * logs[f]) / sum
  }
  const attributed = UNCERTAINTY_FACTORS.reduce((s, f) => s + widthByFactor[f], 0)
  const n = results.length
  return {
    runs: n,
    measured,
    estimated: n - measured,
    measuredShare: n > 0 ? measured / n : 0,
    unknownLocation,
    unknownLocationShare: n > 0 ? unknownLocation / n : 0,
    unknownLocationEmissionsShare: value > 0 ? unknownKg / value : 0,
    rangeWidthKg: width,
    relativeWidth: value > 0 ? width / value : 0,
    uncertainty: UNCERTAINTY_FACTORS.map((factor) => ({
      factor,
      label: UNCERTAINTY_FACTOR_LABELS[factor],
      share: attributed > 0 ? widthByFactor[factor] / attributed : 0
    })).sort((a, b) => b.share - a.share),
    unknownLocationWidthShare: width > 0 ? unknownWidth / width : 0
  }
}
