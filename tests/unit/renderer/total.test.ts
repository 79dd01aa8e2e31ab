import { describe, expect, it } from 'vitest'
import { comparison } from '../../../renderer/src/components/Total'

describe('comparison with the previous period', () => {
  it('is a change below tenfold, a factor from tenfold up, and none without a previous figure', () => {
    expect(comparison(110, 100)).toEqual({ kind: 'change', change: expect.closeTo(0.1, 12) })
    expect(comparison(50, 100)).toEqual({ kind: 'change', change: -0.5 })
    expect(comparison(999, 100)).toEqual({ kind: 'change', change: expect.closeTo(8.99, 12) })
    expect(comparison(1000, 100)).toEqual({ kind: 'factor', factor: 10 })
    expect(comparison(2695, 0.00198)).toEqual({ kind: 'factor', factor: expect.closeTo(1361111.1, 0) })
    expect(comparison(5, 0)).toEqual({ kind: 'none' })
  })
})
