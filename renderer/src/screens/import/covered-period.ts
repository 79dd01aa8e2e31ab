import { monthOf, type Period } from '../../../../shared/ledger/period'
import { periodContaining } from '../../app/period'

/**
 * The dashboard period that holds every run of an import: their quarter when they share one, else the months from
 * the first run's to the last one's. Undefined when the import holds no dated run.
 */
export const coveredPeriod = (startedAt: readonly string[]): Period | undefined => {
  const months = startedAt
    .map((iso) => Date.parse(iso))
    .filter(Number.isFinite)
    .map((ms) => monthOf(ms))
  if (months.length === 0) return undefined
  const first = months.reduce((a, b) => (b < a ? b : a))
  const last = months.reduce((a, b) => (b > a ? b : a))
  const quarter = periodContaining('quarter', first)
  return last <= quarter.end ? quarter : periodContaining('custom', first, last)
}

/** The dashboard's query for a period (see periodFromQuery). */
export const periodQuery = (p: Period): Record<string, string> =>
  p.kind === 'custom' ? { period: p.kind, start: p.start, end: p.end } : { period: p.kind, start: p.start }
