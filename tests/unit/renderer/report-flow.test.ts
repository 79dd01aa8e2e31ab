import { describe, expect, it, vi } from 'vitest'
import {
  CSV_CHOICES,
  csvFileName,
  pdfFileName,
  reportFileStem,
  reportPageParams,
  saveCsvFiles,
  savedLabName,
  scopeOf
} from '../../../renderer/src/screens/reports/report-flow'
import type { SaveFileRequest, SaveOutcome } from '../../../shared/host-api'
import { customPeriod, monthPeriod, quarterPeriod, yearPeriod } from '../../../shared/ledger/period'
import { loadReferenceData } from '../../../shared/refdata/index'
import { parseReportParams, reportFromTables } from '../../../shared/report'
import { labTables } from '../report/fixture-lab'

const Q1 = quarterPeriod(2025, 1)

describe('scope', () => {
  it('whole lab, some projects, some people', () => {
    expect(scopeOf({ kind: 'lab', projectIds: ['p1'], people: ['Ada'] })).toEqual({
      scope: { projectIds: [], people: [] }
    })
    expect(scopeOf({ kind: 'projects', projectIds: ['p1', 'p2'], people: ['Ada'] })).toEqual({
      scope: { projectIds: ['p1', 'p2'], people: [] }
    })
    expect(scopeOf({ kind: 'people', projectIds: ['p1'], people: ['Lovelace, Ada'] })).toEqual({
      scope: { projectIds: [], people: ['Lovelace, Ada'] }
    })
  })

  it('a list scope with nothing ticked says what is missing', () => {
    expect(scopeOf({ kind: 'projects', projectIds: [], people: ['Ada'] })).toEqual({ error: 'reports.pickProject' })
    expect(scopeOf({ kind: 'people', projectIds: ['p1'], people: [] })).toEqual({ error: 'reports.pickPerson' })
  })
})

describe('file names', () => {
  it('name the period as the command line writes it', () => {
    expect(pdfFileName(Q1)).toBe('carbon-report-2025-Q1.pdf')
    expect(reportFileStem(monthPeriod('2025-03'))).toBe('carbon-report-2025-03')
    expect(reportFileStem(yearPeriod(2025))).toBe('carbon-report-2025')
    expect(reportFileStem(customPeriod('2025-01', '2025-05'))).toBe('carbon-report-2025-01-to-2025-05')
    expect(csvFileName(quarterPeriod(2024, 4), 'runs.csv')).toBe('carbon-report-2024-Q4-runs.csv')
  })
})

describe('report page parameters', () => {
  it('are what report.html reads back, with the app’s database and without page numbers (main prints its own)', () => {
    const params = reportPageParams(Q1, { projectIds: ['p1'], people: ['Lovelace, Ada'] }, '  Vision Lab ', 'e2e-db')
    expect(params).toEqual({
      period: '2025-Q1',
      lab: 'Vision Lab',
      projects: '["p1"]',
      people: '["Lovelace, Ada"]',
      db: 'e2e-db'
    })
    const read = parseReportParams(new URLSearchParams(params))
    expect(read).toEqual({
      period: Q1,
      scope: { projectIds: ['p1'], people: ['Lovelace, Ada'] },
      labName: 'Vision Lab',
      print: false,
      pageNumbers: false
    })
  })

  it('leave db out for the app’s own ledger, and an empty lab name to the page’s default', () => {
    const params = reportPageParams(Q1, { projectIds: [], people: [] }, ' ')
    expect(params).toEqual({ period: '2025-Q1', lab: '' })
    expect(parseReportParams(new URLSearchParams(params)).labName).toBe('The lab')
  })
})

describe('CSV files', () => {
  it('the screen offers every file the report writes, in its order', () => {
    const { csv } = reportFromTables(labTables({ runs: 20 }), {
      period: Q1,
      scope: { projectIds: [], people: [] },
      labName: 'L',
      generatedAt: new Date(0),
      ref: loadReferenceData()
    })
    expect(CSV_CHOICES.map((c) => c.file)).toEqual(csv.map((f) => f.name))
  })

  const files = [
    { name: 'runs.csv', content: 'a' },
    { name: 'summary.csv', content: 'b' },
    { name: 'by-project.csv', content: 'c' }
  ]

  it('saves the chosen ones, one after the other, named after the period', async () => {
    const save = vi.fn(async (r: SaveFileRequest): Promise<SaveOutcome> => ({
      status: 'saved',
      path: `/home/ada/${r.suggestedName}`
    }))
    const outcome = await saveCsvFiles(save, Q1, files, ['summary.csv', 'runs.csv'])
    expect(save.mock.calls.map(([r]) => [r.suggestedName, r.content])).toEqual([
      ['carbon-report-2025-Q1-runs.csv', 'a'],
      ['carbon-report-2025-Q1-summary.csv', 'b']
    ])
    expect(save.mock.calls[0]![0].filters).toEqual([{ name: 'CSV', extensions: ['csv'] }])
    expect(outcome).toEqual({
      status: 'saved',
      paths: ['/home/ada/carbon-report-2025-Q1-runs.csv', '/home/ada/carbon-report-2025-Q1-summary.csv']
    })
  })

  it('a cancelled dialog stops the rest and keeps what was saved', async () => {
    const answers: SaveOutcome[] = [
      { status: 'saved', path: '/r.csv' },
      { status: 'cancelled' },
      { status: 'saved', path: '/never' }
    ]
    const save = vi.fn(async (): Promise<SaveOutcome> => answers.shift()!)
    expect(await saveCsvFiles(save, Q1, files, ['runs.csv', 'summary.csv', 'by-project.csv'])).toEqual({
      status: 'cancelled',
      paths: ['/r.csv']
    })
    expect(save).toHaveBeenCalledTimes(2)
  })
})

describe('lab name kept before the ledger held it', () => {
  it('is read trimmed as stored, and storage that refuses gives an empty name', () => {
    const store = new Map([['carbon-ledger.labName', 'Vision Lab']])
    expect(savedLabName({ getItem: (k) => store.get(k) ?? null })).toBe('Vision Lab')
    expect(savedLabName({ getItem: () => null })).toBe('')
    expect(
      savedLabName({
        getItem: () => {
          throw new Error('SecurityError')
        }
      })
    ).toBe('')
    expect(savedLabName(undefined)).toBe('')
  })
})
