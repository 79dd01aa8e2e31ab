import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type RunInputDraft, runInputSchema } from '../../../shared/domain/run'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateRun } from '../../../shared/emissions/resolve'
import { PlanningError } from '../../../shared/planning/errors'
import { HOUR_MS, type HourlySeries, seriesOfProfile } from '../../../shared/planning/hourly'
import { shiftJobOfRun, whatRunWouldHaveSaved } from '../../../shared/planning/run-shift'
import { comparePaperStrategies } from '../../../shared/planning/timeshift'
import { loadHourlyProfile } from '../../../shared/refdata'
import { planningRef } from './refdata-fixture'

const ref = planningRef()
const noLab = labDefaultsSchema.parse({})
const logged = (draft: Partial<RunInputDraft>) => {
  const input = runInputSchema.parse({
    startedAt: '2024-05-01T02:25:00Z',
    durationS: 2 * 3600 + 40 * 60,
    devices: [{ kind: 'gpu', hardwareId: 'gpu:old', name: 'Old GPU', count: 1 }],
    location: { kind: 'zone', zone: 'DE-LU' },
    pue: 1,
    ...draft
  })
  return { input, result: estimateRun(input, ref, noLab) }
}

describe('a logged run as a time-shifting job', () => {
  it('rounds its hours to whole hours from its start slot and states the rounding', () => {
    const { input, result } = logged({})
    const { job, notes } = shiftJobOfRun(input, result)
    // full load 0.9 × 400 W × 2.667 h = 0.96 kWh over 2.667 h → 0.36 kW; 2 h 40 min → 3 whole hours from 02:00
    expect(job).toEqual({ startUtcMs: Date.UTC(2024, 4, 1, 2), hours: 3, powerKW: expect.closeTo(0.36, 12) })
    expect(notes[0]).toBe(
      "The run's 2 h 40 min count as 3 whole hours from 2024-05-01T02:00:00Z (it started at 2024-05-01T02:25:00.000Z), at its mean power of 0.360 kW."
    )
  })

  it('counts a run shorter than an hour as one hour', () => {
    const { input, result } = logged({ durationS: 20 * 60, startedAt: '2024-05-01T02:00:00Z' })
    const { job, notes } = shiftJobOfRun(input, result)
    expect(job.hours).toBe(1)
    expect(notes[0]).toMatch(/^The run's 20 min count as 1 whole hour from 2024-05-01T02:00:00Z, at/)
  })

  it("shows what it would have saved under the paper's settings, rounding notes first", () => {
    const { input, result } = logged({})
    const series: HourlySeries = {
      zone: 'DE-LU',
      label: 'Germany',
      startUtcMs: Date.UTC(2024, 4, 1),
      intensitiesGPerKWh: Array.from({ length: 72 }, (_, h) => (h >= 10 && h < 13 ? 100 : 400)),
      sourceId: 'em'
    }
    const plans = whatRunWouldHaveSaved(series, input, result)
    expect(plans).toHaveLength(8)
    // W = 6 reaches starts 2…8: none covers hours 10–12 entirely; W = 12 starts at 10: 3 × 100 instead of 3 × 400,
    // 75 % of the baseline, taken of what the run emitted (its own figure is the baseline of every setting)
    expect(plans[1]!.firstHourUtcMs).toBe(Date.UTC(2024, 4, 1, 10))
    expect(plans[1]!.savingsPct).toBeCloseTo(75, 9)
    expect(plans[1]!.savedKg).toBeCloseTo(result.emissionsKg.value * 0.75, 12)
    for (const plan of plans) {
      expect(plan.baselineKg).toBe(result.emissionsKg.value)
      expect(plan.optimizedKg + plan.savedKg).toBeCloseTo(plan.baselineKg, 12)
    }
    // the series alone gives other kilograms (its intensity, whole hours): the shares are the same
    const raw = comparePaperStrategies(series, shiftJobOfRun(input, result).job)
    expect(raw[1]!.savedKg).toBeCloseTo((0.36 * 900) / 1000, 12)
    expect(raw.map((p) => p.savingsPct)).toEqual(plans.map((p) => p.savingsPct))
    expect(plans.every((p) => p.notes[0]!.startsWith("The run's 2 h 40 min"))).toBe(true)
  })

  it('refuses continuous services and runs without a duration', () => {
    const service = logged({ hoursPerDay: 8 })
    expect(() => shiftJobOfRun(service.input, service.result)).toThrow(PlanningError)
    const empty = logged({ durationS: 0 })
    expect(() => shiftJobOfRun(empty.input, empty.result)).toThrow(/no duration/)
  })
})

describe('the bundled DE-LU profile', async () => {
  const profile = await loadHourlyProfile('DE-LU')
  const series = seriesOfProfile(profile!)

  it('covers 2024 hour by hour', () => {
    expect(series.startUtcMs).toBe(Date.UTC(2024, 0, 1))
    expect(series.intensitiesGPerKWh.length).toBeGreaterThanOrEqual(8760)
  })

  it('every paper setting stays at or below the baseline, and a wider window or allowance never does worse', () => {
    const hoursInData = series.intensitiesGPerKWh.length
    fc.assert(
      fc.property(fc.integer({ min: 0, max: hoursInData - 200 }), fc.integer({ min: 1, max: 48 }), (s, n) => {
        const plans = comparePaperStrategies(series, {
          startUtcMs: series.startUtcMs + s * HOUR_MS,
          hours: n,
          powerKW: 1
        })
        for (const plan of plans) expect(plan.optimizedKg).toBeLessThanOrEqual(plan.baselineKg)
        const kg = plans.map((p) => p.optimizedKg)
        for (const i of [1, 2, 3, 5, 6, 7]) expect(kg[i]).toBeLessThanOrEqual(kg[i - 1]!)
      }),
      { numRuns: 50 }
    )
  })

  it('a 4-hour job with W = 24 saves something on a typical day', () => {
    const [, , , w24] = comparePaperStrategies(series, { startUtcMs: Date.UTC(2024, 2, 1, 8), hours: 4, powerKW: 1 })
    expect(w24!.savedKg).toBeGreaterThan(0)
    expect(w24!.savingsPct).toBeGreaterThan(0)
  })
})
