import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../renderer/db'
import { LedgerDb, schemaVersions } from '../../renderer/db/schema'
import { runInputSchema } from '../../shared/domain/run'
import { compactResult } from '../../shared/ledger/compact'
import { computeStamp } from '../../shared/ledger/import-plan'
import { monthOf } from '../../shared/ledger/period'
import { buildProjection, mergeParts, type ProjectionPart } from '../../shared/ledger/projection'
import { type RollupRecord, type RunRecord, runRecordSchema } from '../../shared/ledger/records'
import { RollupDelta } from '../../shared/ledger/rollup'
import { freshName, gpuRun, openTest, testCompute, testEngine } from './support'

/**
 * The migration harness. For every schema version there is a fixture: representative data as that version stored
 * it (frozen JSON, written once by that version's code). Each is written into a database opened at its version,
 * then the current ledger opens it (running every upgrade since) and must find everything, unchanged unless an
 * upgrade says otherwise (`expectAfterUpgrade`). Adding version n+1 = one entry in schemaVersions, one fixture
 * here for version n+1, and, if the upgrade transforms data, its expectation for the older fixtures.
 */
interface Fixture {
  version: number
  tables: Record<string, unknown[]>
}
/** Fixtures are JSON: the projection's typed arrays are written as { "$Float64Array": [...] } and read back here. */
const revive = (_key: string, value: unknown): unknown => {
  if (value !== null && typeof value === 'object') {
    if ('$Float64Array' in value) return Float64Array.from(value.$Float64Array as number[])
    if ('$Uint32Array' in value) return Uint32Array.from(value.$Uint32Array as number[])
  }
  return value
}
const fixture = (version: number): Fixture =>
  JSON.parse(readFileSync(new URL(`../fixtures/ledger/ledger-v${version}.json`, import.meta.url), 'utf8'), revive)
const fixtures: Record<number, Fixture> = { 1: fixture(1), 2: fixture(2), 3: fixture(3), 4: fixture(4), 5: fixture(5) }
/**
 * How each fixture's tables must look after upgrading to the current version. Version 2 added startMonth to every
 * stored copy of a run: the version-2 fixture is the version-1 one with that field, written by hand from its
 * startedAtMs, so upgrading version 1 must give exactly the version-2 tables. Version 3 added two tables (closed
 * quarters and their log), empty after an upgrade; its fixture is the version-2 one with a closed quarter and a log.
 * Version 4 compacts runs computed to the stamp in force (tested below): every run of the older fixtures carries a
 * stamp of an older method, so they keep their whole results; its fixture is the version-3 one with two runs stored
 * compact since (one of them in the trash). Version 5 added the runs projection, built from the runs by the upgrade:
 * one part per month, as buildProjection makes it; its fixture is the version-4 one with that projection.
 */
const expectAfterUpgrade = (fixture: Fixture): Record<string, unknown[]> => {
  const tables = fixture.version === 1 ? fixtures[2]!.tables : fixture.tables
  const withQuarters = fixture.version < 3 ? { ...tables, closedQuarters: [], quarterLog: [] } : tables
  return fixture.version < 5
    ? { ...withQuarters, projection: buildProjection(withQuarters.runs as RunRecord[]) }
    : withQuarters
}

const byKey = (rows: unknown[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))

describe('schema migrations', () => {
  it('has a fixture for every schema version', () => {
    expect(Object.keys(fixtures).map(Number)).toEqual(schemaVersions.map((v) => v.version))
  })

  for (const fixture of Object.values(fixtures)) {
    it(`opens version ${fixture.version} data at version ${SCHEMA_VERSION} with nothing lost or changed`, async () => {
      const name = freshName()
      const old = new LedgerDb(name, fixture.version)
      await old.open()
      for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows)
      old.close()

      const ledger = await openTest(name)
      ledger.close()
      const current = new LedgerDb(name)
      await current.open()
      expect(current.verno).toBe(SCHEMA_VERSION)
      for (const [table, rows] of Object.entries(expectAfterUpgrade(fixture))) {
        expect(byKey(await current.table(table).toArray()), table).toEqual(byKey(rows))
      }
      // Stored runs still validate, and the rollups still equal a rebuild from the runs.
      const runs: RunRecord[] = await current.runs.toArray()
      for (const run of runs) expect(runRecordSchema.safeParse(run).success).toBe(true)
      const rebuilt = new RollupDelta()
      for (const run of runs) rebuilt.add(run, 1)
      const stored: RollupRecord[] = await current.rollups.toArray()
      expect(stored.map((c) => c.key).sort()).toEqual(rebuilt.keys().sort())
      for (const cell of stored) {
        const expected = rebuilt.cells.get(cell.key)!
        expect(cell.members).toBe(expected.members)
        expect(cell.emissionsKg.value).toBeCloseTo(expected.emissionsKg.value, 9)
      }
      // And the projection holds every run, once, in its start month.
      const parts: ProjectionPart[] = await current.projection.toArray()
      const projected = [...new Set(parts.map((p) => p.month))].flatMap((month) =>
        mergeParts(parts.filter((p) => p.month === month)).map((row) => [month, row.id])
      )
      expect(projected.sort()).toEqual(runs.map((r) => [r.startMonth, r.id]).sort())
      current.close()
    })
  }
})

describe('version 4: compact runs', () => {
  const engine = testEngine()
  const lab = engine.defaultLabDefaults
  const current = computeStamp(engine.dataVersion, lab)
  /** A run as version 3 stored it: the whole result, trace, assumptions and sources included. */
  const wholeRun = (id: string, stamp: string, hours: number): RunRecord => {
    const input = runInputSchema.parse(gpuRun({ project: 'p', startedAt: '2026-02-01T10:00:00Z', hours }))
    const result = testCompute(input, lab)
    const startedAtMs = Date.parse(input.startedAt)
    return {
      id,
      projectId: 'p1',
      person: input.person,
      startedAtMs,
      startMonth: monthOf(startedAtMs),
      input,
      result,
      emissionsKg: result.emissionsKg.value,
      computeStamp: stamp,
      importId: '',
      createdAt: 1,
      updatedAt: 1
    }
  }

  it('drops the trace, assumptions and sources of runs at the stamp in force, everywhere a copy is kept, and rebuilds them exactly', async () => {
    const name = freshName()
    const old = new LedgerDb(name, 3)
    await old.open()
    const fresh = wholeRun('fresh', current, 3)
    const stale = wholeRun('stale', `r3:${engine.dataVersion}#older`, 5)
    const trashed = wholeRun('trashed', current, 7)
    const replaced = wholeRun('replaced', current, 11)
    await old.table('projects').add({ id: 'p1', name: 'p', description: '', createdAt: 1, updatedAt: 1 })
    await old.table('runs').bulkAdd([fresh, stale])
    await old.table('trash').add({ id: 'trashed', deletionId: 'd1', deletedAt: 2, run: trashed })
    await old.table('superseded').add({ importId: 'i1', runId: 'replaced', previous: replaced })
    old.close()

    const ledger = await openTest(name)
    const raw = new LedgerDb(name)
    await raw.open()
    const stored = (await raw.runs.toArray()).sort((a, b) => a.id.localeCompare(b.id))
    expect(stored.map((r) => r.result)).toEqual([compactResult(fresh.result), stale.result])
    expect((await raw.trash.get('trashed'))!.run.result).toEqual(compactResult(trashed.result))
    expect((await raw.superseded.toArray())[0]!.previous.result).toEqual(compactResult(replaced.result))
    for (const run of stored) expect(runRecordSchema.safeParse(run).success).toBe(true)
    raw.close()

    // On demand: exactly what the engine produced when the runs were stored (the stale run kept its own).
    const explained = await ledger.runs.explain(stored)
    expect(explained.map((r) => r.result)).toStrictEqual([fresh.result, stale.result])
    ledger.close()
  })

  it('rebuilds runs left on earlier lab defaults with those defaults, and says so when it cannot', async () => {
    const ledger = await openTest()
    const run = await ledger.runs.create(gpuRun({ location: { kind: 'unknown' } }))
    const before = testCompute(run.input, lab)
    await ledger.settings.setLabDefaults({ ...lab, intensityGPerKWh: 100 })
    // The run is stale now; its trace is rebuilt with the defaults it was computed with, not the new ones.
    const [explained] = await ledger.runs.explain([run])
    expect(explained!.result).toStrictEqual(before)
    // A stamp whose defaults the ledger never kept (another data version) keeps its figures, with a note.
    const foreign = { ...run, computeStamp: computeStamp('test-0', lab) }
    const [unexplained] = await ledger.runs.explain([foreign])
    expect(unexplained!.result.emissionsKg).toEqual(run.result.emissionsKg)
    expect(unexplained!.result.trace).toEqual([])
    expect(unexplained!.result.assumptionMsgs?.map((m) => m.id)).toEqual(['assume.traceUnavailable'])
    ledger.close()
  })
})
