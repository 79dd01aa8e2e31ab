import { KNOWN_SACCT_FIELDS } from './slurm-fields'

const FIRST_TWO = /^\s*([A-Za-z][A-Za-z0-9]*)([^A-Za-z0-9]+)([A-Za-z][A-Za-z0-9]*)/

/**
 * The delimiter of a sacct header line (`|` of -p/-P, or the string given with --delimiter): what stands between its
 * first two field names. Undefined when the line is no such header (data, another format, or the padded table layout).
 */
export function findSacctDelimiter(line: string): string | undefined {
  const m = FIRST_TWO.exec(line)
  if (!m) return undefined
  const [, a = '', delimiter = '', b = ''] = m
  if (!KNOWN_SACCT_FIELDS.has(a.toLowerCase()) || !KNOWN_SACCT_FIELDS.has(b.toLowerCase())) return undefined
  if (delimiter.trim() === '') return undefined
  return delimiter
}

/** sacct's default table: names padded with spaces, then a rule of dashes. Lossy (values cut with a `+`): refused. */
export function isSacctTable(first: string, second: string | undefined): boolean {
  const names = first.trim().split(/\s+/)
  return (
    names.length >= 2 &&
    names.every((n) => KNOWN_SACCT_FIELDS.has(n.toLowerCase())) &&
    second !== undefined &&
    /^[\s-]+$/.test(second) &&
    second.includes('-')
  )
}

/** A headerless -p/-P row of the recommended columns: a job id first, then fields separated by `|`. */
export function isHeaderlessSacct(line: string): boolean {
  return /^\d+(?:_\d+|_\[[^\]]*\]|\+\d+)?(?:\.[\w+]+)?\|/.test(line)
}
