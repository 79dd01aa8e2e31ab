import { aggregateRollups, levelFor, topN, totalsQuerySchema } from '../../shared/ledger/aggregate'
import type { AggregateRepo } from './api'
import { describeIssues, type LedgerContext } from './context'
import { guarded, LedgerError } from './errors'

const monthStartMs = (month: string): number => Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1)

export const aggregateRepo = <L>(ctx: LedgerContext<L>): AggregateRepo => {
  const { db } = ctx
  return {
    totals: (query) => {
      const parsed = totalsQuerySchema.safeParse(query)
      if (!parsed.success) return Promise.reject(new LedgerError('invalid', `Invalid totals query: ${describeIssues(parsed.error)}`))
      const q = parsed.data
      const level = levelFor(q)
      return guarded(async () => {
        const cells = await db.rollups
          .where('[level+month]')
          .between([level, q.period.start], [level, q.period.end], true, true)
          .toArray()
        return aggregateRollups(cells, q)
      })
    },
    topRuns: ({ n, projectId, period }) =>
      guarded(async () => {
        if (!period) {
          const collection =
            projectId === undefined
              ? db.runs.orderBy('emissionsKg')
              : db.runs.where('[projectId+emissionsKg]').between([projectId, -Infinity], [projectId, Infinity])
          return collection.reverse().limit(n).toArray()
        }
        // Runs that started in the period: a range scan of the period's runs (not of the whole ledger).
        const from = monthStartMs(period.start)
        const to = Date.UTC(Number(period.end.slice(0, 4)), Number(period.end.slice(5, 7)), 1)
        const collection =
          projectId === undefined
            ? db.runs.where('startedAtMs').between(from, to, true, false)
            : db.runs.where('[projectId+startedAtMs]').between([projectId, from], [projectId, to], true, false)
        return topN(await collection.toArray(), n, (r) => r.emissionsKg)
      })
  }
}
