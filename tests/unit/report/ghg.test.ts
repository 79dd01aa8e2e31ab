import { describe, expect, it } from 'vitest'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { parseCsv } from '../../../shared/import/csv'
import { quarterPeriod } from '../../../shared/ledger/period'
import {
  buildReportModel,
  marketCellsFromRuns,
  periodBoundsMs,
  reportCsvFiles,
  reportText,
  shortenNames,
  totalsFromRuns
} from '../../../shared/report'
import { LAB_DEFAULTS, labTables } from './fixture-lab'
import { ref } from './small-lab'

const Q1 = quarterPeriod(2025, 1)
const tables = labTables({ runs: 400 })
const { fromMs, toMs } = periodBoundsMs(Q1)
const runs = tables.runs.filter((r) => r.startedAtMs >= fromMs && r.startedAtMs < toMs)
const model = (language: 'en' | 'de' = 'en') =>
  buildReportModel({
    labName: 'Lab',
    period: Q1,
    scope: { projectIds: [], people: [] },
    generatedAt: new Date('2025-04-02T09:00:00Z'),
    runs,
    projects: tables.projects,
    totals: totalsFromRuns(tables.runs, Q1, { projectIds: [], people: [] }),
    ref,
    lab: LAB_DEFAULTS,
    language
  })

describe('figures by scope and category (issue 13)', () => {
  const m = model()
  const line = (id: string) => m.ghg.scopes.find((l) => l.id === id)!

  it('splits the location-based total between own machines (Scope 2) and cloud (Scope 3 cat. 1)', () => {
    expect(line('scope2Location').emissionsKg.value + line('scope3Cat1Cloud').emissionsKg.value).toBeCloseTo(
      m.total.emissionsKg.value,
      9
    )
    expect(line('scope3Cat1Cloud').runs).toBeGreaterThan(0)
    expect(line('scope2Location').runs + line('scope3Cat1Cloud').runs).toBeCloseTo(m.total.runs, 9)
  })
  it('labels what the data cannot give yet instead of inventing it', () => {
    expect(line('scope2Market').method).toBe('location-fallback')
    expect(line('scope3Cat3Upstream').method).toBe('not-separable')
    expect(line('scope3Cat2Hardware').method).toBe('not-recorded')
    expect(line('sciEmbodied').emissionsKg.value).toBeCloseTo(m.total.embodiedKg.value, 9)
  })
  it('gives the energy with shares by how it was known that add up to 1', () => {
    const e = m.ghg.energy
    expect(e.measuredShare + e.estimatedShare + e.defaultedShare).toBeCloseTo(1, 9)
    expect(e.measuredShare).toBeGreaterThan(0)
    expect(e.itKWh.value + e.overheadKWh.value).toBeCloseTo(e.facilityKWh.value, 9)
  })
  it('registers every factor used, once, with the runs that used it', () => {
    expect(m.ghg.factors.reduce((n, f) => n + f.runs, 0)).toBe(runs.length)
    expect(m.ghg.factors.every((f) => f.basis === 'life-cycle')).toBe(true)
    expect(m.ghg.factors.some((f) => f.granularity === 'custom')).toBe(true)
  })
  it('writes the model texts in German for a German report', () => {
    const de = model('de')
    expect(de.statement.text).toContain('Im Zeitraum Q1 2025')
    expect(de.methodology[0]!.label).toBe('IT-Energie')
    expect(de.glossary.map((g) => g.term)).toContain('Standortbasiert')
    expect(de.scopeLabel).toBe('Ganzes Labor')
    // The same figures in either language.
    expect(de.total).toEqual(m.total)
  })
})

describe('shortenNames', () => {
  it('keeps short names, shortens long ones at a word with a note number and keeps them in full in the notes', () => {
    const long = `Project ${'word '.repeat(40)}end`
    const { shown, notes } = shortenNames(['Vision', long, long])
    expect(shown[0]).toBe('Vision')
    expect(shown[1]!.length).toBeLessThanOrEqual(66)
    expect(shown[1]).toMatch(/word… \[1\]$/)
    expect(shown[2]).toMatch(/\[2\]$/)
    expect(notes).toEqual([
      { n: 1, name: long },
      { n: 2, name: long }
    ])
  })
})

describe("Scope 2 market-based from the lab's contractual instruments (issue 11)", () => {
  const own = (m: ReturnType<typeof model>) => m.ghg.scopes.find((l) => l.id === 'scope2Market')!
  const withInstruments = (instruments: object) => {
    const lab = labDefaultsSchema.parse({ ...LAB_DEFAULTS, instruments })
    return buildReportModel({
      labName: 'Lab',
      period: Q1,
      scope: { projectIds: [], people: [] },
      generatedAt: new Date('2025-04-02T09:00:00Z'),
      runs,
      projects: tables.projects,
      totals: totalsFromRuns(tables.runs, Q1, { projectIds: [], people: [] }),
      marketCells: marketCellsFromRuns(tables.runs, Q1, lab.instruments),
      ref,
      lab
    })
  }
  it('lists the instruments behind the figure, lowered by a zero supplier factor, finite', () => {
    const location = model().ghg.scopes.find((l) => l.id === 'scope2Location')!
    // A supplier factor of 0 for every place the lab's own runs were in: Scope 2 market-based is then 0.
    const places = [...new Set(runs.map((r) => r.result.locationId))].flatMap((id) => {
      const e = ref.locations.find((l) => l.id === id)
      return e && e.kind !== 'cloud' ? [e.iso2 ?? e.id.replace(/^zone:/, '')] : []
    })
    const suppliers = places.map((place, i) => ({
      id: `s${i}`,
      place,
      fromMonth: '2025-01',
      toMonth: '2025-03',
      intensityGPerKWh: 0,
      source: 'contract'
    }))
    const m = withInstruments({ supplierFactors: suppliers })
    expect(own(m).method).toBe('computed')
    expect(m.ghg.instruments.some((l) => l.kind === 'supplier')).toBe(true)
    expect(own(m).emissionsKg.value).toBeLessThan(location.emissionsKg.value)
    expect(Number.isFinite(own(m).emissionsKg.high)).toBe(true)
    const text = reportText('de').scopes.instrumentLines
    expect(text.location('12')).toContain('wahrscheinlich zu niedrig')
    expect(reportText('en').scopes.instrumentLines.location('12')).toContain('likely understates')
  })
  it('keeps the location-based fallback and its note without instruments', () => {
    const m = withInstruments({})
    expect(own(m).method).toBe('location-fallback')
    expect(m.ghg.instruments).toEqual([])
    expect(m.runMarket).toEqual({})
  })
  it("gives each run its share of the instruments in the report's runs.csv, labelled by its basis", () => {
    // A zero supplier factor for the places of the lab's own runs in the quarter: own runs at 0, cloud runs unchanged.
    const own_ = runs.filter((r) => {
      const e = ref.locations.find((l) => l.id === r.result.locationId)
      return e !== undefined && e.kind !== 'cloud'
    })
    const places = [
      ...new Set(
        own_.flatMap((r) => {
          const e = ref.locations.find((l) => l.id === r.result.locationId)
          return e ? [e.iso2 ?? e.id.replace(/^zone:/, '')] : []
        })
      )
    ]
    const suppliers = places.map((place, i) => ({
      id: `s${i}`,
      place,
      fromMonth: '2024-01',
      toMonth: '2026-12',
      intensityGPerKWh: 0,
      source: 'contract'
    }))
    const m = withInstruments({ supplierFactors: suppliers })
    expect(own_.length).toBeGreaterThan(0)
    for (const r of own_)
      expect(m.runMarket[r.id]).toEqual({ basis: 'instruments', emissionsKg: { value: 0, low: 0, high: 0 } })
    const csv = reportCsvFiles(m, runs, tables.projects).find((f) => f.name === 'runs.csv')!.content
    const [header, ...rows] = parseCsv(csv).map((r) => r.cells)
    const at = (row: string[], name: string) => row[header!.indexOf(name)]!
    expect(rows.every((row) => at(row, 'market_basis') === 'instruments')).toBe(true)
    const ownIds = new Set(own_.map((r) => r.id))
    for (const row of rows.filter((row) => ownIds.has(at(row, 'run_id'))))
      expect(Number(at(row, 'market_emissions_kg'))).toBe(0)
    // the key figure (and summary.csv) is the same sum as the runs' shares, never the runs' own stored figures
    const market = m.keyFigures.find((k) => k.id === 'market')!
    const shares = runs.reduce((sum, r) => sum + (m.runMarket[r.id]?.emissionsKg.value ?? 0), 0)
    expect(market.value.value).toBeCloseTo(shares, 9)
    expect(market.value.value).toBeLessThan(model().keyFigures.find((k) => k.id === 'market')!.value.value)
    expect(market.changeVsPrevious).toBeNull()
    // and the tables by project, person, hardware and location add up to it
    for (const rows of [m.byProject, m.byPerson, m.byHardware, m.byLocation])
      expect(rows.reduce((sum, r) => sum + r.sums.marketEmissionsKg.value, 0)).toBeCloseTo(shares, 9)
  })
})
