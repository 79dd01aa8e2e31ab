import Dexie, { type Table } from 'dexie'
import type { ClosedQuarter, QuarterLogEntry } from '../../shared/ledger/closed-quarter'
import { monthOf } from '../../shared/ledger/period'
import type {
  ImportBatch,
  ProjectMapping,
  ProjectRecord,
  RollupRecord,
  RunRecord,
  SettingRecord,
  SupersededRun,
  TrashEntry
} from '../../shared/ledger/records'

/**
 * Every schema version of the ledger, oldest first. Never edit a version once released: add the next one, with
 * its upgrade, and a fixture for the version before it in tests/db/migrations.test.ts.
 * Indexes are only those a where()/orderBy() uses:
 *  runs: [projectId+startedAtMs] and [person+startedAtMs] (lists), startedAtMs (all runs by time, periods),
 *        importId (undo a batch), emissionsKg and [projectId+emissionsKg] (top-N of all time),
 *        [startMonth+emissionsKg] and [projectId+startMonth+emissionsKg] (top-N of a period, month by month),
 *        computeStamp (recompute).
 *  rollups: [level+month] (totals over a period).
 *  quarterLog: quarter (a quarter's history of closing and reopening).
 */
export const schemaVersions: {
  version: number
  stores: Record<string, string>
  upgrade?: (tx: import('dexie').Transaction) => Promise<void>
}[] = [
  {
    version: 1,
    stores: {
      projects: 'id, &name',
      runs: 'id, [projectId+startedAtMs], [person+startedAtMs], startedAtMs, importId, emissionsKg, [projectId+emissionsKg], computeStamp',
      imports: 'id, importedAt',
      superseded: '[importId+runId], importId',
      trash: 'id, deletionId',
      mappings: 'id',
      settings: 'key',
      rollups: 'key, [level+month]'
    }
  },
  {
    // A period's largest runs read every run of the period (2 s for a quarter of a 200,000-run ledger); an index
    // on the start month with emissions reads ten per month. Copies of runs in trash and superseded get the field
    // too, so that putting them back keeps them in the index.
    version: 2,
    stores: {
      runs: 'id, [projectId+startedAtMs], [person+startedAtMs], startedAtMs, importId, emissionsKg, [projectId+emissionsKg], [startMonth+emissionsKg], [projectId+startMonth+emissionsKg], computeStamp'
    },
    upgrade: async (tx) => {
      await tx
        .table('runs')
        .toCollection()
        .modify((run: { startedAtMs: number; startMonth?: string }) => {
          run.startMonth = monthOf(run.startedAtMs)
        })
      await tx
        .table('trash')
        .toCollection()
        .modify((entry: { run: { startedAtMs: number; startMonth?: string } }) => {
          entry.run.startMonth = monthOf(entry.run.startedAtMs)
        })
      await tx
        .table('superseded')
        .toCollection()
        .modify((entry: { previous: { startedAtMs: number; startMonth?: string } }) => {
          entry.previous.startMonth = monthOf(entry.previous.startedAtMs)
        })
    }
  },
  {
    // Issue 13: closed quarters (the filed report, its sign-off and each run's stamp at closing) and the history of
    // closing and reopening. Keyed by quarter ('2026-Q1'); the log is read per quarter.
    version: 3,
    stores: {
      closedQuarters: 'quarter',
      quarterLog: 'id, quarter'
    }
  }
]

export const SCHEMA_VERSION = schemaVersions[schemaVersions.length - 1]!.version

export class LedgerDb extends Dexie {
  projects!: Table<ProjectRecord, string>
  runs!: Table<RunRecord, string>
  imports!: Table<ImportBatch, string>
  superseded!: Table<SupersededRun, [string, string]>
  trash!: Table<TrashEntry, string>
  mappings!: Table<ProjectMapping, string>
  settings!: Table<SettingRecord, string>
  rollups!: Table<RollupRecord, string>
  closedQuarters!: Table<ClosedQuarter, string>
  quarterLog!: Table<QuarterLogEntry, string>

  /** upTo: open at an older version (the migration tests seed data with it). */
  constructor(name: string, upTo: number = SCHEMA_VERSION) {
    super(name)
    for (const v of schemaVersions.filter((s) => s.version <= upTo)) {
      const declared = this.version(v.version).stores(v.stores)
      if (v.upgrade) declared.upgrade(v.upgrade)
    }
  }
}
