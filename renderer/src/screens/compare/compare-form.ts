/**
 * The compare-and-plan screen's pure parts: reading its form fields into the planner's arguments, and shaping the
 * planner's answers for the table and the chart. No React, no DOM, so they are unit-tested in Node.
 */
import type { Range } from '../../../../shared/domain/range'
import type { LocationInput } from '../../../../shared/domain/run'
import type { HardwareRow, HardwareSortKey, HardwareWorkloadDraft, Precision } from '../../../../shared/planning'

export type WorkloadKind = 'run' | 'gpu-hours' | 'flops'

/** The workload form as typed: text fields are read in the user's locale by `parse`. */
export interface WorkloadFields {
  kind: WorkloadKind
  hardwareId: string
  gpuHours: string
  count: string
  totalFlops: string
  location: LocationInput
  precision: Precision
  mfuPct: string
  mfuLowPct: string
  mfuHighPct: string
}

export type FieldErrors = Partial<
  Record<
    'hardwareId' | 'gpuHours' | 'count' | 'totalFlops' | 'mfu',
    'required' | 'notNumber' | 'positive' | 'whole' | 'mfuRange'
  >
>

export interface WorkloadRequest {
  /** Absent for a logged run: the screen puts the run's input in. */
  workload?: Exclude<HardwareWorkloadDraft, { kind: 'run' }>
  options: { precision: Precision; mfu: Range }
}

/** A number typed in the locale, or as 1e21 / 1.5E+20 (FLOPs are written so). */
export const readNumber = (text: string, parse: (text: string) => number | undefined): number | undefined => {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  if (/^[+]?\d+(?:\.\d+)?e[+-]?\d+$/i.test(trimmed)) return Number(trimmed)
  return parse(trimmed)
}

/** The form's fields as the planner's workload and options, or the errors to show at each field. */
export function workloadRequest(
  fields: WorkloadFields,
  parse: (text: string) => number | undefined
): { request?: WorkloadRequest; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const positive = (name: keyof FieldErrors, text: string): number | undefined => {
    if (text.trim() === '') {
      errors[name] = 'required'
      return undefined
    }
    const value = readNumber(text, parse)
    if (value === undefined || !Number.isFinite(value)) errors[name] = 'notNumber'
    else if (value <= 0) errors[name] = 'positive'
    else return value
    return undefined
  }
  const pct = [fields.mfuPct, fields.mfuLowPct, fields.mfuHighPct].map((text) => readNumber(text, parse))
  const [mfu, low, high] = pct
  if (
    mfu === undefined ||
    low === undefined ||
    high === undefined ||
    !(low > 0 && low <= mfu && mfu <= high && high <= 100)
  )
    errors.mfu = 'mfuRange'
  const options = {
    precision: fields.precision,
    mfu: { value: (mfu ?? 0) / 100, low: (low ?? 0) / 100, high: (high ?? 0) / 100 }
  }

  let workload: WorkloadRequest['workload']
  if (fields.kind !== 'run') {
    let count: number | undefined = 1
    if (fields.count.trim() !== '') {
      count = positive('count', fields.count)
      if (count !== undefined && !Number.isInteger(count)) {
        errors.count = 'whole'
        count = undefined
      }
    }
    const setting = { location: fields.location, count: count ?? 1 }
    if (fields.kind === 'gpu-hours') {
      if (fields.hardwareId === '') errors.hardwareId = 'required'
      const gpuHours = positive('gpuHours', fields.gpuHours)
      if (gpuHours !== undefined) workload = { kind: 'gpu-hours', hardwareId: fields.hardwareId, gpuHours, ...setting }
    } else {
      const totalFlops = positive('totalFlops', fields.totalFlops)
      if (totalFlops !== undefined)
        workload = {
          kind: 'flops',
          totalFlops,
          ...(fields.hardwareId ? { hardwareId: fields.hardwareId } : {}),
          ...setting
        }
    }
  }
  if (Object.keys(errors).length > 0) return { errors }
  return { request: { workload, options }, errors }
}

/**
 * A saving against the current choice as the table says it: a saving as it is, an option that emits more as the
 * amount more (the range turned round, so "4.29 kg more, range 3.1 – 5.5 kg" instead of "−4.29 kg").
 */
export function savingShown(saving: Range): { more: boolean; amount: Range } {
  if (saving.value >= 0) return { more: false, amount: saving }
  return { more: true, amount: { value: -saving.value, low: -saving.high, high: -saving.low } }
}

/** The hardware table sorted by a column; the current choice keeps its place in the order like any row. */
export function sortRows(rows: HardwareRow[], key: HardwareSortKey | 'efficiency'): HardwareRow[] {
  const value = (row: HardwareRow): number =>
    key === 'time'
      ? row.wallHours.value
      : key === 'energy'
        ? row.energyKWh.value
        : key === 'emissions'
          ? row.emissionsKg.value
          : -row.gflopsPerW
  return [...rows].sort((a, b) => value(a) - value(b) || a.name.localeCompare(b.name))
}

/** "2024-03-01T08:00" (a datetime-local field, read as UTC) → epoch ms; undefined when it is not a date-time. */
export function utcFromField(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text.trim())
  if (!match) return undefined
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number]
  const ms = Date.UTC(y, mo - 1, d, h, mi)
  const back = new Date(ms)
  return back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? ms : undefined
}

/** The other way: epoch ms → the datetime-local field's text, in UTC. */
export const fieldFromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 16)
