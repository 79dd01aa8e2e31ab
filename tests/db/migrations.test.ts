import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../renderer/db'
import { LedgerDb, schemaVersions } from '../../renderer/db/schema'
import { type RollupRecord, type RunRecord, runRecordSchema } from '../../shared/ledger/records'
import { RollupDelta } from '../../shared/ledger/rollup'
import { freshName, openTest } from './support'

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
const fixtures: Record<number, Fixture> = {
  1: JSON.parse(readFileSync(new URL('../fixtures/ledger/ledger-v1.json', import.meta.url), 'utf8')),
  2: JSON.parse(readFileSync(new URL('../fixtures/ledger/ledger-v2.json', import.meta.url), 'utf8')),
  3: JSON.parse(readFileSync(new URL('../fixtures/ledger/ledger-v3.json', import.meta.url), 'utf8'))
}
/**
 * How each fixture's tables must look after upgrading to the current version. Version 2 added startMonth to every
 * stored copy of a run: the version-2 fixture is the version-1 one with that field, written by hand from its
 * startedAtMs, so upgrading version 1 must give exactly the version-2 tables. Version 3 added two tables (closed
 * quarters and their log), empty after an upgrade; its fixture is the version-2 one with a closed quarter and a log.
 */
const expectAfterUpgrade = (fixture: Fixture): Record<string, unknown[]> => {
  const tables = fixture.version === 1 ? fixtures[2]!.tables : fixture.tables
  return fixture.version < 3 ? { ...tables, closedQuarters: [], quarterLog: [] } : tables
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
      current.close()
    })
  }
})
