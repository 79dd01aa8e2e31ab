/**
 * CSV writing for exports: RFC 4180 quoting, CRLF line ends, and spreadsheet formula neutralisation, so a project
 * name like "=HYPERLINK(…)" is shown as text, never run, when a lab manager opens the file in a spreadsheet.
 */

export type CsvCell = string | number | boolean | null | undefined

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  // Numbers are written as numbers: a negative number is data, not a formula.
  const text =
    typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : neutraliseFormula(String(value))
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

/** A whole CSV document: header then rows. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  let out = csvLine(header)
  for (const row of rows) out += csvLine(row)
  return out
}
