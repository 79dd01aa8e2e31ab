import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LedgerError } from '../../renderer/db'
import { customPeriod, monthOf, quarterPeriod, yearPeriod } from '../../shared/ledger/period'
import { gpuRun, openTest } from './support'

describe('runs, rollups and trash', () => {
  it('stores a run with its result and answers totals from rollups', async () => {
    const ledger = await openTest()
    // 300 W × 10 h = 3 kWh; × 500 g/kWh = 1.5 kg
    const run = await ledger.runs.create(gpuRun())
    expect(run.result.energyKWh.value).toBeCloseTo(3, 10)
    expect(run.emissionsKg).toBeCloseTo(1.5, 10)
    const project = (await ledger.projects.list())[0]!
    expect(project.name).toBe('alpha')
    expect(run.projectId).toBe(project.id)

    const { rows, total } = await ledger.aggregate.totals({ period: quarterPeriod(2026, 1), groupBy: ['project'] })
    expect(rows).toHaveLength(1)
    expect(rows[0]!.group.project).toBe(project.id)
    expect(total.runs).toBe(1)
    expect(total.emissionsKg.value).toBeCloseTo(1.5, 10)
    expect(total.emissionsKg.low).toBeCloseTo(1.35, 10)
    expect(total.emissionsKg.high).toBeCloseTo(1.65, 10)
    expect(total.gpuHours).toBeCloseTo(10, 10)
    expect(total.embodiedKg.value).toBeCloseTo(0.1, 10)
  })

  it('groups by person, hardware and location from the fine cells, filtering by dimension', async () => {
    const ledger = await openTest()
    await ledger.runs.create(gpuRun({ person: 'ada' }))
    await ledger.runs.create(gpuRun({ person: 'bob', hours: 20 }))
    await ledger.runs.create(
      gpuRun({ person: 'bob', hours: 1, devices: [{ kind: 'cpu', name: 'Xeon', count: 1, powerW: 100 }] })
    )
    const byPerson = await ledger.aggregate.totals({ period: yearPeriod(2026), groupBy: ['person'] })
    // bob: 6 kWh + 0.1 kWh → 3.05 kg; ada 1.5 kg. Sorted by emissions, largest first.
    expect(byPerson.rows.map((r) => [r.group.person, r.totals.runs])).toEqual([
      ['bob', 2],
      ['ada', 1]
    ])
    expect(byPerson.rows[0]!.totals.emissionsKg.value).toBeCloseTo(3.05, 10)
    const cpuOnly = await ledger.aggregate.totals({
      period: yearPeriod(2026),
      groupBy: ['hardwareModel'],
      filter: { hardwareClass: ['cpu'] }
    })
    expect(cpuOnly.rows.map((r) => r.group.hardwareModel)).toEqual(['Xeon'])
    expect(cpuOnly.total.energyKWh.value).toBeCloseTo(0.1, 10)
    expect(cpuOnly.total.gpuHours).toBe(0)
  })

  it('apportions a run spanning two months by its time in each, counting it once', async () => {
    const ledger = await openTest()
    // 72 h from 31 Jan 00:00 UTC: 24 h in January, 48 h in February; 300 W × 72 h = 21.6 kWh.
    await ledger.runs.create(gpuRun({ startedAt: '2026-01-31T00:00:00Z', hours: 72 }))
    const { rows } = await ledger.aggregate.totals({ period: quarterPeriod(2026, 1), groupBy: ['month'] })
    const byMonth = Object.fromEntries(rows.map((r) => [r.group.month, r.totals]))
    expect(byMonth['2026-01']!.energyKWh.value).toBeCloseTo(7.2, 10)
    expect(byMonth['2026-02']!.energyKWh.value).toBeCloseTo(14.4, 10)
    expect(byMonth['2026-01']!.runs).toBe(1)
    expect(byMonth['2026-02']!.runs).toBe(0)
    expect(byMonth['2026-02']!.gpuHours).toBeCloseTo(48, 10)
  })

  it('update moves the run between rollup cells; delete empties them; undo restores', async () => {
    const ledger = await openTest()
    const run = await ledger.runs.create(gpuRun())
    await ledger.runs.update(run.id, gpuRun({ startedAt: '2026-05-01T00:00:00Z', hours: 20 }))
    const q1 = await ledger.aggregate.totals({ period: quarterPeriod(2026, 1) })
    const q2 = await ledger.aggregate.totals({ period: quarterPeriod(2026, 2) })
    expect(q1.total.runs).toBe(0)
    expect(q1.rows).toHaveLength(0)
    expect(q2.total.energyKWh.value).toBeCloseTo(6, 10)

    const { deletionId, removed } = await ledger.runs.remove([run.id, 'no-such-run'])
    expect(removed).toBe(1)
    expect(await ledger.runs.get(run.id)).toBeUndefined()
    expect((await ledger.aggregate.totals({ period: yearPeriod(2026) })).rows).toHaveLength(0)
    expect((await ledger.trash.list())[0]!.runs.map((r) => r.id)).toEqual([run.id])

    expect(await ledger.trash.restore(deletionId)).toBe(1)
    expect((await ledger.runs.get(run.id))!.result.energyKWh.value).toBeCloseTo(6, 10)
    expect((await ledger.aggregate.totals({ period: quarterPeriod(2026, 2) })).total.runs).toBe(1)
    expect(await ledger.trash.list()).toEqual([])

    await ledger.runs.remove([run.id])
    expect(await ledger.trash.empty()).toBe(1)
    expect(await ledger.trash.list()).toEqual([])
  })

  it('lists runs per project newest first, and top-N by emissions with and without a period', async () => {
    const ledger = await openTest()
    const small = await ledger.runs.create(gpuRun({ hours: 1, startedAt: '2026-01-05T00:00:00Z' }))
    const big = await ledger.runs.create(gpuRun({ hours: 100, startedAt: '2026-02-05T00:00:00Z' }))
    const other = await ledger.runs.create(gpuRun({ project: 'beta', hours: 50, startedAt: '2026-04-05T00:00:00Z' }))
    expect((await ledger.runs.list({ projectId: small.projectId })).map((r) => r.id)).toEqual([big.id, small.id])
    expect((await ledger.runs.list({ person: 'ada', newestFirst: false, limit: 2 })).map((r) => r.id)).toEqual([
      small.id,
      big.id
    ])
    expect((await ledger.aggregate.topRuns({ n: 2 })).map((r) => r.id)).toEqual([big.id, other.id])
    expect((await ledger.aggregate.topRuns({ n: 5, projectId: other.projectId })).map((r) => r.id)).toEqual([other.id])
    // A project over all time: its months' largest, across months.
    expect((await ledger.aggregate.topRuns({ n: 5, projectId: small.projectId })).map((r) => r.id)).toEqual([
      big.id,
      small.id
    ])
    expect((await ledger.aggregate.topRuns({ n: 5, period: quarterPeriod(2026, 1) })).map((r) => r.id)).toEqual([
      big.id,
      small.id
    ])
    expect(await ledger.runs.count({ projectId: small.projectId })).toBe(2)
  })

  it("finds a period's largest runs by the month index exactly as a scan of every run would (property)", async () => {
    const runArb = fc.record({
      project: fc.constantFrom('alpha', 'beta'),
      day: fc.integer({ min: 0, max: 500 }),
      hours: fc.integer({ min: 1, max: 60 })
    })
    await fc.assert(
      fc.asyncProperty(
        fc.array(runArb, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        async (drafts, firstMonth, months, n, byProject) => {
          const ledger = await openTest()
          for (const d of drafts) {
            const startedAt = new Date(Date.UTC(2025, 0, 1) + d.day * 86_400_000).toISOString()
            await ledger.runs.create(gpuRun({ project: d.project, hours: d.hours, startedAt }))
          }
          const all = await ledger.runs.list({ limit: 1000 })
          const projectId = byProject ? all[0]!.projectId : undefined
          const start = monthOf(Date.UTC(2025, firstMonth, 1))
          const period = customPeriod(start, monthOf(Date.UTC(2025, firstMonth + months, 1)))
          const expected = all
            .filter((r) => monthOf(r.startedAtMs) >= period.start && monthOf(r.startedAtMs) <= period.end)
            .filter((r) => projectId === undefined || r.projectId === projectId)
            .map((r) => r.emissionsKg)
            .sort((a, b) => b - a)
            .slice(0, n)
          const top = await ledger.aggregate.topRuns({ n, period, projectId })
          expect(top.map((r) => r.emissionsKg)).toEqual(expected)
          ledger.close()
        }
      ),
      { numRuns: 25 }
    )
  })

  it('rejects an invalid run before writing, naming the field', async () => {
    const ledger = await openTest()
    const attempt = ledger.runs.create(gpuRun({ durationS: -5 }))
    await expect(attempt).rejects.toBeInstanceOf(LedgerError)
    await expect(attempt).rejects.toThrow(/durationS/)
    expect(await ledger.runs.count()).toBe(0)
    expect(await ledger.projects.list()).toEqual([])
  })

  it('refuses to remove a project with runs, even trashed ones, and renames without touching runs', async () => {
    const ledger = await openTest()
    const run = await ledger.runs.create(gpuRun())
    await expect(ledger.projects.remove(run.projectId)).rejects.toThrow(/still has 1 runs/)
    await ledger.runs.remove([run.id])
    await expect(ledger.projects.remove(run.projectId)).rejects.toThrow(/trash included/)
    const renamed = await ledger.projects.update(run.projectId, { name: 'Alpha (2026)' })
    expect(renamed.name).toBe('Alpha (2026)')
    await expect(ledger.projects.create('Alpha (2026)')).rejects.toThrow(/already exists/)
  })
})
