import type { Table } from 'dexie'
import {
  ARCHIVE_TABLES,
  ArchiveRejected,
  type ArchiveTable,
  createArchiveWriter,
  createRecordChecker,
  MAX_NOTES
} from '../../shared/ledger/archive'
import { mergeChoice, type MergeConflict } from '../../shared/ledger/backup'
import type { RunRecord } from '../../shared/ledger/records'
import type { BackupsRepo, ExportSummary, RestoreReport } from './api'
import { type ArchiveSource, checkArchive, coalesce, readArchiveRecords } from './archive-stream'
import { type LedgerContext, RunDelta, writeRunDelta } from './context'
import { guarded, LedgerError } from './errors'
import { SCHEMA_VERSION } from './schema'
import { BYTES_PER_WHOLE_RUN, ensureSpace } from './space'

/** Records read per page when exporting (each page its own short read transaction). */
const EXPORT_PAGE = 2000
/** Records written per transaction when restoring (each with the rollups of its runs). */
const RESTORE_CHUNK = 2000
/** Host calls carry at least this much compressed archive. */
const CHUNK_BYTES = 1 << 20

type KeyOf = (r: Record<string, unknown>) => string | [string, string]
const keyOf: Record<ArchiveTable, KeyOf> = {
  settings: (r) => r.key as string,
  projects: (r) => r.id as string,
  mappings: (r) => r.id as string,
  imports: (r) => r.id as string,
  runs: (r) => r.id as string,
  trash: (r) => r.id as string,
  superseded: (r) => [r.importId as string, r.runId as string],
  closedQuarters: (r) => r.quarter as string,
  quarterLog: (r) => r.id as string
}

const rejected = (err: unknown): unknown =>
  err instanceof ArchiveRejected ? new LedgerError('backup-rejected', err.msg, { cause: err }) : err

export const backupsRepo = <L>(ctx: LedgerContext<L>): BackupsRepo => {
  const { db } = ctx
  const tableOf = (t: ArchiveTable) => db.table(t) as Table<Record<string, unknown>, unknown>
  const restorable = [
    db.projects,
    db.runs,
    db.imports,
    db.superseded,
    db.trash,
    db.mappings,
    db.settings,
    db.closedQuarters,
    db.quarterLog
  ]

  const exportArchive: BackupsRepo['exportArchive'] = () => {
    const writer = createArchiveWriter({
      schemaVersion: SCHEMA_VERSION,
      dataVersion: ctx.engine.dataVersion,
      createdAt: new Date(ctx.now())
    })
    let resolveSummary!: (s: ExportSummary) => void
    let rejectSummary!: (e: unknown) => void
    const summary = new Promise<ExportSummary>((resolve, reject) => {
      resolveSummary = resolve
      rejectSummary = reject
    })
    // Pull-driven: the next page is read only when the consumer (gzip, then the host) has taken the last one.
    async function* lines(): AsyncGenerator<Uint8Array> {
      yield writer.header()
      for (const name of ARCHIVE_TABLES) {
        const table = tableOf(name)
        let last: unknown
        for (;;) {
          const rows = await guarded(() =>
            last === undefined
              ? table.limit(EXPORT_PAGE).toArray()
              : table.where(':id').above(last).limit(EXPORT_PAGE).toArray()
          )
          if (rows.length === 0) break
          const parts = rows.map((r) => writer.record(name, r)).filter((b): b is Uint8Array => b !== undefined)
          const size = parts.reduce((n, p) => n + p.length, 0)
          const page = new Uint8Array(size)
          let at = 0
          for (const p of parts) {
            page.set(p, at)
            at += p.length
          }
          yield page
          last = keyOf[name](rows[rows.length - 1]!)
          if (rows.length < EXPORT_PAGE) break
        }
      }
      yield writer.trailer()
      resolveSummary(writer.summary())
    }
    const source = lines()
    const plain = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await source.next()
          if (next.done) controller.close()
          else controller.enqueue(next.value)
        } catch (err) {
          rejectSummary(err)
          controller.error(err)
        }
      },
      cancel: async (reason) => {
        rejectSummary(reason ?? new Error('export cancelled'))
        await source.return(undefined)
      }
    })
    summary.catch(() => undefined)
    return {
      stream: plain
        .pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>)
        .pipeThrough(coalesce(CHUNK_BYTES)),
      summary
    }
  }

  /** Reads the archive once, checking every record, without writing: what a restore would take. */
  const verify = (source: ArchiveSource, known?: Parameters<typeof createRecordChecker>[0]) =>
    checkArchive(source, SCHEMA_VERSION, known).catch((err: unknown) => {
      throw rejected(err)
    })

  const restore: BackupsRepo['restore'] = async (source, mode, options = {}) => {
    const known =
      mode === 'merge'
        ? {
            projectIds: await guarded(() => db.projects.toCollection().primaryKeys()),
            importIds: await guarded(() => db.imports.toCollection().primaryKeys())
          }
        : undefined
    // Pass 1: the whole archive is read and checked (trailer counts, checksum, every record) before anything is
    // written, so a damaged archive changes nothing.
    const checked = await verify(source, known)
    await ensureSpace(ctx, checked.summary.accepted, BYTES_PER_WHOLE_RUN)
    const report: RestoreReport = {
      mode,
      added: 0,
      updated: 0,
      kept: 0,
      conflicts: [],
      conflictCount: 0,
      refused: checked.summary.refused,
      refusedCount: checked.summary.refusedCount,
      repaired: checked.summary.repaired,
      repairedCount: checked.summary.repairedCount
    }
    if (mode === 'replace')
      await guarded(() =>
        db.transaction('rw', [...restorable, db.rollups, db.projection], () =>
          Promise.all([...restorable, db.rollups, db.projection].map((t) => t.clear()))
        )
      )
    // Pass 2: the same checks again (deterministic: the same records pass), each chunk written in its own
    // transaction with the rollups of the runs it writes, so the totals always equal the sum of the runs stored.
    const checker = createRecordChecker(known)
    const total = Object.values(checked.summary.accepted).reduce((a, b) => a + b, 0)
    let done = 0
    // A quarter the ledger reopened after the archive's copy was closed stays open: a merge adds what the ledger
    // lacks, and the reopening (logged with its reason) is newer than that copy.
    const reopenedAt = async (records: Record<string, unknown>[]): Promise<Map<string, number>> => {
      const log = await db.quarterLog
        .where('quarter')
        .anyOf(records.map((r) => r.quarter as string))
        .toArray()
      const latest = new Map<string, number>()
      for (const e of log)
        if (e.action === 'reopen') latest.set(e.quarter, Math.max(latest.get(e.quarter) ?? 0, e.atMs))
      return latest
    }
    const reopenedSince = (reopened: Map<string, number>, theirs: Record<string, unknown>): boolean =>
      (reopened.get(theirs.quarter as string) ?? -1) >= (theirs.closedAtMs as number)
    const flush = async (table: ArchiveTable, records: Record<string, unknown>[]) => {
      if (records.length === 0) return
      const t = tableOf(table)
      await guarded(() =>
        db.transaction('rw', [t, db.rollups, db.projection, db.quarterLog], async () => {
          const delta = new RunDelta()
          let puts = records
          if (mode === 'merge') {
            const ours = await t.bulkGet(records.map((r) => keyOf[table](r)))
            const reopened = table === 'closedQuarters' ? await reopenedAt(records) : new Map<string, number>()
            puts = []
            records.forEach((theirs, i) => {
              const choice: ReturnType<typeof mergeChoice> = reopenedSince(reopened, theirs)
                ? { action: 'ledger' }
                : mergeChoice(table, ours[i], theirs)
              if (choice.conflict) {
                report.conflictCount++
                if (report.conflicts.length < MAX_NOTES)
                  report.conflicts.push({ ...choice.conflict, id: String(keyOf[table](theirs)) } as MergeConflict)
              }
              if (choice.action === 'add') report.added++
              else if (choice.action === 'archive') report.updated++
              else report.kept++
              if (choice.action === 'add' || choice.action === 'archive') {
                puts.push(theirs)
                if (table === 'runs' && ours[i]) delta.add(ours[i] as unknown as RunRecord, -1)
              }
            })
          } else report.added += records.length
          await t.bulkPut(puts)
          if (table === 'runs') {
            for (const run of puts) delta.add(run as unknown as RunRecord, 1)
            await writeRunDelta(db, delta)
          }
        })
      )
      done += records.length
      options.onProgress?.(done, total)
    }
    let pending: { table: ArchiveTable; records: Record<string, unknown>[] } = { table: 'settings', records: [] }
    await readArchiveRecords(source, SCHEMA_VERSION, async (records) => {
      for (const { table, raw } of records) {
        const record = checker.check(table, raw)
        if (!record) continue
        if (table !== pending.table || pending.records.length >= RESTORE_CHUNK) {
          await flush(pending.table, pending.records)
          pending = { table, records: [] }
        }
        pending.records.push(record as Record<string, unknown>)
      }
    }).catch((err: unknown) => {
      throw rejected(err)
    })
    await flush(pending.table, pending.records)
    // Settings may have changed the lab defaults: read them again.
    ctx.setLabCache(undefined)
    return report
  }

  return {
    exportArchive,
    verify: async (source) => (await verify(source)).summary,
    restore
  }
}
