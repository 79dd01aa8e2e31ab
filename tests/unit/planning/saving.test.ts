import { describe, expect, it } from 'vitest'
import { inRecordedTerms } from '../../../shared/planning/saving'

describe('inRecordedTerms', () => {
  it('restates a saving as the same share of the recorded value', () => {
    // estimated 200 kg, recorded 100 kg: half of each term, all within the recorded range
    expect(inRecordedTerms({ value: 40, low: 20, high: 60 }, 200, { value: 100, low: 50, high: 150 })).toEqual({
      value: 20,
      low: 10,
      high: 30
    })
  })

  it('never exceeds the recorded term nor goes below 0 (the tester’s 39–169 kg against 139 kg)', () => {
    const saved = inRecordedTerms({ value: 100, low: -20, high: 169 }, 139, { value: 139, low: 125, high: 153 })
    expect(saved).toEqual({ value: 100, low: 0, high: 153 })
  })

  it('saves nothing when the comparison estimated nothing', () => {
    expect(inRecordedTerms({ value: 5, low: 1, high: 9 }, 0, { value: 10, low: 8, high: 12 })).toEqual({
      value: 0,
      low: 0,
      high: 0
    })
  })
})
