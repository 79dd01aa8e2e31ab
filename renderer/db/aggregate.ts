import { aggregateRollups, levelFor, topN, totalsQuerySchema } from '../../shared/ledger/aggregate'
import { monthsOf } from '../../shared/ledger/period'
import type { AggregateRepo } from './api'
import { describeIssues, type LedgerContext } from './context'
import { guarded, LedgerError } from './errors'

export const aggregateRepo = <L>(ctx: LedgerContext<L>): AggregateRepo => {
  const { db } = ctx
  return {
    totals: (query) => {
      const parsed = totalsQuerySchema.safeParse(query)
      if (!parsed.success)
        return Promise.reject(new LedgerError('invalid', `Invalid totals query: ${describeIssues(parsed.error)}`))
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
        if (!period && projectId === undefined) return db.runs.orderBy('emissionsKg').reverse().limit(n).toArray()
        // Runs that started in the period (a project's: in any month it has runs, from its rollup cells): the n
        // largest of each month by index, then the n largest of those.
        const months = period
          ? monthsOf(period)
          : (
              await db.rollups
                .where('[level+month]')
                .between(['pm', ''], ['pm', '\uffff'])
                .filter((cell) => cell.project === projectId && cell.runs > 0)
                .toArray()
            ).map((cell) => cell.month)
        const perMonth = await Promise.all(
          months.map((month) =>
            (projectId === undefined
              ? db.runs.where('[startMonth+emissionsKg]').between([month, -Infinity], [month, Infinity])
              : db.runs
                  .where('[projectId+startMonth+emissionsKg]')
                  .between([projectId, month, -Infinity], [projectId, month, Infinity])
            )
              .reverse()
              .limit(n)
              .toArray()
          )
        )
        return topN(perMonth.flat(), n, (r) => r.emissionsKg)
      })
  }
}
