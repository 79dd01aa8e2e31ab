import type { Range } from '../domain/range'
import { hasInstruments, type Instruments } from './instruments'
import {
  type MarketCell,
  type MarketContext,
  marketFigures,
  marketSpan,
  runMarketShare,
  type RunMonthPart
} from './market'

/**
 * A run's market-based figure as the dashboard and the report count it (docs/methodology.md, "Market-based"):
 * - 'instruments': the lab holds contractual instruments, so the run's figure is its share of the period's
 *   allocation (market.ts), each month's energy at the rate of its month and location;
 * - 'run': the lab holds none, so the run's own figure stands (its stated renewable share, the lab's older
 *   renewable share and supplier factor, else equal to location-based with the note that this likely understates).
 */
export type RunMarketBasis = 'instruments' | 'run'

export interface RunMarket {
  emissionsKg: Range
  basis: RunMarketBasis
}

export interface RunMarketSource {
  id: string
  locationId: string
  months: readonly RunMonthPart[]
  /** The run's own market-based figure (RunResult.marketEmissionsKg). */
  ownMarketKg: Range
}

/** The months the cells must cover for these runs: from the earliest certificate reaching them to their last. */
export function runsMarketSpan(
  runs: readonly RunMarketSource[],
  instruments: Instruments
): { fromMonth: string; toMonth: string } | undefined {
  const months = runs.flatMap((r) => r.months.map((m) => m.month)).sort()
  if (months.length === 0) return undefined
  return marketSpan(instruments, { fromMonth: months[0]!, toMonth: months[months.length - 1]! })
}

/**
 * Each run's market-based figure. `cells` are the whole lab's month × location cells over runsMarketSpan (the
 * allocation of a certificate depends on every run of its period, not only on these).
 */
export function runsMarket(
  runs: readonly RunMarketSource[],
  cells: readonly MarketCell[],
  instruments: Instruments,
  context: MarketContext
): Map<string, RunMarket> {
  const span = runsMarketSpan(runs, instruments)
  if (!hasInstruments(instruments) || span === undefined)
    return new Map(runs.map((r) => [r.id, { emissionsKg: r.ownMarketKg, basis: 'run' }]))
  const { rates } = marketFigures(cells, instruments, span, context)
  return new Map(
    runs.map((r) => [r.id, { emissionsKg: runMarketShare(r.months, r.locationId, rates), basis: 'instruments' }])
  )
}
