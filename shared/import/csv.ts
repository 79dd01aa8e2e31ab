/**
 * Incremental RFC 4180 reader. Chunks may be split anywhere (inside quotes, between a quote and its escape,
 * between CR and LF); the rows come out the same as from one chunk. Lenient where spreadsheets are: text after a
 * closing quote is kept, a quote inside an unquoted field is literal, lone CR ends a line.
 */

const COMMA = 44
const QUOTE = 34
const LF = 10
const CR = 13

export interface CsvRow {
  cells: string[]
  /** Record number counted as a spreadsheet does: the header is row 1, blank lines count. */
  row: number
  /** Physical line on which the record starts (1-based); differs from row when quoted cells hold newlines. */
  line: number
}

export interface CsvParser {
  push(chunk: string): void
  /**
   * From the next row on, only the cells at these indexes are read; the others come out as '' (their indexes stay).
   * A large file's unused columns then cost no string each. Call it from onRow, e.g. once the header is read.
   */
  onlyColumns(indexes: number[]): void
  /** Ends the input. Returns the row of a quoted field left open at the end of the file, if any. */
  finish(): { unterminatedQuoteRow?: number }
}

export function createCsvParser(onRow: (row: CsvRow) => void): CsvParser {
  let started = false
  let inQuotes = false
  /** A quote closed the previous chunk inside a quoted field: escape or end, decided by the next character. */
  let quoteAtChunkEnd = false
  let pendingCR = false
  let atFieldStart = true
  let field = ''
  let cells: string[] = []
  let line = 1
  let rowLine = 1
  let row = 0
  /** wanted[i] === 1: cell i is read; undefined: every cell is. */
  let wanted: Uint8Array | undefined

  const endRow = (): void => {
    row += 1
    const isBlank = cells.length === 0 && field === '' && atFieldStart
    if (!isBlank) {
      cells.push(wanted === undefined || wanted[cells.length] === 1 ? field : '')
      onRow({ cells, row, line: rowLine })
    }
    cells = []
    field = ''
    atFieldStart = true
    line += 1
    rowLine = line
  }

  const countLineFeeds = (s: string, from: number, to: number): void => {
    let at = s.indexOf('\n', from)
    while (at !== -1 && at < to) {
      line += 1
      at = s.indexOf('\n', at + 1)
    }
  }

  return {
    push(chunk: string): void {
      let s = chunk
      if (!started) {
        if (s.length === 0) return
        started = true
        if (s.charCodeAt(0) === 0xfeff) s = s.slice(1)
      }
      const n = s.length
      let i = 0
      if (n === 0) return
      if (pendingCR) {
        pendingCR = false
        if (s.charCodeAt(0) === LF) i = 1
      }
      if (quoteAtChunkEnd) {
        quoteAtChunkEnd = false
        if (s.charCodeAt(i) === QUOTE) {
          field += '"'
          i += 1
        } else {
          inQuotes = false
        }
      }
      let start = i
      /** Where the next of each delimiter is, from where it was last looked for (n: none left in the chunk). */
      let nextComma = -1
      let nextLF = -1
      let nextCR = -1
      while (i < n) {
        if (inQuotes) {
          const q = s.indexOf('"', i)
          if (q === -1) {
            countLineFeeds(s, i, n)
            field += s.slice(start)
            start = n
            break
          }
          countLineFeeds(s, i, q)
          if (q + 1 === n) {
            field += s.slice(start, q)
            quoteAtChunkEnd = true
            start = n
            break
          }
          if (s.charCodeAt(q + 1) === QUOTE) {
            field += s.slice(start, q + 1)
            i = q + 2
          } else {
            field += s.slice(start, q)
            inQuotes = false
            i = q + 1
          }
          start = i
          continue
        }
        const c = s.charCodeAt(i)
        if (c === COMMA) {
          if (wanted === undefined || wanted[cells.length] === 1)
            cells.push(start === i ? field : field + s.slice(start, i))
          else cells.push('')
          field = ''
          atFieldStart = true
          i += 1
          start = i
        } else if (c === LF || c === CR) {
          if (start < i) field += s.slice(start, i)
          endRow()
          if (c === CR) {
            if (i + 1 === n) pendingCR = true
            else if (s.charCodeAt(i + 1) === LF) i += 1
          }
          i += 1
          start = i
        } else if (c === QUOTE && atFieldStart && start === i && field === '') {
          inQuotes = true
          atFieldStart = false
          i += 1
          start = i
        } else {
          // Plain text up to the next comma or line end: found with indexOf, not character by character. A quote
          // past a field's first character is literal, so none of them needs looking at.
          atFieldStart = false
          if (nextComma < i) nextComma = nextOf(s, ',', i)
          if (nextLF < i) nextLF = nextOf(s, '\n', i)
          if (nextCR < i) nextCR = nextOf(s, '\r', i)
          i = Math.min(nextComma, nextLF, nextCR)
        }
      }
      if (start < n) field += s.slice(start)
    },
    onlyColumns(indexes) {
      wanted = new Uint8Array(Math.max(0, ...indexes) + 1)
      for (const index of indexes) wanted[index] = 1
    },
    finish() {
      const open = inQuotes && !quoteAtChunkEnd ? row + 1 : undefined
      inQuotes = false
      quoteAtChunkEnd = false
      if (cells.length > 0 || field !== '' || !atFieldStart) endRow()
      return open === undefined ? {} : { unterminatedQuoteRow: open }
    }
  }
}

function nextOf(s: string, char: string, from: number): number {
  const at = s.indexOf(char, from)
  return at === -1 ? s.length : at
}

/** Whole-text convenience for small inputs and tests. */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = []
  const parser = createCsvParser((r) => rows.push(r))
  parser.push(text)
  parser.finish()
  return rows
}
