import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createIntervalLog, trapezoidByHour } from '../../../shared/import/intervals'

/** What the importer did before the histogram: every interval kept, then the median, then the gaps. */
function everyInterval(intervals: { dtS: number; energyJ: number; row: number }[], gapMedians: number) {
  const sorted = Float64Array.from(intervals.map((i) => i.dtS)).sort()
  const mid = sorted.length >> 1
  const medianS =
    sorted.length === 0 ? 0 : sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  const gaps = intervals.filter((i) => medianS > 0 && i.dtS > medianS * gapMedians)
  const kept = intervals.filter((i) => !gaps.includes(i))
  return {
    medianS,
    energyJ: kept.reduce((sum, i) => sum + i.energyJ, 0),
    integratedS: kept.reduce((sum, i) => sum + i.dtS, 0),
    gaps: gaps.map((i) => ({ row: i.row, dtS: i.dtS }))
  }
}

/** Back to back from 2024-01-01 00:00 UTC, each at the constant power that gives its energy. */
function logOf(intervals: { dtS: number; energyJ: number; row: number }[]) {
  const log = createIntervalLog()
  let atMs = Date.UTC(2024, 0, 1)
  for (const i of intervals) {
    const endMs = atMs + Math.round(i.dtS * 1000)
    const powerW = i.dtS > 0 ? i.energyJ / i.dtS : 0
    log.add(atMs, endMs, powerW, powerW, i.row)
    atMs = endMs
  }
  return log
}
const withoutHours = ({ energyByHourJ: _, ...summary }: ReturnType<ReturnType<typeof logOf>['finish']>) => summary

describe('the interval log of one GPU', () => {
  it('finds the median, the energy without gaps and the rows of the gaps', () => {
    // 1 s, 1 s, 60 s, 1 s, 1 s at 100 W: median 1 s, the 60 s interval (row 5) is a gap
    const log = logOf([1, 1, 60, 1, 1].map((dtS, k) => ({ dtS, energyJ: 100 * dtS, row: k + 3 })))
    expect(log.count()).toBe(5)
    expect(withoutHours(log.finish(5))).toEqual({
      medianS: 1,
      energyJ: 400,
      integratedS: 4,
      gaps: [{ row: 5, dtS: 60 }]
    })
  })

  it('names every gap of a log sampled at 1 s, then longer at 100 ms, and none of the reverse', () => {
    const slowThenFast = [1, 1, 1, ...Array<number>(10).fill(0.1)].map((dtS, k) => ({
      dtS,
      energyJ: 10 * dtS,
      row: 2 * k + 4
    }))
    const first = logOf(slowThenFast).finish(5)
    expect(first.medianS).toBe(0.1)
    expect(first.gaps).toEqual([
      { row: 4, dtS: 1 },
      { row: 6, dtS: 1 },
      { row: 8, dtS: 1 }
    ])
    expect(first.energyJ).toBeCloseTo(10, 9)
    const fastThenSlow = [...Array<number>(10).fill(0.1), ...Array<number>(13).fill(1)].map((dtS, k) => ({
      dtS,
      energyJ: dtS,
      row: k + 3
    }))
    const second = logOf(fastThenSlow).finish(5)
    expect(second.medianS).toBe(1)
    expect(second.gaps).toEqual([])
    expect(second.integratedS).toBeCloseTo(14, 9)
  })

  it('keeps the rows of gaps when more than 255 distinct intervals widen the bucket ids', () => {
    // 300 distinct intervals of 1.000–1.299 s, then one of 100 s: median 1.1495 s, one gap
    const intervals = Array.from({ length: 300 }, (_, k) => ({ dtS: 1 + k / 1000, energyJ: 1, row: k + 2 }))
    intervals.push({ dtS: 100, energyJ: 1, row: 302 })
    expect(withoutHours(logOf(intervals).finish(5))).toEqual(everyInterval(intervals, 5))
    expect(logOf(intervals).finish(5).gaps).toEqual([{ row: 302, dtS: 100 }])
  })

  it('gives the figures of keeping every interval, for any log (property)', () => {
    const interval = fc.oneof(
      fc.constantFrom(0, 0.1, 0.101, 0.099, 0.5, 1, 1.001),
      fc.integer({ min: 0, max: 120_000 }).map((ms) => ms / 1000)
    )
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            dtS: interval,
            powerW: fc.double({ min: 0, max: 1000, noNaN: true }),
            rowStep: fc.constantFrom(1, 1, 1, 2, 8, 3)
          }),
          {
            maxLength: 400
          }
        ),
        fc.constantFrom(2, 5),
        (samples, gapMedians) => {
          let row = 1
          const intervals = samples.map((s) => {
            row += s.rowStep
            return { dtS: s.dtS, energyJ: s.powerW * s.dtS, row }
          })
          const got = logOf(intervals).finish(gapMedians)
          const want = everyInterval(intervals, gapMedians)
          expect(got.medianS).toBe(want.medianS)
          expect(got.gaps).toEqual(want.gaps)
          expect(got.energyJ).toBeCloseTo(want.energyJ, 6)
          expect(got.integratedS).toBeCloseTo(want.integratedS, 6)
          // the energy per hour is the same energy, split
          const byHour = [...got.energyByHourJ!.values()].reduce((a, b) => a + b, 0)
          expect(byHour).toBeCloseTo(want.energyJ, 6)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('splits a trapezoid across hour boundaries by the ramp, and leaves gaps out of the hours', () => {
    const h = Date.UTC(2024, 0, 1, 10) // 10:00 UTC
    const hour = h / 3_600_000
    const log = createIntervalLog()
    // 10:59:00 → 11:01:00, 100 W → 300 W: 200 W at 11:00, so (100+200)/2 × 60 + (200+300)/2 × 60 = 9,000 + 15,000
    log.add(h + 59 * 60_000, h + 61 * 60_000, 100, 300, 2)
    log.add(h + 61 * 60_000, h + 63 * 60_000, 300, 300, 3)
    // then a gap of 3 h (more than 5 × the 120 s median): its energy falls in no hour
    log.add(h + 63 * 60_000, h + 63 * 60_000 + 3 * 3_600_000, 300, 300, 4)
    const summary = log.finish(5)
    expect(summary.gaps).toEqual([{ row: 4, dtS: 3 * 3600 }])
    expect(summary.energyJ).toBeCloseTo(9_000 + 15_000 + 36_000, 9)
    expect([...summary.energyByHourJ!]).toEqual([
      [hour, 9_000],
      [hour + 1, 15_000 + 36_000]
    ])
  })

  it('keeps no hours once the log spans more than it was told to keep', () => {
    const log = createIntervalLog(2)
    const h = Date.UTC(2024, 0, 1)
    log.add(h, h + 3_600_000, 100, 100, 2)
    expect(log.finish(5).energyByHourJ).toEqual(new Map([[h / 3_600_000, 360_000]]))
    log.add(h + 3_600_000, h + 3 * 3_600_000, 100, 100, 3)
    expect(log.finish(5).energyByHourJ).toBeUndefined()
  })
})

describe('trapezoidByHour', () => {
  it('puts a ramp over three hours into each by its mean power there, summing to the trapezoid', () => {
    const parts: [number, number][] = []
    // 00:30 → 02:30, 0 W → 400 W: 100 W at 01:00, 300 W at 02:00
    trapezoidByHour(1_800_000, 9_000_000, 0, 400, (h, j) => parts.push([h, j]))
    expect(parts).toEqual([
      [0, 50 * 1800],
      [1, 200 * 3600],
      [2, 350 * 1800]
    ])
    expect(parts.reduce((sum, [, j]) => sum + j, 0)).toBe(200 * 7200)
  })
})
