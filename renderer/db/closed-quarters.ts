import {
  type ClosedQuarter,
  closedQuarterSchema,
  type ClosedRunStamp,
  quarterEndMs,
  quarterKeySchema,
  type QuarterLogEntry,
  signOffSchema
} from '../../shared/ledger/closed-quarter'
import { METHOD_VERSION } from '../../shared/ledger/import-plan'
import { type Period, quarterPeriod } from '../../shared/ledger/period'
import type { Restatement } from '../../shared/report/model'
import { hasMoved, restatementsOf, stampOf } from '../../shared/report/restatements'
import type { AggregateRepo, ClosedQuartersRepo } from './api'
import { describeIssues, type LedgerContext } from './context'
import { guarded, LedgerError } from './errors'

/** '2026-Q1' → the quarter's period. */
export const quarterPeriodOf = (quarter: string): Period => {
  const key = quarterKeySchema.parse(quarter)
  return quarterPeriod(Number(key.slice(0, 4)), Number(key.slice(6)) as 1 | 2 | 3 | 4)
}

/** The quarter's bounds in epoch ms, as the rollups count runs: by the UTC month they started in. */
const boundsMs = (quarter: string): [number, number] => {
  const p = quarterPeriodOf(quarter)
  const y = Number(p.start.slice(0, 4))
  const m = Number(p.start.slice(5, 7)) - 1
  return [Date.UTC(y, m, 1), Date.UTC(y, m + 3, 1)]
}

export const closedQuartersRepo = <L>(ctx: LedgerContext<L>, aggregate: AggregateRepo): ClosedQuartersRepo => {
  const { db } = ctx
  const stamps = async (quarter: string): Promise<ClosedRunStamp[]> => {
    const [from, to] = boundsMs(quarter)
    const runs = await db.runs.where('startedAtMs').between(from, to, true, false).toArray()
    return runs.map(stampOf)
  }
  const log = (quarter: string, action: QuarterLogEntry['action'], by: string, reason: string) => {
    const now = ctx.now()
    return db.quarterLog.add({ id: ctx.newId(), quarter, action, atMs: now, by, reason, updatedAt: now })
  }
  return {
    list: () => guarded(() => db.closedQuarters.toArray()),
    get: (quarter) => guarded(() => db.closedQuarters.get(quarter)),
    close: async ({ quarter, model, translations, closedBy, signOff }) => {
      if (!quarterKeySchema.safeParse(quarter).success) throw new LedgerError('invalid', `Not a quarter: ${quarter}`)
      const sign = signOffSchema.safeParse(signOff)
      if (!sign.success) throw new LedgerError('invalid', `Invalid sign-off: ${describeIssues(sign.error)}`)
      const by = closedBy.trim()
      if (!by) throw new LedgerError('invalid', 'Invalid closing: closedBy: who closes the quarter is required')
      if (ctx.now() < quarterEndMs(quarter))
        throw new LedgerError('invalid', `${quarter} is not over yet: it can be closed once it has ended (UTC).`)
      const lab = await ctx.lab()
      return guarded(() =>
        db.transaction('rw', [db.closedQuarters, db.quarterLog, db.runs], async () => {
          if (await db.closedQuarters.get(quarter))
            throw new LedgerError('conflict', `${quarter} is already closed; reopen it first.`)
          const now = ctx.now()
          const record = closedQuarterSchema.parse({
            quarter,
            model,
            ...(translations ? { translations } : {}),
            dataVersion: ctx.engine.dataVersion,
            methodVersion: METHOD_VERSION,
            lab,
            closedAtMs: now,
            closedBy: by,
            signOff: sign.data,
            runs: await stamps(quarter),
            updatedAt: now
          } satisfies ClosedQuarter)
          await db.closedQuarters.add(record)
          await log(quarter, 'close', by, '')
          return record
        })
      )
    },
    reopen: async (quarter, reason, by) => {
      const why = reason.trim()
      if (!why) throw new LedgerError('invalid', 'Invalid reopening: reason: a reason is required')
      await guarded(() =>
        db.transaction('rw', [db.closedQuarters, db.quarterLog], async () => {
          if (!(await db.closedQuarters.get(quarter))) throw new LedgerError('not-found', `${quarter} is not closed.`)
          await db.closedQuarters.delete(quarter)
          await log(quarter, 'reopen', by.trim(), why)
        })
      )
    },
    history: (quarter) =>
      guarded(async () => {
        const entries = quarter
          ? await db.quarterLog.where('quarter').equals(quarter).toArray()
          : await db.quarterLog.toArray()
        return entries.sort((a, b) => b.atMs - a.atMs)
      }),
    restatements: async (t, options = {}) => {
      const closed = (await guarded(() => db.closedQuarters.toArray()))
        .filter((c) => options.beforeMonth === undefined || quarterPeriodOf(c.quarter).end < options.beforeMonth)
        .sort((a, b) => a.quarter.localeCompare(b.quarter))
      const out: Restatement[] = []
      for (const c of closed) {
        const answer = await aggregate.totals({ period: quarterPeriodOf(c.quarter) })
        // The quarter's runs (every record of it) are read only when a filed figure moved: the dashboard asks on
        // every write, and a quarter may hold 100,000 runs.
        if (!hasMoved(c, answer.total)) continue
        out.push(...restatementsOf(c, answer.total, await guarded(() => stamps(c.quarter)), t))
      }
      return out
    }
  }
}
