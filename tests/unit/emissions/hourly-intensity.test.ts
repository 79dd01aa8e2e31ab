import fc from 'fast-check'
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

  it('weighs a run crossing an hour boundary by its measured energy: (0.05 × 300 + 0.45 × 400) / 0.5 = 390', () => {
    // 00:30–01:00 at 100 W (0.05 kWh), 01:00–01:30 at 900 W (0.45 kWh); uniform power would give (300 + 400) / 2
    const run = { startUtcMs: ms('2024-01-01T00:30:00Z'), endUtcMs: ms('2024-01-01T01:30:00Z') }
    const base = { ...run, profiles: [y2024], yearlyGPerKWh: yearly }
    const r = hourlyRunIntensity({ ...base, energyByHourKWh: [0.05, 0.45] })
    expect(r.weighting).toBe('power-samples')
    expect(r.intensityGPerKWh).toBeCloseTo(390, 10)
    expect(r.spans.map((s) => [s.year, s.meanGPerKWh, s.energyShare])).toEqual([[2024, 390, 1]])
    expect(hourlyRunIntensity(base).intensityGPerKWh).toBeCloseTo(350, 10)
  })

  it('weighs a run across a year boundary, partly outside the data: (1.0 × 200 + 0.25 × 250) / 1.25 = 210', () => {
    // 2023-12-31 23:30–24:00 at 2 kW (1 kWh, in 2023's profile: 200); 2024-01-01 00:00–02:30 at 100 W (0.1, 0.1,
    // 0.05 kWh) where no profile is given: 2024's yearly 250. Uniform power: (30 × 200 + 150 × 250) / 180 = 241.67.
    const run = {
      startUtcMs: ms('2023-12-31T23:30:00Z'),
      endUtcMs: ms('2024-01-01T02:30:00Z'),
      profiles: [y2023],
      yearlyGPerKWh: yearly
    }
    const r = hourlyRunIntensity({ ...run, energyByHourKWh: [1, 0.1, 0.1, 0.05] })
    expect(r.intensityGPerKWh).toBeCloseTo(210, 10)
    expect(r.hourlyShare).toBeCloseTo(0.8, 10)
    expect(r.spans.map((s) => [s.origin, s.year, s.meanGPerKWh, s.energyShare])).toEqual([
      ['hourly', 2023, expect.closeTo(200, 10), expect.closeTo(0.8, 10)],
      ['yearly', 2024, 250, expect.closeTo(0.2, 10)]
    ])
    expect(hourlyRunIntensity(run).intensityGPerKWh).toBeCloseTo(43_500 / 180, 10)
  })

  it('gives hours of a gap no weight, and falls back to uniform power when the energy does not fit the hours', () => {
    const base = { profiles: [y2024], yearlyGPerKWh: yearly }
    const twoHours = { ...base, startUtcMs: ms('2024-01-01T00:00:00Z'), endUtcMs: ms('2024-01-01T02:00:00Z') }
    const gap = hourlyRunIntensity({
      profiles: [y2023, y2024],
      yearlyGPerKWh: yearly,
      startUtcMs: ms('2023-12-31T23:00:00Z'),
      endUtcMs: ms('2024-01-01T01:00:00Z'),
      energyByHourKWh: [0, 2]
    })
    expect([gap.weighting, gap.intensityGPerKWh]).toEqual(['power-samples', 300])
    // the hour without energy shows its plain value, with no share of the energy
    expect(gap.spans.map((s) => [s.year, s.meanGPerKWh, s.energyShare])).toEqual([
      [2023, 200, 0],
      [2024, 300, 1]
    ])
    for (const energyByHourKWh of [[1], [1, 2, 3], [0, 0], [1, Number.NaN], [1, -1]]) {
      const r = hourlyRunIntensity({ ...twoHours, energyByHourKWh })
      expect([r.weighting, r.intensityGPerKWh]).toEqual(['uniform-mismatch', 350])
    }
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

  it("gives uniform power's result for an energy per hour proportional to each hour's overlap (property)", () => {
    const hour = 3_600_000
    const zoneYear = fc.record({
      startHour: fc.integer({ min: -30, max: 30 }),
      values: fc.array(fc.double({ min: 0, max: 1500, noNaN: true }), { minLength: 1, maxLength: 40 }),
      estimated: fc.nat(5)
    })
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 * hour }),
        fc.integer({ min: 0, max: 30 * hour }),
        fc.array(zoneYear, { maxLength: 2 }),
        fc.double({ min: 0.001, max: 5000, noNaN: true }),
        fc.constantFrom<'lifecycle' | 'direct'>('lifecycle', 'direct'),
        (offsetMs, durationMs, zoneYears, powerW, basis) => {
          const origin = ms('2023-12-31T00:00:00Z')
          // zone-years that do not overlap: the second starts after the first ends
          let nextFree = Number.NEGATIVE_INFINITY
          const profiles = zoneYears.flatMap((z) => {
            const startMs = Math.max(origin + z.startHour * hour, nextFree)
            nextFree = startMs + z.values.length * hour
            const p = profile(new Date(startMs).toISOString(), z.values, Math.min(z.estimated, z.values.length))
            return [p]
          })
          const startUtcMs = origin + offsetMs
          const endUtcMs = startUtcMs + durationMs
          const request = { startUtcMs, endUtcMs, profiles, basis, yearlyGPerKWh: (y: number) => y / 10 }
          const firstHour = Math.floor(startUtcMs / hour) * hour
          const hours = endUtcMs > startUtcMs ? Math.ceil(endUtcMs / hour) - firstHour / hour : 1
          const energyByHourKWh = Array.from({ length: hours }, (_, i) => {
            const from = Math.max(startUtcMs, firstHour + i * hour)
            const to = Math.min(endUtcMs, firstHour + (i + 1) * hour)
            return endUtcMs > startUtcMs ? (powerW * (to - from)) / 3.6e9 : powerW / 1000
          })
          const uniform = hourlyRunIntensity(request)
          const measured = hourlyRunIntensity({ ...request, energyByHourKWh })
          expect(measured.weighting).toBe('power-samples')
          const same = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, b))
          same(measured.intensityGPerKWh, uniform.intensityGPerKWh)
          same(measured.hourlyShare, uniform.hourlyShare)
          same(measured.estimatedShare, uniform.estimatedShare)
          expect(measured.spans.length).toBe(uniform.spans.length)
          measured.spans.forEach((s, i) => {
            const u = uniform.spans[i]!
            expect([s.fromUtcMs, s.toUtcMs, s.origin, s.year]).toEqual([u.fromUtcMs, u.toUtcMs, u.origin, u.year])
            same(s.meanGPerKWh, u.meanGPerKWh)
            same(s.energyShare, u.energyShare)
          })
        }
      ),
      { numRuns: 300 }
    )
  })
})
