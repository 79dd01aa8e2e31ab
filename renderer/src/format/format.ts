/**
 * Locale-aware formatting of the app's figures. Pure functions of (locale, value) so they are unit-tested in Node;
 * Intl formatters are cached per locale and options because creating them is slow and tables format thousands.
 */
import type { Range } from '../../../shared/domain/range'
import { numberFormat } from '../../../shared/messages/message'

/** Significant digits that keep small figures readable and large ones whole: 16.99, 1,234, 0.0123. */
export const formatNumber = (locale: string, value: number, maxFraction?: number): string => {
  if (!Number.isFinite(value)) return '–'
  const abs = Math.abs(value)
  const digits = maxFraction ?? (abs >= 100 ? 0 : abs >= 1 ? 2 : abs >= 0.01 ? 3 : 4)
  return numberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value)
}

export const formatInteger = (locale: string, value: number): string =>
  numberFormat(locale, { maximumFractionDigits: 0 }).format(value)

/**
 * Mass of CO2-equivalent, choosing g, kg or t so the number stays short. scaleKg chooses the unit instead of the
 * value itself: both ends of a range are written in the unit of its larger end.
 */
export const formatMassKg = (locale: string, kg: number, scaleKg = kg): string => {
  const abs = Math.abs(scaleKg)
  if (abs > 0 && abs < 1) return `${formatNumber(locale, kg * 1000)} g`
  if (abs >= 10_000) return `${formatNumber(locale, kg / 1000)} t`
  return `${formatNumber(locale, kg)} kg`
}

/** Energy, choosing Wh, kWh or MWh (by scaleKWh when given, as formatMassKg). */
export const formatEnergyKWh = (locale: string, kWh: number, scaleKWh = kWh): string => {
  const abs = Math.abs(scaleKWh)
  if (abs > 0 && abs < 1) return `${formatNumber(locale, kWh * 1000)} Wh`
  if (abs >= 10_000) return `${formatNumber(locale, kWh / 1000)} MWh`
  return `${formatNumber(locale, kWh)} kWh`
}

/** A formatter of one quantity; scale, when given, chooses the unit (formatMassKg, formatEnergyKWh). */
export type UnitFormat = (value: number, scale?: number) => string

/**
 * The two ends of a range in one unit, the one its larger end asks for ("5.24 MWh", "10.54 MWh", never
 * "5,236 kWh – 10.54 MWh"); undefined when the range is exact.
 */
export const rangeBounds = (range: Range, unit: UnitFormat): { low: string; high: string } | undefined => {
  if (range.low === range.high) return undefined
  const scale = Math.max(Math.abs(range.low), Math.abs(range.high))
  return { low: unit(range.low, scale), high: unit(range.high, scale) }
}

export const formatPercent = (locale: string, ratio: number, signed = false): string =>
  numberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: Math.abs(ratio) < 0.1 ? 1 : 0,
    signDisplay: signed ? 'exceptZero' : 'auto'
  }).format(ratio)

/** Relative change from previous to current; undefined when there is no previous figure to compare with. */
export const relativeChange = (current: number, previous: number): number | undefined =>
  previous === 0 ? undefined : (current - previous) / previous

export const formatDuration = (locale: string, durationS: number): string => {
  const hours = durationS / 3600
  if (hours >= 48) return `${formatNumber(locale, hours / 24, 1)} d`
  if (hours >= 1) return `${formatNumber(locale, hours, 1)} h`
  return `${formatNumber(locale, durationS / 60, 0)} min`
}

const dateCache = new Map<string, Intl.DateTimeFormat>()
const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `${locale}|${JSON.stringify(options)}`
  let f = dateCache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options)
    dateCache.set(key, f)
  }
  return f
}

export const formatDate = (locale: string, epochMs: number): string =>
  dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(epochMs)

export const formatDateTime = (locale: string, epochMs: number): string =>
  dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(epochMs)

/** The planner's hours are UTC hours: the locale's date and time, marked UTC. */
export const formatDateTimeUtc = (locale: string, epochMs: number): string => `${formatDateTime(locale, epochMs)} UTC`

/** A 'YYYY-MM' month as "Mar 2026" / "März 2026". */
export const formatMonth = (locale: string, month: string): string =>
  dateFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1)
  )

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Parses a number typed in the user's locale: "1.234,5" or "0,5" in German, "1,234.5" in English. A point is also
 * accepted as the decimal mark in every locale unless it groups thousands ("1.500" in German is 1500).
 */
export const parseLocaleNumber = (locale: string, text: string): number | undefined => {
  const parts = numberFormat(locale, { useGrouping: true }).formatToParts(12345.6)
  const group = parts.find((p) => p.type === 'group')?.value ?? ','
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.'
  let s = text.trim().replace(/[\s\u00a0\u202f]/g, '')
  if (s === '') return undefined
  const grouped = new RegExp(`^-?\\d{1,3}(${escapeRegExp(group)}\\d{3})+(${escapeRegExp(decimal)}\\d*)?$`)
  if (group.trim() !== '' && grouped.test(s)) s = s.split(group).join('')
  s = s.replace(decimal, '.')
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined
  return Number(s)
}
