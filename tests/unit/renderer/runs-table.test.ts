import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { RunRecord } from '../../../renderer/db'
import { addRuns, noTotals, runsCsv, runsCsvFileName } from '../../../renderer/src/screens/runs/filtered-runs'
import { browseQuery, type Filters, NEWEST_FIRST, nextSort } from '../../../renderer/src/screens/runs/runs-query'
import { parseCsv } from '../../../shared/import/csv'
import { readArchive } from '../../../shared/ledger/backup'
import type { ExplainedRun } from '../../../shared/ledger/compact'
import { RUN_COLUMNS } from '../../../shared/report/csv'

const noFilters: Filters = {
  project: '',
  person: '',
  from: '',
  to: '',
  hardware: '',
  location: '',
  source: '',
  kind: '',
  search: ''
}

const run = (id: string, title: string, energyKWh: number, emissionsKg: number) =>
  ({
    id,
    projectId: 'p1',
    person: 'ada',
    startedAtMs: Date.UTC(2024, 4, 2, 8),
    input: {
      title,
      kind: 'training',
      startedAt: '2024-05-02T08:00:00Z',
      devices: [],
      tags: [],
      notes: '',
      location: { kind: 'country', code: 'DEU' },
      source: { kind: 'manual' }
    },
    result: {
      energyKWh: { value: energyKWh, low: energyKWh * 0.9, high: energyKWh * 1.2 },
      emissionsKg: { value: emissionsKg, low: emissionsKg * 0.8, high: emissionsKg * 1.3 }
    }
  }) as unknown as RunRecord

describe('sorting the runs table by a column', () => {
  it('reverses on a second click; a new column starts at the largest/latest, or A to Z for text', () => {
    expect(nextSort(NEWEST_FIRST, 'start')).toEqual({ column: 'start', descending: false })
    expect(nextSort(NEWEST_FIRST, 'energy')).toEqual({ column: 'energy', descending: true })
    expect(nextSort(NEWEST_FIRST, 'title')).toEqual({ column: 'title', descending: false })
    expect(nextSort({ column: 'title', descending: false }, 'title')).toEqual({ column: 'title', descending: true })
  })

  it('orders by start and CO2e, by energy, or by the text a column shows for the other columns', () => {
    const labelOf = (column: string, value: string) => (column === 'project' ? `Project ${value}` : value)
    const newest = browseQuery(noFilters, NEWEST_FIRST, labelOf)
    expect([newest.order, newest.sortBy]).toEqual(['newest', undefined])
    const smallest = browseQuery(noFilters, { column: 'emissions', descending: false }, labelOf)
    expect([smallest.order, smallest.sortBy]).toEqual(['smallest', undefined])
    const energy = browseQuery(noFilters, { column: 'energy', descending: true }, labelOf).sortBy!
    expect(energy).toEqual({ column: 'energy', descending: true })
    // Text as the table shows it, case-insensitive: "vision" and "Vision" sort together.
    const project = browseQuery(noFilters, { column: 'project', descending: false }, labelOf).sortBy!
    expect(project.text!('project', 'Vision')).toBe('project vision')
    expect(project.text!('project', 'VISION')).toBe(project.text!('project', 'vision'))
  })

  it('filters by kind, source, hardware and search on the projection', () => {
    const q = browseQuery(
      { ...noFilters, kind: 'inference', source: 'slurm', hardware: ' a100 ', search: ' OOM ' },
      NEWEST_FIRST,
      (_, v) => v
    )
    expect(q.where).toMatchObject({ kind: 'inference', source: 'slurm', search: 'oom' })
    expect(q.where!.hardware!([{ kind: 'gpu', count: 1, name: 'NVIDIA A100' }])).toBe(true)
    expect(q.where!.hardware!([{ kind: 'cpu', count: 1, name: 'EPYC', hardwareId: 'amd-epyc-7763' }])).toBe(false)
    expect(browseQuery(noFilters, NEWEST_FIRST, (_, v) => v).where).toBeUndefined()
  })
})

describe('totals and export of the filtered runs', () => {
  it('sums energy and CO2e bound by bound', () => {
    const totals = addRuns(addRuns(noTotals(), [run('a', 'x', 10, 4)]), [run('b', 'y', 2, 1)])
    expect(totals.runs).toBe(2)
    expect(totals.energyKWh.value).toBeCloseTo(12)
    expect(totals.energyKWh.low).toBeCloseTo(10.8)
    expect(totals.energyKWh.high).toBeCloseTo(14.4)
    expect(totals.emissionsKg.value).toBeCloseTo(5)
    expect(totals.emissionsKg.low).toBeCloseTo(4)
    expect(totals.emissionsKg.high).toBeCloseTo(6.5)
  })

  it('writes the runs as the report runs.csv does, formulas neutralised, in the given order', async () => {
    const check = await readArchive(readFileSync('tests/fixtures/report/lab-ledger.json', 'utf8'), 1)
    if (!check.ok) throw new Error(check.message)
    const [first, second] = check.archive.tables.runs as ExplainedRun[]
    const hostile = { ...first!, input: { ...first!.input, title: '=HYPERLINK("http://x")' } }
    const [header, ...rows] = parseCsv(runsCsv([second!, hostile], () => 'Vision')).map((r) => r.cells)
    expect(header).toEqual(RUN_COLUMNS.map((c) => c.name))
    expect(rows.map((r) => r[0])).toEqual([second!.id, first!.id])
    const column = (name: string) => header!.indexOf(name)
    expect(rows[1]![column('title')]).toBe('\'=HYPERLINK("http://x")')
    expect(rows[1]![column('project')]).toBe('Vision')
    expect(Number(rows[1]![column('emissions_kg')])).toBe(first!.result.emissionsKg.value)
    expect(runsCsvFileName(new Date(2026, 11, 4, 9))).toBe('runs-2026-12-04.csv')
  })
})
