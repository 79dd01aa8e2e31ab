import 'fake-indexeddb/auto'
import { liveQuery } from 'dexie'
import { describe, expect, it } from 'vitest'
import { quarterPeriod } from '../../shared/ledger/period'
import type { Restatement } from '../../shared/report/model'
import { type ReportModel } from '../../shared/report/model'
import { keyFigureValues } from '../../shared/report/restatements'
import { reportText } from '../../shared/report/text/index'
import { gpuRun, openTest } from './support'

const en = reportText('en')

/** The dashboard's notice reads restatements in a live query: an edit of a closed quarter's run must reach it. */
describe('restatements read live', () => {
  it('appear after an edit of a closed quarter, and go when the quarter is reopened', async () => {
    const ledger = await openTest()
    const run = await ledger.runs.create(gpuRun({ hours: 10 }))
    const total = (await ledger.aggregate.totals({ period: quarterPeriod(2026, 1) })).total
    const model = {
      periodLabel: 'Q1 2026',
      keyFigures: Object.entries(keyFigureValues(total)).map(([id, v]) => ({
        id,
        value: { value: v, low: v, high: v }
      }))
    } as unknown as ReportModel
    const signOff = { preparedBy: 'Ada', reviewedBy: '', date: '2026-04-02', notes: '' }
    await ledger.closedQuarters.close({ quarter: '2026-Q1', model, closedBy: 'Ada', signOff })

    const seen: Restatement[][] = []
    const waiters: [(r: Restatement[]) => boolean, () => void][] = []
    const sub = liveQuery(() => ledger.closedQuarters.restatements(en)).subscribe((r) => {
      seen.push(r)
      for (const [test, resolve] of waiters.splice(0))
        if (test(r)) resolve()
        else waiters.push([test, resolve])
    })
    const until = (test: (r: Restatement[]) => boolean) =>
      seen.length > 0 && test(seen.at(-1)!)
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push([test, resolve]))

    await until((r) => r.length === 0)
    await ledger.runs.update(run.id, gpuRun({ hours: 20 }))
    await until((r) => r.some((x) => x.figure === 'emissions' && x.cause === 'edit (1 run)'))
    await ledger.closedQuarters.reopen('2026-Q1', 'Wrong duration.', 'Ada')
    await until((r) => r.length === 0)
    expect(seen.at(-1)).toEqual([])
    sub.unsubscribe()
    ledger.close()
  })
})
