import { describe, expect, it } from 'vitest'
import type { ClosedRunStamp } from '../../../shared/ledger/closed-quarter'
import type { RollupSums } from '../../../shared/ledger/records'
import type { ReportModel } from '../../../shared/report/model'
import { causeText, hasMoved, nextQuarterOf, restatementsOf, runChanges } from '../../../shared/report/restatements'
import { reportText } from '../../../shared/report/text/index'

const stamp = (id: string, over: Partial<ClosedRunStamp> = {}): ClosedRunStamp => ({
  id,
  computeStamp: 'r4:2026.1#aaaa',
  updatedAt: 100,
  importId: '',
  ...over
})
const en = reportText('en')
const de = reportText('de')

describe('runChanges', () => {
  const filed = [stamp('a'), stamp('b'), stamp('c', { importId: 'batch-1' }), stamp('d'), stamp('e')]

  it('finds nothing when every run is as filed', () => {
    expect(runChanges(filed, filed)).toEqual({})
  })

  it('tells edit, import, recompute, data update and deletion apart', () => {
    const now = [
      stamp('a', { updatedAt: 200 }), // edited by hand
      stamp('b', { computeStamp: 'r4:2026.1#bbbb' }), // new lab defaults
      stamp('c', { importId: 'batch-2', updatedAt: 300 }), // re-imported
      stamp('d', { computeStamp: 'r5:2026.2#aaaa' }), // new method or data version
      // e deleted
      stamp('f', { importId: 'batch-3' }), // imported into the closed quarter
      stamp('g') // entered by hand into the closed quarter
    ]
    expect(runChanges(filed, now)).toEqual({ edit: 2, recompute: 1, import: 2, dataUpdate: 1, deletion: 1 })
  })
})

describe('causeText', () => {
  it('lists causes in a fixed order with counts, in the report language', () => {
    expect(causeText({ deletion: 1, edit: 3 }, en)).toBe('edit (3 runs), deletion (1 run)')
    expect(causeText({ recompute: 2 }, de)).toBe('Neuberechnung mit neuen Laborvorgaben (2 Läufe)')
    expect(causeText({}, en)).toBe(en.restatements.causes.unexplained)
  })
})

describe('restatementsOf', () => {
  const figure = (id: string, v: number) => ({ id, value: { value: v, low: v, high: v } })
  const model = {
    keyFigures: [figure('emissions', 1.5), figure('market', 1.5), figure('embodied', 0), figure('energy', 3)].concat([
      figure('runs', 1),
      figure('gpuHours', 10)
    ])
  } as unknown as ReportModel
  const sums = (kg: number, kWh: number, hours: number): RollupSums => ({
    runs: 1,
    gpuHours: hours,
    emissionsKg: { value: kg, low: kg, high: kg },
    marketEmissionsKg: { value: kg, low: kg, high: kg },
    embodiedKg: { value: 0, low: 0, high: 0 },
    energyKWh: { value: kWh, low: kWh, high: kWh }
  })
  const closed = { quarter: '2026-Q1', model, runs: [stamp('a')] }

  it('lists each moved figure with the filed and the current value', () => {
    const now = sums(3, 6, 20)
    const restated = restatementsOf(closed, now, [stamp('a', { updatedAt: 200 })], en)
    expect(restated).toEqual([
      { period: 'Q1 2026', figure: 'emissions', filed: 1.5, now: 3, cause: 'edit (1 run)' },
      { period: 'Q1 2026', figure: 'market', filed: 1.5, now: 3, cause: 'edit (1 run)' },
      { period: 'Q1 2026', figure: 'energy', filed: 3, now: 6, cause: 'edit (1 run)' },
      { period: 'Q1 2026', figure: 'gpuHours', filed: 10, now: 20, cause: 'edit (1 run)' }
    ])
  })

  it('ignores float noise of rollup sums put back, but not a real change of a small figure', () => {
    expect(restatementsOf(closed, sums(1.5 + 1e-15, 3, 10), closed.runs, en)).toEqual([])
    expect(restatementsOf(closed, sums(1.5001, 3, 10), closed.runs, en)).toHaveLength(2)
  })

  it('says from the totals alone whether a filed figure moved (the runs are read only then)', () => {
    expect(hasMoved(closed, sums(1.5 + 1e-15, 3, 10))).toBe(false)
    expect(hasMoved(closed, sums(1.5, 3, 11))).toBe(true)
  })
})

describe('nextQuarterOf', () => {
  it('names the quarter whose report first lists a restatement, across a year end', () => {
    expect(nextQuarterOf('Q1 2026')).toEqual({ label: 'Q2 2026', start: '2026-04' })
    expect(nextQuarterOf('Q3 2026')).toEqual({ label: 'Q4 2026', start: '2026-10' })
    expect(nextQuarterOf('Q4 2026')).toEqual({ label: 'Q1 2027', start: '2027-01' })
    expect(nextQuarterOf('2026-03')).toBeUndefined()
  })
})
