import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exact } from '../../../shared/domain/range'
import type { RunResult } from '../../../shared/domain/result'
import { runInputSchema } from '../../../shared/domain/run'
import { aggregateRollups, levelFor, topN } from '../../../shared/ledger/aggregate'
import { quarterPeriod, yearPeriod } from '../../../shared/ledger/period'
import type { RollupRecord } from '../../../shared/ledger/records'
import {
  applyDelta,
  gpuHoursOf,
  monthShares,
  primaryDevice,
  RollupDelta,
  type RollupSource,
  runContributions
} from '../../../shared/ledger/rollup'
import { addSums } from '../../../shared/ledger/sums'

const result = (kg: number, kwh: number): RunResult => ({
  method: 'estimated',
  itEnergyKWh: exact(kwh),
  energyKWh: { value: kwh, low: kwh * 0.5, high: kwh * 2 },
  breakdownKWh: { gpu: kwh, cpu: 0, tpu: 0, memory: 0, overhead: 0 },
  pue: exact(1),
  intensityGPerKWh: exact(0),
  emissionsKg: { value: kg, low: kg * 0.5, high: kg * 2 },
  marketEmissionsKg: exact(kg / 2),
  embodiedKg: exact(1),
  equivalents: { carKm: 0, treeMonths: 0, flights: 0 },
  locationId: 'FR',
  locationLabel: 'France',
  trace: [],
  assumptions: [],
  sources: [],
  dataVersion: 't'
})

const run = (over: {
  project?: string
  startedAt?: string
  durationS?: number
  hoursPerDay?: number
  kg?: number
}): RollupSource => {
  const input = runInputSchema.parse({
    project: over.project ?? 'p',
    person: 'ada',
    startedAt: over.startedAt ?? '2026-02-10T00:00:00Z',
    durationS: over.durationS ?? 3600,
    hoursPerDay: over.hoursPerDay,
    devices: [
      { kind: 'cpu', name: 'Xeon', count: 2 },
      { kind: 'gpu', name: 'A100', hardwareId: 'a100', count: 4 }
    ]
  })
  return {
    projectId: over.project ?? 'p',
    person: 'ada',
    startedAtMs: Date.parse(input.startedAt),
    input,
    result: result(over.kg ?? 10, 20)
  }
}

describe('rollup contributions', () => {
  it('files a run under its first accelerator and counts its GPU-hours', () => {
    const r = run({ durationS: 7200, hoursPerDay: 12 })
    expect(primaryDevice(r.input)).toEqual({ hardwareClass: 'gpu', hardwareModel: 'a100' })
    // 4 GPUs × 2 h × 12/24
    expect(gpuHoursOf(r.input)).toBe(4)
  })

  it('apportions a run over month boundaries and counts it in its start month', () => {
    // 1 March 00:00 − 6 h: 6 h in February, 18 h in March.
    const shares = monthShares(run({ startedAt: '2026-02-28T18:00:00Z', durationS: 24 * 3600 }))
    expect(shares).toEqual([
      { month: '2026-02', share: 0.25, counted: true },
      { month: '2026-03', share: 0.75, counted: false }
    ])
  })

  it('keeps cells per project × month and per every dimension, and aggregates ranges bound by bound', () => {
    const delta = new RollupDelta()
    delta.add(run({ project: 'p', kg: 10 }), 1)
    delta.add(run({ project: 'p', kg: 6, startedAt: '2026-04-02T00:00:00Z' }), 1)
    delta.add(run({ project: 'q', kg: 1 }), 1)
    const cells = [...delta.cells.values()]
    expect(cells.filter((c) => c.level === 'pm')).toHaveLength(3)
    const q1 = aggregateRollups(cells, { period: quarterPeriod(2026, 1), groupBy: ['project'] })
    expect(q1.rows.map((r) => [r.group.project, r.totals.emissionsKg])).toEqual([
      ['p', { value: 10, low: 5, high: 20 }],
      ['q', { value: 1, low: 0.5, high: 2 }]
    ])
    expect(q1.total.marketEmissionsKg.value).toBe(5.5)
    const byQuarter = aggregateRollups(cells, {
      period: yearPeriod(2026),
      groupBy: ['quarter'],
      filter: { project: ['p'] }
    })
    expect(byQuarter.rows.map((r) => [r.group.quarter, r.totals.runs, r.totals.emissionsKg.value])).toEqual([
      ['2026-Q1', 1, 10],
      ['2026-Q2', 1, 6]
    ])
    const byPerson = aggregateRollups(cells, { period: yearPeriod(2026), groupBy: ['person', 'location'] })
    expect(byPerson.rows).toEqual([expect.objectContaining({ group: { person: 'ada', location: 'FR' } })])
  })

  it('sums runs of one cell at both levels without one level changing the other', () => {
    const delta = new RollupDelta()
    delta.add(run({ project: 'p', kg: 10 }), 1)
    delta.add(run({ project: 'p', kg: 6 }), 1)
    const cells = [...delta.cells.values()]
    expect(cells).toHaveLength(2)
    // 10 ± 50 %/+100 % and 6 likewise: 16, 8, 32 at the project × month level and at the fine level alike.
    for (const c of cells)
      expect([c.level, c.runs, c.members, c.emissionsKg]).toEqual([c.level, 2, 2, { value: 16, low: 8, high: 32 }])
  })

  it('accumulates exactly what applying each contribution in turn gives (property)', () => {
    const arb = fc.record({
      project: fc.constantFrom('p', 'q'),
      startedAt: fc
        .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 3, 1) })
        .map((ms) => new Date(ms).toISOString()),
      durationS: fc.integer({ min: 0, max: 60 * 86400 }),
      kg: fc.double({ min: 0, max: 1e6, noNaN: true })
    })
    fc.assert(
      fc.property(fc.array(fc.tuple(arb, fc.constantFrom(1 as const, -1 as const)), { maxLength: 30 }), (specs) => {
        const delta = new RollupDelta()
        const folded = new Map<string, RollupRecord>()
        for (const [spec, sign] of specs) {
          delta.add(run(spec), sign)
          for (const c of runContributions(run(spec), sign)) {
            const prior = folded.get(c.key)
            folded.set(c.key, prior ? { ...prior, ...addSums(prior, c), members: prior.members + c.members } : c)
          }
        }
        expect(delta.cells).toEqual(folded)
      })
    )
  })

  it('chooses the coarse level only when project and time suffice', () => {
    expect(levelFor({ period: yearPeriod(2026), groupBy: ['project', 'quarter'] })).toBe('pm')
    expect(levelFor({ period: yearPeriod(2026), groupBy: ['quarter'], filter: { project: ['p'] } })).toBe('pm')
    expect(levelFor({ period: yearPeriod(2026), groupBy: ['project'], filter: { person: ['ada'] } })).toBe('all')
  })

  it('adding then removing any runs leaves no cell (property)', () => {
    const arb = fc.record({
      project: fc.constantFrom('p', 'q'),
      startedAt: fc
        .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) })
        .map((ms) => new Date(ms).toISOString()),
      durationS: fc.integer({ min: 0, max: 90 * 86400 }),
      kg: fc.double({ min: 0, max: 1e6, noNaN: true })
    })
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 20 }), (specs) => {
        const stored = new Map<string, ReturnType<typeof applyDelta>>()
        const write = (d: RollupDelta) => {
          for (const [key, cell] of d.cells) {
            const next = applyDelta(stored.get(key), cell)
            if (next) stored.set(key, next)
            else stored.delete(key)
          }
        }
        const runs = specs.map(run)
        const adding = new RollupDelta()
        runs.forEach((r) => adding.add(r, 1))
        write(adding)
        const total = aggregateRollups(
          [...stored.values()].filter((c) => c !== undefined),
          { period: { kind: 'custom', start: '2025-01', end: '2027-12' } }
        )
        expect(total.total.runs).toBe(runs.length)
        // Remove one by one, as deletes do.
        for (const r of runs) {
          const removing = new RollupDelta()
          removing.add(r, -1)
          write(removing)
        }
        expect(stored.size).toBe(0)
      })
    )
  })
})

describe('topN', () => {
  it('keeps the n largest, largest first', () => {
    expect(topN([5, 1, 9, 3, 7, 9], 3, (x) => x)).toEqual([9, 9, 7])
    expect(topN([2, 1], 5, (x) => x)).toEqual([2, 1])
    expect(topN([2, 1], 0, (x) => x)).toEqual([])
  })
})
