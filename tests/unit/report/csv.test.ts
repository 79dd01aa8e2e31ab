import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../../shared/import/csv'
import { readArchive } from '../../../shared/ledger/backup'
import { quarterPeriod } from '../../../shared/ledger/period'
import { loadReferenceData } from '../../../shared/refdata/index'
import {
  parsePeriodText,
  reportCsvFiles,
  reportCsvReadme,
  reportFromTables,
  RUN_COLUMNS,
  TOTALS_COLUMNS
} from '../../../shared/report'
import { buildReportModel, totalsFromRuns } from '../../../shared/report'
import type { CsvRun } from '../../../shared/report/csv'
import { HOSTILE } from './fixture-lab'
import { lab, projects, ref, run, smallLab } from './small-lab'

const archiveText = readFileSync('tests/fixtures/report/lab-ledger.json', 'utf8')

async function fixtureReport() {
  const check = await readArchive(archiveText, 1)
  if (!check.ok) throw new Error(check.message)
  return reportFromTables(check.archive.tables, {
    period: parsePeriodText('2025-Q1'),
    scope: { projectIds: [], people: [] },
    labName: 'Lab',
    generatedAt: new Date('2025-04-01T00:00:00Z'),
    ref: loadReferenceData()
  })
}

/** What a spreadsheet user sees after the neutralising apostrophe is taken off. */
const unneutralise = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)
const table = (content: string) => {
  const [header, ...rows] = parseCsv(content).map((r) => r.cells)
  return { header: header!, rows, at: (row: string[], name: string) => row[header!.indexOf(name)]! }
}

describe('report CSV files', () => {
  it('round-trips every run of the quarter through the project’s CSV reader', async () => {
    const { runs, csv } = await fixtureReport()
    const file = csv.find((f) => f.name === 'runs.csv')!
    const t = table(file.content)
    expect(t.header).toEqual(RUN_COLUMNS.map((c) => c.name))
    expect(t.rows).toHaveLength(runs.length)
    const byId = new Map(runs.map((r) => [r.id, r]))
    for (const row of t.rows) {
      const run = byId.get(t.at(row, 'run_id'))!
      expect(unneutralise(t.at(row, 'person'))).toBe(run.person)
      expect(unneutralise(t.at(row, 'title'))).toBe(run.input.title)
      expect(unneutralise(t.at(row, 'notes'))).toBe(run.input.notes)
      expect(JSON.parse(t.at(row, 'devices_json'))).toEqual(run.input.devices)
      expect(Number(t.at(row, 'emissions_kg'))).toBe(run.result.emissionsKg.value)
      expect(Number(t.at(row, 'emissions_low_kg'))).toBe(run.result.emissionsKg.low)
      expect(Number(t.at(row, 'energy_high_kwh'))).toBe(run.result.energyKWh.high)
      expect(Number(t.at(row, 'intensity_g_per_kwh'))).toBe(run.result.intensityGPerKWh.value)
      expect(t.at(row, 'method')).toBe(run.result.method)
      expect(t.at(row, 'data_version')).toBe(run.result.dataVersion)
      expect(t.at(row, 'measured_energy_kwh')).toBe(
        run.input.measuredEnergyKWh === undefined ? '' : String(run.input.measuredEnergyKWh)
      )
    }
  })

  it('keeps hostile strings as text: formulas neutralised, quotes, newlines and non-ASCII intact', async () => {
    const { csv } = await fixtureReport()
    const all = csv.map((f) => f.content).join('')
    for (const f of csv) {
      for (const row of parseCsv(f.content)) {
        for (const cell of row.cells) {
          // A cell a spreadsheet would run as a formula is only ever a number (a negative number is data).
          if (/^[=+\-@\t\r]/.test(cell))
            expect(Number.isFinite(Number(cell)), `${f.name} row ${row.row}: ${cell}`).toBe(true)
        }
      }
    }
    const people = table(csv.find((f) => f.name === 'by-person.csv')!.content)
    const names = people.rows.map((r) => unneutralise(people.at(r, 'person')))
    expect(names).toEqual(
      expect.arrayContaining([HOSTILE.plusPerson, HOSTILE.atPerson, HOSTILE.minusPerson, HOSTILE.newlinePerson.trim()])
    )
    const byProject = table(csv.find((f) => f.name === 'by-project.csv')!.content)
    expect(byProject.rows.map((r) => unneutralise(byProject.at(r, 'project')))).toEqual(
      expect.arrayContaining([HOSTILE.formulaProject, HOSTILE.quotedProject, HOSTILE.unicodeProject])
    )
    expect(all).toContain(`"'${HOSTILE.formulaProject.replace(/"/g, '""')}"`)
    expect(all).toContain('Sprachmodelle — Ümlaut 東京 🚀')
  })

  it('sums the aggregated tables to the totals, units in the headers', async () => {
    const { model, csv } = await fixtureReport()
    const byProject = table(csv.find((f) => f.name === 'by-project.csv')!.content)
    expect(byProject.header.slice(4, 4 + TOTALS_COLUMNS.length)).toEqual(TOTALS_COLUMNS.map((c) => c.name))
    const sum = byProject.rows.reduce((s, r) => s + Number(byProject.at(r, 'emissions_kg')), 0)
    expect(sum).toBeCloseTo(model.total.emissionsKg.value, 9)
    const summary = table(csv.find((f) => f.name === 'summary.csv')!.content)
    const emissions = summary.rows.find((r) => summary.at(r, 'figure') === 'emissions')!
    expect(Number(summary.at(emissions, 'value'))).toBe(model.total.emissionsKg.value)
    expect(summary.at(emissions, 'unit')).toBe('kg CO2e')
    const months = table(csv.find((f) => f.name === 'by-month.csv')!.content)
    expect(months.rows.filter((r) => months.at(r, 'in_period') === 'true').map((r) => months.at(r, 'month'))).toEqual([
      '2025-01',
      '2025-02',
      '2025-03'
    ])
  })

  it('documents every column, in order, in docs/formats/report-csv.md', () => {
    const doc = readFileSync('docs/formats/report-csv.md', 'utf8')
    const documented = [...doc.matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1])
    const runsSection = documented.slice(0, RUN_COLUMNS.length)
    expect(runsSection).toEqual(RUN_COLUMNS.map((c) => c.name))
  })

  it('survives any text in a person’s name (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (name) => {
        const runs: CsvRun[] = smallLab.map((r) => ({ ...r, person: name, input: { ...r.input, person: name } }))
        const Q1 = quarterPeriod(2025, 1)
        const inQ1 = runs.filter((r) => r.startedAtMs >= Date.UTC(2025, 0, 1) && r.startedAtMs < Date.UTC(2025, 3, 1))
        const model = buildReportModel({
          labName: 'L',
          period: Q1,
          scope: { projectIds: [], people: [] },
          generatedAt: new Date(0),
          runs: inQ1,
          projects,
          totals: totalsFromRuns(runs, Q1, { projectIds: [], people: [] }),
          ref,
          lab
        })
        const file = reportCsvFiles(model, inQ1, projects).find((f) => f.name === 'runs.csv')!
        const t = table(file.content)
        expect(t.rows).toHaveLength(4)
        for (const row of t.rows) expect(unneutralise(t.at(row, 'person'))).toBe(name)
      }),
      { numRuns: 60 }
    )
  })
})

describe("runs.csv: the file's own figures beside the ledger's (issue 11)", () => {
  it('writes reported energy, intensity, PUE and location, the recomputed figure and the gap by its parts', () => {
    // a CodeCarbon run without a pue column: 0.1 kWh at 235 g/kWh = 0.0235 kg; the ledger: PUE 1.5 and 400 g/kWh
    const codecarbon = run('R', 'p1', 'Ada', {
      startedAt: '2025-02-10T08:00:00Z',
      durationS: 3600,
      measuredEnergyKWh: 0.1,
      pue: 1.5,
      location: { kind: 'custom', intensityGPerKWh: 400, label: 'grid 400' },
      reportedEmissionsKg: 0.0235,
      reported: { energyKWh: 0.1, intensityGPerKWh: 235, countryName: 'France', countryIso: 'FRA' },
      source: { kind: 'codecarbon', fileName: 'emissions.csv' }
    })
    const both = [codecarbon, smallLab[0]!]
    const Q1 = quarterPeriod(2025, 1)
    const model = buildReportModel({
      labName: 'L',
      period: Q1,
      scope: { projectIds: [], people: [] },
      generatedAt: new Date(0),
      runs: both,
      projects,
      totals: totalsFromRuns(both, Q1, { projectIds: [], people: [] }),
      ref,
      lab
    })
    const files = reportCsvFiles(model, both, projects)
    const t = table(files.find((f) => f.name === 'runs.csv')!.content)
    const r = t.rows.find((row) => t.at(row, 'run_id') === 'R')
    const plain = t.rows.find((row) => t.at(row, 'run_id') === 'A')
    expect(t.at(r!, 'reported_emissions_kg')).toBe('0.0235')
    expect(t.at(r!, 'reported_energy_kwh')).toBe('0.1')
    expect(t.at(r!, 'reported_intensity_g_per_kwh')).toBe('235')
    expect(t.at(r!, 'reported_pue_ratio')).toBe('')
    expect(t.at(r!, 'reported_location')).toBe('France (FRA)')
    expect(t.at(r!, 'reported_location_fallback')).toBe('false')
    expect(t.at(r!, 'counted_emissions')).toBe('recomputed')
    // 0.1 kWh × 1.5 × 400 g/kWh = 0.06 kg; gap 0.0365, split by ln(1.5) and ln(400 / 235)
    expect(Number(t.at(r!, 'recomputed_emissions_kg'))).toBeCloseTo(0.06, 12)
    expect(Number(t.at(r!, 'reconcile_gap_kg'))).toBeCloseTo(0.0365, 12)
    const weight = 0.0365 / Math.log(0.06 / 0.0235)
    expect(Number(t.at(r!, 'reconcile_pue_gap_kg'))).toBeCloseTo(weight * Math.log(1.5), 12)
    expect(Number(t.at(r!, 'reconcile_intensity_gap_kg'))).toBeCloseTo(weight * Math.log(400 / 235), 12)
    expect(Number(t.at(r!, 'reconcile_energy_gap_kg'))).toBeCloseTo(0, 12)
    // a run without a file's figures leaves them empty
    expect(t.at(plain!, 'reported_energy_kwh')).toBe('')
    expect(t.at(plain!, 'reconcile_gap_kg')).toBe('')
    const readme = reportCsvReadme(model, files).content
    expect(readme).toContain('reconcile_*_gap_kg')
    expect(readme).toContain('reported_energy_kwh, reported_intensity_g_per_kwh, reported_pue_ratio')
    expect(readme).not.toContain('This quarter is closed')
    const filed = { ...model, signOff: { preparedBy: 'Ada', reviewedBy: '', date: '2025-04-02', notes: '' } }
    expect(reportCsvReadme(filed, files).content).toContain(
      'This quarter is closed (prepared by Ada, signed 2025-04-02): summary.csv'
    )
  })
})
