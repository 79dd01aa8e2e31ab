import { readdirSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createImporter, detectFormat } from '../../../shared/import'
import { createCsvParser, type CsvRow } from '../../../shared/import/csv'
import type { ImportResult } from '../../../shared/import/types'
import { fixturePath, readFixture } from './support'

const FIXTURES = ['codecarbon', 'nvidia-smi', 'ledger'].flatMap((folder) =>
  readdirSync(fixturePath(folder))
    .filter((name) => /\.(csv|json)$/.test(name))
    .map((name) => `${folder}/${name}`)
)

function importInChunks(text: string, fileName: string, cuts: number[]): ImportResult {
  const detected = detectFormat(text, fileName)
  if ('error' in detected) throw new Error(detected.error)
  const importer = createImporter(detected.format, { fileName })
  let from = 0
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    importer.push(text.slice(from, cut))
    from = cut
  }
  importer.push(text.slice(from))
  return importer.finish()
}

function rowsInChunks(text: string, cuts: number[]): CsvRow[] {
  const rows: CsvRow[] = []
  const parser = createCsvParser((r) => rows.push(r))
  let from = 0
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.push(text.slice(from, cut))
    from = cut
  }
  parser.push(text.slice(from))
  parser.finish()
  return rows
}

const cutsOf = (text: string): fc.Arbitrary<number[]> =>
  fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 12 })

describe('chunk boundaries', () => {
  it('covers every importer fixture', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(35)
  })

  it.each(FIXTURES)('%s imports the same whatever the chunk split points', (file) => {
    const text = readFixture(file)
    const whole = importInChunks(text, file, [])
    fc.assert(
      fc.property(cutsOf(text), (cuts) => {
        expect(importInChunks(text, file, cuts)).toEqual(whole)
      }),
      { numRuns: 40 }
    )
  })

  it.each(FIXTURES.filter((f) => f.endsWith('.csv')))(
    '%s gives the same CSV rows, row and line numbers whatever the split',
    (file) => {
      const text = readFixture(file)
      const whole = rowsInChunks(text, [])
      fc.assert(
        fc.property(cutsOf(text), (cuts) => {
          expect(rowsInChunks(text, cuts)).toEqual(whole)
        }),
        { numRuns: 40 }
      )
    }
  )

  it('splits between CR and LF, and between the two quotes of an escape, without changing the result', () => {
    const text = readFixture('codecarbon/oddity-quoted-utf8.csv')
    const whole = importInChunks(text, 'q.csv', [])
    const awkward = [...text.matchAll(/\r\n|""/g)].map((m) => (m.index ?? 0) + 1)
    expect(awkward.length).toBeGreaterThan(4)
    expect(importInChunks(text, 'q.csv', awkward)).toEqual(whole)
    expect(rowsInChunks(text, awkward)).toEqual(rowsInChunks(text, []))
    const oneCharAtATime = Array.from({ length: text.length }, (_, i) => i)
    expect(importInChunks(text, 'q.csv', oneCharAtATime)).toEqual(whole)
  })
})
