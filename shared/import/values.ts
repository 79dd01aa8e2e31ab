/** Cell and time conversions shared by the importers. */
import { english, type Message, msg } from '../messages/index'

/** problem completes "<field> …" in a row's error; message is its English text. */
export type NumberCell = { ok: true; value: number | undefined } | { ok: false; message: string; problem: Message }

const badCell = (problem: Message): NumberCell => ({ ok: false, message: english(problem), problem })

const PLUS = 43
const MINUS = 45
const DOT = 46
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57

/**
 * Whether the text is a plain decimal: [+-] digits [. digits] or [+-] . digits, then an optional exponent
 * [eE][+-]digits. What Number() also reads (hex, Infinity, '1_0' is not, but ' ', '0b1', '0o7' are) is not a number here.
 * A loop over the characters: this runs for every numeric cell of a 100,000-row file.
 */
export function isDecimal(text: string): boolean {
  const n = text.length
  let i = 0
  let c = text.charCodeAt(0)
  if (c === PLUS || c === MINUS) c = text.charCodeAt(++i)
  let digits = 0
  while (i < n && isDigitCode(c)) {
    digits += 1
    c = text.charCodeAt(++i)
  }
  if (i < n && c === DOT) {
    c = text.charCodeAt(++i)
    while (i < n && isDigitCode(c)) {
      digits += 1
      c = text.charCodeAt(++i)
    }
  }
  if (digits === 0) return false
  if (i < n && (c === 101 || c === 69)) {
    c = text.charCodeAt(++i)
    if (c === PLUS || c === MINUS) c = text.charCodeAt(++i)
    let exponentDigits = 0
    while (i < n && isDigitCode(c)) {
      exponentDigits += 1
      c = text.charCodeAt(++i)
    }
    if (exponentDigits === 0) return false
  }
  return i === n
}

/**
 * A numeric cell: empty is "not given" (undefined), scientific notation and floats for counts are accepted,
 * anything else (text, NaN, inf) is an error; negatives are errors unless allowNegative.
 */
export function readNumber(cell: string, allowNegative = false): NumberCell {
  const text = cell.trim()
  if (text === '') return { ok: true, value: undefined }
  if (!isDecimal(text)) return badCell(msg('cell.notNumber', { text: clip(text) }))
  const value = Number(text)
  if (!Number.isFinite(value)) return badCell(msg('cell.outOfRange', { text: clip(text) }))
  if (value < 0 && !allowNegative) return badCell(msg('cell.negative', { text }))
  return { ok: true, value }
}

export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

// date, time, optional fraction, optional zone
const DATE_TIME = /^(\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i

/**
 * Milliseconds since the epoch of a date-time written with '-' or '/' and 'T' or ' ' (CodeCarbon, nvidia-smi,
 * spreadsheets). hasZone tells whether the text carried its own offset; when it did not, the wall clock is read
 * at offsetMinutes east of UTC.
 */
export function readDateTime(text: string, offsetMinutes: number): { ms: number; hasZone: boolean } | undefined {
  const m = DATE_TIME.exec(text.trim())
  if (!m) return undefined
  const [, y, mo, d, h, mi, s, frac, zone] = m
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = s === undefined ? 0 : Number(s)
  const fracMs = frac === undefined ? 0 : Number(`0.${frac}`) * 1000
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999, and a date is read as written.
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute, second)
  if (date.getUTCDate() !== day) return undefined
  const wall = date.getTime() + fracMs
  if (zone === undefined) return { ms: wall - offsetMinutes * 60_000, hasZone: false }
  if (zone.toUpperCase() === 'Z') return { ms: wall, hasZone: true }
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  const zoneMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)))
  return { ms: wall - zoneMinutes * 60_000, hasZone: true }
}

/** ISO 8601 with the given offset ('Z' for 0), milliseconds kept only when there are some. */
export function toIso(ms: number, offsetMinutes = 0): string {
  const rounded = Math.round(ms)
  const local = new Date(rounded + offsetMinutes * 60_000).toISOString()
  const text = rounded % 1000 === 0 ? local.replace('.000Z', 'Z') : local
  if (offsetMinutes === 0) return text
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
  return text.slice(0, -1) + zone
}

export function utcAssumedWarning(fileName: string): Message {
  return msg('import.utcAssumed', { file: fileName })
}

/** FNV-1a over the text, twice with different offsets: a 16-hex-digit id that is stable across runs and platforms. */
export function stableHash(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ 0x5bd1e995
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15)
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}

/**
 * Keeps a substring of a file chunk without keeping the chunk: V8 may hold a substring of 13 characters or more as a
 * view of its whole 64 KB parent. Concatenating and cutting forces a copy of just these characters.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : (text + ' ').slice(0, -1)
}

/** detach, with repeated values (CPU model, project, version) sharing one copy. */
export function createStringPool(): (text: string) => string {
  const pool = new Map<string, string>()
  return (text) => {
    let kept = pool.get(text)
    if (kept === undefined) {
      kept = detach(text)
      pool.set(kept, kept)
    }
    return kept
  }
}
