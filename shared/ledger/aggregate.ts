import { z } from 'zod'
import { bucketOf, periodSchema } from './period'
import { rollupDimensionSchema, type RollupRecord, type RollupSums } from './records'
import { addSums, zeroSums } from './sums'

export const groupKeySchema = z.union([rollupDimensionSchema, z.enum(['month', 'quarter', 'year'])])
export type GroupKey = z.infer<typeof groupKeySchema>

export const totalsQuerySchema = z.object({
  period: periodSchema,
  groupBy: z.array(groupKeySchema).default([]),
  /** Keep only cells whose dimension is one of the values (project ids, people, hardware models, location ids…). */
  filter: z.partialRecord(rollupDimensionSchema, z.array(z.string())).default({})
})
export type TotalsQuery = z.input<typeof totalsQuerySchema>

export interface TotalsRow {
  group: Partial<Record<GroupKey, string>>
  totals: RollupSums
}
export interface TotalsAnswer {
  rows: TotalsRow[]
  total: RollupSums
}

const TIME_KEYS = new Set<GroupKey>(['month', 'quarter', 'year'])

/** The coarse project × month cells answer any query that needs no other dimension. */
export const levelFor = (query: TotalsQuery): RollupRecord['level'] => {
  const q = totalsQuerySchema.parse(query)
  const dims = [...q.groupBy.filter((k) => !TIME_KEYS.has(k)), ...Object.keys(q.filter)]
  return dims.every((d) => d === 'project') ? 'pm' : 'all'
}

const groupValue = (cell: RollupRecord, key: GroupKey): string =>
  key === 'month' || key === 'quarter' || key === 'year' ? bucketOf(cell.month, key) : cell[key]

/**
 * Totals of the cells of one level inside the period, filtered and grouped. Rows are sorted by location-based
 * emissions, largest first.
 */
export const aggregateRollups = (cells: Iterable<RollupRecord>, query: TotalsQuery): TotalsAnswer => {
  const q = totalsQuerySchema.parse(query)
  const level = levelFor(q)
  const filters = Object.entries(q.filter).map(([dim, values]) => [dim as keyof RollupRecord, new Set(values)] as const)
  const groups = new Map<string, TotalsRow>()
  let total = zeroSums()
  for (const cell of cells) {
    if (cell.level !== level || cell.month < q.period.start || cell.month > q.period.end) continue
    if (!filters.every(([dim, values]) => values.has(cell[dim] as string))) continue
    const group = Object.fromEntries(q.groupBy.map((k) => [k, groupValue(cell, k)])) as TotalsRow['group']
    const id = q.groupBy.map((k) => group[k]).join('\u001f')
    const row = groups.get(id)
    if (row) row.totals = addSums(row.totals, cell)
    else groups.set(id, { group, totals: addSums(zeroSums(), cell) })
    total = addSums(total, cell)
  }
  const rows = [...groups.values()].sort((a, b) => b.totals.emissionsKg.value - a.totals.emissionsKg.value)
  return { rows, total }
}

/** The n largest items by score, in one pass with a bounded buffer (for scans that cannot use an index). */
export const topN = <T>(items: Iterable<T>, n: number, score: (item: T) => number): T[] => {
  const kept: T[] = []
  for (const item of items) {
    if (kept.length < n) {
      kept.push(item)
      if (kept.length === n) kept.sort((a, b) => score(b) - score(a))
      continue
    }
    const last = kept[kept.length - 1]
    if (last === undefined || score(item) <= score(last)) continue
    kept[kept.length - 1] = item
    kept.sort((a, b) => score(b) - score(a))
  }
  return kept.sort((a, b) => score(b) - score(a))
}
