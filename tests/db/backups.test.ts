import 'fake-indexeddb/auto'
import { gzipSync } from 'node:zlib'
import Dexie from 'dexie'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Ledger, LedgerError, SCHEMA_VERSION } from '../../renderer/db'
import { ARCHIVE_TABLES } from '../../shared/ledger/archive'
import { type BackupTables, buildArchive } from '../../shared/ledger/backup'
import { quarterPeriod, yearPeriod } from '../../shared/ledger/period'
import { exportBytes, readLines, signLines, sourceOf, tamper } from './archive-support'
import { freshName, gpuRun, openTest, type TestLab } from './support'

/** Every record of every table, from the ledger's own archive. */
const tablesOf = async (ledger: Ledger<TestLab>): Promise<Record<string, Record<string, unknown>[]>> => {
  const tables: Record<string, Record<string, unknown>[]> = Object.fromEntries(ARCHIVE_TABLES.map((t) => [t, []]))
  for (const { t, r } of readLines(await exportBytes(ledger)).records) (tables[t] ??= []).push(r)
  return tables
}

/** Every table's content, order-independent, rollups included (they must be rebuilt identically). */
const snapshot = async (ledger: Ledger<TestLab>) => {
  const sorted = Object.fromEntries(
    Object.entries((await tablesOf(ledger)) as Record<string, { id?: string; key?: string; runId?: string }[]>).map(
      ([t, rows]) => [
        t,
        [...rows].sort((a, b) => String(a.id ?? a.key ?? a.runId).localeCompare(String(b.id ?? b.key ?? b.runId)))
      ]
    )
  )
  const totals = await ledger.aggregate.totals({
    period: yearPeriod(2026),
    groupBy: ['month', 'project', 'person', 'hardwareModel']
  })
  return { tables: sorted, totals }
}

const seed = async (ledger: Ledger<TestLab>) => {
  await ledger.settings.setLabDefaults({ intensityGPerKWh: 300, renewableShare: 0.2 })
  const a = await ledger.runs.create(gpuRun({ hours: 5 }))
  await ledger.runs.create(gpuRun({ project: 'beta', person: 'bob', startedAt: '2026-03-30T00:00:00Z', hours: 100 }))
  await ledger.runs.remove([a.id])
  await ledger.imports.commit({
    format: 'codecarbon',
    fileName: 'e.csv',
    runs: [{ externalId: 'x', input: gpuRun({ project: 'cc', source: { kind: 'codecarbon', externalId: 'x' } }) }],
    errors: [],
    warnings: []
  })
}

describe('backups', () => {
  it('restores an archive losslessly into an empty ledger, rollups rebuilt', async () => {
    const source = await openTest()
    await seed(source)
    const bytes = await exportBytes(source)
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b])
    const { header, trailer } = readLines(bytes)
    expect(header).toMatchObject({
      format: 'carbon-ledger-backup',
      archiveVersion: 3,
      schemaVersion: SCHEMA_VERSION,
      dataVersion: 'test-1'
    })
    expect(trailer.checksum).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(trailer.counts).toMatchObject({ runs: 2, trash: 1, projects: 3 })

    const target = await openTest()
    const report = await target.backups.restore(sourceOf(bytes), 'replace')
    expect(report).toMatchObject({ refusedCount: 0, repairedCount: 0 })
    expect(report.mode).toBe('replace')
    expect(await snapshot(target)).toEqual(await snapshot(source))
    expect(await target.settings.getLabDefaults()).toEqual({ intensityGPerKWh: 300, renewableShare: 0.2 })
  })

  it('restores a backup written by schema version 1 (runs without startMonth) into the period index', async () => {
    const source = await openTest()
    await seed(source)
    const current = { dataVersion: 'test-1', createdAt: new Date().toISOString() }
    const strip = ({ startMonth: _dropped, ...run }: { startMonth: string }) => run
    const tables = (await tablesOf(source)) as unknown as BackupTables
    const v1Tables = {
      ...tables,
      runs: tables.runs.map(strip),
      trash: tables.trash.map((e) => ({ ...e, run: strip(e.run) })),
      superseded: tables.superseded.map((e) => ({ ...e, previous: strip(e.previous) }))
    } as unknown as BackupTables
    const v1 = await buildArchive(v1Tables, {
      schemaVersion: 1,
      dataVersion: current.dataVersion,
      createdAt: new Date(current.createdAt)
    })
    expect(JSON.stringify(v1)).not.toContain('startMonth')

    const target = await openTest()
    await target.backups.restore(sourceOf(JSON.stringify(v1)), 'replace')
    expect((await snapshot(target)).tables.runs).toEqual((await snapshot(source)).tables.runs)
    const top = await target.aggregate.topRuns({ n: 5, period: quarterPeriod(2026, 1) })
    expect(top.map((r) => [r.person, r.startMonth])).toEqual([
      ['bob', '2026-03'],
      ['ada', '2026-02']
    ])
  })

  it('rejects damaged, foreign and newer archives (versions 2 and 3) with a clear message, changing nothing', async () => {
    const ledger = await openTest()
    await seed(ledger)
    const before = await snapshot(ledger)
    const bytes = await exportBytes(ledger)
    const lines = readLines(bytes)
    const v2 = JSON.stringify(
      await buildArchive((await tablesOf(ledger)) as unknown as BackupTables, {
        schemaVersion: 2,
        dataVersion: 'test-1',
        createdAt: new Date()
      })
    )
    const plain = (text: string) => new Uint8Array(gzipSync(text))
    const body = [JSON.stringify(lines.header), ...lines.records.map((r) => JSON.stringify(r))]
    const cases: [Uint8Array | string, RegExp][] = [
      [v2.slice(0, v2.length / 2), /not valid JSON/],
      ['{"format":"something-else","items":[]}', /not a Carbon Ledger backup/],
      [v2.replace(/"person":"bob"/, '"person":"eve"'), /checksum does not match/],
      [v2.replace('"schemaVersion":2', '"schemaVersion":99'), /newer Carbon Ledger/],
      // Version 3: cut short (no trailer), cut inside the gzip stream, edited without re-signing, newer.
      [plain(body.join('\n') + '\n'), /ends before its last line/],
      [bytes.slice(0, Math.floor(bytes.length / 2)), /cannot be read|ends before/],
      [
        plain([...body, JSON.stringify(lines.trailer)].join('\n').replace(/"person":"bob"/, '"person":"eve"')),
        /checksum does not match/
      ],
      [plain([...body.slice(0, -1), JSON.stringify(lines.trailer)].join('\n')), /should hold \d+ but holds/],
      [signLines({ ...lines.header, schemaVersion: 99 }, body.slice(1)), /newer Carbon Ledger/]
    ]
    for (const [bad, message] of cases) {
      const attempt = ledger.backups.restore(sourceOf(bad), 'replace')
      await expect(attempt).rejects.toBeInstanceOf(LedgerError)
      await expect(attempt).rejects.toThrow(message)
    }
    expect(await snapshot(ledger)).toEqual(before)
  })

  it('refuses or repairs tampered records, lists them, and keeps totals equal to the runs stored', async () => {
    const source = await openTest()
    await seed(source)
    const bytes = await exportBytes(source)
    const runs = readLines(bytes).records.filter((r) => r.t === 'runs')
    const [first, second] = runs as unknown as [{ r: Record<string, unknown> }, { r: Record<string, unknown> }]
    const edited = tamper(bytes, ({ records }) => [
      ...records.map((rec) => {
        if (rec.r.id === first.r.id)
          return JSON.stringify({ ...rec, r: { ...rec.r, startMonth: '1999-01', emissionsKg: 1234 } })
        if (rec.r.id === second.r.id) return JSON.stringify(rec).replace(/"durationS":[0-9.e+]+/, '"durationS":1e999')
        return JSON.stringify(rec)
      }),
      // The same run again (its emissions would count twice) and a run of a project nowhere.
      JSON.stringify({ t: 'runs', r: { ...first.r, person: 'mallory' } }),
      JSON.stringify({ t: 'runs', r: { ...first.r, id: 'orphan', projectId: 'no-such-project' } })
    ])
    const target = await openTest()
    const report = await target.backups.restore(sourceOf(edited), 'replace')
    expect(report.refusedCount).toBe(3)
    expect(report.refused.map((n) => [n.id, n.reason])).toEqual([
      [second.r.id, expect.stringMatching(/input\.durationS/)],
      [first.r.id, expect.stringMatching(/second record with this id/)],
      ['orphan', expect.stringMatching(/project no-such-project is neither/)]
    ])
    expect(report.repairedCount).toBe(1)
    expect(report.repaired[0]).toMatchObject({
      id: first.r.id,
      reason: expect.stringMatching(/startMonth, emissionsKg/)
    })
    const restored = await target.runs.get(first.r.id as string)
    expect(restored).toMatchObject({
      startMonth: first.r.startMonth,
      emissionsKg: first.r.emissionsKg,
      person: first.r.person
    })
    // Totals are the sum of the runs stored: rebuilt from them, never taken from the archive.
    const stored = await target.runs.list({})
    expect(stored).toHaveLength(1)
    const total = (await target.aggregate.totals({ period: yearPeriod(2026) })).total
    expect(total.runs).toBe(1)
    expect(total.emissionsKg.value).toBeCloseTo(stored[0]!.emissionsKg, 12)
  })

  it('leaves out of a backup, and lists, a record no restore could read', async () => {
    const name = freshName()
    const ledger = await openTest(name)
    const run = await ledger.runs.create(gpuRun())
    await ledger.runs.create(gpuRun({ hours: 3 }))
    // A number JSON cannot hold, put there behind the ledger's back (as an old bug could have).
    const db = new Dexie(name)
    await db.open()
    await db.table('runs').update(run.id, { 'result.energyKWh.high': Infinity })
    db.close()
    const { stream, summary } = ledger.backups.exportArchive()
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer())
    expect(await summary).toMatchObject({ skippedCount: 1, skipped: [{ table: 'runs', id: run.id }] })
    expect(readLines(bytes).trailer.counts.runs).toBe(1)
    const target = await openTest()
    expect((await target.backups.restore(sourceOf(bytes), 'replace')).refusedCount).toBe(0)
  })

  it('merges by id: newer wins, conflicts listed, new records added', async () => {
    const ours = await openTest()
    const run = await ours.runs.create(gpuRun({ hours: 1 }))
    const theirs = await openTest()
    await theirs.backups.restore(sourceOf(await exportBytes(ours)), 'replace')
    // Theirs edits the run later (newer), and adds one.
    await new Promise((r) => setTimeout(r, 5))
    await theirs.runs.update(run.id, gpuRun({ hours: 2 }))
    const added = await theirs.runs.create(gpuRun({ hours: 3 }))

    const report = await ours.backups.restore(sourceOf(await exportBytes(theirs)), 'merge')
    expect(report.mode).toBe('merge')
    expect(report.added).toBe(1)
    expect(report.updated).toBe(1)
    expect(report.conflicts).toEqual([expect.objectContaining({ table: 'runs', id: run.id, kept: 'archive' })])
    expect((await ours.runs.get(run.id))!.input.durationS).toBe(7200)
    expect(await ours.runs.get(added.id)).toBeDefined()
    // 2 h + 3 h at 0.3 kW: the merged run's old contribution left the rollups.
    expect((await ours.aggregate.totals({ period: yearPeriod(2026) })).total.energyKWh.value).toBeCloseTo(1.5, 10)

    // Merging an older copy back keeps ours and lists the conflict as kept by the ledger.
    const older = await openTest()
    await older.runs.create(gpuRun())
    const olderBytes = await exportBytes(ours)
    await ours.runs.update(run.id, gpuRun({ hours: 4 }))
    const back = await ours.backups.restore(sourceOf(olderBytes), 'merge')
    expect(back.conflicts).toEqual([expect.objectContaining({ table: 'runs', id: run.id, kept: 'ledger' })])
    expect((await ours.runs.get(run.id))!.input.durationS).toBe(14400)
  })

  it('round-trips any ledger through a backup (property)', async () => {
    const draft = fc.record({
      project: fc.constantFrom('alpha', 'beta', 'γ-project', ''),
      person: fc.constantFrom('ada', 'bob', ''),
      startedAt: fc
        .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) })
        .map((ms) => new Date(ms).toISOString()),
      hours: fc.double({ min: 0, max: 2000, noNaN: true }),
      powerW: fc.integer({ min: 1, max: 1000 }),
      notes: fc.string({ maxLength: 40 })
    })
    await fc.assert(
      fc.asyncProperty(fc.array(draft, { maxLength: 8 }), fc.boolean(), async (drafts, deleteFirst) => {
        const source = await openTest()
        const ids = []
        for (const d of drafts) ids.push((await source.runs.create(gpuRun(d))).id)
        if (deleteFirst && ids[0]) await source.runs.remove([ids[0]])
        const target = await openTest()
        await target.backups.restore(sourceOf(await exportBytes(source)), 'replace')
        expect(await snapshot(target)).toEqual(await snapshot(source))
      }),
      { numRuns: 25 }
    )
    // 25 ledgers on fake-indexeddb: over vitest's 5 s default when the machine is loaded; behaviour, not time, is tested.
  }, 60_000)
})
