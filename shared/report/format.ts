import type { Range } from '../domain/range'

/** The languages a report is written in, and the locale its numbers and dates follow. */
export type ReportLanguage = 'en' | 'de'
export const REPORT_LOCALES: Record<ReportLanguage, string> = { en: 'en-GB', de: 'de-DE' }

const numberFormats = new Map<string, Intl.NumberFormat>()
const numberFormat = (language: ReportLanguage, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const key = `${language}|${JSON.stringify(options)}`
  let f = numberFormats.get(key)
  // Creating an Intl formatter is slow and a report formats thousands of cells: one per language and options.
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(REPORT_LOCALES[language], options)))
  return f
}

/**
 * Numbers as the report prints them: three significant figures below 100 (0.0231, 2.31, 23.1), whole numbers with
 * the locale's grouping from 100 up. Never an exponent and never a run of zeros: a tiny figure keeps its three
 * significant digits (0.00000231), which is why tables choose a unit (g, kg, t) that keeps figures short.
 */
export function formatQuantity(x: number, language: ReportLanguage = 'en'): string {
  if (!Number.isFinite(x)) return '–'
  if (x === 0) return '0'
  if (Math.abs(x) >= 100) return numberFormat(language, { maximumFractionDigits: 0 }).format(x)
  return numberFormat(language, { maximumSignificantDigits: 3 }).format(x)
}

/** "12.3 (9.1 – 15.0)" */
export function formatRange(r: Range, language: ReportLanguage = 'en'): string {
  return `${formatQuantity(r.value, language)} (${formatQuantity(r.low, language)} – ${formatQuantity(r.high, language)})`
}

/**
 * A relative change as a signed percentage, "+12 %", "−3.4 %"; from tenfold up as a factor, "×25"; "n/a" without
 * a base to compare with (the report says "no comparable figure" instead: see materialChange).
 */
export function formatChange(change: number | null, language: ReportLanguage = 'en'): string {
  if (change === null) return 'n/a'
  if (change + 1 >= 10) return `×${formatQuantity(change + 1, language)}`
  const pct = change * 100
  const abs = Math.abs(pct)
  const body =
    abs >= 10
      ? numberFormat(language, { maximumFractionDigits: 0 }).format(abs)
      : numberFormat(language, { maximumSignificantDigits: 2 }).format(abs)
  if (body === '0') return '0 %'
  return `${pct > 0 ? '+' : '−'}${body} %`
}

/** A share as a percentage, two significant digits below 10 %; below 0.1 % as "< 0.1 %" (it says all it needs to). */
export function formatPercent(share: number, language: ReportLanguage = 'en'): string {
  const pct = share * 100
  if (pct > 0 && pct < 0.1) return `< ${numberFormat(language, { maximumFractionDigits: 1 }).format(0.1)} %`
  const body =
    pct >= 10 || pct === 0
      ? numberFormat(language, { maximumFractionDigits: 0 }).format(pct)
      : numberFormat(language, { maximumSignificantDigits: 2 }).format(pct)
  return `${body} %`
}

/** One unit for a whole table or chart: its symbol and how many of it make one base unit (kg or kWh). */
export interface TableUnit {
  symbol: string
  /** Multiply a base figure (kg, kWh) by this to write it in the unit. */
  perBase: number
}

const unitFor = (values: readonly number[], small: TableUnit, base: TableUnit, large: TableUnit): TableUnit => {
  const largest = values.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 0)
  if (largest > 0 && largest < 1) return small
  if (largest >= 10_000) return large
  return base
}

/** g, kg or t of CO2e for a table whose largest figure is the largest of values (kg): short figures, one unit. */
export const massUnitOf = (valuesKg: readonly number[]): TableUnit =>
  unitFor(
    valuesKg,
    { symbol: 'g CO2e', perBase: 1000 },
    { symbol: 'kg CO2e', perBase: 1 },
    { symbol: 't CO2e', perBase: 0.001 }
  )

/** The energy table's unit (ESRS E1 reports energy in MWh). */
export const MWH: TableUnit = { symbol: 'MWh', perBase: 0.001 }

/** Wh, kWh or MWh for a table, as massUnitOf. */
export const energyUnitOf = (valuesKWh: readonly number[]): TableUnit =>
  unitFor(valuesKWh, { symbol: 'Wh', perBase: 1000 }, { symbol: 'kWh', perBase: 1 }, MWH)

/** A figure in a table's unit, without the symbol (the column header carries it). */
export const inUnit = (x: number, unit: TableUnit, language: ReportLanguage = 'en'): string =>
  formatQuantity(x * unit.perBase, language)

/**
 * The smallest figure a comparison or a recommendation is worth making about, in the figure's own unit: below it
 * a ratio says more about the near-empty base than about the lab (a quarter after 2 g reads "×140,973").
 */
export const MATERIAL_FLOOR = { kg: 1, kWh: 1, runs: 10, gpuHours: 1 } as const

/**
 * The relative change from then to now, only where both figures are material: each at least the floor and at least
 * 1 % of the other. null means "no comparable figure".
 */
export function materialChange(now: number, then: number, floor: number): number | null {
  if (!(now >= floor && then >= floor)) return null
  if (now < then * 0.01 || then < now * 0.01) return null
  return (now - then) / then
}
