import {
  addMonths,
  customPeriod,
  monthOf,
  monthPeriod,
  type Period,
  periodLength,
  quarterOf,
  quarterPeriod,
  yearPeriod
} from '../../../shared/ledger/period'

export type PeriodKind = Period['kind']
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/** The period of the given kind that contains the month. */
export const periodContaining = (kind: PeriodKind, month: string, end?: string): Period => {
  if (kind === 'month') return monthPeriod(month)
  if (kind === 'year') return yearPeriod(Number(month.slice(0, 4)))
  if (kind === 'quarter') {
    const { year, quarter } = quarterOf(month)
    return quarterPeriod(year, quarter)
  }
  return end !== undefined && MONTH.test(end) && end >= month ? customPeriod(month, end) : customPeriod(month, month)
}

/** The dashboard's period from its URL (?period=quarter&start=2026-04&end=…), else the current quarter. */
export const periodFromQuery = (query: URLSearchParams, nowMs: number): Period => {
  const kind = query.get('period')
  const start = query.get('start')
  const month = start !== null && MONTH.test(start) ? start : monthOf(nowMs)
  const k: PeriodKind =
    kind === 'month' || kind === 'year' || kind === 'custom' || kind === 'quarter' ? kind : 'quarter'
  return periodContaining(k, month, query.get('end') ?? undefined)
}

/**
 * The dashboard's period: the one its URL names, else the one the user last chose on it in this window (the
 * navigation's Dashboard link names none, and should not throw that choice away), else the current quarter.
 */
export const dashboardPeriodOf = (query: URLSearchParams, nowMs: number, remembered: Period | undefined): Period =>
  query.has('period') || query.has('start') || remembered === undefined ? periodFromQuery(query, nowMs) : remembered

let lastDashboardPeriod: Period | undefined
/** The dashboard's period as last shown in this window (module state: it lives as long as the page). */
export const dashboardMemory = {
  get: (): Period | undefined => lastDashboardPeriod,
  set: (p: Period): void => {
    lastDashboardPeriod = p
  }
}

/** The next (+1) or previous (−1) period of the same kind and length. */
export const shiftPeriod = (p: Period, direction: 1 | -1): Period => {
  const n = periodLength(p) * direction
  return { kind: p.kind, start: addMonths(p.start, n), end: addMonths(p.end, n) }
}

/** Epoch ms bounds of a period: the first instant of its first month, the first instant after its last. */
export const periodBoundsMs = (p: Period): { fromMs: number; toMs: number } => ({
  fromMs: Date.UTC(Number(p.start.slice(0, 4)), Number(p.start.slice(5, 7)) - 1, 1),
  toMs: Date.UTC(Number(p.end.slice(0, 4)), Number(p.end.slice(5, 7)), 1)
})
