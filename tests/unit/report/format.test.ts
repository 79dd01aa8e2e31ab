import { describe, expect, it } from 'vitest'
import { formatChange } from '../../../shared/report/format'

describe('formatChange', () => {
  it('writes a signed percentage below tenfold, a factor from tenfold up, n/a without a base', () => {
    expect(formatChange(0.123)).toBe('+12 %')
    expect(formatChange(-0.034)).toBe('−3.4 %')
    expect(formatChange(0)).toBe('0 %')
    expect(formatChange(8.5)).toBe('+850 %')
    expect(formatChange(9)).toBe('×10')
    // A quarter after a nearly empty one: 0.00198 kg then 2,695 kg.
    expect(formatChange(2695 / 0.00198 - 1)).toBe('×1,361,111')
    expect(formatChange(null)).toBe('n/a')
  })
})
