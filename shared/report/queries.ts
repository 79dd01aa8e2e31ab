import type { Instruments } from '../emissions/instruments'
import { marketSpan } from '../emissions/market'
import { aggregateRollups, type TotalsAnswer, type TotalsQuery } from '../ledger/aggregate'
import {
  addMonths,
  customPeriod,
  type Period,
  periodLength,
  previousPeriod,
  sameMonthsYearBefore
} from '../ledger/period'
import type { RollupDimension, RollupRecord } from '../ledger/records'
import { type RollupSource, runContributions } from '../ledger/rollup'
import { addSums } from '../ledger/sums'
import type { ReportScope } from './params'

/** The aggregate questions a report asks; the ledger answers them from its rollups, the CLI from an archive's runs. */
export const REPORT_QUERY_NAMES = [
  'total',
  'byProject',
  'byPerson',
  'byHardware',
  'byLocation',
  'trend',
  'previous',
  'yearBefore'
] as const
export type ReportQueryName = (typeof REPORT_QUERY_NAMES)[number]
export type ReportTotals = Record<ReportQueryName, TotalsAnswer>

/** At least the twelve months up to the period's end, so a quarter shows its place in the year. */
export const trendPeriod = (period: Period): Period => {
  const months = Math.max(12, periodLength(period))
  return { kind: 'custom', start: addMonths(period.end, 1 - months), end: period.end }
}

const scopeFilter = (scope: ReportScope): Partial<Record<RollupDimension, string[]>> => {
  const filter: Partial<Record<RollupDimension, string[]>> = {}
  if (scope.projectIds.length > 0) filter.project = scope.projectIds
  if (scope.people.length > 0) filter.person = scope.people
  return filter
}

export function reportTotalsQueries(period: Period, scope: ReportScope): Record<ReportQueryName, TotalsQuery> {
  const filter = scopeFilter(scope)
  return {
    total: { period, filter },
    byProject: { period, groupBy: ['project'], filter },
    byPerson: { period, groupBy: ['person'], filter },
    byHardware: { period, groupBy: ['hardwareClass', 'hardwareModel'], filter },
    byLocation: { period, groupBy: ['location'], filter },
    trend: { period: trendPeriod(period), groupBy: ['month'], filter },
    previous: { period: previousPeriod(period), filter },
    yearBefore: { period: sameMonthsYearBefore(period), filter }
  }
}

/**
 * The lab's cells for the market-based figure (market.ts): every project and person, since certificates are shared
 * by all runs of their period, from the earliest certificate that reaches the report's period.
 */
export function reportMarketQuery(period: Period, instruments: Instruments): TotalsQuery {
  const span = marketSpan(instruments, { fromMonth: period.start, toMonth: period.end })
  return { period: customPeriod(span.fromMonth, span.toMonth), groupBy: ['month', 'location', 'project', 'person'] }
}

/** The ledger's rollup cells of the runs, as the ledger keeps them (for archives, tests). */
function cellsOf(runs: Iterable<RollupSource>): RollupRecord[] {
  const cells = new Map<string, RollupRecord>()
  for (const run of runs) {
    for (const c of runContributions(run, 1)) {
      const prior = cells.get(c.key)
      cells.set(c.key, prior ? { ...prior, ...addSums(prior, c), members: prior.members + c.members } : c)
    }
  }
  return [...cells.values()]
}

/** Answers the report's queries from runs, through the same rollup cells the ledger keeps (for archives, tests). */
export function totalsFromRuns(runs: Iterable<RollupSource>, period: Period, scope: ReportScope): ReportTotals {
  const all = cellsOf(runs)
  const queries = reportTotalsQueries(period, scope)
  return Object.fromEntries(
    REPORT_QUERY_NAMES.map((name) => [name, aggregateRollups(all, queries[name])])
  ) as ReportTotals
}

/** Answers reportMarketQuery from runs (for archives, tests). */
export const marketCellsFromRuns = (
  runs: Iterable<RollupSource>,
  period: Period,
  instruments: Instruments
): TotalsAnswer => aggregateRollups(cellsOf(runs), reportMarketQuery(period, instruments))
