import { describe, expect, it } from 'vitest'
import { coveredPeriod, periodQuery } from '../../../renderer/src/screens/import/covered-period'

describe('the period an import covers', () => {
  it('is the quarter its runs share', () => {
    const p = coveredPeriod(['2024-05-02T10:00:00Z', '2024-06-30T23:59:00Z', '2024-04-01T00:00:00Z'])
    expect(p).toEqual({ kind: 'quarter', start: '2024-04', end: '2024-06' })
    expect(periodQuery(p!)).toEqual({ period: 'quarter', start: '2024-04' })
  })

  it('spans the months from the first run to the last when they cross quarters', () => {
    const p = coveredPeriod(['2024-11-20T08:00:00Z', '2025-02-01T08:00:00Z'])
    expect(p).toEqual({ kind: 'custom', start: '2024-11', end: '2025-02' })
    expect(periodQuery(p!)).toEqual({ period: 'custom', start: '2024-11', end: '2025-02' })
  })

  it('takes the UTC month of a start given with an offset', () => {
    expect(coveredPeriod(['2024-07-01T01:00:00+02:00'])).toEqual({ kind: 'quarter', start: '2024-04', end: '2024-06' })
  })

  it('is undefined without dated runs', () => {
    expect(coveredPeriod([])).toBeUndefined()
    expect(coveredPeriod(['not a date'])).toBeUndefined()
  })
})
