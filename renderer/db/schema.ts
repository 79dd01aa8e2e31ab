import Dexie, { type Table, type Transaction } from 'dexie'
import type { StoredResult } from '../../shared/domain/result'
import type { ClosedQuarter, QuarterLogEntry } from '../../shared/ledger/closed-quarter'
import { compactResult, isExplained } from '../../shared/ledger/compact'
import { engineStamp } from '../../shared/ledger/import-plan'
import { monthOf } from '../../shared/ledger/period'
import { encodePart, type ProjectionPart, type ProjectionRow, projectionRow } from '../../shared/ledger/projection'
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
import { abortReason } from './abort-reason'

/**
 * Every schema version of the ledger, oldest first. Never edit a version once released: add the next one, with
 * its upgrade, and a fixture for the version before it in tests/db/migrations.test.ts.
 * Indexes are only those a where()/orderBy() uses:
 *  runs: [projectId+startedAtMs] (a project's runs), startedAtMs (all runs by time, periods),
 *        importId (undo a batch), emissionsKg (top-N of all time),
 *        [startMonth+emissionsKg] and [projectId+startMonth+emissionsKg] (top-N of a period or of a project, month by
 *        month), computeStamp (recompute). Filters, orders and search of the runs table scan the projection instead
 *        (version 5 dropped [person+startedAtMs] and [projectId+emissionsKg]).
 *  rollups: [level+month] (totals over a period).
 *  projection: its primary key [month+seq] (a month's parts, in order).
 *  quarterLog: quarter (a quarter's history of closing and reopening).
 */
/**
 * What an upgrade needs to know of the engine the ledger opens with: enough to tell the stamp runs are computed to
 * now (its data version and lab defaults). Absent when a test opens the database by itself.
 */
export interface UpgradeEngine {
  dataVersion: string
  labDefaultsSchema: { safeParse(value: unknown): { success: boolean; data?: unknown } }
  defaultLabDefaults: unknown
  resultPart?: (lab: never) => unknown
}

/** The stamp runs are computed to now: the engine's data version with the lab defaults stored in settings. */
const currentStamp = async (tx: Transaction, engine: UpgradeEngine): Promise<string> => {
  const stored = (await tx.table('settings').get('labDefaults')) as { value: unknown } | undefined
  const parsed = stored === undefined ? undefined : engine.labDefaultsSchema.safeParse(stored.value)
  return engineStamp(
    engine as { dataVersion: string; resultPart?: (lab: unknown) => unknown },
    parsed?.success ? parsed.data : engine.defaultLabDefaults
  )
}

type StoredRunCopy = { computeStamp: string; result: StoredResult }
/** Drops the trace, assumptions and sources of a run computed to the stamp in force: they are rebuilt on demand. */
const compactIfCurrent = (run: StoredRunCopy, stamp: string): void => {
  if (run.computeStamp === stamp && isExplained(run.result)) run.result = compactResult(run.result)
}

export const schemaVersions: {
  version: number
  stores: Record<string, string>
  upgrade?: (tx: Transaction, engine: UpgradeEngine | undefined) => Promise<void>
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
  },
  {
    // Issue 15: compact runs. A run's trace, assumptions and sources were ~90 % of its 4.2 KB on disk; they are now
    // rebuilt on demand from its input and stamp (shared/ledger/compact.ts). Runs computed to the stamp in force
    // (same method, data version and lab defaults) are compacted here, in runs and in the copies kept by the trash
    // and by import batches; any other run keeps its whole result, since its lab defaults may be gone, and is
    // compacted when it is recomputed. No index changes.
    version: 4,
    stores: {},
    upgrade: async (tx, engine) => {
      if (engine === undefined) return
      const stamp = await currentStamp(tx, engine)
      await tx
        .table('runs')
        .where('computeStamp')
        .equals(stamp)
        .modify((run: StoredRunCopy) => compactIfCurrent(run, stamp))
      await tx
        .table('trash')
        .toCollection()
        .modify((entry: { run: StoredRunCopy }) => compactIfCurrent(entry.run, stamp))
      await tx
        .table('superseded')
        .toCollection()
        .modify((entry: { previous: StoredRunCopy }) => compactIfCurrent(entry.previous, stamp))
    }
  },
  {
    // Issue 15: the runs projection (shared/ledger/projection.ts): browsing a million runs by any filter, order or
    // search read every run record (≈200 µs each: minutes); it now scans compact columns per month. Built here from
    // the runs, in time order so that one month's rows are in memory at a time. Two run indexes go: the runs of a
    // person by time and of a project by size are the projection's now (and top-N of a project over all time walks
    // its months by [projectId+startMonth+emissionsKg]).
    version: 5,
    stores: {
      projection: '[month+seq]',
      runs: 'id, [projectId+startedAtMs], startedAtMs, importId, emissionsKg, [startMonth+emissionsKg], [projectId+startMonth+emissionsKg], computeStamp'
    },
    upgrade: async (tx) => {
      const parts: ProjectionPart[] = []
      let month = ''
      let rows: ProjectionRow[] = []
      const flush = () => {
        if (rows.length > 0) parts.push(encodePart(month, 1, rows))
        rows = []
      }
      await tx
        .table('runs')
        .orderBy('startedAtMs')
        .each((run: RunRecord) => {
          if (run.startMonth !== month) {
            flush()
            month = run.startMonth
          }
          rows.push(projectionRow(run))
        })
      flush()
      await tx.table('projection').bulkPut(parts)
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
  projection!: Table<ProjectionPart, [string, number]>

  /**
   * upTo: open at an older version (the migration tests seed data with it). engine: what the upgrades that depend on
   * the stamp in force need (version 4); every connection that may be the first to open the database passes it.
   */
  constructor(name: string, upTo: number = SCHEMA_VERSION, engine?: UpgradeEngine) {
    super(name)
    this.use(abortReason)
    for (const v of schemaVersions.filter((s) => s.version <= upTo)) {
      const declared = this.version(v.version).stores(v.stores)
      const upgrade = v.upgrade
      if (upgrade) declared.upgrade((tx) => upgrade(tx, engine))
    }
  }
}
