import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { ARCHIVE_TABLES, createArchiveWriter } from '../../../shared/ledger/archive'
import { cli } from './support'

const LEGACY = 'tests/fixtures/report/lab-ledger.json'
const tmp = () => mkdtempSync(join(tmpdir(), 'report-archive-'))

/** The version-2 fixture written again as a version-3 archive, with `extra` record lines appended to runs. */
const asVersion3 = (extra: (runs: unknown[]) => unknown[] = () => []): string => {
  const legacy = JSON.parse(readFileSync(LEGACY, 'utf8')) as { tables: Record<string, unknown[]> }
  const writer = createArchiveWriter({ schemaVersion: 2, dataVersion: 'x', createdAt: new Date(0) })
  const parts = [writer.header()]
  for (const table of ARCHIVE_TABLES) {
    const rows = legacy.tables[table] ?? []
    for (const r of table === 'runs' ? [...rows, ...extra(rows)] : rows) parts.push(writer.record(table, r)!)
  }
  parts.push(writer.trailer())
  const path = join(tmp(), 'lab.jsonl.gz')
  writeFileSync(path, gzipSync(Buffer.concat(parts)))
  return path
}

describe('report --archive reads version-3 archives as a stream', () => {
  it('gives the same files from a version-3 archive as from the version-2 one', async () => {
    const [a, b] = [tmp(), tmp()]
    const fromLegacy = await cli('report', '--archive', LEGACY, '--period', '2025-Q1', '--csv', a, '--json')
    const fromStream = await cli('report', '--archive', asVersion3(), '--period', '2025-Q1', '--csv', b, '--json')
    expect(fromStream.stderr).toBe('')
    expect(fromStream.code).toBe(0)
    expect(JSON.parse(fromStream.stdout).totals).toEqual(JSON.parse(fromLegacy.stdout).totals)
    for (const name of ['runs.csv', 'summary.csv', 'by-project.csv'])
      expect(readFileSync(join(b, name), 'utf8')).toBe(readFileSync(join(a, name), 'utf8'))
  })

  it('leaves out, and says so, a run the archive holds twice: it is counted once', async () => {
    const dir = tmp()
    const reference = await cli('report', '--archive', LEGACY, '--period', '2025-Q1', '--csv', tmp(), '--json')
    const out = await cli(
      'report',
      '--archive',
      asVersion3((runs) => [runs[0]]),
      '--period',
      '2025-Q1',
      '--csv',
      dir,
      '--json'
    )
    expect(out.code).toBe(0)
    expect(out.stderr).toMatch(/1 record left out, as a restore would \(first: runs .*second record with this id/)
    expect(JSON.parse(out.stdout).totals).toEqual(JSON.parse(reference.stdout).totals)
  })

  it('refuses a truncated archive with the file named', async () => {
    const path = asVersion3()
    const bytes = readFileSync(path)
    writeFileSync(path, bytes.subarray(0, bytes.length - 40))
    const out = await cli('report', '--archive', path, '--period', '2025-Q1', '--csv', tmp())
    expect(out.code).toBe(1)
    expect(out.stderr).toMatch(/lab\.jsonl\.gz: This backup (is damaged|cannot be read)/)
  })
})
