import { describe, expect, it } from 'vitest'
import { runInputSchema } from '../../../shared/domain/run'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateRun } from '../../../shared/emissions/resolve'
import { quarterPeriod } from '../../../shared/ledger/period'
import { recommendChanges } from '../../../shared/planning/recommend'
import { loadReferenceData } from '../../../shared/refdata/index'
import { yearlyIntensity } from '../../../shared/refdata/locations'
import {
  buildReportModel,
  periodBoundsMs,
  referenceForWhatIfs,
  type ReportModel,
  type ReportRun,
  totalsFromRuns
} from '../../../shared/report'
import { LAB_DEFAULTS, labTables } from './fixture-lab'
import { lab, projects, ref, run, smallLab } from './small-lab'

const Q1 = quarterPeriod(2025, 1)
const inQ1 = (runs: ReportRun[]) =>
  runs.filter((r) => r.startedAtMs >= periodBoundsMs(Q1).fromMs && r.startedAtMs < periodBoundsMs(Q1).toMs)

const model = (
  runs: ReportRun[] = smallLab,
  scope = { projectIds: [] as string[], people: [] as string[] }
): ReportModel =>
  buildReportModel({
    labName: 'Small Lab',
    period: Q1,
    scope,
    generatedAt: new Date('2025-04-02T09:00:00Z'),
    runs: inQ1(runs).filter(
      (r) =>
        (scope.projectIds.length === 0 || scope.projectIds.includes(r.projectId)) &&
        (scope.people.length === 0 || scope.people.includes(r.person))
    ),
    projects,
    totals: totalsFromRuns(runs, Q1, scope),
    ref,
    lab
  })

describe('the report model of a small lab, worked out by hand', () => {
  const m = model()
  const figure = (id: string) => m.keyFigures.find((k) => k.id === id)!

  it('totals the quarter', () => {
    expect(m.total.runs).toBe(4)
    expect(m.total.energyKWh.value).toBeCloseTo(7.1, 10)
    expect(m.total.emissionsKg.value).toBeCloseTo(2.135, 10)
    expect(m.total.gpuHours).toBeCloseTo(26, 10)
    expect(m.total.emissionsKg.low).toBeLessThan(2.135)
    expect(m.total.emissionsKg.high).toBeGreaterThan(2.135)
    expect(m.periodLabel).toBe('2025 Q1')
  })

  it('compares with the previous quarter and the same quarter a year before', () => {
    expect(m.previousPeriodLabel).toBe('2024 Q4')
    expect(m.yearBeforeLabel).toBe('2024 Q1')
    expect(figure('emissions').previous).toBeCloseTo(1.5, 10)
    expect(figure('emissions').changeVsPrevious).toBeCloseTo((2.135 - 1.5) / 1.5, 10)
    expect(figure('emissions').yearBefore).toBeCloseTo(3, 10)
    expect(figure('emissions').changeVsYearBefore).toBeCloseTo((2.135 - 3) / 3, 10)
    // 4 runs against 1: below the ten runs a count comparison is worth making.
    expect(figure('runs').changeVsPrevious).toBeNull()
    expect(figure('gpuHours').changeVsPrevious).toBeCloseTo((26 - 10) / 10, 10)
    // Nothing to compare with: no change, rather than an infinite one.
    expect(
      model(smallLab.filter((r) => r.id !== 'E')).keyFigures.find((k) => k.id === 'emissions')!.changeVsPrevious
    ).toBeNull()
  })

  it('breaks down by project and person, with shares of the emissions', () => {
    expect(m.byProject.map((r) => [r.label, r.sums.runs])).toEqual([
      ['Vision', 2],
      ['Language', 2]
    ])
    expect(m.byProject[0]!.sums.emissionsKg.value).toBeCloseTo(1.74, 10)
    expect(m.byProject[1]!.sums.emissionsKg.value).toBeCloseTo(0.395, 10)
    expect(m.byProject[0]!.share).toBeCloseTo(1.74 / 2.135, 10)
    const ada = m.byPerson.find((r) => r.key === 'Ada')!
    expect(ada.sums.emissionsKg.value).toBeCloseTo(1.595, 10)
    expect(m.byLocation.find((r) => r.key === 'unknown')!.label).toBe('Unknown location')
  })

  it('counts the people named: a run with nobody named adds its emissions, not a person', () => {
    expect(m.peopleCount).toBe(2)
    const withUnnamed = model([...smallLab, run('G', 'p1', '', { startedAt: '2025-02-11T08:00:00Z', durationS: 3600, pue: 1 })])
    expect(withUnnamed.peopleCount).toBe(2)
    expect(withUnnamed.byPerson.some((r) => r.key === '')).toBe(true)
    const perPerson = withUnnamed.ghg.intensity.perPersonKg!
    expect(perPerson).toBeCloseTo(withUnnamed.total.emissionsKg.value / 2, 10)
  })

  it('has the months of the year to the quarter, the quarter marked', () => {
    expect(m.trend).toHaveLength(12)
    expect(m.trend[0]!.month).toBe('2024-04')
    expect(m.trend.filter((t) => t.inPeriod).map((t) => t.month)).toEqual(['2025-01', '2025-02', '2025-03'])
    expect(m.trend.find((t) => t.month === '2024-11')!.emissionsKg.value).toBeCloseTo(1.5, 10)
    expect(m.trend.find((t) => t.month === '2025-02')!.emissionsKg.value).toBeCloseTo(1.5, 10)
  })

  it('lists the largest runs first and converts to equivalents', () => {
    expect(m.largestRuns.map((r) => r.id)).toEqual(['A', 'B', 'C', 'D'])
    expect(m.equivalents.carKm).toBeCloseTo(2135 / 175, 10)
    expect(m.equivalents.treeMonths).toBeCloseTo(2135 / 917, 10)
    expect(m.equivalents.flights).toBeCloseTo(2.135 / 50, 10)
  })

  it('measures data quality: measured share, unknown locations, what dominates the range', () => {
    const dq = m.dataQuality
    expect(dq.measured).toBe(1)
    expect(dq.measuredShare).toBe(0.25)
    expect(dq.unknownLocation).toBe(1)
    expect(dq.unknownLocationShare).toBe(0.25)
    expect(dq.unknownLocationEmissionsShare).toBeCloseTo(0.095 / 2.135, 10)
    expect(dq.uncertainty.reduce((s, u) => s + u.share, 0)).toBeCloseTo(1, 10)
    // Every run states its PUE (±5 %): the PUE is the smallest part of the range.
    expect(dq.uncertainty.at(-1)!.factor).toBe('pue')
    expect(dq.rangeWidthKg).toBeCloseTo(m.total.emissionsKg.high - m.total.emissionsKg.low, 10)
  })

  it('scopes to one project or one person', () => {
    const vision = model(smallLab, { projectIds: ['p1'], people: [] })
    expect(vision.total.emissionsKg.value).toBeCloseTo(1.74, 10)
    expect(vision.keyFigures.find((k) => k.id === 'emissions')!.previous).toBeCloseTo(1.5, 10)
    expect(vision.scopeLabel).toBe('projects Vision')
    const bob = model(smallLab, { projectIds: [], people: ['Bob'] })
    expect(bob.total.emissionsKg.value).toBeCloseTo(0.54, 10)
    expect(bob.largestRuns.map((r) => r.id)).toEqual(['B', 'C'])
  })

  it('writes a citable statement with the figures, as text and as LaTeX', () => {
    expect(m.statement.text).toContain(
      'In 2025 Q1 (2025-01 to 2025-03), the machine-learning work of Small Lab comprised 4 runs and 26 GPU-hours'
    )
    expect(m.statement.text).toContain('7.1 kWh (range ')
    // 2.135 sums to 2.1349999999999998 in floating point, whose shortest decimal is 2.135: Intl rounds it to 2.14.
    expect(m.statement.text).toContain('2.14 kg CO2e (range ')
    expect(m.statement.text).toContain('The energy of 25 % of the runs was measured')
    expect(m.statement.text).toContain(`reference data version ${ref.manifest.dataVersion}`)
    expect(m.statement.latex).toContain('2.14~kg~CO$_2$e (range ')
    expect(m.statement.latex).toContain('25 \\% of the runs')
  })

  it('states the lab defaults in the methodology and lists the data sources with licences', () => {
    expect(m.methodology.find((l) => l.label === "PUE of the lab's own machines")!.text).toContain('1.56')
    expect(m.methodology.find((l) => l.label === 'IT energy')!.text).toContain('0.3725 W/GB')
    expect(m.sources.find((s) => s.id === 'green-algorithms')).toMatchObject({ licence: 'CC BY 4.0' })
    expect(m.sources.find((s) => s.id === 'electricity-maps-yearly')).toMatchObject({ licence: 'ODbL 1.0' })
  })
})

describe('what-ifs', () => {
  it("moves a cloud run to its provider's cleanest region and saves the difference", () => {
    const cloud = run('G', 'p1', 'Ada', {
      startedAt: '2025-02-01T00:00:00Z',
      durationS: 36_000,
      devices: [{ kind: 'gpu', hardwareId: 'gpu:nvidia-a100-sxm4-80-gb', name: 'A100', count: 1 }],
      location: { kind: 'cloud', provider: 'aws', region: 'us-east-1' }
    })
    const m = model([cloud])
    // The cleanest AWS region of 2025 by intensity × PUE, found here by a plain scan of the reference data.
    const aws = ref.locations.filter((l) => l.kind === 'cloud' && l.provider === 'aws')
    const score = (l: (typeof aws)[number]) => yearlyIntensity(l, 2025).intensity.intensityGPerKWh * (l.pue ?? 1.2)
    const best = aws.reduce((a, b) => (score(b) < score(a) ? b : a))
    const there = estimateRun(
      runInputSchema.parse({ ...cloud.input, location: { kind: 'cloud', provider: 'aws', region: best.region } }),
      ref,
      lab
    )
    const here = estimateRun(cloud.input, ref, lab)
    expect(m.whatIfs.region.runCount).toBe(1)
    expect(m.whatIfs.region.moves[0]!.to).toBe(best.name)
    expect(m.whatIfs.region.savedKg.value).toBeCloseTo(here.emissionsKg.value - there.emissionsKg.value, 9)
    expect(m.whatIfs.region.savedShare).toBeCloseTo(m.whatIfs.region.savedKg.value / m.total.emissionsKg.value, 12)
    expect(m.whatIfs.hardware.runCount).toBe(1)
    expect(m.whatIfs.hardware.savedKg.value).toBeGreaterThan(0)
    expect(m.whatIfs.recommendations.length).toBeGreaterThan(0)
  })

  it('finds nothing to move for runs on the lab’s own grid with unnamed hardware', () => {
    const m = model()
    expect(m.whatIfs.region).toMatchObject({ runCount: 0, savedKg: { value: 0 } })
    expect(m.whatIfs.hardware.runCount).toBe(0)
  })
})

describe('the what-ifs’ trimmed reference data', () => {
  it('gives exactly the recommendations of the whole catalogue', () => {
    const runs = labTables({ runs: 120 }).runs
    const trimmed = referenceForWhatIfs(ref, runs)
    expect(trimmed.hardware.length).toBeLessThan(ref.hardware.length / 10)
    const all = { limit: Number.MAX_SAFE_INTEGER }
    expect(recommendChanges(runs, trimmed, LAB_DEFAULTS, {}, all)).toEqual(
      recommendChanges(runs, ref, LAB_DEFAULTS, {}, all)
    )
  })

  it('keeps the whole catalogue when a device is known only by its name', () => {
    expect(referenceForWhatIfs(ref, smallLab)).toBe(ref)
  })
})

describe('recommendations in the report are material (issue 13)', () => {
  it('lists a change only when it saves at least 1 kg and at least 1 % of the period', async () => {
    const { isMaterialSaving } = await import('../../../shared/report/what-ifs')
    expect(isMaterialSaving(0.015, 2)).toBe(false)
    expect(isMaterialSaving(1.5, 100)).toBe(true)
    expect(isMaterialSaving(5, 1000)).toBe(false)
    expect(isMaterialSaving(10, 1000)).toBe(true)
    const m = model()
    // The small lab's whole quarter is 2.1 kg: no single change can save a kilogram.
    expect(m.whatIfs.recommendations).toEqual([])
  })
})

describe("places in the report's language (issue 13)", () => {
  const tables = labTables({ runs: 120, fromMs: Date.UTC(2025, 0, 1), toMs: Date.UTC(2025, 3, 1) })
  const scope = { projectIds: [], people: [] }
  const modelIn = (language: 'en' | 'de') =>
    buildReportModel({
      labName: 'Lab',
      period: Q1,
      scope,
      generatedAt: new Date('2025-04-02T09:00:00Z'),
      runs: tables.runs,
      projects: tables.projects,
      totals: totalsFromRuns(tables.runs, Q1, scope),
      ref: loadReferenceData(),
      lab: labDefaultsSchema.parse(LAB_DEFAULTS),
      language
    })
  const places = (m: ReportModel) => [
    ...m.byLocation.map((r) => r.label),
    ...m.largestRuns.map((r) => r.location),
    ...m.ghg.factors.map((f) => f.location)
  ]

  it('names a country as the app does in that language, in every table, and keeps other places as they are', () => {
    const en = modelIn('en')
    const de = modelIn('de')
    expect(de.byLocation.find((r) => r.key === 'country:FRA')?.label).toBe('Frankreich')
    expect(en.byLocation.find((r) => r.key === 'country:FRA')?.label).toBe('France')
    expect(de.ghg.factors.map((f) => f.location)).toContain('Frankreich')
    expect(places(de)).not.toContain('France')
    // Zones, cloud regions and the lab's custom place are data: the same words in both languages.
    const others = (m: ReportModel) =>
      m.byLocation.filter((r) => r.key.startsWith('zone:') || r.key.startsWith('cloud:'))
    expect(others(de).map((r) => r.label)).toEqual(others(en).map((r) => r.label))
    expect(others(de).length).toBeGreaterThan(0)
  })
})
