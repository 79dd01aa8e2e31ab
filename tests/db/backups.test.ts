import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Ledger, LedgerError, SCHEMA_VERSION } from '../../renderer/db'
import { type BackupTables, buildArchive } from '../../shared/ledger/backup'
import { quarterPeriod, yearPeriod } from '../../shared/ledger/period'
import { gpuRun, openTest, type TestLab } from './support'

/** Every table's content, order-independent, rollups included (they must be rebuilt identically). */
const snapshot = async (ledger: Ledger<TestLab>) => {
  const archive = JSON.parse(await ledger.backups.exportText())
  const sorted = Object.fromEntries(
    Object.entries(archive.tables as Record<string, { id?: string; key?: string; runId?: string }[]>).map(
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
    const text = await source.backups.exportText()
    const archive = JSON.parse(text)
    expect(archive).toMatchObject({
      format: 'carbon-ledger-backup',
      schemaVersion: SCHEMA_VERSION,
      dataVersion: 'test-1'
    })
    expect(archive.checksum).toMatch(/^sha256:[0-9a-f]{64}$/)

    const target = await openTest()
    const report = await target.backups.restore(text, 'replace')
    expect(report.mode).toBe('replace')
    expect(await snapshot(target)).toEqual(await snapshot(source))
    expect(await target.settings.getLabDefaults()).toEqual({ intensityGPerKWh: 300, renewableShare: 0.2 })
  })

  it('restores a backup written by schema version 1 (runs without startMonth) into the period index', async () => {
    const source = await openTest()
    await seed(source)
    const current = JSON.parse(await source.backups.exportText())
    const strip = ({ startMonth: _dropped, ...run }: { startMonth: string }) => run
    const tables = current.tables as BackupTables
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
    await target.backups.restore(JSON.stringify(v1), 'replace')
    expect((await snapshot(target)).tables.runs).toEqual((await snapshot(source)).tables.runs)
    const top = await target.aggregate.topRuns({ n: 5, period: quarterPeriod(2026, 1) })
    expect(top.map((r) => [r.person, r.startMonth])).toEqual([
      ['bob', '2026-03'],
      ['ada', '2026-02']
    ])
  })

  it('rejects corrupt, foreign and newer archives with a clear message, changing nothing', async () => {
    const ledger = await openTest()
    await seed(ledger)
    const before = await snapshot(ledger)
    const text = await ledger.backups.exportText()
    const tampered = text.replace('"hours"', '"hours"').replace(/"person":"bob"/, '"person":"eve"')
    const cases: [string, RegExp][] = [
      [text.slice(0, text.length / 2), /not valid JSON/],
      ['{"format":"something-else","items":[]}', /not a Carbon Ledger backup/],
      [tampered, /checksum does not match/],
      [text.replace(`"schemaVersion":${SCHEMA_VERSION}`, '"schemaVersion":99'), /newer Carbon Ledger/],
      [text.replace(/"durationS":\d+/, '"durationS":"long"'), /damaged: tables\.runs\.0\.input\.durationS/]
    ]
    for (const [bad, message] of cases) {
      const attempt = ledger.backups.restore(bad, 'replace')
      await expect(attempt).rejects.toBeInstanceOf(LedgerError)
      await expect(attempt).rejects.toThrow(message)
    }
    expect(await snapshot(ledger)).toEqual(before)
  })

  it('merges by id: newer wins, conflicts listed, new records added', async () => {
    const ours = await openTest()
    const run = await ours.runs.create(gpuRun({ hours: 1 }))
    const theirs = await openTest()
    await theirs.backups.restore(await ours.backups.exportText(), 'replace')
    // Theirs edits the run later (newer), and adds one.
    await new Promise((r) => setTimeout(r, 5))
    await theirs.runs.update(run.id, gpuRun({ hours: 2 }))
    const added = await theirs.runs.create(gpuRun({ hours: 3 }))

    const report = await ours.backups.restore(await theirs.backups.exportText(), 'merge')
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
    const olderText = await ours.backups.exportText()
    await ours.runs.update(run.id, gpuRun({ hours: 4 }))
    const back = await ours.backups.restore(olderText, 'merge')
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
        await target.backups.restore(await source.backups.exportText(), 'replace')
        expect(await snapshot(target)).toEqual(await snapshot(source))
      }),
      { numRuns: 25 }
    )
    // 25 ledgers on fake-indexeddb: over vitest's 5 s default when the machine is loaded; behaviour, not time, is tested.
  }, 60_000)
})
