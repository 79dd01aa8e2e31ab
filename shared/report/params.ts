import { z } from 'zod'
import { customPeriod, monthPeriod, type Period, periodSchema, quarterPeriod, yearPeriod } from '../ledger/period'
import { english, type Message, msg } from '../messages/index'
import type { ReportLanguage } from './format'

/** A report parameter that cannot be read: `message` in English (the command line), `msg` for the page's language. */
export class ReportParamsError extends Error {
  constructor(readonly msg: Message) {
    super(english(msg))
    this.name = 'ReportParamsError'
  }
}

/** Whom a report covers: the whole lab (both lists empty), some projects (ids), some people (names as logged). */
export const reportScopeSchema = z.object({
  projectIds: z.array(z.string().min(1)).default([]),
  people: z.array(z.string()).default([])
})
export type ReportScope = z.infer<typeof reportScopeSchema>

/**
 * A period as written in a URL or on the command line: '2025-Q1', '2025-03', '2025', or '2025-01..2025-05'.
 * Throws an Error whose message names the text.
 */
export function parsePeriodText(text: string): Period {
  const t = text.trim()
  let m = /^(\d{4})-Q([1-4])$/i.exec(t)
  if (m) return quarterPeriod(Number(m[1]), Number(m[2]) as 1 | 2 | 3 | 4)
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(t)) return monthPeriod(t)
  if (/^\d{4}$/.test(t)) return yearPeriod(Number(t))
  m = /^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$/.exec(t)
  if (m) {
    const parsed = periodSchema.safeParse({ kind: 'custom', start: m[1], end: m[2] })
    if (parsed.success) return customPeriod(parsed.data.start, parsed.data.end)
  }
  throw new ReportParamsError(msg('report.badPeriod', { text }))
}

/** The inverse of parsePeriodText. */
export function periodText(p: Period): string {
  if (p.kind === 'quarter') return `${p.start.slice(0, 4)}-Q${(Number(p.start.slice(5, 7)) - 1) / 3 + 1}`
  if (p.kind === 'month') return p.start
  if (p.kind === 'year') return p.start.slice(0, 4)
  return `${p.start}..${p.end}`
}

/** What report.html reads from its query string (see docs/report.md). */
export interface ReportPageParams {
  period: Period
  scope: ReportScope
  labName: string
  /** Browser only: open the print dialog once the page is ready. */
  print: boolean
  /** Page numbers from the page's own CSS (the browser's print); Electron prints them in its PDF footer. */
  pageNumbers: boolean
  /** `lang=de|en`: the report's language; absent, the page follows the app's language (see docs/report.md). */
  language?: ReportLanguage
}

const jsonList = (name: string, text: string | null): string[] => {
  if (text === null || text === '') return []
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new ReportParamsError(msg('report.badList', { name }))
  }
  const parsed = z.array(z.string()).max(500).safeParse(value)
  if (!parsed.success) throw new ReportParamsError(msg('report.badList', { name }))
  return parsed.data
}

/**
 * Reads report.html's parameters. Lists are JSON arrays (a person's name may hold a comma):
 * `?period=2025-Q1&projects=["p1","p2"]&people=["Ada L."]&lab=Vision%20Lab&print=1&pageNumbers=1`.
 */
export function parseReportParams(query: URLSearchParams): ReportPageParams {
  const periodTextValue = query.get('period')
  if (!periodTextValue) throw new ReportParamsError(msg('report.noPeriod'))
  return {
    period: parsePeriodText(periodTextValue),
    scope: { projectIds: jsonList('projects', query.get('projects')), people: jsonList('people', query.get('people')) },
    labName: (query.get('lab') ?? '').trim() || 'The lab',
    print: query.get('print') === '1',
    pageNumbers: query.get('print') === '1' || query.get('pageNumbers') === '1',
    ...languageParam(query.get('lang'))
  }
}

const languageParam = (text: string | null): { language?: ReportLanguage } => {
  if (text === null || text === '') return {}
  if (text === 'en' || text === 'de') return { language: text }
  throw new ReportParamsError(msg('report.badLanguage', { text }))
}

/** The query string that parseReportParams reads back (for the screen that opens the report). */
export function reportParamsRecord(
  p: Omit<ReportPageParams, 'print' | 'pageNumbers'> & { print?: boolean; pageNumbers?: boolean }
): Record<string, string> {
  const record: Record<string, string> = { period: periodText(p.period), lab: p.labName }
  if (p.scope.projectIds.length > 0) record.projects = JSON.stringify(p.scope.projectIds)
  if (p.scope.people.length > 0) record.people = JSON.stringify(p.scope.people)
  if (p.print) record.print = '1'
  if (p.pageNumbers) record.pageNumbers = '1'
  if (p.language) record.lang = p.language
  return record
}
