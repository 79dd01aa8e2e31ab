import { describe, expect, it } from 'vitest'
import type { RunResult } from '../../../shared/domain/result'
import { runInputSchema } from '../../../shared/domain/run'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateRun } from '../../../shared/emissions/resolve'
import { quarterPeriod } from '../../../shared/ledger/period'
import { type HourlySeries, PAPER_STRATEGIES, whatRunWouldHaveSaved } from '../../../shared/planning/index'
import { loadReferenceData } from '../../../shared/refdata/index'
import { buildReportModel, periodBoundsMs, totalsFromRuns } from '../../../shared/report'
import {
  loadShiftSeries,
  type RunShiftSeries,
  type ShiftableRun,
  timeShiftWhatIfOf
} from '../../../shared/report/time-shift'
import { lab as smallLabDefaults, projects, ref as smallRef, smallLab } from './small-lab'

const ref = loadReferenceData()
const lab = labDefaultsSchema.parse({})
/** A run measured at the meter (PUE included), so its mean power is energy / hours exactly. */
const runOf = (id: string, draft: Record<string, unknown>): ShiftableRun & { result: RunResult } => {
  const input = runInputSchema.parse({
    startedAt: '2024-01-01T00:00:00Z',
    durationS: 7200,
    measuredEnergyKWh: 2,
    measuredEnergyIncludesPue: true,
    location: { kind: 'zone', zone: 'FR' },
    ...draft
  })
  return { id, input, result: estimateRun(input, ref, lab) }
}

// 400, 300, 100, 100, 200, 400 g/kWh, then 500 for the rest of the reach (2 h + 24 h + 1).
const values = [400, 300, 100, 100, 200, 400, ...Array.from({ length: 30 }, () => 500)]
const series: HourlySeries = {
  zone: 'XX',
  label: 'Test',
  startUtcMs: Date.UTC(2024, 0, 1),
  intensitiesGPerKWh: values,
  sourceId: 's'
}
const strategyIndex = (kind: string, n: number) =>
  PAPER_STRATEGIES.findIndex((s) =>
    s.kind === 'flexible' ? kind === 'flexible' && s.windowHours === n : kind === 'pause' && s.extraPercent === n
  )

describe('timeShiftWhatIfOf: what each setting would have saved over a period', () => {
  it('sums hand-computed savings, and counts and weighs the runs it cannot plan', () => {
    const planned = runOf('a', {})
    const custom = runOf('b', { location: { kind: 'custom', label: 'Basement', intensityGPerKWh: 300 } })
    const service = runOf('c', { hoursPerDay: 8 })
    const given = new Map<string, RunShiftSeries>([
      ['a', { series, projected: false, fromYears: [] }],
      ['c', { series, projected: false, fromYears: [] }]
    ])
    const w = timeShiftWhatIfOf([planned, custom, service], given)
    // On the series, 2 h at 1 kW from 00:00: (400 + 300) g = 0.7 kg; the what-if speaks in the run's own figure.
    const emittedKg = planned.result.emissionsKg.value
    expect(w.coveredRuns).toBe(1)
    expect(w.baselineKg).toBeCloseTo(emittedKg, 12)
    // Flexible Start W = 6 h: the block at 02:00 (100 + 100 g), 0.5 of 0.7 kg saved on the series: 71.4 %.
    expect(w.strategies[strategyIndex('flexible', 6)]).toMatchObject({
      savedKg: expect.closeTo((emittedKg * 0.5) / 0.7, 12)
    })
    expect(w.strategies[strategyIndex('flexible', 6)]!.savedPct).toBeCloseTo((100 * 0.5) / 0.7, 9)
    // Pause & Resume +25 %: floor(2 × 1.25) = 2 hours, nothing to choose; +100 %: the two 100 g hours of four.
    expect(w.strategies[strategyIndex('pause', 25)]!.savedKg).toBeCloseTo(0, 12)
    expect(w.strategies[strategyIndex('pause', 100)]!.savedKg).toBeCloseTo((emittedKg * 0.5) / 0.7, 12)
    // The custom location (no profile) and the continuous service are left out, with their recorded emissions.
    expect(w.notCoveredRuns).toBe(2)
    expect(w.notCoveredKg).toBeCloseTo(custom.result.emissionsKg.value + service.result.emissionsKg.value, 12)
    expect(w.projectedRuns).toBe(0)
  })

  it('states no saving when no run is covered', () => {
    const w = timeShiftWhatIfOf([runOf('a', {})], new Map())
    expect(w).toMatchObject({ coveredRuns: 0, baselineKg: 0, notCoveredRuns: 1 })
    for (const s of w.strategies) expect(s).toMatchObject({ savedKg: 0, savedPct: 0 })
  })
})

describe('loadShiftSeries on the bundled profiles', { timeout: 60_000 }, () => {
  it("plans a 2024 run on France's actual hours, as the run detail does, and a 2026 run on a projection", async () => {
    const actual = runOf('fr-2024', { startedAt: '2024-03-01T10:00:00Z' })
    const later = runOf('fr-2026', { startedAt: '2026-03-02T10:00:00Z' })
    const unknown = runOf('custom', { location: { kind: 'custom', label: 'Basement', intensityGPerKWh: 300 } })
    const loaded = await loadShiftSeries([actual, later, unknown], ref, lab)
    expect(loaded.get('fr-2024')?.projected).toBe(false)
    expect(loaded.get('fr-2026')).toMatchObject({ projected: true, fromYears: [2021, 2022, 2023, 2024] })
    expect(loaded.has('custom')).toBe(false)

    const w = timeShiftWhatIfOf([actual], loaded)
    const plans = whatRunWouldHaveSaved(loaded.get('fr-2024')!.series, actual.input, actual.result)
    expect(w.baselineKg).toBeCloseTo(plans[0]!.baselineKg, 12)
    PAPER_STRATEGIES.forEach((_, k) => expect(w.strategies[k]!.savedKg).toBeCloseTo(plans[k]!.savedKg, 12))
    expect(w.strategies.at(-1)!.savedKg).toBeGreaterThan(0)

    const both = timeShiftWhatIfOf([actual, later, unknown], loaded)
    expect(both).toMatchObject({ coveredRuns: 2, projectedRuns: 1, projectedFromYears: [2021, 2022, 2023, 2024] })
    expect(both.notCoveredRuns).toBe(1)
  })
})

describe('the report model carries the time-shifting what-if of its runs', { timeout: 60_000 }, () => {
  it("sums the quarter's runs loaded by loadShiftSeries; without series no run is covered", async () => {
    const Q1 = quarterPeriod(2025, 1)
    // The small lab's runs sit at custom locations (no profile); one more runs in France (projected for 2025).
    const fr = runOf('fr-q1', { startedAt: '2025-02-03T10:00:00Z' })
    const runs = [
      ...smallLab,
      { ...fr, projectId: projects[0]!.id, person: 'Ada', startedAtMs: Date.parse(fr.input.startedAt) }
    ]
    const inQ1 = runs.filter(
      (r) => r.startedAtMs >= periodBoundsMs(Q1).fromMs && r.startedAtMs < periodBoundsMs(Q1).toMs
    )
    const build = (shiftSeries?: Map<string, RunShiftSeries>) =>
      buildReportModel({
        labName: 'Small Lab',
        period: Q1,
        scope: { projectIds: [], people: [] },
        generatedAt: new Date('2025-04-02T09:00:00Z'),
        runs: inQ1,
        projects,
        totals: totalsFromRuns(runs, Q1, { projectIds: [], people: [] }),
        ref: smallRef,
        lab: smallLabDefaults,
        ...(shiftSeries ? { shiftSeries } : {})
      })
    const loaded = await loadShiftSeries(inQ1, smallRef, smallLabDefaults)
    const m = build(loaded)
    expect(m.timeShift).toEqual(timeShiftWhatIfOf(inQ1, loaded))
    expect(m.timeShift.coveredRuns + m.timeShift.notCoveredRuns).toBe(inQ1.length)
    expect(m.timeShift).toMatchObject({ coveredRuns: 1, projectedRuns: 1, notCoveredRuns: inQ1.length - 1 })
    expect(m.timeShift.strategies.at(-1)!.savedKg).toBeGreaterThan(0)
    expect(build().timeShift).toMatchObject({ coveredRuns: 0, notCoveredRuns: inQ1.length })
  })
})
