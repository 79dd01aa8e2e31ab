import type { Range } from '../domain/range'

/**
 * kg saved by choosing `candidate` instead of `current`, when both figures rest on the same uncertain factors
 * (hardware compared on one grid and PUE, one utilisation): in any scenario both sit at their low bounds together or
 * at their high bounds together, so the saving lies between the two differences.
 */
export function savingInSameScenario(current: Range, candidate: Range): Range {
  const atLow = current.low - candidate.low
  const atHigh = current.high - candidate.high
  return { value: current.value - candidate.value, low: Math.min(atLow, atHigh), high: Math.max(atLow, atHigh) }
}

/**
 * kg saved by moving the same IT energy E from a location emitting kCurrent kg per kWh of IT energy (PUE × intensity)
 * to one emitting kCandidate: E is shared, the two locations' factors are uncertain independently, so the bounds are
 * the extremes of E × (kCurrent − kCandidate) over the corners of the three ranges.
 */
export function savingAcrossLocations(itEnergyKWh: Range, kCurrent: Range, kCandidate: Range): Range {
  const corners: number[] = []
  for (const e of [itEnergyKWh.low, itEnergyKWh.high]) {
    for (const c of [kCurrent.low, kCurrent.high])
      for (const x of [kCandidate.low, kCandidate.high]) corners.push(e * (c - x))
  }
  return {
    value: itEnergyKWh.value * (kCurrent.value - kCandidate.value),
    low: Math.min(...corners),
    high: Math.max(...corners)
  }
}

/**
 * A saving estimated against `estimatedKg` (a comparison's own figure for the run: yearly averages, catalogue powers,
 * whole hours) restated in the run's recorded terms: the same share of the recorded emissions' value, then each term
 * kept between 0 and the same term of `recordedKg` (low by low, value by value, high by high). The share alone is not
 * enough: the comparison's range can be wider than the recorded one (a measured or hourly-based run), and its high
 * bound scaled by the value's share could exceed what the run emitted. A change can never save more than the run
 * emitted in the same scenario, nor less than nothing (a recommendation is a change worth making; one whose saving
 * could be negative shows 0 as its low). So a recommendation adds up with the period's emissions it is set against.
 */
export function inRecordedTerms(saving: Range, estimatedKg: number, recordedKg: Range): Range {
  const scale = estimatedKg > 0 ? recordedKg.value / estimatedKg : 0
  const within = (x: number, bound: number): number => Math.min(Math.max(x * scale, 0), Math.max(bound, 0))
  return {
    value: within(saving.value, recordedKg.value),
    low: within(saving.low, recordedKg.low),
    high: within(saving.high, recordedKg.high)
  }
}
