import type { z } from 'zod'
import type { RunResult } from '../../shared/domain/result'
import type { RunInput, RunInputDraft } from '../../shared/domain/run'
import type { ClusterSettings } from '../../shared/import/cluster'
import type { FileClock, FileClocks } from '../../shared/import/file-clocks'
import type { ImportSource } from '../../shared/import/types'
import type { TotalsAnswer, TotalsQuery } from '../../shared/ledger/aggregate'
import type { ArchiveCounts, CheckSummary, RecordNote } from '../../shared/ledger/archive'
import type { MergeConflict } from '../../shared/ledger/backup'
import type { ClosedQuarter, QuarterLogEntry, SignOffFields } from '../../shared/ledger/closed-quarter'
import type { ExplainedRun } from '../../shared/ledger/compact'
import type { ImportPreview } from '../../shared/ledger/import-plan'
import type { Period } from '../../shared/ledger/period'
import type { ImportBatch, ProjectMapping, ProjectRecord, RunRecord, TrashEntry } from '../../shared/ledger/records'
import type { Asset, ReportSettings } from '../../shared/report/assets'
import type { ReportModel, Restatement } from '../../shared/report/model'
import type { ReportText } from '../../shared/report/text/index'

/**
 * How runs are computed. The app builds it from the reference data and shared/emissions:
 * `{ dataVersion: ref.manifest.dataVersion, labDefaultsSchema, defaultLabDefaults, compute: (input, lab) => estimateRun(input, ref, lab) }`.
 * The ledger owns the lab defaults (settings) and passes them in, so that changing them recomputes the runs.
 */
export interface LedgerEngine<L> {
  dataVersion: string
  labDefaultsSchema: z.ZodType<L>
  defaultLabDefaults: L
  compute(input: RunInput, lab: L): RunResult
  /**
   * The part of the lab defaults a run's result depends on, for its stamp (absent: all of them). Settings read only
   * where figures are summed, such as contractual instruments, stay out, so saving them recomputes no run.
   */
  resultPart?(lab: L): unknown
  /**
   * Loads what compute needs that loads asynchronously (the hourly profiles of the runs' zones and years, issue 12);
   * the ledger awaits it before computing these runs (drafts as given, possibly invalid).
   */
  prepare?(inputs: readonly unknown[], lab: L): Promise<void>
  /**
   * Other ways runs of this data version are computed in this app, tried in order when compute's figures differ
   * from a stored run's while rebuilding its trace (runs.explain): the app's window computes without hourly
   * profiles, the report page and the benchmarks with them.
   */
  alternatives?: ((input: RunInput, lab: L) => RunResult)[]
}

export interface OpenLedgerOptions<L> {
  /** IndexedDB database name; tests use their own. */
  name?: string
  engine: LedgerEngine<L>
  /** Another window holds the database open at an older version: the upgrade waits until it closes. */
  onBlocked?: (message: string) => void
  /** Another window upgraded the database: this one was closed and must reload. */
  onVersionChange?: (message: string) => void
  /**
   * Free bytes on the disk holding the ledger (the desktop host asks main); undefined where unknown. Imports and
   * restores compare what they need with it and with the origin's quota before they start.
   */
  freeDiskBytes?: () => Promise<number | undefined>
}

export type Progress = (done: number, total: number) => void

export interface RunListQuery {
  projectId?: string
  person?: string
  /** Epoch ms, inclusive / exclusive. */
  fromMs?: number
  toMs?: number
  /** Newest first unless false. */
  newestFirst?: boolean
  offset?: number
  limit?: number
}

export interface ProjectsRepo {
  list(): Promise<ProjectRecord[]>
  get(id: string): Promise<ProjectRecord | undefined>
  create(name: string, description?: string): Promise<ProjectRecord>
  update(id: string, patch: { name?: string; description?: string }): Promise<ProjectRecord>
  /** Only an empty project can be removed (its runs would lose their project). */
  remove(id: string): Promise<void>
  /** Moves every run (trash included) and mapping of one project to another and removes the first; undoable. */
  merge(fromId: string, intoId: string): Promise<ProjectMerge>
  /** Undoes a merge: the project comes back with the runs that are still where the merge put them (their count). */
  unmerge(merge: ProjectMerge): Promise<number>
}

/** What a merge moved, to undo it. */
export interface ProjectMerge {
  from: ProjectRecord
  intoId: string
  runIds: string[]
  trashIds: string[]
  mappingIds: string[]
  moved: number
}

export interface RunsRepo {
  /** Validates, resolves (or creates) the project named by input.project unless projectId is given, computes, stores, updates rollups. */
  create(draft: RunInputDraft, options?: { projectId?: string }): Promise<RunRecord>
  update(id: string, draft: RunInputDraft, options?: { projectId?: string }): Promise<RunRecord>
  get(id: string): Promise<RunRecord | undefined>
  list(query?: RunListQuery): Promise<RunRecord[]>
  /**
   * The runs with their trace, assumptions and sources, rebuilt from their input and stamp (stored runs keep the
   * figures only: shared/ledger/compact.ts). Computes: not for live queries; read the runs there, explain outside.
   */
  explain(runs: readonly RunRecord[]): Promise<ExplainedRun[]>
  count(query?: Pick<RunListQuery, 'projectId'>): Promise<number>
  /** Moves the runs to the trash (one deletion, undoable as a whole). */
  remove(ids: string[]): Promise<{ deletionId: string; removed: number }>
}

export interface TrashRepo {
  /** Deletions, newest first, with their runs. */
  list(): Promise<{ deletionId: string; deletedAt: number; runs: RunRecord[] }[]>
  /** Undo: puts the runs of a deletion back (rollups included). */
  restore(deletionId: string): Promise<number>
  empty(): Promise<number>
}

// What an import hands the ledger and what its preview answers: the shared schemas' types, one per thing.
export type { ImportPreview, ImportSource }

export interface ImportCommitOptions {
  onProgress?: Progress
  /** Runs per bulk write (default 2,000). */
  chunkSize?: number
  /** Overrides of the mapping for this import (source name → existing project id); remembered. */
  projectMap?: Record<string, string>
  /**
   * Overrides by name (source name → project name): the project of that name whatever its case and spacing, or a
   * new one; remembered. projectMap wins for a source name in both.
   */
  projectNames?: Record<string, string>
  /**
   * false: the projectNames of this import hold for it only and are not remembered as mappings (an "all to one
   * project" choice is about this pick, not about where the source names go from now on). Default true.
   */
  rememberNames?: boolean
  /** Aborting it cancels the write: the transaction is rolled back and nothing of the import stays. */
  signal?: AbortSignal
}

export interface ImportsRepo {
  preview(source: ImportSource): Promise<ImportPreview>
  /** One transaction: all runs or none. Idempotent by stable id (source kind + external id). */
  commit(source: ImportSource, options?: ImportCommitOptions): Promise<ImportBatch>
  list(): Promise<ImportBatch[]>
  /**
   * Removes the runs the batch created, puts back the versions it replaced, and removes the projects its runs were in
   * that an import created and that are empty now.
   */
  undo(batchId: string): Promise<{ removed: number; reverted: number; projectsRemoved: number }>
  /**
   * An import the app was writing when the page went away (reload, crash): its file name, or undefined. Its write was
   * one transaction, so nothing of it was kept; reading it clears the marker.
   */
  takeInterrupted(): Promise<string | undefined>
  mappings: {
    list(): Promise<ProjectMapping[]>
    set(sourceKind: string, sourceName: string, projectId: string): Promise<ProjectMapping>
    remove(id: string): Promise<void>
  }
}

export interface SettingsRepo<L> {
  getLabDefaults(): Promise<L>
  /** Validates, stores, and marks every run for background recompute. */
  setLabDefaults(lab: L): Promise<void>
  /** The lab's cluster: partition → hardware and location, Slurm user → person (empty until set). */
  getCluster(): Promise<ClusterSettings>
  /** Validates and stores; applies to later imports only (stored runs keep what they were imported with). */
  setCluster(cluster: ClusterSettings): Promise<void>
  /** The clock chosen for each imported file, by its name (shared/import/file-clocks.ts); {} when none. */
  getFileClocks(): Promise<FileClocks>
  /** Remembers the clock chosen for a file (neither field: forgets it). */
  setFileClock(fileName: string, clock: FileClock): Promise<void>
  /** The Reports screen's settings (the lab's name); the defaults when none are stored. */
  getReportSettings(): Promise<ReportSettings>
  setReportSettings(settings: ReportSettings): Promise<void>
  /** The asset register (hardware bought); [] when none is stored. */
  getAssets(): Promise<Asset[]>
  /** Validates and stores the whole register; runs are not recomputed (reports read it as they are made). */
  setAssets(assets: readonly Asset[]): Promise<void>
}

export interface RecomputeStatus {
  /** The stamp runs are computed to now (data version + lab defaults). */
  stamp: string
  /** Runs computed with another stamp, still to do. */
  remaining: number
  total: number
}

export interface RecomputeRepo {
  status(): Promise<RecomputeStatus>
  /**
   * Recomputes stale runs in chunks, one short transaction each, yielding to the UI between chunks. Resumable:
   * progress is the runs' own stamps, so after a restart run() continues where it stopped.
   */
  run(options?: { chunkSize?: number; onProgress?: Progress; signal?: AbortSignal }): Promise<RecomputeStatus>
}

export interface AggregateRepo {
  /** Totals from the rollups, grouped and filtered. Time independent of the number of runs. */
  totals(query: TotalsQuery): Promise<TotalsAnswer>
  /** The n runs with the largest location-based emissions, optionally in one project and/or period. */
  topRuns(options: { n: number; projectId?: string; period?: Period }): Promise<RunRecord[]>
}

export interface RestoreReport {
  mode: 'replace' | 'merge'
  added: number
  updated: number
  kept: number
  /** The first MAX_NOTES conflicts of a merge; conflictCount counts them all. */
  conflicts: MergeConflict[]
  conflictCount: number
  /** Records of the archive not restored (invalid, duplicate id, dangling reference), with the reason. */
  refused: RecordNote[]
  refusedCount: number
  /** Records restored after correcting a field derived from the others (startMonth, emissionsKg…). */
  repaired: RecordNote[]
  repairedCount: number
}

/** What an export wrote, known when its stream has ended. */
export interface ExportSummary {
  counts: ArchiveCounts
  /** Records left out because no restore could read them (a non-finite number). */
  skippedCount: number
  skipped: RecordNote[]
}

export interface BackupsRepo {
  /**
   * The whole ledger as a version-3 archive (gzip-compressed JSON lines, docs/ledger.md), read page by page as the
   * stream is consumed: never one string. `summary` resolves when the stream has ended.
   */
  exportArchive(): { stream: ReadableStream<Uint8Array>; summary: Promise<ExportSummary> }
  /** Reads an archive through without writing: what a restore would take and refuse. A damaged one throws. */
  verify(source: () => ReadableStream<Uint8Array>): Promise<CheckSummary>
  /**
   * Restores an archive (version 1, 2 or 3), read twice as a stream: first every record is checked and the trailer
   * verified (a damaged, foreign or newer archive throws a LedgerError('backup-rejected') and nothing changes; too
   * little space throws LedgerError('quota')), then the records that passed are written in chunks, each with the
   * rollups of its runs. 'replace' empties the ledger first (take a safety backup before); 'merge' keeps the newer
   * of each id (updatedAt) and lists conflicts.
   */
  restore(
    source: () => ReadableStream<Uint8Array>,
    mode: 'replace' | 'merge',
    options?: { onProgress?: (done: number, total: number) => void }
  ): Promise<RestoreReport>
}

/** Closed quarters (issue 13): the filed report kept as filed, its sign-off, restatements and the reopen log. */
export interface ClosedQuartersRepo {
  list(): Promise<ClosedQuarter[]>
  get(quarter: string): Promise<ClosedQuarter | undefined>
  /**
   * Files the quarter ('2026-Q1'): keeps the model as given (built for the lab scope), the data and method version,
   * the lab defaults and each run's stamp. Throws 'invalid' for a bad sign-off, 'conflict' when already closed.
   */
  close(fields: {
    quarter: string
    model: ReportModel
    /** The same report in the app's other languages, to print the filed quarter in them. */
    translations?: { en?: ReportModel; de?: ReportModel }
    closedBy: string
    signOff: SignOffFields
  }): Promise<ClosedQuarter>
  /** Reopens a closed quarter; the reason is required and logged. */
  reopen(quarter: string, reason: string, by: string): Promise<void>
  /** Closing and reopening, newest first; of one quarter or all. */
  history(quarter?: string): Promise<QuarterLogEntry[]>
  /** Filed figures of closed quarters the ledger now states differently (those ending before beforeMonth). */
  restatements(t: ReportText, options?: { beforeMonth?: string }): Promise<Restatement[]>
}

export interface Ledger<L> {
  projects: ProjectsRepo
  runs: RunsRepo
  trash: TrashRepo
  imports: ImportsRepo
  settings: SettingsRepo<L>
  recompute: RecomputeRepo
  aggregate: AggregateRepo
  backups: BackupsRepo
  closedQuarters: ClosedQuartersRepo
  close(): void
}

export type {
  Asset,
  ClosedQuarter,
  ImportBatch,
  ProjectMapping,
  ProjectRecord,
  QuarterLogEntry,
  ReportSettings,
  RunRecord,
  SignOffFields,
  TrashEntry
}
