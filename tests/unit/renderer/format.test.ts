import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatDateTimeUtc,
  formatDuration,
  formatEnergyKWh,
  formatInteger,
  formatMassKg,
  formatMonth,
  formatNumber,
  formatPercent,
  parseLocaleNumber,
  rangeBounds,
  relativeChange
} from '../../../renderer/src/format/format'

const DE = 'de-DE'
const EN = 'en-GB'

describe('parseLocaleNumber', () => {
  it('reads German decimals and thousands', () => {
    expect(parseLocaleNumber(DE, '566,3')).toBe(566.3)
    expect(parseLocaleNumber(DE, '1.234,5')).toBe(1234.5)
    expect(parseLocaleNumber(DE, '1.234.567')).toBe(1234567)
    // A point that groups thousands is a thousands separator; any other point is a decimal mark.
    expect(parseLocaleNumber(DE, '1.500')).toBe(1500)
    expect(parseLocaleNumber(DE, '0.5')).toBe(0.5)
    expect(parseLocaleNumber(DE, '12.34')).toBe(12.34)
    expect(parseLocaleNumber(DE, ' 1 234,5 ')).toBe(1234.5)
    expect(parseLocaleNumber(DE, '-0,25')).toBe(-0.25)
  })

  it('reads English decimals and thousands, and refuses a German comma', () => {
    expect(parseLocaleNumber(EN, '566.3')).toBe(566.3)
    expect(parseLocaleNumber(EN, '1,234.5')).toBe(1234.5)
    expect(parseLocaleNumber(EN, '72,000')).toBe(72000)
    expect(parseLocaleNumber(EN, '.5')).toBe(0.5)
    expect(parseLocaleNumber(EN, '566,3')).toBeUndefined()
  })

  it('refuses what is not a number', () => {
    for (const text of ['', '   ', 'abc', '1e3', '12 kg', '1,2,3', '--1', '1.2.3', 'Infinity', 'NaN'])
      expect(parseLocaleNumber(EN, text), text).toBeUndefined()
    for (const text of ['', '1,2,3', '1.23.4', '12,5 %']) expect(parseLocaleNumber(DE, text), text).toBeUndefined()
  })

  it('reads back what the app writes, in both locales (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(DE, EN), (cents, locale) => {
        const value = cents / 100
        expect(parseLocaleNumber(locale, formatNumber(locale, value, 2))).toBe(value)
      })
    )
  })
})

describe('formatting', () => {
  it('keeps small figures readable and large ones whole', () => {
    expect(formatNumber(EN, 16.989)).toBe('16.99')
    expect(formatNumber(DE, 16.989)).toBe('16,99')
    expect(formatNumber(EN, 1234.5)).toBe('1,235')
    expect(formatNumber(DE, -1234.5)).toBe('-1.235')
    expect(formatNumber(EN, 0.01234)).toBe('0.012')
    expect(formatNumber(EN, 0.001234)).toBe('0.0012')
    expect(formatNumber(EN, 2.5, 0)).toBe('3')
    expect(formatNumber(EN, Number.NaN)).toBe('–')
    expect(formatInteger(DE, 1234567)).toBe('1.234.567')
  })

  it('chooses the unit: g, kg, t and Wh, kWh, MWh', () => {
    expect(formatMassKg(EN, 16.989)).toBe('16.99 kg')
    expect(formatMassKg(DE, 0.362)).toBe('362 g')
    expect(formatMassKg(EN, 12_340)).toBe('12.34 t')
    expect(formatMassKg(EN, 0)).toBe('0 kg')
    expect(formatEnergyKWh(EN, 30)).toBe('30 kWh')
    expect(formatEnergyKWh(DE, 0.0082)).toBe('8,2 Wh')
    expect(formatEnergyKWh(EN, 25_000)).toBe('25 MWh')
  })

  it('writes ranges, percentages, changes, durations and months', () => {
    expect(rangeBounds({ value: 2, low: 1.5, high: 3 }, (v, scale) => formatMassKg(DE, v, scale))).toEqual({
      low: '1,5 kg',
      high: '3 kg'
    })
    expect(rangeBounds({ value: 2, low: 2, high: 2 }, String)).toBeUndefined()
    expect(formatPercent(EN, 0.25)).toBe('25%')
    expect(formatPercent(DE, 0.25)).toBe('25\u00a0%')
    expect(formatPercent(EN, 0.05, true)).toBe('+5%')
    expect(formatPercent(EN, 0.0123)).toBe('1.2%')
    expect(relativeChange(15, 10)).toBe(0.5)
    expect(relativeChange(5, 0)).toBeUndefined()
    expect(formatDuration(EN, 100 * 3600)).toBe('4.2 d')
    expect(formatDuration(DE, 5400)).toBe('1,5 h')
    expect(formatDuration(EN, 90)).toBe('2 min')
    expect(formatMonth(DE, '2026-03')).toBe('März 2026')
    expect(formatMonth(EN, '2026-03')).toBe('Mar 2026')
  })
})

describe('ranges in one unit', () => {
  const kWh = (v: number, scale?: number) => formatEnergyKWh(DE, v, scale)
  const kg = (v: number, scale?: number) => formatMassKg(DE, v, scale)

  it('writes both ends in the unit of the larger end', () => {
    // The tester's "5.236 kWh – 10,54 MWh": 5236 kWh is 5.236 MWh, written with two decimals.
    expect(rangeBounds({ value: 7000, low: 5236, high: 10_540 }, kWh)).toEqual({ low: '5,24 MWh', high: '10,54 MWh' })
    // 0.8 kg – 1.2 kg, not "800 g – 1,2 kg".
    expect(rangeBounds({ value: 1, low: 0.8, high: 1.2 }, kg)).toEqual({ low: '0,8 kg', high: '1,2 kg' })
    // Both ends below 1 kg stay in grams.
    expect(rangeBounds({ value: 0.0157, low: 0.0125, high: 0.0196 }, kg)).toEqual({ low: '12,5 g', high: '19,6 g' })
    // A range reaching below zero takes its unit from the end farther from zero.
    expect(rangeBounds({ value: 0.2, low: -0.3, high: 2 }, kg)).toEqual({ low: '-0,3 kg', high: '2 kg' })
  })

  it('a formatter without a scale keeps its own unit for each end', () => {
    expect(rangeBounds({ value: 2, low: 1, high: 3 }, (v) => `${v} h`)).toEqual({ low: '1 h', high: '3 h' })
  })

  it('any range: both ends carry the same unit, and it is the unit of the larger end alone', () => {
    const unitOf = (text: string) => text.split(' ').pop()
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (a, b) => {
          const low = Math.min(a, b)
          const high = Math.max(a, b)
          fc.pre(low !== high)
          const bounds = rangeBounds({ value: low, low, high }, kWh)!
          expect(unitOf(bounds.low)).toBe(unitOf(bounds.high))
          expect(unitOf(bounds.high)).toBe(unitOf(formatEnergyKWh(DE, high)))
        }
      )
    )
  })
})

describe('formatDateTimeUtc', () => {
  it("writes the planner's hours in the locale, marked UTC", () => {
    const ms = Date.UTC(2024, 2, 1, 9)
    expect(formatDateTimeUtc(DE, ms)).toBe('01.03.2024, 09:00 UTC')
    expect(formatDateTimeUtc(EN, ms)).toBe('1 Mar 2024, 09:00 UTC')
  })
})
