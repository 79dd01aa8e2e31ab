import { add, exact, scale } from '../domain/range'
import type { RollupSums } from './records'

export const zeroSums = (): RollupSums => ({
  runs: 0,
  energyKWh: exact(0),
  emissionsKg: exact(0),
  marketEmissionsKg: exact(0),
  embodiedKg: exact(0),
  gpuHours: 0
})

export const addSums = (a: RollupSums, b: RollupSums): RollupSums => ({
  runs: a.runs + b.runs,
  energyKWh: add(a.energyKWh, b.energyKWh),
  emissionsKg: add(a.emissionsKg, b.emissionsKg),
  marketEmissionsKg: add(a.marketEmissionsKg, b.marketEmissionsKg),
  embodiedKg: add(a.embodiedKg, b.embodiedKg),
  gpuHours: a.gpuHours + b.gpuHours
})

/** Multiplies every figure by a non-negative factor (a month's share of a run) or by −1 (a removal). */
export const scaleSums = (s: RollupSums, factor: number): RollupSums => {
  // scale() swaps bounds for negative factors; a removal must subtract low from low, so negate bound by bound.
  const times = (r: RollupSums['energyKWh']) =>
    factor >= 0 ? scale(r, factor) : { value: r.value * factor, low: r.low * factor, high: r.high * factor }
  return {
    runs: s.runs * factor,
    energyKWh: times(s.energyKWh),
    emissionsKg: times(s.emissionsKg),
    marketEmissionsKg: times(s.marketEmissionsKg),
    embodiedKg: times(s.embodiedKg),
    gpuHours: s.gpuHours * factor
  }
}
