import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson, sameJson } from '../../../shared/ledger/canonical'

describe('sameJson', () => {
  it('agrees with comparing canonicalJson strings', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, undefined, true, false, 0, 1, 'a', ''),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node'), { maxKeys: 3 })
      )
    })).node
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameJson(a, b)).toBe(canonicalJson(a) === canonicalJson(b))
        expect(sameJson(a, structuredClone(a))).toBe(true)
      }),
      { numRuns: 500 }
    )
  })

  it('ignores key order and undefined values, not array order', () => {
    expect(sameJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1, d: undefined })).toBe(true)
    expect(sameJson({ c: [1, 2] }, { c: [2, 1] })).toBe(false)
    expect(sameJson({ a: 1 }, { a: 1, b: null })).toBe(false)
  })
})
