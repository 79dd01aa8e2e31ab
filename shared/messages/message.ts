import { z } from 'zod'

/**
 * A sentence made in shared/ as data: a catalogue id and its parameters, numbers kept as numbers so that each reader
 * writes them in its own language and locale (the app in English or German, the command line and reports in
 * English). Results store the trace as messages only (English made by shared/emissions/trace-text.ts) and assumptions
 * in both forms; results stored before messages hold the English text, which the app shows as it is.
 */
export interface Message {
  id: string
  params?: Record<string, MessageParam>
}
/** A number, a text (a name, a file's cell: never translated), numbers written as a sum, or a nested message. */
export type MessageParam = string | number | number[] | Message

// Input and output alike (nothing is transformed), so the input types of schemas holding messages keep them typed.
export const messageSchema: z.ZodType<Message, Message> = z.lazy(() =>
  z.object({
    id: z.string().min(1),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.number()), messageSchema])).optional()
  })
)

/**
 * How a placeholder writes its number, `{name:style}` in a catalogue:
 * - (none) up to six significant digits (trace figures);
 * - raw: every digit, no grouping (row numbers, years, values quoted from a file);
 * - short: whole from 100, two decimals from 1, three significant digits below (planning sentences);
 * - p3: three significant digits; exp: scientific with two decimals (FLOPs);
 * - d1, d2, d3: exactly that many decimals;
 * - utc, utcHour: epoch milliseconds as a UTC instant (to the millisecond, or its hour): ISO 8601 in English, as the
 *   command line has always printed them, the locale's date and time (marked UTC) in the app.
 */
export type NumberStyle = 'default' | 'raw' | 'short' | 'p3' | 'exp' | 'd1' | 'd2' | 'd3' | 'utc' | 'utcHour'
export type WriteNumber = (value: number, style: NumberStyle) => string

const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g

/** A template cut at its placeholders: text, then { name, style, whole } … (every run's trace formats ~30 of them). */
type Part = string | { name: string; style: NumberStyle; whole: string }
const compiled = new Map<string, Part[]>()
function partsOf(template: string): Part[] {
  let parts = compiled.get(template)
  if (!parts) {
    parts = []
    let at = 0
    for (const m of template.matchAll(PLACEHOLDER)) {
      if (m.index > at) parts.push(template.slice(at, m.index))
      parts.push({ name: m[1]!, style: (m[2] ?? 'default') as NumberStyle, whole: m[0] })
      at = m.index + m[0].length
    }
    if (at < template.length) parts.push(template.slice(at))
    compiled.set(template, parts)
  }
  return parts
}

/**
 * The message's text from a catalogue (id → template with {name} placeholders). An id the catalogue lacks gives
 * undefined (the caller falls back); a missing parameter stays visible as {name}.
 */
export function formatMessage(
  catalogue: Readonly<Record<string, string>>,
  message: Message,
  write: WriteNumber
): string | undefined {
  const template = Object.hasOwn(catalogue, message.id) ? catalogue[message.id] : undefined
  if (template === undefined) return undefined
  return fillTemplate(template, message.params, write, (nested) => formatMessage(catalogue, nested, write))
}

/**
 * The one placeholder engine of the project: {name} and {name:style} filled from params, numbers written by write
 * in their style, a nested message by nested (undefined there makes the whole text undefined). A missing parameter
 * stays visible as {name}. The app's own catalogue (renderer/src/i18n) fills its texts with it too.
 */
export function fillTemplate(
  template: string,
  params: Readonly<Record<string, MessageParam>> | undefined,
  write: WriteNumber,
  nested: (message: Message) => string | undefined = () => undefined
): string | undefined {
  let text = ''
  for (const part of partsOf(template)) {
    if (typeof part === 'string') {
      text += part
      continue
    }
    const value = params && Object.hasOwn(params, part.name) ? params[part.name]! : undefined
    if (value === undefined) text += part.whole
    else if (typeof value === 'string') text += value
    else if (typeof value === 'number') text += write(value, part.style)
    else if (Array.isArray(value)) text += value.map((v) => write(v, part.style)).join(' + ')
    else {
      const inner = nested(value)
      if (inner === undefined) return undefined
      text += inner
    }
  }
  return text
}

/** The numbers of the English text, as the command line and the reports have always written them. */
export const writeEnglishNumber: WriteNumber = (x, style) => {
  switch (style) {
    case 'raw':
      return String(x)
    case 'short':
      return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(3)
    case 'p3':
      return x.toPrecision(3)
    case 'exp':
      return x.toExponential(2)
    case 'd1':
    case 'd2':
    case 'd3':
      return x.toFixed(Number(style[1]))
    case 'utc':
      return new Date(x).toISOString()
    case 'utcHour':
      return `${new Date(x).toISOString().slice(0, 13)}:00:00Z`
    default:
      return x === 0 ? '0' : Number(x.toPrecision(6)).toString()
  }
}

const formats = new Map<string, Intl.NumberFormat>()
/** Intl number formats cached per locale and options (creating one is slow; tables format thousands of cells). */
export const numberFormat = (locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = formats.get(key)
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, options)))
  return format
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()
const dateTimeFormat = (locale: string, seconds: boolean): Intl.DateTimeFormat => {
  const key = `${locale}|${seconds}`
  let format = dateTimeFormats.get(key)
  if (!format)
    dateTimeFormats.set(
      key,
      (format = new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: seconds ? 'medium' : 'short',
        timeZone: 'UTC'
      }))
    )
  return format
}

/** The same styles in a locale's digits and separators: "1,5" and "1.234,5" in German. */
export const localeNumberWriter =
  (locale: string): WriteNumber =>
  (x, style) => {
    if (!Number.isFinite(x)) return String(x)
    switch (style) {
      case 'raw':
        return numberFormat(locale, { maximumFractionDigits: 20, useGrouping: false }).format(x)
      case 'short':
        return Math.abs(x) >= 100
          ? numberFormat(locale, { maximumFractionDigits: 0 }).format(x)
          : Math.abs(x) >= 1
            ? numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x)
            : numberFormat(locale, { minimumSignificantDigits: 3, maximumSignificantDigits: 3 }).format(x)
      case 'p3':
        return numberFormat(locale, { minimumSignificantDigits: 3, maximumSignificantDigits: 3 }).format(x)
      case 'exp':
        return numberFormat(locale, {
          notation: 'scientific',
          minimumFractionDigits: 2,
          maximumFractionDigits: 2
        }).format(x)
      case 'd1':
      case 'd2':
      case 'd3':
        return numberFormat(locale, {
          minimumFractionDigits: Number(style[1]),
          maximumFractionDigits: Number(style[1])
        }).format(x)
      case 'utc':
      case 'utcHour':
        return `${dateTimeFormat(locale, style === 'utc').format(x)} UTC`
      default:
        return numberFormat(locale, { maximumSignificantDigits: 6 }).format(x)
    }
  }
