import { describe, expect, it } from 'vitest'
import { equivalentDigits } from '../../../renderer/src/components/Equivalents'
import { formatNumber } from '../../../renderer/src/format/format'

const shown = (value: number) => formatNumber('en-GB', value, equivalentDigits(value))

describe('equivalentDigits', () => {
  it('never shows a small equivalent as 0', () => {
    expect(shown(0.0123)).toBe('0.012')
    expect(shown(0.4)).toBe('0.4')
    expect(shown(0.004567)).toBe('0.0046')
  })
  it('whole numbers from 10 up, one decimal between 1 and 10', () => {
    expect(shown(1234.56)).toBe('1,235')
    expect(shown(3.456)).toBe('3.5')
  })
})
