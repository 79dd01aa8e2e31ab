import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { Ledger } from '../../renderer/db'
import { quarterEndMs } from '../../shared/ledger/closed-quarter'
import { quarterPeriod } from '../../shared/ledger/period'
import type { RollupSums } from '../../shared/ledger/records'
import type { ReportModel } from '../../shared/report/model'
import { keyFigureValues } from '../../shared/report/restatements'
import { reportText } from '../../shared/report/text/index'
import { gpuRun, openTest, type TestLab } from './support'

const en = reportText('en')
const signOff = { preparedBy: 'Ada Lovelace', reviewedBy: 'Grace Hopper', date: '2026-04-02', notes: 'Filed.' }

/** The part of a report model the ledger reads back (its key figures), built from the quarter's totals as the report is. */
const modelOf = (total: RollupSums): ReportModel =>
  ({
    periodLabel: 'Q1 2026',
    keyFigures: Object.entries(keyFigureValues(total)).map(([id, v]) => ({ id, value: { value: v, low: v, high: v } }))
  }) as unknown as ReportModel

const closeQ1 = async (ledger: Ledger<TestLab>) => {
  const total = (await ledger.aggregate.totals({ period: quarterPeriod(2026, 1) })).total
  return ledger.closedQuarters.close({ quarter: '2026-Q1', model: modelOf(total), closedBy: 'Ada Lovelace', signOff })
}

describe('closed quarters', () => {
  it('files a quarter with its sign-off, lab defaults, data version and run stamps; no restatement while nothing changed', async () => {
    const ledger = await openTest()
    await ledger.runs.create(gpuRun({ hours: 10 }))
    await ledger.runs.create(gpuRun({ hours: 5, startedAt: '2026-03-01T00:00:00Z' }))
    await ledger.runs.create(gpuRun({ hours: 1, startedAt: '2026-04-01T00:00:00Z' }))
    const closed = await closeQ1(ledger)
    expect(closed.signOff).toEqual(signOff)
    expect(closed.runs).toHaveLength(2)
    expect(closed.dataVersion).toBe('test-1')
    expect(closed.lab).toEqual({ intensityGPerKWh: 500, renewableShare: 0 })
    expect((await ledger.closedQuarters.get('2026-Q1'))?.closedBy).toBe('Ada Lovelace')
    expect(await ledger.closedQuarters.restatements(en)).toEqual([])
    await expect(closeQ1(ledger)).rejects.toMatchObject({ code: 'conflict' })
    ledger.close()
  })

  it('refuses a sign-off without who prepared it or with a bad date, and keeps nothing', async () => {
    const ledger = await openTest()
    const model = modelOf((await ledger.aggregate.totals({ period: quarterPeriod(2026, 1) })).total)
    for (const bad of [
      { ...signOff, preparedBy: '  ' },
      { ...signOff, date: '2026-13-45' },
      { ...signOff, date: '02.04.2026' }
    ])
      await expect(
        ledger.closedQuarters.close({ quarter: '2026-Q1', model, closedBy: 'Ada', signOff: bad })
      ).rejects.toMatchObject({ code: 'invalid' })
    expect(await ledger.closedQuarters.list()).toEqual([])
    ledger.close()
  })

  it('refuses to close a quarter that has not ended: runs of its last days may still come in', async () => {
    const ledger = await openTest()
    const model = modelOf((await ledger.aggregate.totals({ period: quarterPeriod(2026, 1) })).total)
    // the test ledger's clock is today's: a quarter two years ahead cannot be over
    const future = `${new Date().getUTCFullYear() + 2}-Q1`
    await expect(
      ledger.closedQuarters.close({ quarter: future, model, closedBy: 'Ada', signOff })
    ).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('is not over yet') })
    expect(await ledger.closedQuarters.list()).toEqual([])
    expect(quarterEndMs('2026-Q4')).toBe(Date.UTC(2027, 0, 1))
    expect(quarterEndMs('2026-Q1')).toBe(Date.UTC(2026, 3, 1))
    ledger.close()
  })

  it('keeps the filed figures after an edit and lists the restatement with old, new figure and cause', async () => {
    const ledger = await openTest()
    const run = await ledger.runs.create(gpuRun({ hours: 10 }))
    const closed = await closeQ1(ledger)
    await ledger.runs.update(run.id, gpuRun({ hours: 20 }))
    // The filed model is unchanged: 10 h × 300 W × 500 g/kWh = 1.5 kg.
    expect((await ledger.closedQuarters.get('2026-Q1'))?.model).toEqual(closed.model)
    const restated = await ledger.closedQuarters.restatements(en)
    const emissions = restated.find((r) => r.figure === 'emissions')!
    expect(emissions).toMatchObject({ period: 'Q1 2026', cause: 'edit (1 run)' })
    expect(emissions.filed).toBeCloseTo(1.5, 10)
    expect(emissions.now).toBeCloseTo(3, 10)
    expect(restated.map((r) => r.figure).sort()).toEqual(['embodied', 'emissions', 'energy', 'gpuHours', 'market'])
    // Only quarters ending before the report's period are restated in it.
    expect(await ledger.closedQuarters.restatements(en, { beforeMonth: '2026-03' })).toEqual([])
    expect(await ledger.closedQuarters.restatements(en, { beforeMonth: '2026-04' })).toHaveLength(5)
    ledger.close()
  })

  it('names a recompute after the lab defaults change, and a deletion', async () => {
    const ledger = await openTest()
    const a = await ledger.runs.create(gpuRun({ hours: 10 }))
    await ledger.runs.create(gpuRun({ hours: 2 }))
    await closeQ1(ledger)
    await ledger.settings.setLabDefaults({ intensityGPerKWh: 250, renewableShare: 0 })
    await ledger.recompute.run()
    expect((await ledger.closedQuarters.restatements(en)).find((r) => r.figure === 'emissions')?.cause).toBe(
      'recompute with new lab defaults (2 runs)'
    )
    await ledger.runs.remove([a.id])
    const runs = (await ledger.closedQuarters.restatements(en)).find((r) => r.figure === 'runs')!
    expect(runs).toMatchObject({ filed: 2, now: 1, cause: 'recompute with new lab defaults (1 run), deletion (1 run)' })
    ledger.close()
  })

  it('reopens only with a reason, logs closing and reopening, and can close again', async () => {
    const ledger = await openTest()
    await ledger.runs.create(gpuRun())
    await closeQ1(ledger)
    await expect(ledger.closedQuarters.reopen('2026-Q1', '   ', 'Ada')).rejects.toMatchObject({ code: 'invalid' })
    expect(await ledger.closedQuarters.get('2026-Q1')).toBeDefined()
    await ledger.closedQuarters.reopen('2026-Q1', 'A run was in the wrong project.', 'Ada')
    expect(await ledger.closedQuarters.get('2026-Q1')).toBeUndefined()
    await expect(ledger.closedQuarters.reopen('2026-Q1', 'again', 'Ada')).rejects.toMatchObject({ code: 'not-found' })
    const history = await ledger.closedQuarters.history('2026-Q1')
    expect(history.map((h) => [h.action, h.reason])).toEqual([
      ['reopen', 'A run was in the wrong project.'],
      ['close', '']
    ])
    await closeQ1(ledger)
    expect(await ledger.closedQuarters.history()).toHaveLength(3)
    ledger.close()
  })
})
