import { describe, expect, it } from 'vitest'
import {
  energyUnitOf,
  formatChange,
  formatPercent,
  formatQuantity,
  inUnit,
  massUnitOf,
  materialChange
} from '../../../shared/report/format'

describe('formatChange', () => {
  it('writes a signed percentage below tenfold, a factor from tenfold up, n/a without a base', () => {
    expect(formatChange(0.123)).toBe('+12 %')
    expect(formatChange(-0.034)).toBe('−3.4 %')
    expect(formatChange(0)).toBe('0 %')
    expect(formatChange(8.5)).toBe('+850 %')
    expect(formatChange(9)).toBe('×10')
    expect(formatChange(null)).toBe('n/a')
  })
  it('writes German decimal commas in a German report', () => {
    expect(formatChange(-0.034, 'de')).toBe('−3,4 %')
    expect(formatPercent(0.054, 'de')).toBe('5,4 %')
    expect(formatPercent(0.0000097)).toBe('< 0.1 %')
    expect(formatPercent(0.0000097, 'de')).toBe('< 0,1 %')
  })
})

describe('formatQuantity', () => {
  it('keeps three significant digits at every magnitude and never prints a run of zeros', () => {
    expect(formatQuantity(0.00000231)).toBe('0.00000231')
    expect(formatQuantity(0.0381234)).toBe('0.0381')
    expect(formatQuantity(2.345)).toBe('2.35')
    expect(formatQuantity(1234567)).toBe('1,234,567')
    expect(formatQuantity(0)).toBe('0')
    for (let e = -12; e <= 9; e++) expect(formatQuantity(1.2345 * 10 ** e)).not.toMatch(/^0[.,]0{6}$|e/)
  })
  it('follows the locale: decimal comma and dot grouping in German', () => {
    expect(formatQuantity(1234567, 'de')).toBe('1.234.567')
    expect(formatQuantity(2.345, 'de')).toBe('2,35')
  })
})

describe('one unit per table', () => {
  it('chooses g below 1 kg, t from 10 t, else kg, from the largest figure', () => {
    expect(massUnitOf([0.00231, 0.5]).symbol).toBe('g CO2e')
    expect(inUnit(0.00231, massUnitOf([0.00231, 0.5]))).toBe('2.31')
    expect(massUnitOf([3, 0.001]).symbol).toBe('kg CO2e')
    expect(massUnitOf([12_000]).symbol).toBe('t CO2e')
    expect(energyUnitOf([0.2]).symbol).toBe('Wh')
    expect(energyUnitOf([25_000]).symbol).toBe('MWh')
    expect(massUnitOf([]).symbol).toBe('kg CO2e')
  })
})

describe('materialChange', () => {
  it('compares only figures that are both at least the floor and at least 1 % of each other', () => {
    expect(materialChange(2, 1, 1)).toBe(1)
    // The case: 325 kg after 2.31 g.
    expect(materialChange(325.6, 0.00231, 1)).toBeNull()
    expect(materialChange(0.5, 3, 1)).toBeNull()
    expect(materialChange(5000, 20, 1)).toBeNull()
    expect(materialChange(5000, 60, 1)).toBeCloseTo(5000 / 60 - 1, 10)
    expect(materialChange(0, 0, 1)).toBeNull()
  })
})
