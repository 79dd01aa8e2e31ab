import type { RunRecord } from '../../shared/ledger/records'
import type { TrashRepo } from './api'
import { type LedgerContext, RunDelta, writeRunDelta } from './context'
import { guarded } from './errors'

export const trashRepo = <L>(ctx: LedgerContext<L>): TrashRepo => {
  const { db } = ctx
  return {
    list: () =>
      guarded(async () => {
        const deletions = new Map<string, { deletionId: string; deletedAt: number; runs: RunRecord[] }>()
        await db.trash.each((entry) => {
          const d = deletions.get(entry.deletionId) ?? {
            deletionId: entry.deletionId,
            deletedAt: entry.deletedAt,
            runs: []
          }
          d.runs.push(entry.run)
          deletions.set(entry.deletionId, d)
        })
        return [...deletions.values()].sort((a, b) => b.deletedAt - a.deletedAt)
      }),
    restore: (deletionId) =>
      guarded(() =>
        db.transaction('rw', [db.runs, db.trash, db.rollups, db.projection], async () => {
          const entries = await db.trash.where('deletionId').equals(deletionId).toArray()
          // A run re-created since (re-import of the same file) is newer than its trashed copy: keep it.
          const present = await db.runs.bulkGet(entries.map((e) => e.id))
          const back = entries.filter((_, i) => present[i] === undefined).map((e) => e.run)
          await db.runs.bulkAdd(back)
          const delta = new RunDelta()
          for (const run of back) delta.add(run, 1)
          await writeRunDelta(db, delta)
          await db.trash.bulkDelete(entries.map((e) => e.id))
          return back.length
        })
      ),
    empty: () =>
      guarded(() =>
        db.transaction('rw', db.trash, async () => {
          const n = await db.trash.count()
          await db.trash.clear()
          return n
        })
      )
  }
}
