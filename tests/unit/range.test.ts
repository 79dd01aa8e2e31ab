import { describe, expect, it } from 'vitest'
import { add, exact, multiply, rangeSchema, scale, spread } from '../../shared/domain/range'

describe('range arithmetic', () => {
  it('adds bounds and values separately', () => {
    const r = add(spread(100, 0.1), exact(5))
    expect(r.value).toBe(105)
    expect(r.low).toBeCloseTo(95, 10)
    expect(r.high).toBeCloseTo(115, 10)
  })
  it('multiplies positive ranges bound by bound', () => {
    const r = multiply({ value: 2, low: 1, high: 3 }, { value: 10, low: 9, high: 11 })
    expect(r).toEqual({ value: 20, low: 9, high: 33 })
  })
  it('swaps bounds when scaled by a negative factor', () => {
    expect(scale({ value: 2, low: 1, high: 3 }, -1)).toEqual({ value: -2, low: -3, high: -1 })
  })
  it('rejects a range whose value lies outside its bounds', () => {
    expect(rangeSchema.safeParse({ value: 5, low: 6, high: 7 }).success).toBe(false)
  })
})
