import { describe, expect, it } from 'vitest'
import {
  addMonths,
  bucketOf,
  customPeriod,
  monthOf,
  monthPeriod,
  monthsOf,
  periodLabel,
  previousPeriod,
  quarterOf,
  quarterPeriod,
  sameMonthsYearBefore,
  yearPeriod
} from '../../../shared/ledger/period'

describe('period math', () => {
  it('builds months, quarters and years', () => {
    expect(quarterPeriod(2026, 4)).toEqual({ kind: 'quarter', start: '2026-10', end: '2026-12' })
    expect(yearPeriod(2025)).toEqual({ kind: 'year', start: '2025-01', end: '2025-12' })
    expect(monthsOf(quarterPeriod(2026, 1))).toEqual(['2026-01', '2026-02', '2026-03'])
    expect(quarterOf('2026-05')).toEqual({ year: 2026, quarter: 2 })
    expect(monthOf(Date.UTC(2026, 11, 31, 23, 59))).toBe('2026-12')
  })
  it('steps across year boundaries', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(addMonths('2025-11', 14)).toBe('2027-01')
    expect(previousPeriod(quarterPeriod(2026, 1))).toEqual({ kind: 'quarter', start: '2025-10', end: '2025-12' })
    expect(previousPeriod(customPeriod('2026-02', '2026-06'))).toEqual({
      kind: 'custom',
      start: '2025-09',
      end: '2026-01'
    })
    expect(sameMonthsYearBefore(quarterPeriod(2026, 3))).toEqual({ kind: 'quarter', start: '2025-07', end: '2025-09' })
    expect(previousPeriod(yearPeriod(2026))).toEqual(yearPeriod(2025))
  })
  it('labels and buckets', () => {
    expect(periodLabel(quarterPeriod(2026, 2))).toBe('Q2 2026')
    expect(periodLabel(monthPeriod('2026-07'))).toBe('2026-07')
    expect(periodLabel(customPeriod('2026-01', '2026-04'))).toBe('2026-01 – 2026-04')
    expect(bucketOf('2026-12', 'quarter')).toBe('2026-Q4')
    expect(bucketOf('2026-12', 'year')).toBe('2026')
  })
  it('rejects malformed or reversed periods', () => {
    expect(() => monthPeriod('2026-13')).toThrow(/YYYY-MM/)
    expect(() => customPeriod('2026-05', '2026-01')).toThrow(/starts before it ends/)
  })
})
