import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatDuration,
  formatEnergyKWh,
  formatInteger,
  formatMassKg,
  formatMonth,
  formatNumber,
  formatPercent,
  formatRangeBounds,
  parseLocaleNumber,
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
    for (const text of ['', '   ', 'abc', '1e3', '12 kg', '1,2,3', '--1', '1.2.3', 'Infinity', 'NaN']) expect(parseLocaleNumber(EN, text), text).toBeUndefined()
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
    expect(formatRangeBounds({ value: 2, low: 1.5, high: 3 }, (v) => formatMassKg(DE, v))).toBe('1,5 kg – 3 kg')
    expect(formatRangeBounds({ value: 2, low: 2, high: 2 }, String)).toBe('')
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
