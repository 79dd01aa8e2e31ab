import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { READS_LEDGER_SCHEMA } from '../../../main/cli/commands/report'
import { parseCsv } from '../../../shared/import/csv'
import { cli } from '../cli/support'

const ARCHIVE = 'tests/fixtures/report/lab-ledger.json'
const tmp = () => mkdtempSync(join(tmpdir(), 'report-cli-'))

describe('report command', () => {
  it('writes the CSV files of a quarter and exits 0', async () => {
    const dir = join(tmp(), 'new-folder')
    const out = await cli('report', '--archive', ARCHIVE, '--period', '2025-Q1', '--csv', dir, '--lab', 'Test Lab')
    expect(out.stderr).toBe('')
    expect(out.code).toBe(0)
    expect(readdirSync(dir).sort()).toEqual([
      'README.txt',
      'by-hardware.csv',
      'by-location.csv',
      'by-month.csv',
      'by-person.csv',
      'by-project.csv',
      'runs.csv',
      'summary.csv'
    ])
    expect(out.stdout).toMatch(/^Q1 2025, Whole lab: 50 runs, /)
    const runs = parseCsv(readFileSync(join(dir, 'runs.csv'), 'utf8'))
    expect(runs).toHaveLength(51)
  })

  it('writes header-only files for a period without runs and says why on stderr', async () => {
    const dir = tmp()
    const out = await cli('report', '--archive', ARCHIVE, '--period', '2030-Q1', '--csv', dir)
    expect(out.code).toBe(0)
    expect(out.stderr).toMatch(/no runs in Q1 2030/)
    expect(parseCsv(readFileSync(join(dir, 'runs.csv'), 'utf8'))).toHaveLength(1)
  })

  it('scopes by project name or id and prints JSON with --json', async () => {
    const dir = tmp()
    const out = await cli(
      'report',
      '--archive',
      ARCHIVE,
      '--period',
      '2025-Q1',
      '--csv',
      dir,
      '--projects',
      'Reinforcement learning,p-llm',
      '--json'
    )
    expect(out.code).toBe(0)
    const doc = JSON.parse(out.stdout)
    expect(doc.scope).toContain('Reinforcement learning')
    expect(doc.files).toHaveLength(8)
    // The README names every file and each of its columns (issue 13: machine-readable CSVs with a short README).
    const readme = readFileSync(join(dir, 'README.txt'), 'utf8')
    for (const f of doc.files.filter((x: { name: string }) => x.name.endsWith('.csv'))) {
      expect(readme).toContain(`${f.name}: `)
      const header = readFileSync(f.path, 'utf8').split('\r\n')[0]!
      for (const column of header.split(',')) expect(readme, `${f.name} ${column}`).toContain(column)
    }
    const runs = parseCsv(readFileSync(join(dir, 'runs.csv'), 'utf8')).slice(1)
    expect(new Set(runs.map((r) => r.cells[1]))).toEqual(new Set(['p-rl', 'p-llm']))
    expect(doc.totals.runs).toBe(runs.length)
  })

  it('answers a bad archive with exit 1 and one clear line', async () => {
    const dir = tmp()
    const notJson = join(dir, 'backup.json')
    writeFileSync(notJson, '{"format": "carbon-ledger-backup", trunc')
    let out = await cli('report', '--archive', notJson, '--period', '2025-Q1', '--csv', dir)
    expect(out.code).toBe(1)
    expect(out.stderr).toBe(
      'carbon-ledger report: backup.json: This file is not a Carbon Ledger backup: it is not valid JSON (truncated or corrupt?).\n'
    )

    const altered = join(dir, 'altered.json')
    writeFileSync(altered, readFileSync(ARCHIVE, 'utf8').replace('"Reinforcement learning"', '"Reinforcement learnin"'))
    out = await cli('report', '--archive', altered, '--period', '2025-Q1', '--csv', dir)
    expect(out.code).toBe(1)
    expect(out.stderr).toContain('altered.json: This backup is damaged: its checksum does not match')
    expect(out.stderr.trim().split('\n')).toHaveLength(1)

    out = await cli('report', '--archive', join(dir, 'missing.json'), '--period', '2025-Q1', '--csv', dir)
    expect(out.code).toBe(1)
    expect(out.stderr).toContain('missing.json: no such file')
    expect(readdirSync(dir).filter((f) => f.endsWith('.csv'))).toEqual([])
  })

  it('answers bad values with exit 1 and bad usage with exit 2', async () => {
    const dir = tmp()
    let out = await cli('report', '--archive', ARCHIVE, '--period', '2025-Q5', '--csv', dir)
    expect(out.code).toBe(1)
    expect(out.stderr).toContain("--period: '2025-Q5' is not a period")
    out = await cli('report', '--archive', ARCHIVE, '--period', '2025-Q1', '--csv', dir, '--projects', 'nope')
    expect(out.code).toBe(1)
    expect(out.stderr).toContain("--projects: no project 'nope'")
    expect((await cli('report', '--archive', ARCHIVE, '--csv', dir)).code).toBe(2)
    expect((await cli('report', '--archive', ARCHIVE, '--period', '2025-Q1')).code).toBe(2)
    expect((await cli('report', '--archive', ARCHIVE, '--period', '2025-Q1', '--csv', dir, '--bogus', 'x')).code).toBe(
      2
    )
  })

  it('reads the ledger schema version the app writes', async () => {
    // A computed path: the renderer is outside this TypeScript project, but vitest runs it in Node all the same.
    const schema = (await import(['..', '..', '..', 'renderer', 'db', 'schema'].join('/'))) as {
      SCHEMA_VERSION: number
    }
    expect(READS_LEDGER_SCHEMA).toBe(schema.SCHEMA_VERSION)
  })
})
