import { describe, expect, it } from 'vitest'
import { createCsvParser, type CsvRow, parseCsv } from '../../../shared/import/csv'

function parseChunks(chunks: string[]): { rows: CsvRow[]; unterminatedQuoteRow?: number } {
  const rows: CsvRow[] = []
  const parser = createCsvParser((r) => rows.push(r))
  for (const chunk of chunks) parser.push(chunk)
  return { rows, ...parser.finish() }
}

describe('parseCsv', () => {
  it('reads plain rows with LF and CRLF and no trailing newline', () => {
    expect(parseCsv('a,b\r\n1,2\n3,4').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4']
    ])
  })

  it('strips the BOM only at the very start', () => {
    expect(parseCsv('\uFEFFa,b\n\uFEFF1,2\n').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['\uFEFF1', '2']
    ])
  })

  it('reads quoted fields holding commas, escaped quotes and newlines', () => {
    const rows = parseCsv('name,note\n"a, b","say ""hi""\nthen go"\nx,""\n')
    expect(rows.map((r) => r.cells)).toEqual([
      ['name', 'note'],
      ['a, b', 'say "hi"\nthen go'],
      ['x', '']
    ])
  })

  it('numbers records as a spreadsheet does and lines as an editor does', () => {
    const rows = parseCsv('h1,h2\n"multi\nline",1\n\nlast,2\n')
    expect(rows.map((r) => [r.cells[0], r.row, r.line])).toEqual([
      ['h1', 1, 1],
      ['multi\nline', 2, 2],
      ['last', 4, 5]
    ])
  })

  it('keeps empty fields, lone CR line ends, and text after a closing quote', () => {
    expect(parseCsv(',,\r"a"b,c"d\r').map((r) => r.cells)).toEqual([
      ['', '', ''],
      ['ab', 'c"d']
    ])
  })

  it('gives the same rows whatever the chunk boundaries, including between CR and LF and inside "" escapes', () => {
    const text = 'a,"b ""q"", c"\r\n"x\r\ny",z\r\n'
    const whole = parseChunks([text]).rows
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j++) {
        expect(parseChunks([text.slice(0, i), text.slice(i, j), text.slice(j)]).rows).toEqual(whole)
      }
    }
    expect(whole.map((r) => r.cells)).toEqual([
      ['a', 'b "q", c'],
      ['x\r\ny', 'z']
    ])
  })

  it('reports a quoted field left open at the end of the input', () => {
    const { rows, unterminatedQuoteRow } = parseChunks(['a,b\n1,"never closed\n'])
    expect(unterminatedQuoteRow).toBe(2)
    expect(rows[1]?.cells).toEqual(['1', 'never closed\n'])
  })
})

describe('createCsvParser onlyColumns', () => {
  it('reads only the columns asked for after the header, leaving the others empty in place, in any chunks', () => {
    const text = 'a,b,c,d\n1,"x, y",3,4\n"5",6,"7 ""q""",8,9\nlast,,z\n'
    for (const size of [1, 2, 5, text.length]) {
      const rows: string[][] = []
      const parser = createCsvParser((r) => {
        rows.push(r.cells)
        if (r.row === 1) parser.onlyColumns([0, 2])
      })
      for (let at = 0; at < text.length; at += size) parser.push(text.slice(at, at + size))
      parser.finish()
      expect(rows).toEqual([
        ['a', 'b', 'c', 'd'],
        ['1', '', '3', ''],
        ['5', '', '7 "q"', '', ''],
        ['last', '', 'z']
      ])
    }
  })
})
