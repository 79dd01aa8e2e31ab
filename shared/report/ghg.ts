import { add, exact, type Range } from '../domain/range'
import type { RunResult } from '../domain/result'
import type { MarketFigures, MarketLine } from '../emissions/market'
import type { RollupSums } from '../ledger/records'
import type { ReportRun } from './model'

/**
 * The report's figures as a sustainability office reads them (GHG Protocol Scope 2 guidance and Scope 3 standard,
 * ISO 14064-1, ESRS E1): by scope and category, energy in MWh with how it was known, the register of the factors
 * used, intensity metrics. Pure; built from what the ledger holds today, each figure saying how it was made, so
 * inputs that are not there yet (market instruments, direct factors, an asset register) plug in at one seam each.
 */

/** Where a figure's method stands with the data the ledger has. */
export type ScopeMethod =
  /** Computed as the standard asks. */
  | 'computed'
  /** Market-based without contractual instruments: equal to location-based, with the note the standard asks for. */
  | 'location-fallback'
  /** The data has no direct (combustion-only) factors: the upstream cannot be separated from Scope 2. */
  | 'not-separable'
  /** Nothing was recorded for it (no asset register entries). */
  | 'not-recorded'

export type ScopeLineId =
  'scope2Location' | 'scope2Market' | 'scope3Cat1Cloud' | 'scope3Cat2Hardware' | 'scope3Cat3Upstream' | 'sciEmbodied'

export interface ScopeLine {
  id: ScopeLineId
  emissionsKg: Range
  method: ScopeMethod
  runs: number
}

/** A device the lab bought in the period, from the asset register (Settings); none yet in this ledger. */
export interface AssetPurchase {
  device: string
  count: number
  purchasedOn: string
  embodiedKgEach: number
  source: string
}

export interface EnergyTable {
  itKWh: Range
  overheadKWh: Range
  facilityKWh: Range
  /** Shares of the facility energy by how the IT energy was known, 0–1, summing to 1 when there is energy. */
  measuredShare: number
  estimatedShare: number
  /** Estimated from a default (no device power known, or an unknown location's world average). */
  defaultedShare: number
}

export interface FactorLine {
  location: string
  intensityGPerKWh: Range
  year: number
  granularity: 'hourly' | 'yearly' | 'custom'
  /** Every factor the bundled data has is life-cycle; 'direct' once the data carries direct factors. */
  basis: 'life-cycle' | 'direct'
  sourceId: string
  runs: number
}

export interface IntensityMetrics {
  perGpuHourKg: number | null
  perPersonKg: number | null
  perProjectKg: number | null
  perMWhKg: number | null
}

export interface GhgFigures {
  scopes: ScopeLine[]
  /** The instruments behind the market-based figure and the energy each covered; empty without instruments. */
  instruments: MarketLine[]
  purchases: AssetPurchase[]
  energy: EnergyTable
  factors: FactorLine[]
  intensity: IntensityMetrics
}

const sumOf = (xs: Range[]): Range => (xs.length === 0 ? exact(0) : add(...xs))

/** Assumptions that put a default where a run's own energy figure was missing (a device's power, the PUE). */
const DEFAULTING = new Set(['assume.unknownPower', 'assume.unknownPue'])
const defaulted = (r: RunResult): boolean => (r.assumptionMsgs ?? []).some((m) => DEFAULTING.has(m.id))

const intensityStep = (r: RunResult) => r.trace.find((s) => s.unit === 'gCO2e/kWh')

function granularityOf(r: RunResult): FactorLine['granularity'] {
  const label = JSON.stringify(intensityStep(r)?.labelMsg ?? intensityStep(r)?.label ?? '')
  if (label.includes('hourly')) return 'hourly'
  if (label.includes('custom')) return 'custom'
  return 'yearly'
}

/**
 * The period's figures by scope and category. `total` and `cloud` come from the ledger's rollups (a run spanning
 * months shared among them); the energy shares and the factor register from the runs that started in the period.
 */
export function ghgFiguresOf(input: {
  total: RollupSums
  /** Sums of the period's cloud locations (purchased cloud computing, Scope 3 category 1). */
  cloud: RollupSums
  runs: readonly ReportRun[]
  people: number
  projects: number
  purchases?: AssetPurchase[]
  /** Scope 2 market-based from the lab's contractual instruments (market.ts), when it holds any. */
  market?: MarketFigures
}): GhgFigures {
  const { total, cloud, runs } = input
  const own = (pick: (s: RollupSums) => Range): Range => {
    const a = pick(total)
    const c = pick(cloud)
    return { value: a.value - c.value, low: Math.max(0, a.low - c.low), high: Math.max(0, a.high - c.high) }
  }
  const ownRuns = total.runs - cloud.runs
  const purchases = input.purchases ?? []
  const scopes: ScopeLine[] = [
    { id: 'scope2Location', emissionsKg: own((s) => s.emissionsKg), method: 'computed', runs: ownRuns },
    {
      id: 'scope2Market',
      emissionsKg: input.market?.marketEmissionsKg ?? own((s) => s.marketEmissionsKg),
      method: input.market ? 'computed' : 'location-fallback',
      runs: ownRuns
    },
    { id: 'scope3Cat1Cloud', emissionsKg: cloud.emissionsKg, method: 'computed', runs: cloud.runs },
    {
      id: 'scope3Cat2Hardware',
      emissionsKg: exact(purchases.reduce((s, p) => s + p.count * p.embodiedKgEach, 0)),
      method: purchases.length > 0 ? 'computed' : 'not-recorded',
      runs: 0
    },
    { id: 'scope3Cat3Upstream', emissionsKg: exact(0), method: 'not-separable', runs: 0 },
    { id: 'sciEmbodied', emissionsKg: total.embodiedKg, method: 'computed', runs: total.runs }
  ]

  let measuredKWh = 0
  let defaultedKWh = 0
  let allKWh = 0
  const it: Range[] = []
  const facility: Range[] = []
  const factors = new Map<string, FactorLine>()
  for (const run of runs) {
    const r = run.result
    it.push(r.itEnergyKWh)
    facility.push(r.energyKWh)
    allKWh += r.energyKWh.value
    if (r.method === 'measured') measuredKWh += r.energyKWh.value
    else if (defaulted(r)) defaultedKWh += r.energyKWh.value
    const step = intensityStep(r)
    const year = new Date(run.startedAtMs).getUTCFullYear()
    const granularity = granularityOf(r)
    const key = `${r.locationId}|${granularity}|${year}|${r.intensityGPerKWh.value}`
    const line = factors.get(key)
    if (line) line.runs++
    else
      factors.set(key, {
        location: r.locationLabel,
        intensityGPerKWh: r.intensityGPerKWh,
        year,
        granularity,
        basis: 'life-cycle',
        sourceId: step?.sourceId ?? (granularity === 'custom' ? 'lab' : ''),
        runs: 1
      })
  }
  const itKWh = sumOf(it)
  const facilityKWh = sumOf(facility)
  const share = (x: number) => (allKWh > 0 ? x / allKWh : 0)
  const perUnit = (n: number) => (n > 0 ? total.emissionsKg.value / n : null)
  return {
    scopes,
    instruments: input.market?.lines ?? [],
    purchases,
    energy: {
      itKWh,
      overheadKWh: {
        value: facilityKWh.value - itKWh.value,
        low: Math.max(0, facilityKWh.low - itKWh.high),
        high: Math.max(0, facilityKWh.high - itKWh.low)
      },
      facilityKWh,
      measuredShare: share(measuredKWh),
      estimatedShare: share(allKWh - measuredKWh - defaultedKWh),
      defaultedShare: share(defaultedKWh)
    },
    factors: [...factors.values()].sort((a, b) => b.runs - a.runs || a.location.localeCompare(b.location)),
    intensity: {
      perGpuHourKg: perUnit(total.gpuHours),
      perPersonKg: perUnit(input.people),
      perProjectKg: perUnit(input.projects),
      perMWhKg: perUnit(total.energyKWh.value / 1000)
    }
  }
}
