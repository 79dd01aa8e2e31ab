import { explainRuns, labAtStampKey, reproduces } from '../../shared/ledger/compact'
import type { RunRecord } from '../../shared/ledger/records'
import type { RunListQuery, RunsRepo } from './api'
import {
  type LedgerContext,
  makeRunRecord,
  parseRunInput,
  resolveProjectByName,
  RunDelta,
  writeRunDelta
} from './context'
import { guarded, LedgerError } from './errors'

const MIN_KEY = -8.64e15
const MAX_KEY = 8.64e15

export const runsRepo = <L>(ctx: LedgerContext<L>): RunsRepo => {
  const { db } = ctx

  const projectIdFor = async (explicit: string | undefined, name: string): Promise<string> => {
    if (explicit === undefined) return resolveProjectByName(ctx, name)
    if (!(await db.projects.get(explicit))) throw new LedgerError('not-found', `No project with id ${explicit}.`)
    return explicit
  }

  const list = (query: RunListQuery = {}) =>
    guarded(async () => {
      const from = query.fromMs ?? MIN_KEY
      const to = query.toMs ?? MAX_KEY
      const collection =
        query.projectId !== undefined
          ? db.runs
              .where('[projectId+startedAtMs]')
              .between([query.projectId, from], [query.projectId, to], true, false)
          : db.runs.where('startedAtMs').between(from, to, true, false)
      const ordered = query.newestFirst === false ? collection : collection.reverse()
      // A person's runs are filtered on the way: the runs table browses them by the projection (browse.ts).
      const filtered = query.person !== undefined ? ordered.filter((r) => r.person === query.person) : ordered
      return filtered
        .offset(query.offset ?? 0)
        .limit(query.limit ?? Infinity)
        .toArray()
    })

  /** The lab defaults runs of this stamp were computed with: those in force, a kept earlier set, or the defaults. */
  const labOf = async (stamp: string): Promise<L | undefined> => {
    if (stamp === (await ctx.stamp())) return ctx.lab()
    const kept = await db.settings.get(labAtStampKey(stamp))
    const parsed = kept === undefined ? undefined : ctx.engine.labDefaultsSchema.safeParse(kept.value)
    if (parsed?.success) return parsed.data
    const defaults = ctx.engine.defaultLabDefaults
    return reproduces(stamp, ctx.engine, defaults) ? defaults : undefined
  }

  return {
    explain: (runs) => guarded(() => explainRuns(runs, ctx.engine, labOf)),
    create: async (draft, options = {}) => {
      const input = parseRunInput(draft)
      const lab = await ctx.lab()
      const stamp = await ctx.stamp()
      await ctx.engine.prepare?.([input], lab)
      const result = ctx.engine.compute(input, lab)
      return guarded(() =>
        db.transaction('rw', [db.runs, db.projects, db.rollups, db.projection], async () => {
          const now = ctx.now()
          const record = makeRunRecord({
            id: ctx.newId(),
            projectId: await projectIdFor(options.projectId, input.project),
            input,
            result,
            computeStamp: stamp,
            importId: '',
            createdAt: now,
            updatedAt: now
          })
          await db.runs.add(record)
          const delta = new RunDelta()
          delta.add(record, 1)
          await writeRunDelta(db, delta)
          return record
        })
      )
    },
    update: async (id, draft, options = {}) => {
      const input = parseRunInput(draft)
      const lab = await ctx.lab()
      const stamp = await ctx.stamp()
      await ctx.engine.prepare?.([input], lab)
      const result = ctx.engine.compute(input, lab)
      return guarded(() =>
        db.transaction('rw', [db.runs, db.projects, db.rollups, db.projection], async () => {
          const current = await db.runs.get(id)
          if (!current) throw new LedgerError('not-found', `No run with id ${id} (was it deleted?).`)
          const record: RunRecord = makeRunRecord({
            id,
            projectId: await projectIdFor(
              options.projectId ?? (input.project === current.input.project ? current.projectId : undefined),
              input.project
            ),
            input,
            result,
            computeStamp: stamp,
            importId: current.importId,
            createdAt: current.createdAt,
            updatedAt: Math.max(ctx.now(), current.updatedAt + 1)
          })
          await db.runs.put(record)
          const delta = new RunDelta()
          delta.add(current, -1)
          delta.add(record, 1)
          await writeRunDelta(db, delta)
          return record
        })
      )
    },
    get: (id) => guarded(() => db.runs.get(id)),
    list,
    count: (query = {}) =>
      guarded(() =>
        query.projectId === undefined
          ? db.runs.count()
          : db.runs
              .where('[projectId+startedAtMs]')
              .between([query.projectId, MIN_KEY], [query.projectId, MAX_KEY])
              .count()
      ),
    remove: (ids) =>
      guarded(() =>
        db.transaction('rw', [db.runs, db.trash, db.rollups, db.projection], async () => {
          const deletionId = ctx.newId()
          const deletedAt = ctx.now()
          const runs = (await db.runs.bulkGet(ids)).filter((r): r is RunRecord => r !== undefined)
          const delta = new RunDelta()
          for (const run of runs) delta.add(run, -1)
          await db.trash.bulkPut(runs.map((run) => ({ id: run.id, deletionId, deletedAt, run })))
          await db.runs.bulkDelete(runs.map((r) => r.id))
          await writeRunDelta(db, delta)
          return { deletionId, removed: runs.length }
        })
      )
  }
}
