import { describe, expect, it } from 'vitest'
import { printReportRequestSchema } from '../../../shared/ipc/contract'
import { latexEscape, parsePeriodText, parseReportParams, periodText, reportParamsRecord } from '../../../shared/report'

describe('report parameters', () => {
  it('reads the period forms and writes them back', () => {
    expect(parsePeriodText('2025-Q1')).toEqual({ kind: 'quarter', start: '2025-01', end: '2025-03' })
    expect(parsePeriodText('2025-q4')).toEqual({ kind: 'quarter', start: '2025-10', end: '2025-12' })
    expect(parsePeriodText('2025-03')).toEqual({ kind: 'month', start: '2025-03', end: '2025-03' })
    expect(parsePeriodText('2024')).toEqual({ kind: 'year', start: '2024-01', end: '2024-12' })
    expect(parsePeriodText('2024-11..2025-02')).toEqual({ kind: 'custom', start: '2024-11', end: '2025-02' })
    for (const text of ['2025-Q1', '2025-03', '2024', '2024-11..2025-02'])
      expect(periodText(parsePeriodText(text))).toBe(text)
  })

  it('refuses what is not a period, naming it', () => {
    for (const bad of ['2025-Q5', '2025-13', '25-Q1', '2025-05..2025-01', ''])
      expect(() => parsePeriodText(bad)).toThrow(`'${bad}' is not a period`)
  })

  it('round-trips the query string, names with commas included', () => {
    const record = reportParamsRecord({
      period: parsePeriodText('2025-Q2'),
      scope: { projectIds: ['p1', 'p,2'], people: ['Lovelace, Ada'] },
      labName: 'Lab & Co',
      print: true
    })
    const back = parseReportParams(new URLSearchParams(record))
    expect(back).toEqual({
      period: parsePeriodText('2025-Q2'),
      scope: { projectIds: ['p1', 'p,2'], people: ['Lovelace, Ada'] },
      labName: 'Lab & Co',
      print: true,
      pageNumbers: true
    })
    expect(parseReportParams(new URLSearchParams('period=2025-Q1')).scope).toEqual({ projectIds: [], people: [] })
    expect(() => parseReportParams(new URLSearchParams('period=2025-Q1&people=Ada'))).toThrow(
      "'people' is not a JSON list of strings"
    )
    expect(() => parseReportParams(new URLSearchParams(''))).toThrow('needs a period')
  })

  it('fits the host’s print request (parameter names and sizes the IPC contract accepts)', () => {
    const params = reportParamsRecord({
      period: parsePeriodText('2025-Q1'),
      scope: { projectIds: ['p1'], people: ['Zoë'] },
      labName: 'Lab',
      print: true,
      pageNumbers: true
    })
    expect(printReportRequestSchema.safeParse({ suggestedName: 'Lab 2025 Q1.pdf', params }).success).toBe(true)
  })

  it('escapes LaTeX specials in names', () => {
    expect(latexEscape('A&B 100% $x_y^2~ {#} \\ ')).toBe(
      'A\\&B 100\\% \\$x\\_y\\textasciicircum{}2\\textasciitilde{} \\{\\#\\} \\textbackslash{} '
    )
    expect(latexEscape('two\nlines')).toBe('two lines')
  })
})
