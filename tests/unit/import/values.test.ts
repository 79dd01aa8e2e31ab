import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readDateTime, readNumber, stableHash, toIso } from '../../../shared/import/values'

describe('readNumber', () => {
  it('accepts floats, scientific notation and empty cells', () => {
    expect(readNumber('2.7e-09')).toEqual({ ok: true, value: 2.7e-9 })
    expect(readNumber(' 8.0 ')).toEqual({ ok: true, value: 8 })
    expect(readNumber('.5')).toEqual({ ok: true, value: 0.5 })
    expect(readNumber('')).toEqual({ ok: true, value: undefined })
  })
  it('rejects text, NaN, infinities and (unless allowed) negatives', () => {
    for (const bad of ['abc', 'NaN', 'inf', '1,5', '1e999', '-1']) expect(readNumber(bad).ok).toBe(false)
    expect(readNumber('-71.2', true)).toEqual({ ok: true, value: -71.2 })
  })
  it('takes exactly the plain decimals a regular expression would (property)', () => {
    const decimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
    const text = fc.stringMatching(/^[-+ .eE0-9x_]{0,8}$/)
    fc.assert(
      fc.property(fc.oneof(text, fc.double().map(String), fc.string({ maxLength: 6 })), (t) => {
        const read = readNumber(t, true)
        const trimmed = t.trim()
        if (trimmed === '') expect(read).toEqual({ ok: true, value: undefined })
        else if (!decimal.test(trimmed))
          expect(read).toMatchObject({
            ok: false,
            message: `"${trimmed.slice(0, 40)}${trimmed.length > 40 ? '…' : ''}" is not a number`
          })
        else expect(read.ok ? read.value : Number(trimmed)).toBe(Number(trimmed))
      }),
      { numRuns: 2000 }
    )
  })
})

describe('readDateTime and toIso', () => {
  it('reads the years 0000–0099 as written, never as 1900–1999', () => {
    expect(toIso(readDateTime('0099-03-01 10:00:00', 0)!.ms)).toBe('0099-03-01T10:00:00Z')
    expect(toIso(readDateTime('0000-01-01T00:00:00Z', 0)!.ms)).toBe('0000-01-01T00:00:00Z')
    expect(readDateTime('0024-02-29T00:00:00Z', 0)).toBeDefined()
  })
  it('reads CodeCarbon and nvidia-smi forms as UTC wall clock, or at a given offset', () => {
    expect(readDateTime('2024-05-31T10:39:13', 0)).toEqual({ ms: Date.UTC(2024, 4, 31, 10, 39, 13), hasZone: false })
    expect(readDateTime('2026/11/23 03:34:06.825', 0)?.ms).toBe(Date.UTC(2026, 10, 23, 3, 34, 6, 825))
    expect(readDateTime('2024-05-31T10:39:13', 120)?.ms).toBe(Date.UTC(2024, 4, 31, 8, 39, 13))
    expect(readDateTime('2024-05-31T10:39:13.123456', 0)?.ms).toBeCloseTo(
      Date.UTC(2024, 4, 31, 10, 39, 13, 123) + 0.456,
      3
    )
  })
  it('honours a zone written in the text, and rejects impossible dates', () => {
    expect(readDateTime('2026-10-06T08:00:00+02:00', 0)).toEqual({ ms: Date.UTC(2026, 9, 6, 6), hasZone: true })
    expect(readDateTime('2026-10-06T08:00Z', 60)).toEqual({ ms: Date.UTC(2026, 9, 6, 8), hasZone: true })
    expect(readDateTime('2025-02-30T00:00:00', 0)).toBeUndefined()
    expect(readDateTime('yesterday', 0)).toBeUndefined()
  })
  it('writes UTC with Z, or the given offset', () => {
    expect(toIso(Date.UTC(2025, 0, 1, 12))).toBe('2025-01-01T12:00:00Z')
    expect(toIso(Date.UTC(2025, 0, 1, 12, 0, 0, 250))).toBe('2025-01-01T12:00:00.250Z')
    expect(toIso(Date.UTC(2025, 0, 1, 12), 90)).toBe('2025-01-01T13:30:00+01:30')
    expect(toIso(Date.UTC(2025, 0, 1, 12), -300)).toBe('2025-01-01T07:00:00-05:00')
  })
})

describe('stableHash', () => {
  it('is deterministic and tells close texts apart', () => {
    expect(stableHash('2025|p|60')).toBe(stableHash('2025|p|60'))
    expect(stableHash('2025|p|60')).not.toBe(stableHash('2025|p|61'))
    expect(stableHash('')).toMatch(/^[0-9a-f]{16}$/)
  })
})
