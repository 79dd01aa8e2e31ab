import { hasInstruments } from '../../../shared/emissions/instruments'
import { type MarketCell, marketContextOf } from '../../../shared/emissions/market'
import { type RunMarket, runsMarket, runsMarketSpan } from '../../../shared/emissions/run-market'
import { customPeriod } from '../../../shared/ledger/period'
import { runMonthParts } from '../../../shared/ledger/rollup'
import type { ReferenceData } from '../../../shared/refdata/index'
import type { RunRecord } from '../../db'
import { type AsyncState, useAsync } from '../app/useAsync'
import { type AppLedger, loadCatalogue } from '../ledger/engine'
import { useLedgerQuery } from '../ledger/useLedgerQuery'

/**
 * Each run's market-based figure as the dashboard and the report count it (shared/emissions/run-market.ts): its
 * share of the allocation of the lab's contractual instruments, or its own figure when the lab holds none. Reads
 * only the ledger (lab defaults, the lab's month × location cells), so it can run inside a live query.
 */
export async function readRunsMarket(
  ledger: AppLedger,
  ref: Pick<ReferenceData, 'locations'>,
  runs: readonly RunRecord[]
): Promise<Map<string, RunMarket>> {
  const lab = await ledger.settings.getLabDefaults()
  const sources = runs.map((r) => ({
    id: r.id,
    locationId: r.result.locationId,
    months: runMonthParts(r),
    ownMarketKg: r.result.marketEmissionsKg
  }))
  const span = hasInstruments(lab.instruments) ? runsMarketSpan(sources, lab.instruments) : undefined
  const answer = span
    ? await ledger.aggregate.totals({
        period: customPeriod(span.fromMonth, span.toMonth),
        groupBy: ['month', 'location']
      })
    : { rows: [] }
  const cells: MarketCell[] = answer.rows.map((r) => ({
    month: r.group.month!,
    locationId: r.group.location ?? 'unknown',
    energyKWh: r.totals.energyKWh,
    emissionsKg: r.totals.emissionsKg
  }))
  const context = marketContextOf([...ref.locations, ...lab.locations], lab.supplierIntensityGPerKWh)
  return runsMarket(sources, cells, lab.instruments, context)
}

/** The market-based figure of one run, read live (a new instrument or another run of its months changes it). */
export const useRunMarket = (run: RunRecord | undefined): AsyncState<RunMarket | undefined> => {
  // The catalogue loads outside the live query: an await on anything but the ledger would hide its reads.
  const catalogue = useAsync(loadCatalogue, [])
  const ref = catalogue.data?.ref
  const market = useLedgerQuery(
    async ({ ledger }) => (ref && run ? (await readRunsMarket(ledger, ref, [run])).get(run.id) : undefined),
    [ref, run]
  )
  return ref === undefined ? { ...catalogue, data: undefined } : market
}
