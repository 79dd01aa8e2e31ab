import type { RunRecord } from '../../shared/ledger/records'
import type { ProjectsRepo } from './api'
import { type LedgerContext, RunDelta, writeRunDelta } from './context'
import { guarded, LedgerError } from './errors'

/**
 * Merging one project into another: its runs (and runs of it in the trash) and remembered mappings move, the rollup
 * cells move with the runs in the same transaction (so totals stay the sum of the runs), and the project goes. What
 * moved is returned, so that the merge can be undone.
 */
export const projectMerging = <L>(ctx: LedgerContext<L>): Pick<ProjectsRepo, 'merge' | 'unmerge'> => {
  const { db } = ctx
  const tables = [db.projects, db.runs, db.trash, db.mappings, db.rollups, db.projection]

  const moveRuns = async (runs: RunRecord[], projectId: string): Promise<void> => {
    const delta = new RunDelta()
    const now = ctx.now()
    const moved = runs.map((run) => ({ ...run, projectId, updatedAt: Math.max(now, run.updatedAt + 1) }))
    for (const [i, run] of runs.entries()) {
      delta.add(run, -1)
      delta.add(moved[i]!, 1)
    }
    await db.runs.bulkPut(moved)
    await writeRunDelta(db, delta)
  }
  const runsOf = (projectId: string) =>
    db.runs.where('[projectId+startedAtMs]').between([projectId, -Infinity], [projectId, Infinity]).toArray()

  return {
    merge: (fromId, intoId) =>
      guarded(() =>
        db.transaction('rw', tables, async () => {
          if (fromId === intoId) throw new LedgerError('invalid', 'A project cannot be merged into itself.')
          const [from, into] = await Promise.all([db.projects.get(fromId), db.projects.get(intoId)])
          if (!from) throw new LedgerError('not-found', `No project with id ${fromId}.`)
          if (!into) throw new LedgerError('not-found', `No project with id ${intoId}.`)
          const runs = await runsOf(fromId)
          await moveRuns(runs, intoId)
          const trash = await db.trash.filter((t) => t.run.projectId === fromId).toArray()
          await db.trash.bulkPut(trash.map((t) => ({ ...t, run: { ...t.run, projectId: intoId } })))
          const mappings = await db.mappings.filter((m) => m.projectId === fromId).toArray()
          await db.mappings.bulkPut(mappings.map((m) => ({ ...m, projectId: intoId, updatedAt: ctx.now() })))
          await db.projects.delete(fromId)
          return {
            from,
            intoId,
            runIds: runs.map((r) => r.id),
            trashIds: trash.map((t) => t.id),
            mappingIds: mappings.map((m) => m.id),
            moved: runs.length
          }
        })
      ),
    unmerge: (merge) =>
      guarded(() =>
        db.transaction('rw', tables, async () => {
          if (await db.projects.get(merge.from.id))
            throw new LedgerError('conflict', `Project ${merge.from.name} exists again: the merge was undone already.`)
          await db.projects.add(merge.from)
          // Only what is still where the merge put it goes back: a run moved or deleted since stays.
          const runs = (await db.runs.bulkGet(merge.runIds)).filter(
            (r): r is RunRecord => r !== undefined && r.projectId === merge.intoId
          )
          await moveRuns(runs, merge.from.id)
          const trash = (await db.trash.bulkGet(merge.trashIds)).filter(
            (t) => t !== undefined && t.run.projectId === merge.intoId
          )
          await db.trash.bulkPut(trash.map((t) => ({ ...t!, run: { ...t!.run, projectId: merge.from.id } })))
          const mappings = (await db.mappings.bulkGet(merge.mappingIds)).filter(
            (m) => m !== undefined && m.projectId === merge.intoId
          )
          await db.mappings.bulkPut(mappings.map((m) => ({ ...m!, projectId: merge.from.id, updatedAt: ctx.now() })))
          return runs.length
        })
      )
  }
}
