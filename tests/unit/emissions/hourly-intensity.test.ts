import { describe, expect, it } from 'vitest'
import { hourlyRunIntensity } from '../../../shared/emissions/hourly-intensity'
import type { HourlyProfile } from '../../../shared/refdata/schema'

const profile = (startUtc: string, lifecycle: number[], estimatedHours = 0): HourlyProfile => ({
  zone: 'XX',
  name: 'Test zone',
  startUtc,
  lifecycleGPerKWh: lifecycle,
  directGPerKWh: lifecycle.map((v) => v / 2),
  estimatedHours,
  sourceId: 'test'
})
// The last two hours of 2023 and the first two of 2024, in two zone-years.
const y2023 = profile('2023-12-31T22:00:00.000Z', [100, 200])
const y2024 = profile('2024-01-01T00:00:00.000Z', [300, 400], 1)
const yearly = (year: number): number => (year === 2024 ? 250 : 999)
const ms = (iso: string): number => Date.parse(iso)

describe('hourlyRunIntensity', () => {
  it('weighs partial hours by overlap across a year boundary: (30×100 + 60×200 + 30×300) / 120 = 200', () => {
    const r = hourlyRunIntensity({
      startUtcMs: ms('2023-12-31T22:30:00Z'),
      endUtcMs: ms('2024-01-01T00:30:00Z'),
      profiles: [y2024, y2023],
      yearlyGPerKWh: yearly
    })
    expect(r.intensityGPerKWh).toBeCloseTo(200, 10)
    expect(r.hourlyShare).toBe(1)
    expect(r.weighting).toBe('uniform')
    expect(r.spans).toEqual([
      {
        fromUtcMs: ms('2023-12-31T22:00:00Z'),
        toUtcMs: ms('2024-01-01T00:00:00Z'),
        origin: 'hourly',
        year: 2023,
        meanGPerKWh: 15000 / 90,
        energyShare: 0.75
      },
      {
        fromUtcMs: ms('2024-01-01T00:00:00Z'),
        toUtcMs: ms('2024-01-01T01:00:00Z'),
        origin: 'hourly',
        year: 2024,
        meanGPerKWh: 300,
        energyShare: 0.25
      }
    ])
    // Only 2024's hour is in a zone-year with estimated hours (1 of 2): 0.25 × 0.5.
    expect(r.estimatedShare).toBeCloseTo(0.125, 10)
  })

  it("takes the zone's yearly value for hours outside the data: (60×400 + 60×250) / 120 = 325, half hourly", () => {
    const r = hourlyRunIntensity({
      startUtcMs: ms('2024-01-01T01:00:00Z'),
      endUtcMs: ms('2024-01-01T03:00:00Z'),
      profiles: [y2024],
      yearlyGPerKWh: yearly
    })
    expect(r.intensityGPerKWh).toBeCloseTo(325, 10)
    expect(r.hourlyShare).toBeCloseTo(0.5, 10)
    expect(r.spans.map((s) => [s.origin, s.year, s.meanGPerKWh, s.energyShare])).toEqual([
      ['hourly', 2024, 400, 0.5],
      ['yearly', 2024, 250, 0.5]
    ])
  })

  it('weighs hours by the energy of power samples: (100 W × 1 h × 300 + 300 W × 1 h × 400) / 400 Wh = 375', () => {
    const r = hourlyRunIntensity({
      startUtcMs: ms('2024-01-01T00:00:00Z'),
      endUtcMs: ms('2024-01-01T02:00:00Z'),
      profiles: [y2024],
      yearlyGPerKWh: yearly,
      powerSamples: [
        { utcMs: ms('2024-01-01T01:00:00Z'), powerW: 300 },
        { utcMs: ms('2024-01-01T00:00:00Z'), powerW: 100 }
      ]
    })
    expect(r.weighting).toBe('power-samples')
    expect(r.intensityGPerKWh).toBeCloseTo(375, 10)
    // Uniform power gives the plain mean, 350; all-zero samples fall back to it.
    const uniform = hourlyRunIntensity({
      startUtcMs: ms('2024-01-01T00:00:00Z'),
      endUtcMs: ms('2024-01-01T02:00:00Z'),
      profiles: [y2024],
      yearlyGPerKWh: yearly,
      powerSamples: [{ utcMs: ms('2024-01-01T00:00:00Z'), powerW: 0 }]
    })
    expect([uniform.weighting, uniform.intensityGPerKWh]).toEqual(['uniform', 350])
  })

  it('uses the direct basis when asked, and the start hour for a run of no length', () => {
    const base = { profiles: [y2024], yearlyGPerKWh: yearly }
    const at = ms('2024-01-01T00:20:00Z')
    expect(hourlyRunIntensity({ ...base, startUtcMs: at, endUtcMs: at }).intensityGPerKWh).toBe(300)
    expect(
      hourlyRunIntensity({ ...base, basis: 'direct', startUtcMs: at, endUtcMs: at + 3_600_000 }).intensityGPerKWh
    ).toBeCloseTo((40 * 150 + 20 * 200) / 60, 10)
    expect(() => hourlyRunIntensity({ ...base, startUtcMs: at, endUtcMs: at - 1 })).toThrow(/before its start/)
  })
})
