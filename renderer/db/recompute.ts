import { z } from 'zod'
import type { RunRecord } from '../../shared/ledger/records'
import type { RecomputeRepo, RecomputeStatus } from './api'
import { type LedgerContext, makeRunRecord, RunDelta, writeRunDelta } from './context'
import { guarded } from './errors'
import { yieldToUi } from './yield'

/** How many runs were stale when recomputing towards this stamp began: the denominator of the progress. */
const progressSchema = z.object({ stamp: z.string(), total: z.number().int().nonnegative() })
const PROGRESS_KEY = 'recompute'

export const recomputeRepo = <L>(ctx: LedgerContext<L>): RecomputeRepo => {
  const { db } = ctx

  const stale = (stamp: string) => db.runs.where('computeStamp').notEqual(stamp)

  /**
   * Read only, so that a live query can call it (Dexie refuses writes there): the progress record is written by
   * run() when a new target begins.
   */
  const status = (): Promise<RecomputeStatus & { stored: boolean }> =>
    guarded(async () => {
      const stamp = await ctx.readStamp()
      const remaining = await stale(stamp).count()
      const stored = progressSchema.safeParse((await db.settings.get(PROGRESS_KEY))?.value)
      if (stored.success && stored.data.stamp === stamp && stored.data.total >= remaining) {
        return { stamp, remaining, total: stored.data.total, stored: true }
      }
      // A new target (lab defaults or data version changed, possibly before a restart): progress starts here.
      return { stamp, remaining, total: remaining, stored: false }
    })
  /** The status, with the progress record of a new target written, so that a restart keeps its denominator. */
  const begin = async (): Promise<RecomputeStatus> => {
    const { stored, ...current } = await status()
    if (!stored)
      await guarded(() =>
        db.settings.put({
          key: PROGRESS_KEY,
          value: { stamp: current.stamp, total: current.total },
          updatedAt: ctx.now()
        })
      )
    return current
  }

  return {
    status: () => status().then(({ stored: _, ...current }) => current),
    run: async ({ chunkSize = 500, onProgress, signal } = {}) => {
      // Counting stale runs walks the index: done once here, then kept by subtraction (not once per chunk).
      let { stamp, remaining, total } = await begin()
      // Runs the engine cannot compute keep their old result; they are skipped for the rest of this pass.
      const failed = new Set<string>()
      for (;;) {
        onProgress?.(total - remaining, total)
        if (signal?.aborted) break
        if ((await ctx.stamp()) !== stamp) {
          // The lab defaults changed while recomputing: start towards the new stamp.
          ;({ stamp, remaining, total } = await begin())
          continue
        }
        const lab = await ctx.lab()
        const limit = chunkSize + failed.size
        const candidates = await guarded(() => stale(stamp).limit(limit).toArray())
        const recomputed: RunRecord[] = []
        await ctx.engine.prepare?.(
          candidates.map((run) => run.input),
          lab
        )
        for (const run of candidates) {
          if (failed.has(run.id) || recomputed.length >= chunkSize) continue
          try {
            const result = ctx.engine.compute(run.input, lab)
            recomputed.push(makeRunRecord({ ...run, result, computeStamp: stamp }))
          } catch {
            failed.add(run.id)
          }
        }
        // A chunk of runs that all failed is not the end: more stale runs may follow them.
        if (recomputed.length === 0) {
          if (candidates.length < limit) break
          continue
        }
        const written = await guarded(() =>
          db.transaction('rw', [db.runs, db.rollups, db.projection], async () => {
            // A run edited or deleted while we computed is left to its writer.
            const now = await db.runs.bulkGet(recomputed.map((r) => r.id))
            const delta = new RunDelta()
            const writes = recomputed.filter((r, i) => {
              const before = now[i]
              if (!before || before.updatedAt !== r.updatedAt || before.computeStamp === r.computeStamp) return false
              delta.add(before, -1)
              delta.add(r, 1)
              return true
            })
            await db.runs.bulkPut(writes)
            await writeRunDelta(db, delta)
            return writes.length
          })
        )
        remaining = Math.max(0, remaining - written)
        await yieldToUi()
      }
      return begin()
    }
  }
}
