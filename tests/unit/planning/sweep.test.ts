import { describe, expect, it } from 'vitest'
import { HOUR_MS, type HourlySeries, seriesOfProfile } from '../../../shared/planning/hourly'
import { dodgeStudy } from '../../../shared/planning/study'
import { strategySpan, sweepStarts } from '../../../shared/planning/sweep'
import { PAPER_STRATEGIES, planTimeShift, type ShiftStrategy } from '../../../shared/planning/timeshift'
import { bundledHourlyYears, loadHourlyProfile, loadReferenceData } from '../../../shared/refdata/index'

/** A small seeded generator (mulberry32), so that a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The brute-force oracle: every block of the window summed afresh; the whole span sorted afresh. */
function oracle(values: readonly number[], s: number, n: number, strategy: ShiftStrategy): number {
  const sum = (from: number, count: number): number => values.slice(from, from + count).reduce((a, b) => a + b, 0)
  if (strategy.kind === 'flexible') {
    let best = Infinity
    for (let t = s; t <= s + strategy.windowHours; t++) best = Math.min(best, sum(t, n))
    return best
  }
  const span = values.slice(s, s + strategySpan(n, strategy)).sort((a, b) => a - b)
  return span.slice(0, n).reduce((a, b) => a + b, 0)
}

const seriesOf = (values: number[]): HourlySeries => ({
  zone: 'XX',
  label: 'random',
  startUtcMs: Date.UTC(2024, 0, 1),
  intensitiesGPerKWh: values,
  sourceId: 'test'
})

describe('sweepStarts and the planner against the brute-force oracle', () => {
  it('agree on random series, job lengths and strategies (ties included: values on a coarse grid)', () => {
    const next = random(12)
    for (let trial = 0; trial < 15; trial++) {
      const values = Array.from({ length: 30 + Math.floor(next() * 90) }, () => Math.round(next() * 20) * 25)
      const n = 1 + Math.floor(next() * 12)
      const strategies: ShiftStrategy[] = [
        ...PAPER_STRATEGIES,
        { kind: 'flexible', windowHours: Math.floor(next() * 30) },
        { kind: 'pause-resume', extraPercent: Math.floor(next() * 300) }
      ]
      const sweep = sweepStarts(values, n, strategies)
      expect(sweep.starts).toBe(
        Math.max(0, values.length - Math.max(...strategies.map((st) => strategySpan(n, st))) + 1)
      )
      for (let s = 0; s < sweep.starts; s++) {
        expect(sweep.baseline[s]).toBeCloseTo(oracle(values, s, n, { kind: 'flexible', windowHours: 0 }), 6)
        strategies.forEach((strategy, k) => {
          const expected = oracle(values, s, n, strategy)
          expect(sweep.optimized[k]![s], `trial ${trial} s ${s} ${JSON.stringify(strategy)}`).toBeCloseTo(expected, 6)
          const plan = planTimeShift(
            seriesOf(values),
            { startUtcMs: Date.UTC(2024, 0, 1) + s * HOUR_MS, hours: n, powerKW: 1000 },
            strategy
          )
          expect(plan.optimizedKg).toBeCloseTo(expected, 6)
        })
      }
    }
  }, 60_000)

  it('agree on random cases across the bundled zones and years', async () => {
    const ref = loadReferenceData()
    const next = random(2024)
    const zones = ref.manifest.hourlyZones!
    for (let trial = 0; trial < 30; trial++) {
      const zone = zones[Math.floor(next() * zones.length)]!
      const years = bundledHourlyYears(zone)
      const year = years[Math.floor(next() * years.length)]!
      const series = seriesOfProfile((await loadHourlyProfile(zone, year))!)
      const values = series.intensitiesGPerKWh
      const n = 1 + Math.floor(next() * 72)
      const strategy = PAPER_STRATEGIES[Math.floor(next() * PAPER_STRATEGIES.length)]!
      const s = Math.floor(next() * (values.length - strategySpan(n, strategy)))
      const plan = planTimeShift(
        series,
        { startUtcMs: series.startUtcMs + s * HOUR_MS, hours: n, powerKW: 1 },
        strategy
      )
      const where = `${zone} ${year} s=${s} n=${n} ${JSON.stringify(strategy)}`
      expect(plan.optimizedKg * 1000, where).toBeCloseTo(oracle(values, s, n, strategy), 6)
      const sweep = sweepStarts(values, n, [strategy])
      expect(sweep.optimized[0]![s], where).toBeCloseTo(oracle(values, s, n, strategy), 6)
    }
  }, 60_000)
})

describe('dodgeStudy', () => {
  it("matches the brute force over every start for France 2024's 24-hour, 1 kW job", async () => {
    const series = seriesOfProfile((await loadHourlyProfile('FR', 2024))!)
    const values = series.intensitiesGPerKWh
    const study = dodgeStudy([{ zone: 'FR', label: 'France', year: 2024, intensitiesGPerKWh: values }], {
      hours: 24,
      powerKW: 1
    })
    const row = study.rows[0]!
    // The widest setting is Pause and Resume +100 %: 48 hours from each start.
    expect(row.starts).toBe(values.length - 48 + 1)
    let baseline = 0
    const saved = PAPER_STRATEGIES.map(() => 0)
    const pct = PAPER_STRATEGIES.map(() => 0)
    for (let s = 0; s < row.starts; s++) {
      const job = { startUtcMs: series.startUtcMs + s * HOUR_MS, hours: 24, powerKW: 1 }
      PAPER_STRATEGIES.forEach((strategy, k) => {
        const plan = planTimeShift(series, job, strategy)
        if (k === 0) baseline += plan.baselineKg
        saved[k]! += plan.savedKg
        pct[k]! += plan.savingsPct
      })
    }
    expect(row.meanBaselineKg).toBeCloseTo(baseline / row.starts, 9)
    row.strategies.forEach((result, k) => {
      expect(result.meanSavedKg).toBeCloseTo(saved[k]! / row.starts, 9)
      expect(result.meanSavingsPct).toBeCloseTo(pct[k]! / row.starts, 6)
    })
    expect(row.regionSavingPct).toBe(0)
  }, 60_000)

  it('measures the region saving against the dirtiest zone of the study', () => {
    const flat = (zone: string, value: number) => ({
      zone,
      label: zone,
      year: 2024,
      intensitiesGPerKWh: new Array(100).fill(value)
    })
    const study = dodgeStudy([flat('A', 400), flat('B', 100)], { hours: 4, powerKW: 2 })
    expect(study.referenceZone).toBe('A')
    expect(study.rows.map((r) => [r.meanBaselineKg, r.regionSavingPct])).toEqual([
      [3.2, 0],
      [0.8, 75]
    ])
    // A flat grid gives nothing to shift.
    expect(study.rows[1]!.strategies.every((st) => st.meanSavedKg === 0)).toBe(true)
  })
})
