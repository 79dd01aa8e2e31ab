import { type Range, scale } from '../domain/range'
import type { StoredResult } from '../domain/result'
import type { RunInput } from '../domain/run'
import { apportionByMonth } from '../emissions/apportion'
import { monthOf } from './period'
import type { RollupDimension, RollupRecord, RollupSums } from './records'
import { addSums, scaleSums } from './sums'

/** The part of a stored run the rollups need. */
export interface RollupSource {
  projectId: string
  person: string
  startedAtMs: number
  input: RunInput
  result: StoredResult
}

export type RollupDims = Record<RollupDimension, string>

const SEP = '\u001f'

/**
 * The hardware a run is filed under: its first accelerator (GPU, then TPU), else its first CPU. A run mixing
 * models is rare and the rollup needs one cell; the run itself keeps every device.
 */
export const primaryDevice = (input: RunInput): { hardwareClass: string; hardwareModel: string } => {
  const device =
    input.devices.find((d) => d.kind === 'gpu') ??
    input.devices.find((d) => d.kind === 'tpu') ??
    input.devices.find((d) => d.kind === 'cpu')
  return device
    ? { hardwareClass: device.kind, hardwareModel: device.hardwareId ?? device.name }
    : { hardwareClass: 'none', hardwareModel: 'none' }
}

export const runDimensions = (run: RollupSource): RollupDims => ({
  project: run.projectId,
  person: run.person,
  ...primaryDevice(run.input),
  location: run.result.locationId,
  source: run.input.source.kind
})

/** GPU-hours the run reserved: devices × the hours they worked (hoursPerDay for continuous services). */
export const gpuHoursOf = (input: RunInput): number => {
  const workingShare = input.hoursPerDay === undefined ? 1 : input.hoursPerDay / 24
  const gpus = input.devices.filter((d) => d.kind === 'gpu').reduce((n, d) => n + d.count, 0)
  return (gpus * input.durationS * workingShare) / 3600
}

export const runSums = (run: RollupSource): RollupSums => ({
  runs: 1,
  energyKWh: run.result.energyKWh,
  emissionsKg: run.result.emissionsKg,
  marketEmissionsKg: run.result.marketEmissionsKg,
  embodiedKg: run.result.embodiedKg,
  gpuHours: gpuHoursOf(run.input)
})

export const rollupKey = (level: RollupRecord['level'], month: string, dims: RollupDims): string =>
  level === 'pm'
    ? ['pm', month, dims.project].join(SEP)
    : [
        'all',
        month,
        dims.project,
        dims.person,
        dims.hardwareClass,
        dims.hardwareModel,
        dims.location,
        dims.source
      ].join(SEP)

/**
 * The month shares of a run: by its time in each month (apportionByMonth). The run is counted once, in the month
 * it started, even when its time there is nil.
 */
export const monthShares = (run: RollupSource): { month: string; share: number; counted: boolean }[] => {
  const startMonth = monthOf(run.startedAtMs)
  const parts = apportionByMonth(run.input.startedAt, run.input.durationS, run.input.hoursPerDay)
  const withStart = parts.some((p) => p.month === startMonth) ? parts : [{ month: startMonth, share: 0 }, ...parts]
  return withStart.map((p) => ({ month: p.month, share: p.share, counted: p.month === startMonth }))
}

/** A run's energy and location-based emissions in each month it spans, as the rollups file them. */
export const runMonthParts = (run: RollupSource): { month: string; energyKWh: Range; emissionsKg: Range }[] =>
  monthShares(run).map((p) => ({
    month: p.month,
    energyKWh: scale(run.result.energyKWh, p.share),
    emissionsKg: scale(run.result.emissionsKg, p.share)
  }))

/** Cells a run contributes to, at both levels, with signed sums (sign −1 takes the run out). */
export const runContributions = (run: RollupSource, sign: 1 | -1): RollupRecord[] => {
  const dims = runDimensions(run)
  const sums = runSums(run)
  const cells: RollupRecord[] = []
  for (const part of monthShares(run)) {
    const portion = { ...scaleSums(sums, part.share * sign), runs: part.counted ? sign : 0 }
    for (const level of ['pm', 'all'] as const) {
      const cellDims =
        level === 'pm' ? { ...dims, person: '', hardwareClass: '', hardwareModel: '', location: '', source: '' } : dims
      cells.push({
        key: rollupKey(level, part.month, dims),
        level,
        month: part.month,
        ...cellDims,
        ...portion,
        members: sign
      })
    }
  }
  return cells
}

/** Accumulates contributions by cell key, so a batch of run writes touches each cell once. */
export class RollupDelta {
  readonly cells = new Map<string, RollupRecord>()

  add(run: RollupSource, sign: 1 | -1): void {
    for (const c of runContributions(run, sign)) {
      const prior = this.cells.get(c.key)
      this.cells.set(c.key, prior ? mergeCell(prior, c) : c)
    }
  }

  keys(): string[] {
    return [...this.cells.keys()]
  }
}

const mergeCell = (a: RollupRecord, b: RollupRecord): RollupRecord => ({
  ...a,
  ...addSums(a, b),
  members: a.members + b.members
})

/**
 * The stored cell after a delta: undefined when no run contributes any more (deleted rather than kept with
 * floating-point dust).
 */
export const applyDelta = (stored: RollupRecord | undefined, delta: RollupRecord): RollupRecord | undefined => {
  const next = stored ? mergeCell(stored, delta) : delta
  if (next.members < 0) throw new Error(`rollup cell ${delta.key} would have ${next.members} members`)
  return next.members === 0 ? undefined : next
}
