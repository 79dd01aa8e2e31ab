import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { detectFormat, importText } from '../../../shared/import'
import { fixturePath, readFixture } from './support'

describe('detectFormat', () => {
  it.each([
    ['codecarbon/codecarbon-repo-sample.csv', 'codecarbon'],
    ['codecarbon/layout-H0.csv', 'codecarbon'],
    ['codecarbon/layout-T3.csv', 'codecarbon'],
    ['codecarbon/layout-X3.csv', 'codecarbon'],
    ['codecarbon/oddity-padded-crlf.csv', 'codecarbon'],
    ['nvidia-smi/h100-training-power.csv', 'nvidia-smi'],
    ['nvidia-smi/noheader.csv', 'nvidia-smi'],
    ['nvidia-smi/nounits.csv', 'nvidia-smi'],
    ['ledger/ledger-runs.csv', 'ledger-csv'],
    ['ledger/ledger-runs.json', 'ledger-json']
  ])('recognises %s as %s from its content', (file, format) => {
    expect(detectFormat(readFixture(file), 'renamed.txt')).toEqual({ format })
  })

  it('ignores the extension: a CodeCarbon file named .json is still CodeCarbon', () => {
    expect(detectFormat(readFixture('codecarbon/layout-H7.csv'), 'emissions.json')).toEqual({ format: 'codecarbon' })
  })

  it('recognises a BOM-prefixed header', () => {
    expect(detectFormat(`\uFEFF${readFixture('codecarbon/layout-H2.csv')}`, 'bom.csv')).toEqual({
      format: 'codecarbon'
    })
  })

  it('rejects binary content, naming the file', () => {
    const text = readFileSync(fixturePath('detect/binary.png'), 'utf8')
    expect(detectFormat(text, 'chart.png')).toMatchObject({
      error: 'chart.png is a binary file, not a text export (it holds NUL bytes)'
    })
  })

  it('tells UTF-16 text (a spreadsheet\'s "Unicode text") apart from binary content', () => {
    const utf16 = new TextDecoder().decode(
      new Uint8Array([0xff, 0xfe, ...[...'timestamp,duration\n'].flatMap((c) => [c.charCodeAt(0), 0])])
    )
    expect(detectFormat(utf16, 'emissions.csv')).toMatchObject({
      error: 'emissions.csv is UTF-16 text: save it again as "CSV UTF-8"'
    })
  })

  it('rejects text that is not UTF-8', () => {
    const text = readFileSync(fixturePath('detect/latin1.csv'), 'utf8')
    const result = detectFormat(text, 'latin1.csv')
    expect('error' in result && result.error).toMatch(/^latin1\.csv is not UTF-8 text \(\d+ undecodable characters/)
  })

  it('rejects an unknown CSV layout and shows its first row', () => {
    expect(importText(readFixture('detect/unknown.csv'), 'bank.csv')).toMatchObject({
      error:
        'bank.csv: unknown layout. Expected a CodeCarbon emissions CSV, an nvidia-smi --query-gpu CSV log or a Carbon Ledger run file (CSV or JSON); its first row is: date, amount, description'
    })
  })

  it('says why a file saved with ";" separators is not read', () => {
    expect(detectFormat('timestamp;project_name;duration\n2025-01-01T00:00:00;p;60\n', 'excel.csv')).toMatchObject({
      error:
        'excel.csv separates its columns with ";" (a spreadsheet\'s regional setting): save it again as CSV with commas'
    })
  })

  it('rejects an empty file', () => {
    expect(detectFormat(' \n', 'empty.csv')).toMatchObject({ error: 'empty.csv is empty' })
  })
})
