import type { Range } from '../domain/range'

/**
 * Numbers as the report prints them: three significant figures for small values, whole numbers with thousands
 * separators from 100 up. Deterministic (no locale), so the PDF, the statement and the tests agree.
 */
export function formatQuantity(x: number): string {
  if (!Number.isFinite(x)) return '–'
  if (x === 0) return '0'
  const abs = Math.abs(x)
  if (abs >= 100) return groupThousands(Math.round(x))
  const text = Number(x.toPrecision(3)).toString()
  return text.includes('e') ? x.toFixed(6) : text
}

function groupThousands(n: number): string {
  const digits = Math.abs(n).toString()
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return n < 0 ? `-${grouped}` : grouped
}

/** "12.3 (9.1 – 15.0)" */
export function formatRange(r: Range): string {
  return `${formatQuantity(r.value)} (${formatQuantity(r.low)} – ${formatQuantity(r.high)})`
}

/**
 * A relative change as a signed percentage, "+12 %", "−3.4 %"; from tenfold up as a factor, "×25" (a period after
 * a nearly empty one would read "+2400000 %"); "n/a" without a base to compare with.
 */
export function formatChange(change: number | null): string {
  if (change === null) return 'n/a'
  if (change + 1 >= 10) return `×${formatQuantity(change + 1)}`
  const pct = change * 100
  const body =
    Math.abs(pct) >= 10 ? Math.round(Math.abs(pct)).toString() : Number(Math.abs(pct).toPrecision(2)).toString()
  if (body === '0') return '0 %'
  return `${pct > 0 ? '+' : '−'}${body} %`
}

export function formatPercent(share: number): string {
  const pct = share * 100
  return `${pct >= 10 || pct === 0 ? Math.round(pct) : Number(pct.toPrecision(2))} %`
}
