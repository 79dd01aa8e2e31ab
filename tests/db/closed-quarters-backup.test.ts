import 'fake-indexeddb/auto'
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { Ledger } from '../../renderer/db'
import { type BackupTables, buildArchive } from '../../shared/ledger/backup'
import { quarterPeriod } from '../../shared/ledger/period'
import type { RollupSums } from '../../shared/ledger/records'
import type { ReportModel } from '../../shared/report/model'
import { keyFigureValues } from '../../shared/report/restatements'
import { reportText } from '../../shared/report/text/index'
import { exportBytes, readLines, sourceOf, tamper } from './archive-support'
import { gpuRun, openTest, type TestLab } from './support'

const en = reportText('en')
const signOff = { preparedBy: 'Ada Lovelace', reviewedBy: 'Grace Hopper', date: '2026-04-02', notes: 'Filed.' }

const modelOf = (total: RollupSums): ReportModel =>
  ({
    periodLabel: 'Q1 2026',
    keyFigures: Object.entries(keyFigureValues(total)).map(([id, v]) => ({ id, value: { value: v, low: v, high: v } }))
  }) as unknown as ReportModel

const closeQ1 = async (ledger: Ledger<TestLab>) => {
  const total = (await ledger.aggregate.totals({ period: quarterPeriod(2026, 1) })).total
  return ledger.closedQuarters.close({ quarter: '2026-Q1', model: modelOf(total), closedBy: 'Ada Lovelace', signOff })
}

/** A ledger with Q1 closed, reopened with a reason and closed again, and a run edited since (a restatement). */
const seeded = async () => {
  const ledger = await openTest()
  const run = await ledger.runs.create(gpuRun({ hours: 10 }))
  await closeQ1(ledger)
  await ledger.closedQuarters.reopen('2026-Q1', 'A run was in the wrong project.', 'Ada Lovelace')
  await closeQ1(ledger)
  await ledger.runs.update(run.id, gpuRun({ hours: 20 }))
  return ledger
}

/** An archive as a version-3 writer before closed quarters wrote it: no such lines, no such counts in its trailer. */
const withoutClosedQuarters = (bytes: Uint8Array): Uint8Array => {
  const { header, records } = readLines(bytes)
  const kept = records.filter((r) => r.t !== 'closedQuarters' && r.t !== 'quarterLog')
  const counts: Record<string, number> = {
    settings: 0,
    projects: 0,
    mappings: 0,
    imports: 0,
    runs: 0,
    trash: 0,
    superseded: 0
  }
  for (const r of kept) counts[r.t]!++
  const body = [JSON.stringify(header), ...kept.map((r) => JSON.stringify(r))].map((l) => `${l}\n`).join('')
  const checksum = `sha256:${createHash('sha256').update(body, 'utf8').digest('hex')}`
  return new Uint8Array(gzipSync(body + `${JSON.stringify({ end: true, counts, checksum })}\n`))
}

describe('closed quarters in backups', () => {
  it('writes the closed quarter and its log, and a replace restores both: filed model, sign-off, restatements', async () => {
    const source = await seeded()
    const bytes = await exportBytes(source)
    const { records, trailer } = readLines(bytes)
    expect(trailer.counts).toMatchObject({ closedQuarters: 1, quarterLog: 3 })
    expect(records.filter((r) => r.t === 'closedQuarters').map((r) => r.r.quarter)).toEqual(['2026-Q1'])

    const target = await openTest()
    await target.runs.create(gpuRun({ hours: 1, startedAt: '2026-05-01T00:00:00Z' }))
    const report = await target.backups.restore(sourceOf(bytes), 'replace')
    expect(report).toMatchObject({ refusedCount: 0 })
    expect(await target.closedQuarters.get('2026-Q1')).toEqual(await source.closedQuarters.get('2026-Q1'))
    expect(await target.closedQuarters.history('2026-Q1')).toEqual(await source.closedQuarters.history('2026-Q1'))
    const restated = (await target.closedQuarters.restatements(en)).find((r) => r.figure === 'emissions')!
    expect(restated).toMatchObject({ period: 'Q1 2026', cause: 'edit (1 run)' })
    expect(restated.filed).toBeCloseTo(1.5, 10)
    expect(restated.now).toBeCloseTo(3, 10)
    source.close()
    target.close()
  })

  it('a replace with an archive without closed quarters leaves none; a merge adds what the ledger lacks', async () => {
    const source = await seeded()
    const bytes = await exportBytes(source)
    const replaced = await openTest()
    await closeQ1(replaced)
    await replaced.backups.restore(sourceOf(withoutClosedQuarters(bytes)), 'replace')
    expect(await replaced.closedQuarters.list()).toEqual([])
    expect(await replaced.closedQuarters.history()).toEqual([])

    const merged = await openTest()
    const report = await merged.backups.restore(sourceOf(bytes), 'merge')
    expect(report.conflictCount).toBe(0)
    expect((await merged.closedQuarters.get('2026-Q1'))?.signOff).toEqual(signOff)
    expect(await merged.closedQuarters.history()).toHaveLength(3)
    source.close()
    replaced.close()
    merged.close()
  })

  it('a merge keeps open a quarter the ledger reopened after the archive was made, and merges the log', async () => {
    const ledger = await openTest()
    await ledger.runs.create(gpuRun({ hours: 10 }))
    await closeQ1(ledger)
    const before = await exportBytes(ledger)
    await ledger.closedQuarters.reopen('2026-Q1', 'Late import of March jobs.', 'Ada Lovelace')
    const report = await ledger.backups.restore(sourceOf(before), 'merge')
    expect(report.added).toBe(0)
    expect(await ledger.closedQuarters.get('2026-Q1')).toBeUndefined()
    expect((await ledger.closedQuarters.history('2026-Q1')).map((h) => [h.action, h.reason])).toEqual([
      ['reopen', 'Late import of March jobs.'],
      ['close', '']
    ])
    ledger.close()
  })

  it('restores archives from before closed quarters: version 3 without their counts, and a version 2 document', async () => {
    const source = await seeded()
    const bytes = await exportBytes(source)
    const target = await openTest()
    const report = await target.backups.restore(sourceOf(withoutClosedQuarters(bytes)), 'replace')
    expect(report).toMatchObject({ refusedCount: 0, added: 2 })
    expect(await target.runs.list()).toHaveLength(1)

    const { records } = readLines(bytes)
    const tables = { settings: [], projects: [], mappings: [], imports: [], runs: [], trash: [], superseded: [] }
    for (const { t, r } of records) if (t in tables) (tables as Record<string, unknown[]>)[t]!.push(r)
    const v2 = await buildArchive(tables as unknown as BackupTables, {
      schemaVersion: 2,
      dataVersion: 'test-1',
      createdAt: new Date()
    })
    const legacy = await openTest()
    expect(await legacy.backups.restore(sourceOf(JSON.stringify(v2)), 'replace')).toMatchObject({ refusedCount: 0 })
    expect(await legacy.runs.list()).toHaveLength(1)
    expect(await legacy.closedQuarters.list()).toEqual([])
    source.close()
    target.close()
    legacy.close()
  })

  it('refuses a closed quarter without finite key figures and a log entry of no quarter, naming each', async () => {
    const source = await seeded()
    const edited = tamper(await exportBytes(source), ({ records }) =>
      records.map((rec) => {
        if (rec.t === 'closedQuarters') {
          const model = rec.r.model as { keyFigures: { value: { value: number } }[] }
          return JSON.stringify({ ...rec, r: { ...rec.r, model: { ...model, keyFigures: 'gone' } } })
        }
        if (rec.t === 'quarterLog' && rec.r.action === 'reopen')
          return JSON.stringify({ ...rec, r: { ...rec.r, quarter: '2026-Q5' } })
        return JSON.stringify(rec)
      })
    )
    const target = await openTest()
    const report = await target.backups.restore(sourceOf(edited), 'replace')
    expect(report.refused.map((n) => [n.table, n.id, n.reason])).toEqual([
      ['closedQuarters', '2026-Q1', expect.stringMatching(/model\.keyFigures/)],
      ['quarterLog', expect.any(String), expect.stringMatching(/quarter/)]
    ])
    expect(await target.closedQuarters.list()).toEqual([])
    expect(await target.closedQuarters.history()).toHaveLength(2)
    expect(await target.runs.list()).toHaveLength(1)
    source.close()
    target.close()
  })
})
