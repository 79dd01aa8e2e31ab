import { z } from 'zod'

/**
 * A reporting period: whole calendar months (UTC), start and end inclusive, as 'YYYY-MM'. Rollups are monthly,
 * so every period the ledger answers from them is a run of whole months.
 */
const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is written YYYY-MM')
export const periodSchema = z
  .object({ kind: z.enum(['month', 'quarter', 'year', 'custom']), start: monthKey, end: monthKey })
  .refine((p) => p.start <= p.end, { message: 'a period starts before it ends' })
export type Period = z.infer<typeof periodSchema>

const pad = (n: number): string => String(n).padStart(2, '0')

/** Months since year 0, so that month arithmetic is integer arithmetic. */
const toIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1
const fromIndex = (index: number): string => `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`

export const addMonths = (month: string, n: number): string => fromIndex(toIndex(month) + n)

/** The UTC month of an instant. */
export const monthOf = (epochMs: number): string => {
  const d = new Date(epochMs)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`
}

export const monthPeriod = (month: string): Period => periodSchema.parse({ kind: 'month', start: month, end: month })

export const quarterPeriod = (year: number, quarter: 1 | 2 | 3 | 4): Period => {
  const start = `${year}-${pad((quarter - 1) * 3 + 1)}`
  return { kind: 'quarter', start, end: addMonths(start, 2) }
}

export const yearPeriod = (year: number): Period => ({ kind: 'year', start: `${year}-01`, end: `${year}-12` })

export const customPeriod = (start: string, end: string): Period => periodSchema.parse({ kind: 'custom', start, end })

/** The quarter a month falls in, e.g. '2026-05' → Q2 2026. */
export const quarterOf = (month: string): { year: number; quarter: 1 | 2 | 3 | 4 } => ({
  year: Number(month.slice(0, 4)),
  quarter: (Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4
})

export const periodLength = (p: Period): number => toIndex(p.end) - toIndex(p.start) + 1

/** Every month of the period, in order. */
export const monthsOf = (p: Period): string[] =>
  Array.from({ length: periodLength(p) }, (_, i) => addMonths(p.start, i))

/** The period of the same kind and length just before this one (Q1 → the previous Q4). */
export const previousPeriod = (p: Period): Period => {
  const n = periodLength(p)
  return { kind: p.kind, start: addMonths(p.start, -n), end: addMonths(p.end, -n) }
}

/** The same months one year earlier, for year-on-year comparison. */
export const sameMonthsYearBefore = (p: Period): Period => ({
  kind: p.kind,
  start: addMonths(p.start, -12),
  end: addMonths(p.end, -12)
})

/** The bucket a month is grouped under. */
export const bucketOf = (month: string, bucket: 'month' | 'quarter' | 'year'): string => {
  if (bucket === 'month') return month
  if (bucket === 'year') return month.slice(0, 4)
  const { year, quarter } = quarterOf(month)
  return `${year}-Q${quarter}`
}

/**
 * A quarter as people read it, the one form everywhere (screens, reports, CSVs, in English and German): "Q1 2026"
 * for the key "2026-Q1". The key stays the stored and file-name form.
 */
export const quarterKeyLabel = (key: string): string => {
  const m = /^(\d{4})-Q([1-4])$/.exec(key)
  return m ? `Q${m[2]} ${m[1]}` : key
}

export const periodLabel = (p: Period): string => {
  if (p.kind === 'month') return p.start
  if (p.kind === 'quarter') return quarterKeyLabel(bucketOf(p.start, 'quarter'))
  if (p.kind === 'year') return p.start.slice(0, 4)
  return p.start === p.end ? p.start : `${p.start} – ${p.end}`
}
