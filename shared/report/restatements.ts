import type { ClosedQuarter, ClosedRunStamp } from '../ledger/closed-quarter'
import { quarterKeyLabel } from '../ledger/period'
import type { RollupSums } from '../ledger/records'
import type { KeyFigureId, Restatement } from './model'
import type { ReportText } from './text/index'

/**
 * Restatements (issue 13): a closed quarter's filed key figures against the ledger's figures now, with the cause
 * derived from the runs: each run's stamp at closing (id, computeStamp, updatedAt, importId) against the run now.
 *  - gone → deletion; new → import when it came in a batch, else edit (entered by hand);
 *  - another importId → import (a re-import replaced it); another updatedAt → edit;
 *  - same updatedAt, another computeStamp → data update when the method or data version part changed, else recompute
 *    (lab defaults).
 * Comparing stamps needs no hook in every ledger write and sees changes made by any path (restore included).
 */
export type RestatementCause = 'edit' | 'import' | 'recompute' | 'dataUpdate' | 'deletion'

export type CauseCounts = Partial<Record<RestatementCause, number>>

/** The part of a compute stamp before the lab-defaults hash: method and data version ("r4:2026.3"). */
const versionPart = (stamp: string): string => stamp.split('#')[0] ?? stamp

const causeOf = (filed: ClosedRunStamp, now: ClosedRunStamp): RestatementCause | undefined => {
  if (now.importId !== filed.importId) return 'import'
  if (now.updatedAt !== filed.updatedAt) return 'edit'
  if (now.computeStamp !== filed.computeStamp)
    return versionPart(now.computeStamp) === versionPart(filed.computeStamp) ? 'recompute' : 'dataUpdate'
  return undefined
}

/** How many runs of the quarter changed since closing, by cause. */
export const runChanges = (filed: readonly ClosedRunStamp[], now: readonly ClosedRunStamp[]): CauseCounts => {
  const counts: CauseCounts = {}
  const add = (cause: RestatementCause) => (counts[cause] = (counts[cause] ?? 0) + 1)
  const current = new Map(now.map((r) => [r.id, r]))
  const before = new Set<string>()
  for (const f of filed) {
    before.add(f.id)
    const n = current.get(f.id)
    if (!n) add('deletion')
    else {
      const cause = causeOf(f, n)
      if (cause) add(cause)
    }
  }
  for (const n of now) if (!before.has(n.id)) add(n.importId ? 'import' : 'edit')
  return counts
}

const ORDER: RestatementCause[] = ['edit', 'import', 'recompute', 'dataUpdate', 'deletion']

/** "edit (1 run), recompute with new lab defaults (12 runs)" in the report's language. */
export const causeText = (counts: CauseCounts, t: ReportText): string => {
  const parts = ORDER.filter((c) => (counts[c] ?? 0) > 0).map((c) => t.restatements.causes[c](counts[c]!))
  return parts.length ? parts.join(', ') : t.restatements.causes.unexplained
}

/** The key figures as numbers, picked from a period's sums the way the report's key figures are. */
export const keyFigureValues = (s: RollupSums): Record<KeyFigureId, number> => ({
  emissions: s.emissionsKg.value,
  market: s.marketEmissionsKg.value,
  embodied: s.embodiedKg.value,
  energy: s.energyKWh.value,
  runs: s.runs,
  gpuHours: s.gpuHours
})

/**
 * Two figures differ when they differ beyond float noise: rollups are sums kept by adding and subtracting deltas, so
 * a figure put back exactly can come back a few ulps off.
 */
const moved = (filed: number, now: number): boolean =>
  Math.abs(now - filed) > 1e-9 * Math.max(1, Math.abs(filed), Math.abs(now))

/**
 * Whether any filed key figure of a closed quarter differs from the ledger's now: read from the rollups alone, so
 * the runs (for the cause) are read only when something moved.
 */
export const hasMoved = (closed: Pick<ClosedQuarter, 'model'>, nowTotal: RollupSums): boolean => {
  const now = keyFigureValues(nowTotal)
  return closed.model.keyFigures.some((k) => moved(k.value.value, now[k.id]))
}

/** The filed key figures of a closed quarter that the ledger now states differently, each with its cause. */
export const restatementsOf = (
  closed: Pick<ClosedQuarter, 'quarter' | 'model' | 'runs'>,
  nowTotal: RollupSums,
  nowRuns: readonly ClosedRunStamp[],
  t: ReportText
): Restatement[] => {
  const now = keyFigureValues(nowTotal)
  const changed = closed.model.keyFigures.filter((k) => moved(k.value.value, now[k.id]))
  if (changed.length === 0) return []
  const cause = causeText(runChanges(closed.runs, nowRuns), t)
  return changed.map((k) => ({
    period: quarterKeyLabel(closed.quarter),
    figure: k.id,
    filed: k.value.value,
    now: now[k.id],
    cause
  }))
}

/** A run as the closing stamps it. */
export const stampOf = (r: ClosedRunStamp): ClosedRunStamp => ({
  id: r.id,
  computeStamp: r.computeStamp,
  updatedAt: r.updatedAt,
  importId: r.importId
})

/** The quarter a report covers when it can be closed: a calendar quarter of the whole lab ('2026-Q1'), else undefined. */
export const closableQuarterOf = (
  period: { kind: string; start: string },
  scope: { projectIds: readonly string[]; people: readonly string[] }
): string | undefined =>
  period.kind === 'quarter' && scope.projectIds.length === 0 && scope.people.length === 0
    ? `${period.start.slice(0, 4)}-Q${Math.floor((Number(period.start.slice(5, 7)) - 1) / 3) + 1}`
    : undefined

/**
 * The quarter after a restated one ('Q1 2026' → { label: 'Q2 2026', start: '2026-04' }): the first report that lists
 * the restatement. Undefined for a period that is not a quarter's label.
 */
export const nextQuarterOf = (period: string): { label: string; start: string } | undefined => {
  const m = /^Q([1-4]) (\d{4})$/.exec(period)
  if (!m) return undefined
  const [year, quarter] = Number(m[1]) === 4 ? [Number(m[2]) + 1, 1] : [Number(m[2]), Number(m[1]) + 1]
  return {
    label: quarterKeyLabel(`${year}-Q${quarter}`),
    start: `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}`
  }
}
