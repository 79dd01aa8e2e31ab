import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { zipFiles } from '../../../renderer/src/host/zip-files'
import { allCsvFiles } from '../../../renderer/src/screens/reports/report-flow'
import { quarterPeriod } from '../../../shared/ledger/period'
import { buildReportModel, reportCsvFiles, totalsFromRuns } from '../../../shared/report'
import { lab, ref, smallLab } from '../report/small-lab'

const Q1 = quarterPeriod(2025, 1)
const everyone = { projectIds: [], people: [] }

describe('all CSV files of a report in one zip (the browser build)', () => {
  const model = buildReportModel({
    labName: 'Vision Lab',
    period: Q1,
    scope: everyone,
    generatedAt: new Date('2025-04-02T09:00:00Z'),
    runs: smallLab.filter((r) => r.startedAtMs >= Date.UTC(2025, 0, 1) && r.startedAtMs < Date.UTC(2025, 3, 1)),
    projects: [
      { id: 'p1', name: 'Vision' },
      { id: 'p2', name: 'Speech' }
    ],
    totals: totalsFromRuns(smallLab, Q1, everyone),
    ref,
    lab
  })
  const csv = reportCsvFiles(model, smallLab, [])
  const all = allCsvFiles(model, csv)

  it('holds every CSV file of the report and the README, named after the report', () => {
    expect(all.suggestedName).toBe('carbon-report-2025-Q1-csv')
    const zip = unzipSync(zipFiles(all.files, new Date('2025-04-02T09:00:00Z')))
    expect(Object.keys(zip).sort()).toEqual(
      [
        'README.txt',
        'by-hardware.csv',
        'by-location.csv',
        'by-month.csv',
        'by-person.csv',
        'by-project.csv',
        'runs.csv',
        'summary.csv'
      ].sort()
    )
    // Byte for byte what the single-file export writes.
    for (const file of csv) expect(strFromU8(zip[file.name]!)).toBe(file.content)
    expect(strFromU8(zip['README.txt']!)).toContain('runs.csv')
  })
})
