import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { apportionByMonth } from '../../../shared/emissions/apportion'

describe('apportionByMonth', () => {
  it('puts a run too short to move the end instant (under the float resolution of epoch ms) in its start month', () => {
    expect(apportionByMonth('2026-03-31T23:59:59.999Z', 1e-7)).toEqual([{ month: '2026-03', share: 1 }])
    expect(apportionByMonth('2026-03-31T23:59:59.999Z', 0)).toEqual([{ month: '2026-03', share: 1 }])
  })
  it('puts a run inside one month wholly in it', () => {
    expect(apportionByMonth('2024-03-10T08:00:00Z', 3600)).toEqual([{ month: '2024-03', share: 1 }])
  })

  it('splits a run across a month boundary by its UTC hours in each', () => {
    // 18:00 UTC on 31 January for 24 h: 6 h in January, 18 h in February.
    const shares = apportionByMonth('2024-01-31T18:00:00Z', 24 * 3600)
    expect(shares).toEqual([
      { month: '2024-01', share: 0.25 },
      { month: '2024-02', share: 0.75 }
    ])
  })

  it('uses UTC months whatever the offset the start is written with', () => {
    // 01:00 on 1 April in UTC+2 is 23:00 UTC on 31 March.
    expect(apportionByMonth('2024-04-01T01:00:00+02:00', 7200)).toEqual([
      { month: '2024-03', share: 0.5 },
      { month: '2024-04', share: 0.5 }
    ])
  })

  it('spans a year boundary and whole months in between', () => {
    const shares = apportionByMonth('2023-12-01T00:00:00Z', (31 + 31 + 29) * 86400)
    expect(shares.map((s) => s.month)).toEqual(['2023-12', '2024-01', '2024-02'])
    expect(shares[0]!.share).toBeCloseTo(31 / 91, 12)
    expect(shares[2]!.share).toBeCloseTo(29 / 91, 12)
  })

  it('gives a run of zero duration to its start month, and the same shares for a continuous service', () => {
    expect(apportionByMonth('2024-05-31T23:59:59Z', 0)).toEqual([{ month: '2024-05', share: 1 }])
    expect(apportionByMonth('2024-01-31T18:00:00Z', 86400, 8)).toEqual(apportionByMonth('2024-01-31T18:00:00Z', 86400))
  })

  it('names a bad date', () => {
    expect(() => apportionByMonth('yesterday', 10)).toThrow(/'yesterday' is not a date/)
  })

  it('returns consecutive months with positive shares summing to 1', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.double({ min: 1, max: 3 * 365 * 86400, noNaN: true }),
        (start, durationS) => {
          const shares = apportionByMonth(start.toISOString(), durationS)
          expect(shares.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 12)
          for (const s of shares) expect(s.share).toBeGreaterThanOrEqual(0)
          expect(shares[0]!.month).toBe(start.toISOString().slice(0, 7))
          expect(shares.at(-1)!.month).toBe(new Date(start.getTime() + durationS * 1000 - 1).toISOString().slice(0, 7))
        }
      )
    )
  })
})
