import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PlanningError } from '../../../shared/planning/errors'
import { HOUR_MS, type HourlySeries, isoHour } from '../../../shared/planning/hourly'
import { whatIfStrategies } from '../../../shared/planning/study'
import {
  comparePaperStrategies,
  PAPER_STRATEGIES,
  pauseResumeSpanEnd,
  planTimeShift,
  type ShiftStrategy
} from '../../../shared/planning/timeshift'

const T0 = Date.UTC(2024, 0, 1, 0)
const series = (values: number[]): HourlySeries => ({
  zone: 'TEST',
  label: 'Test zone',
  startUtcMs: T0,
  intensitiesGPerKWh: values,
  sourceId: 'test'
})
const at = (hour: number): number => T0 + hour * HOUR_MS
const flexible = (windowHours: number): ShiftStrategy => ({ kind: 'flexible', windowHours })
const pauseResume = (extraPercent: number): ShiftStrategy => ({ kind: 'pause-resume', extraPercent })

function planningError(fn: () => unknown): PlanningError {
  try {
    fn()
  } catch (error) {
    if (error instanceof PlanningError) return error
    throw error
  }
  throw new Error('expected a PlanningError')
}

describe('flexible start', () => {
  // hours:    0    1    2    3    4    5    6    7
  const values = [300, 200, 100, 50, 60, 400, 10, 10]

  it('picks the cheapest 2-hour block within the window and computes kg by hand', () => {
    // starts 1…4: blocks 200+100=300, 100+50=150, 50+60=110, 60+400=460 → start 3
    const plan = planTimeShift(series(values), { startUtcMs: at(1), hours: 2, powerKW: 10 }, flexible(3))
    expect(plan.baselineKg).toBe((10 * 300) / 1000)
    expect(plan.optimizedKg).toBe((10 * 110) / 1000)
    expect(plan.savedKg).toBeCloseTo(1.9, 12)
    expect(plan.savingsPct).toBeCloseTo((1.9 / 3) * 100, 10)
    expect(plan.firstHourUtcMs).toBe(at(3))
    expect(plan.chosenHoursUtcMs).toEqual([at(3), at(4)])
    expect(plan.baselineHoursUtcMs).toEqual([at(1), at(2)])
    expect(plan.span).toEqual({ startUtcMs: at(1), intensitiesGPerKWh: [200, 100, 50, 60, 400] })
    expect(plan.notes).toEqual([])
  })

  it('a window of 0 is the baseline', () => {
    const plan = planTimeShift(series(values), { startUtcMs: at(1), hours: 2, powerKW: 10 }, flexible(0))
    expect(plan.optimizedKg).toBe(plan.baselineKg)
    expect(plan.savedKg).toBe(0)
    expect(plan.savingsPct).toBe(0)
  })

  it('ties go to the earliest block', () => {
    const plan = planTimeShift(series([5, 1, 2, 2, 1, 2, 1]), { startUtcMs: at(0), hours: 2, powerKW: 1 }, flexible(6))
    // blocks from 1: 3, from 3: 3, from 4: 3 (ends at 5) → earliest is 1
    expect(plan.chosenHoursUtcMs).toEqual([at(1), at(2)])
  })

  it('ties of non-integer intensities survive the running sum', () => {
    const tenth = [0.1, 0.2, 0.7, 0.1, 0.2, 0.3, 0.3, 0.3, 0.1, 0.2]
    // 3-hour blocks: 1.0, 1.0, 1.0, 0.6, 0.8, 0.9, 0.7, 0.6 → first 0.6 at hour 3 (and again at 7)
    const plan = planTimeShift(series(tenth), { startUtcMs: at(0), hours: 3, powerKW: 1 }, flexible(7))
    expect(plan.firstHourUtcMs).toBe(at(3))
  })

  it('clips a window that runs past the end of the data, with a note', () => {
    const plan = planTimeShift(series(values), { startUtcMs: at(4), hours: 2, powerKW: 1 }, flexible(24))
    // starts 4…6 only: 460, 410, 20 → 6
    expect(plan.chosenHoursUtcMs).toEqual([at(6), at(7)])
    expect(plan.span.intensitiesGPerKWh).toEqual([60, 400, 10, 10])
    expect(plan.notes).toEqual([
      'The 24-hour window is cut to 2 hours: later starts would run past the end of the data (2024-01-01T07:00:00Z).'
    ])
  })

  it('counts a start inside an hour from its slot, with a note', () => {
    const plan = planTimeShift(series(values), { startUtcMs: at(1) + 25 * 60_000, hours: 2, powerKW: 1 }, flexible(0))
    expect(plan.baselineHoursUtcMs).toEqual([at(1), at(2)])
    expect(plan.notes[0]).toContain('counts from its UTC hour slot 2024-01-01T01:00:00Z')
  })
})

describe('pause and resume', () => {
  it('takes the n cheapest hours of [s, s + floor(n × (1 + p/100))) in time order', () => {
    // n = 3, p = 50 → floor(4.5) = 4 hours: 2…5 = 100, 50, 60, 400 → 2, 3, 4
    const values = [300, 200, 100, 50, 60, 400, 10, 10]
    const plan = planTimeShift(series(values), { startUtcMs: at(2), hours: 3, powerKW: 2 }, pauseResume(50))
    expect(plan.chosenHoursUtcMs).toEqual([at(2), at(3), at(4)])
    expect(plan.span.intensitiesGPerKWh).toEqual([100, 50, 60, 400])
    expect(plan.baselineKg).toBe(plan.optimizedKg)
  })

  it('rounds the span down: n = 3, p = 25 → 3.75 → 3 hours, no freedom', () => {
    expect(pauseResumeSpanEnd(0, 3, 25)).toBe(3)
    expect(pauseResumeSpanEnd(0, 3, 34)).toBe(4)
    expect(pauseResumeSpanEnd(10, 4, 100)).toBe(18)
    const plan = planTimeShift(series([9, 9, 9, 1, 1, 1]), { startUtcMs: at(0), hours: 3, powerKW: 1 }, pauseResume(25))
    expect(plan.savedKg).toBe(0)
  })

  it('skips expensive hours and resumes later', () => {
    // n = 2, p = 100 → 4 hours 1…4 = 200, 100, 50, 60 → 3, 4 ; later the run resumes
    const values = [300, 200, 100, 50, 60, 400, 10, 10]
    const plan = planTimeShift(series(values), { startUtcMs: at(1), hours: 2, powerKW: 4 }, pauseResume(100))
    expect(plan.chosenHoursUtcMs).toEqual([at(3), at(4)])
    expect(plan.optimizedKg).toBeCloseTo((4 * 110) / 1000, 12)
    expect(plan.baselineKg).toBeCloseTo((4 * 300) / 1000, 12)
  })

  it('ties go to the earliest hours', () => {
    const plan = planTimeShift(
      series([3, 1, 2, 1, 1, 2]),
      { startUtcMs: at(0), hours: 2, powerKW: 1 },
      pauseResume(200)
    )
    expect(plan.chosenHoursUtcMs).toEqual([at(1), at(3)])
  })

  it('clips the span at the end of the data, with a note', () => {
    const plan = planTimeShift(series([5, 4, 3, 2]), { startUtcMs: at(1), hours: 2, powerKW: 1 }, pauseResume(100))
    expect(plan.chosenHoursUtcMs).toEqual([at(2), at(3)])
    expect(plan.notes).toEqual([
      'The span of 4 hours is cut to 3: it would run past the end of the data (2024-01-01T03:00:00Z).'
    ])
  })
})

describe('jobs the data cannot hold', () => {
  const data = series([1, 2, 3, 4])
  it('n larger than the horizon is an error', () => {
    const error = planningError(() => planTimeShift(data, { startUtcMs: at(0), hours: 5, powerKW: 1 }, flexible(6)))
    expect(error.code).toBe('longer-than-data')
    expect(error.message).toBe('A job of 5 hours is longer than the 4 hours of hourly data of TEST.')
  })
  it('a baseline running past the end is an error', () => {
    const error = planningError(() => planTimeShift(data, { startUtcMs: at(2), hours: 3, powerKW: 1 }, flexible(0)))
    expect(error.code).toBe('past-end-of-data')
    expect(error.message).toContain('2024-01-01T00:00:00Z to 2024-01-01T03:00:00Z')
  })
  it('a start outside the data is an error', () => {
    expect(
      planningError(() => planTimeShift(data, { startUtcMs: at(-1), hours: 1, powerKW: 1 }, flexible(0))).code
    ).toBe('outside-data')
    expect(
      planningError(() => planTimeShift(data, { startUtcMs: at(4), hours: 1, powerKW: 1 }, flexible(0))).code
    ).toBe('outside-data')
  })
  it('rejects fractional hours and negative settings', () => {
    expect(
      planningError(() => planTimeShift(data, { startUtcMs: at(0), hours: 1.5, powerKW: 1 }, flexible(0))).code
    ).toBe('invalid-input')
    expect(
      planningError(() => planTimeShift(data, { startUtcMs: at(0), hours: 1, powerKW: 1 }, flexible(-1))).code
    ).toBe('invalid-input')
    expect(
      planningError(() => planTimeShift(data, { startUtcMs: at(0), hours: 1, powerKW: 1 }, pauseResume(-5))).code
    ).toBe('invalid-input')
  })
})

it("offers the paper's eight settings side by side", () => {
  const values = Array.from({ length: 48 }, (_, h) => 100 + 50 * Math.sin(h / 4))
  const plans = comparePaperStrategies(series(values), { startUtcMs: at(2), hours: 4, powerKW: 1 })
  expect(plans.map((p) => p.strategy)).toEqual([
    flexible(6),
    flexible(12),
    flexible(18),
    flexible(24),
    pauseResume(25),
    pauseResume(50),
    pauseResume(75),
    pauseResume(100)
  ])
  expect(isoHour(plans[0]!.firstHourUtcMs)).toMatch(/^2024-01-01T\d\d:00:00Z$/)
})

describe('properties', () => {
  const scenario = fc
    .record({
      values: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 60 }),
      s: fc.nat(),
      n: fc.integer({ min: 1, max: 12 }),
      w: fc.integer({ min: 0, max: 30 }),
      p: fc.integer({ min: 0, max: 200 }),
      powerKW: fc.double({ min: 0.01, max: 100, noNaN: true })
    })
    .filter(({ values, n }) => n <= values.length)
    .map((x) => ({ ...x, s: x.s % (x.values.length - x.n + 1) }))

  it('flexible start equals the brute-force cheapest block, earliest on ties', () => {
    fc.assert(
      fc.property(scenario, ({ values, s, n, w }) => {
        const plan = planTimeShift(series(values), { startUtcMs: at(s), hours: n, powerKW: 1 }, flexible(w))
        let best = Infinity
        let bestStart = -1
        for (let t = s; t <= Math.min(s + w, values.length - n); t++) {
          const sum = values.slice(t, t + n).reduce((a, b) => a + b, 0)
          if (sum < best) [best, bestStart] = [sum, t]
        }
        expect(plan.firstHourUtcMs).toBe(at(bestStart))
        expect(plan.optimizedKg).toBe(best / 1000)
      })
    )
  })

  it('pause and resume equals the brute-force n smallest hours', () => {
    fc.assert(
      fc.property(scenario, ({ values, s, n, p }) => {
        const plan = planTimeShift(series(values), { startUtcMs: at(s), hours: n, powerKW: 1 }, pauseResume(p))
        const end = Math.min(values.length, s + Math.floor((n * (100 + p)) / 100))
        const smallest = values
          .slice(s, end)
          .sort((a, b) => a - b)
          .slice(0, n)
        expect(plan.optimizedKg).toBe(smallest.reduce((a, b) => a + b, 0) / 1000)
        expect(plan.chosenHoursUtcMs).toHaveLength(n)
        expect([...plan.chosenHoursUtcMs].sort((a, b) => a - b)).toEqual(plan.chosenHoursUtcMs)
      })
    )
  })

  it('savings are never negative, on any real intensities', () => {
    const reals = fc.array(fc.double({ min: 0, max: 2000, noNaN: true }), { minLength: 1, maxLength: 60 })
    fc.assert(
      fc.property(
        reals,
        fc.nat(),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 200 }),
        (values, s0, n0, w, p) => {
          const n = Math.min(n0, values.length)
          const s = s0 % (values.length - n + 1)
          const job = { startUtcMs: at(s), hours: n, powerKW: 3 }
          for (const strategy of [flexible(w), pauseResume(p)]) {
            const plan = planTimeShift(series(values), job, strategy)
            expect(plan.savedKg).toBeGreaterThanOrEqual(0)
            expect(plan.optimizedKg).toBeLessThanOrEqual(plan.baselineKg * (1 + 1e-12))
          }
        }
      )
    )
  })

  it('a larger window or allowance never does worse', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 200 }),
        ({ values, s, n, w, p, powerKW }, dw, dp) => {
          const job = { startUtcMs: at(s), hours: n, powerKW }
          const data = series(values)
          expect(planTimeShift(data, job, flexible(w + dw)).optimizedKg).toBeLessThanOrEqual(
            planTimeShift(data, job, flexible(w)).optimizedKg
          )
          expect(planTimeShift(data, job, pauseResume(p + dp)).optimizedKg).toBeLessThanOrEqual(
            planTimeShift(data, job, pauseResume(p)).optimizedKg
          )
        }
      )
    )
  })
})

describe('whatIfStrategies sums exactly what planTimeShift plans, job by job', () => {
  it('over random jobs and series, with jobs the data cannot plan skipped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 30, maxLength: 120 }),
        fc.array(
          fc.record({
            start: fc.integer({ min: -5, max: 130 }),
            hours: fc.integer({ min: 1, max: 40 }),
            powerKW: fc.double({ min: 0.01, max: 20, noNaN: true }),
            offsetMin: fc.constantFrom(0, 17)
          }),
          { maxLength: 25 }
        ),
        (values, drafts) => {
          const s = series(values)
          const jobs = drafts.map((d) => ({
            series: s,
            job: { startUtcMs: at(d.start) + d.offsetMin * 60_000, hours: d.hours, powerKW: d.powerKW }
          }))
          // The plain way: every job with every strategy through planTimeShift, a job skipped when any refuses it.
          const expected = PAPER_STRATEGIES.map((strategy) => ({
            strategy,
            jobs: 0,
            baselineKg: 0,
            optimizedKg: 0,
            savedKg: 0
          }))
          let skipped = 0
          for (const { job } of jobs) {
            try {
              const plans = PAPER_STRATEGIES.map((strategy) => planTimeShift(s, job, strategy))
              plans.forEach((plan, k) => {
                const total = expected[k]!
                total.jobs++
                total.baselineKg += plan.baselineKg
                total.optimizedKg += plan.optimizedKg
                total.savedKg += plan.savedKg
              })
            } catch (error) {
              if (!(error instanceof PlanningError)) throw error
              skipped++
            }
          }
          expect(whatIfStrategies(jobs)).toEqual({ totals: expected, skipped })
        }
      ),
      { numRuns: 150 }
    )
    // A job the schema refuses (no hours) is skipped as planTimeShift would refuse it.
    expect(
      whatIfStrategies([{ series: series([1, 2, 3]), job: { startUtcMs: T0, hours: 0, powerKW: 1 } }]).skipped
    ).toBe(1)
  })
})
