import { describe, expect, it } from 'vitest'
import { quarterPeriod } from '../../../shared/ledger/period'
import { buildReportModel, periodBoundsMs, type ReportRun, totalsFromRuns } from '../../../shared/report'
import { reportText } from '../../../shared/report/text'
import { lab, projects, ref, run, smallLab } from './small-lab'

const Q1 = quarterPeriod(2025, 1)
const custom = (intensityGPerKWh: number) => ({ kind: 'custom' as const, intensityGPerKWh, label: 'grid' })

// G: a failed job, 1 × 400 W × 5 h, PUE 1, 500 g/kWh → 2 kWh, 1 kg; H: GPUs at 10 %, 1 × 1000 W × 10 % × 10 h → 1 kWh, 0.2 kg
const failed = run('G', 'p2', 'Bob', {
  startedAt: '2025-02-15T08:00:00Z',
  durationS: 18_000,
  devices: [{ kind: 'gpu', name: 'GPU', count: 1, powerW: 400, utilization: 1 }],
  pue: 1,
  location: custom(500),
  outcome: { state: 'FAILED', successful: false }
})
const idle = run('H', 'p1', 'Ada', {
  startedAt: '2025-03-01T08:00:00Z',
  durationS: 36_000,
  devices: [{ kind: 'gpu', name: 'GPU', count: 1, powerW: 1000, utilization: 0.1 }],
  pue: 1,
  location: custom(200)
})

const modelOf = (all: ReportRun[], language: 'en' | 'de' = 'en') => {
  const { fromMs, toMs } = periodBoundsMs(Q1)
  return buildReportModel({
    labName: 'Small Lab',
    period: Q1,
    scope: { projectIds: [], people: [] },
    generatedAt: new Date('2025-04-02T09:00:00Z'),
    runs: all.filter((r) => r.startedAtMs >= fromMs && r.startedAtMs < toMs),
    projects,
    totals: totalsFromRuns(all, Q1, { projectIds: [], people: [] }),
    ref,
    lab,
    language
  })
}

describe("the report's waste", () => {
  it('counts the failed job and the idle-GPU run once each, with what the lab would have saved', () => {
    const { waste } = modelOf([...smallLab, failed, idle])
    expect(waste.unsuccessful.runs).toBe(1)
    expect(waste.unsuccessful.energyKWh.value).toBeCloseTo(2, 9)
    expect(waste.unsuccessful.emissionsKg.value).toBeCloseTo(1, 9)
    expect(waste.lowUtilisation.runs).toBe(1)
    expect(waste.lowUtilisation.energyKWh.value).toBeCloseTo(1, 9)
    expect(waste.lowUtilisation.emissionsKg.value).toBeCloseTo(0.2, 9)
    expect(waste.saved.emissionsKg.value).toBeCloseTo(1.2, 9)
    // the quarter: the small lab's 2.135 kg plus these 1.2 kg
    expect(waste.savedShare).toBeCloseTo(1.2 / 3.335, 9)
    expect(waste.saved.emissionsKg.low).toBeLessThanOrEqual(waste.saved.emissionsKg.value)
    expect(waste.saved.emissionsKg.high).toBeGreaterThanOrEqual(waste.saved.emissionsKg.value)
  })

  it('names projects by their ledger name and people as stored, largest waste first', () => {
    const { waste } = modelOf([...smallLab, failed, idle])
    expect(waste.byProject.map((g) => [g.key, g.unsuccessful.runs, g.lowUtilisation.runs])).toEqual([
      ['Language', 1, 0],
      ['Vision', 0, 1]
    ])
    expect(waste.byPerson.map((g) => g.key)).toEqual(['Bob', 'Ada'])
  })

  it('is empty for a quarter without waste, and has its words in English and German', () => {
    expect(modelOf(smallLab).waste.saved.runs).toBe(0)
    for (const language of ['en', 'de'] as const) {
      const t = reportText(language)
      expect(t.sections.waste.length).toBeGreaterThan(0)
      expect(t.waste.savedText('1 kg', '2 kWh', '3 %')).toContain('1 kg')
    }
    expect(reportText('de').waste.unsuccessful).not.toBe(reportText('en').waste.unsuccessful)
  })
})
