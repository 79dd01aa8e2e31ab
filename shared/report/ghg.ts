import { add, exact, type Range } from '../domain/range'
import type { MarketFigures, MarketLine } from '../emissions/market'
import type { RollupSums } from '../ledger/records'
import { citesOfResult, type ReportResult } from './cites'
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
  /** Computed for the part of the energy whose factors have both bases (coveredShare); the rest is not separable. */
  | 'partly'
  /** Nothing was recorded for it (no asset register entries). */
  | 'not-recorded'

export type ScopeLineId =
  'scope2Location' | 'scope2Market' | 'scope3Cat1Cloud' | 'scope3Cat2Hardware' | 'scope3Cat3Upstream' | 'sciEmbodied'

export interface ScopeLine {
  id: ScopeLineId
  emissionsKg: Range
  method: ScopeMethod
  runs: number
  /** Share of the own machines' facility energy the figure covers, 0–1 (category 3: runs on hourly factors). */
  coveredShare?: number
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
  /** The basis the emissions were computed on: every factor applied is life-cycle. */
  basis: 'life-cycle' | 'direct'
  /** The hourly profiles' direct factors were used as well: for Scope 3 category 3 (life-cycle minus direct). */
  directToo: boolean
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
const defaulted = (r: ReportResult): boolean => citesOfResult(r).assumptionMsgs.some((m) => DEFAULTING.has(m.id))

/** How fine a run's grid factor is (compact.ts granularityOf, kept in its cites). */
export const granularityOf = (r: ReportResult): FactorLine['granularity'] =>
  citesOfResult(r).intensity?.granularity ?? 'yearly'

/**
 * Scope 3 category 3 of the own machines' runs: facility energy × (life-cycle − direct intensity) over the runs'
 * hours, where hourly profiles give both bases. Its range is the energy's range with the intensity's relative range.
 * Runs on yearly factors (life-cycle only) leave their upstream inside Scope 2: the line says what share it covers.
 */
function upstreamLine(
  runs: readonly ReportRun[],
  isCloud: (run: ReportRun) => boolean,
  upstream: ReadonlyMap<string, number>
): ScopeLine {
  let value = 0
  let low = 0
  let high = 0
  let coveredKWh = 0
  let ownKWh = 0
  let covered = 0
  for (const run of runs) {
    if (isCloud(run)) continue
    const e = run.result.energyKWh
    const i = run.result.intensityGPerKWh
    ownKWh += e.value
    const delta = upstream.get(run.id)
    if (delta === undefined) continue
    covered++
    coveredKWh += e.value
    const rel = (bound: number) => (i.value > 0 ? bound / i.value : 1)
    value += (e.value * delta) / 1000
    low += (e.low * delta * rel(i.low)) / 1000
    high += (e.high * delta * rel(i.high)) / 1000
  }
  const coveredShare = ownKWh > 0 ? coveredKWh / ownKWh : 0
  return {
    id: 'scope3Cat3Upstream',
    emissionsKg: { value, low, high },
    method: covered === 0 ? 'not-separable' : coveredShare >= 0.9995 ? 'computed' : 'partly',
    runs: covered,
    coveredShare
  }
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
  /** Whether a run ran in a cloud location (purchased computing: its upstream belongs to category 1). */
  isCloud?: (run: ReportRun) => boolean
  /** Life-cycle minus direct intensity of the runs on hourly factors, by run id (upstreamIntensities). */
  upstreamGPerKWh?: ReadonlyMap<string, number>
  /** The name the factor register gives a run's place (countries in the report's language); its label by default. */
  placeName?: (run: ReportRun) => string
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
    upstreamLine(runs, input.isCloud ?? (() => false), input.upstreamGPerKWh ?? new Map<string, number>()),
    { id: 'sciEmbodied', emissionsKg: total.embodiedKg, method: 'computed', runs: total.runs }
  ]

  let measuredKWh = 0
  let defaultedKWh = 0
  let allKWh = 0
  const it: Range[] = []
  const overhead: Range[] = []
  const facility: Range[] = []
  const factors = new Map<string, FactorLine>()
  const hourlyKWh = new Map<string, number>()
  const upstream = input.upstreamGPerKWh ?? new Map<string, number>()
  const isCloud = input.isCloud ?? (() => false)
  for (const run of runs) {
    const r = run.result
    it.push(r.itEnergyKWh)
    // Each run's overhead from its own PUE range: never below zero, and far narrower than facility minus IT bounds.
    overhead.push({
      value: r.energyKWh.value - r.itEnergyKWh.value,
      low: r.itEnergyKWh.low * Math.max(0, r.pue.low - 1),
      high: r.itEnergyKWh.high * Math.max(0, r.pue.high - 1)
    })
    facility.push(r.energyKWh)
    allKWh += r.energyKWh.value
    if (r.method === 'measured') measuredKWh += r.energyKWh.value
    else if (defaulted(r)) defaultedKWh += r.energyKWh.value
    const step = citesOfResult(r).intensity
    const year = new Date(run.startedAtMs).getUTCFullYear()
    const granularity = granularityOf(r)
    // Hourly factors differ run by run: one line per place and year, energy-weighted, spanning the runs' ranges.
    const key =
      granularity === 'hourly'
        ? `${r.locationId}|hourly|${year}`
        : `${r.locationId}|${granularity}|${year}|${r.intensityGPerKWh.value}`
    // Cloud runs' upstream is part of purchased computing (category 1): their direct factors are not used.
    const hasDirect = upstream.has(run.id) && !isCloud(run)
    const line = factors.get(key)
    if (line) {
      line.runs++
      line.directToo ||= hasDirect
      if (granularity === 'hourly') {
        const weights = hourlyKWh.get(key)!
        const i = r.intensityGPerKWh
        line.intensityGPerKWh = {
          value:
            (line.intensityGPerKWh.value * weights + i.value * r.energyKWh.value) / (weights + r.energyKWh.value || 1),
          low: Math.min(line.intensityGPerKWh.low, i.low),
          high: Math.max(line.intensityGPerKWh.high, i.high)
        }
        hourlyKWh.set(key, weights + r.energyKWh.value)
      }
    } else {
      factors.set(key, {
        location: (input.placeName ?? ((x: ReportRun) => x.result.locationLabel))(run),
        intensityGPerKWh: r.intensityGPerKWh,
        year,
        granularity,
        basis: 'life-cycle',
        directToo: hasDirect,
        sourceId: step?.sourceId ?? (granularity === 'custom' ? 'lab' : ''),
        runs: 1
      })
      if (granularity === 'hourly') hourlyKWh.set(key, r.energyKWh.value)
    }
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
      overheadKWh: sumOf(overhead),
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
