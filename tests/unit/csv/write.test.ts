import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvCell, csvLine, toCsv } from '../../../shared/csv/write'

/** A minimal RFC 4180 reader for checking what the writer produced. */
function readCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += c
  }
  return rows
}

describe('CSV writing', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('+SUM(A1)')).toBe("'+SUM(A1)")
    expect(csvCell('-2+3')).toBe("'-2+3")
    expect(csvCell('@cmd')).toBe("'@cmd")
    expect(csvCell('\tx')).toBe("'\tx")
    expect(csvCell('\rx')).toBe('"\'\rx"')
  })
  it('writes numbers as numbers, negative ones included', () => {
    expect(csvCell(-2.5)).toBe('-2.5')
    expect(csvCell(1e-9)).toBe('1e-9')
    expect(csvCell(Number.NaN)).toBe('')
  })
  it('quotes commas, quotes and line breaks', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', 'plain'])).toBe('"a,b","say ""hi""","two\nlines",plain\r\n')
  })
  it('keeps non-ASCII text as it is', () => {
    expect(csvCell('île-de-france ✓')).toBe('île-de-france ✓')
  })
  it('round-trips any text (formula cells come back with their guard)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { maxLength: 10 }), (rows) => {
        const parsed = readCsv(
          toCsv(
            ['h'],
            rows.map((r) => r)
          )
        )
        expect(parsed.slice(1)).toEqual(rows.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c))))
      })
    )
  })
})
