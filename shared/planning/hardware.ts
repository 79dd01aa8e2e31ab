import { z } from 'zod'
import { exact, type Range, rangeSchema } from '../domain/range'
import { type DeviceInput, deviceKindSchema, locationInputSchema, type RunInput, runInputSchema } from '../domain/run'
import type { RunFigures } from '../emissions/compute'
import type { LabDefaults } from '../emissions/lab-defaults'
import { estimateFigures } from '../emissions/resolve'
import { type Message, msg } from '../messages/index'
import { findHardware, HARDWARE_MATCH_THRESHOLD, matchHardware } from '../refdata/hardware'
import type { ReferenceData } from '../refdata/index'
import type { HardwareEntry } from '../refdata/schema'
import { notesOf, parseInput, PlanningError } from './errors'
import { savingInSameScenario } from './saving'

/**
 * Hardware comparison: the same work on other hardware takes peak FLOPS × utilisation to get done, and draws the
 * device's TDP meanwhile. Every row is estimated with the emissions method (estimateRun) on the workload's run with
 * its accelerator swapped and its duration scaled, so PUE, grid intensity, CPU and memory are counted as for a run.
 */

const S_PER_HOUR = 3600
const FLOPS_PER_TFLOPS = 1e12

export const precisionSchema = z.enum(['fp32', 'fp16'])
export type Precision = z.infer<typeof precisionSchema>

/** Model FLOPs utilisation commonly reached by training: 0.3–0.5 of peak. */
export const DEFAULT_MFU: Range = { value: 0.4, low: 0.3, high: 0.5 }

const isoDateTime = z.iso.datetime({ offset: true, local: false })

/** Where and when a workload that is not a logged run would run: it decides PUE and grid intensity. */
const settingSchema = z.object({
  location: locationInputSchema.default({ kind: 'unknown' }),
  /** The year of the grid intensity; absent: now. */
  startedAt: isoDateTime.optional(),
  pue: z.number().min(1).max(5).optional(),
  /** Share of the accelerators' TDP drawn, 0–1. */
  utilization: z.number().min(0).max(1).default(1)
})

export const hardwareWorkloadSchema = z.discriminatedUnion('kind', [
  /** A logged run: its first accelerator of the catalogue is the current choice; its GPU-hours define the work. */
  z.object({ kind: z.literal('run'), run: runInputSchema }),
  /** Device-hours on a reference accelerator of the catalogue, run on `count` devices. */
  settingSchema.extend({
    kind: z.literal('gpu-hours'),
    hardwareId: z.string().min(1),
    gpuHours: z.number().positive(),
    count: z.number().int().positive().default(1)
  }),
  /** Total floating-point operations; hardwareId, when given, is the current choice. */
  settingSchema.extend({
    kind: z.literal('flops'),
    totalFlops: z.number().positive(),
    hardwareId: z.string().min(1).optional(),
    count: z.number().int().positive().default(1)
  })
])
export type HardwareWorkload = z.infer<typeof hardwareWorkloadSchema>
export type HardwareWorkloadDraft = z.input<typeof hardwareWorkloadSchema>

export const hardwareOptionsSchema = z.object({
  precision: precisionSchema.default('fp16'),
  /** Model FLOPs utilisation: share of peak FLOPS the job reaches. Cancels out unless the workload is in FLOPs. */
  mfu: rangeSchema.default(DEFAULT_MFU),
  /** Device kinds ranked (CPUs have no FLOPS data worth ranking on). */
  kinds: z.array(deviceKindSchema).default(['gpu', 'tpu']),
  /** Only these candidates (the current choice is always ranked); absent: every entry with FLOPS data. */
  hardwareIds: z.array(z.string()).optional()
})
export type HardwareOptions = z.infer<typeof hardwareOptionsSchema>

export interface HardwareRow {
  hardwareId: string
  name: string
  kind: HardwareEntry['kind']
  /** Peak TFLOPS at the comparison's precision, and TDP: the two figures the ranking rests on. */
  peakTflops: number
  tdpW: number
  gflopsPerW: number
  /** Device-hours the work takes, and wall-clock hours on the workload's device count. */
  deviceHours: Range
  wallHours: Range
  energyKWh: Range
  emissionsKg: Range
  marketEmissionsKg: Range
  /** Against the current choice, positive when this row emits less; absent without a current choice. */
  savingKg?: Range
  current: boolean
  /** An entry of the lab's own hardware (lab defaults), not of the catalogue. */
  custom: boolean
}

export interface HardwareComparison {
  precision: Precision
  mfu: Range
  /** The device count the wall-clock hours assume. */
  deviceCount: number
  current?: { hardwareId: string; name: string }
  /** The workload on the current choice as a run: what compareLocations ranks locations for. */
  currentRun?: RunInput
  /** Best first by emissions (equal emissions: faster first). */
  rows: HardwareRow[]
  /** Catalogue entries left out for lack of FLOPS data at this precision. */
  withoutFlops: string[]
  /** Assumptions, as plain sentences. */
  notes: string[]
  /** The same as messages, for the app's language. */
  noteMsgs: Message[]
}

const peakOf = (entry: HardwareEntry, precision: Precision): number | undefined =>
  precision === 'fp32' ? entry.fp32Tflops : entry.fp16Tflops

/** Catalogue and lab hardware, a lab entry replacing the catalogue's of the same id. */
export function hardwareCandidates(ref: ReferenceData, lab: LabDefaults): { entry: HardwareEntry; custom: boolean }[] {
  const own = new Set(lab.hardware.map((e) => e.id))
  return [
    ...lab.hardware.map((entry) => ({ entry, custom: true })),
    ...ref.hardware.filter((e) => !own.has(e.id)).map((entry) => ({ entry, custom: false }))
  ]
}

function lookup(ref: ReferenceData, lab: LabDefaults, id: string): HardwareEntry {
  const entry = lab.hardware.find((e) => e.id === id) ?? findHardware(ref, id)
  if (!entry) throw new PlanningError('invalid-input', msg('plan.unknownHardware', { id }))
  return entry
}

/** The run's first device of these kinds that is in the catalogue or the lab's hardware (by id, else by a confident name match). */
export function runAccelerator(
  ref: ReferenceData,
  lab: LabDefaults,
  run: RunInput,
  kinds: string[]
): { index: number; entry: HardwareEntry } | undefined {
  for (const [index, device] of run.devices.entries()) {
    if (!kinds.includes(device.kind)) continue
    const byId = device.hardwareId
      ? (lab.hardware.find((e) => e.id === device.hardwareId) ?? findHardware(ref, device.hardwareId))
      : undefined
    const match = byId ? undefined : matchHardware(ref, device.name, device.kind)
    const entry = byId ?? (match && match.confidence >= HARDWARE_MATCH_THRESHOLD ? match.entry : undefined)
    if (entry) return { index, entry }
  }
  return undefined
}

interface Template {
  run: RunInput
  deviceIndex: number
  current?: HardwareEntry
  /** Device-hours of a candidate of this peak TFLOPS. */
  deviceHours: (peakTflops: number) => Range
  notes: Message[]
}

function templateOf(
  workload: HardwareWorkload,
  options: HardwareOptions,
  ref: ReferenceData,
  lab: LabDefaults
): Template {
  const precision = options.precision
  const requirePeak = (entry: HardwareEntry): number => {
    const peak = peakOf(entry, precision)
    if (peak === undefined)
      throw new PlanningError('no-flops-data', msg('plan.noFlops', { hardware: entry.name, precision }))
    return peak
  }
  if (workload.kind === 'run') {
    const accelerator = runAccelerator(ref, lab, workload.run, options.kinds)
    if (!accelerator)
      throw new PlanningError('invalid-input', msg('plan.noAccelerator', { kinds: orList(options.kinds) }))
    const { index, entry } = accelerator
    const device = workload.run.devices[index]!
    const refDeviceHours = (device.count * workload.run.durationS) / S_PER_HOUR
    const refPeak = requirePeak(entry)
    const notes = [msg('plan.workRun', { deviceHours: refDeviceHours, hardware: entry.name })]
    if (workload.run.measuredEnergyKWh !== undefined || device.measuredPowerW !== undefined)
      notes.push(msg('plan.catalogueTdps'))
    return {
      run: workload.run,
      deviceIndex: index,
      current: entry,
      deviceHours: (peak) => exact((refDeviceHours * refPeak) / peak),
      notes
    }
  }
  const current = workload.hardwareId ? lookup(ref, lab, workload.hardwareId) : undefined
  const device: DeviceInput = current
    ? {
        kind: current.kind,
        hardwareId: current.id,
        name: current.name,
        count: workload.count,
        utilization: workload.utilization
      }
    : { kind: 'gpu', name: 'accelerator', count: workload.count, utilization: workload.utilization }
  const run = runInputSchema.parse({
    startedAt: workload.startedAt ?? new Date().toISOString(),
    durationS: 0,
    devices: [device],
    location: workload.location,
    ...(workload.pue !== undefined ? { pue: workload.pue } : {})
  })
  if (workload.kind === 'gpu-hours') {
    const refPeak = requirePeak(current!)
    return {
      run,
      deviceIndex: 0,
      current,
      deviceHours: (peak) => exact((workload.gpuHours * refPeak) / peak),
      notes: [msg('plan.workGpuHours', { gpuHours: workload.gpuHours, hardware: current!.name })]
    }
  }
  if (current) requirePeak(current)
  const mfu = options.mfu
  const hoursAt = (peak: number, share: number): number =>
    workload.totalFlops / (peak * FLOPS_PER_TFLOPS * share * S_PER_HOUR)
  return {
    run,
    deviceIndex: 0,
    ...(current ? { current } : {}),
    deviceHours: (peak) => ({
      value: hoursAt(peak, mfu.value),
      low: hoursAt(peak, mfu.high),
      high: hoursAt(peak, mfu.low)
    }),
    notes: [msg('plan.workFlops', { flops: workload.totalFlops, mfu: mfu.value, low: mfu.low, high: mfu.high })]
  }
}

/** The workload's run on `entry` for `hours` device-hours: accelerator swapped, duration scaled, measurements dropped. */
function runOn(template: Template, entry: HardwareEntry, deviceHours: number): RunInput {
  const device = template.run.devices[template.deviceIndex]!
  const devices = template.run.devices.map((d, i) =>
    i === template.deviceIndex
      ? {
          kind: entry.kind,
          hardwareId: entry.id,
          name: entry.name,
          count: device.count,
          utilization: device.utilization
        }
      : d
  )
  const { measuredEnergyKWh: _measured, ...rest } = template.run
  return { ...rest, measuredEnergyIncludesPue: false, devices, durationS: (deviceHours / device.count) * S_PER_HOUR }
}

/**
 * Ranks catalogue and lab hardware with FLOPS data at the chosen precision for one workload, best first by
 * emissions, each with its saving against the current choice. Pure: plain data in and out.
 */
export function compareHardware(
  workloadDraft: HardwareWorkloadDraft,
  ref: ReferenceData,
  lab: LabDefaults,
  optionsDraft: z.input<typeof hardwareOptionsSchema> = {}
): HardwareComparison {
  const workload = parseInput(hardwareWorkloadSchema, workloadDraft, 'workload')
  const options = parseInput(hardwareOptionsSchema, optionsDraft, 'options')
  return rankHardware(workload, options, ref, lab, hardwareCandidates(ref, lab))
}

/**
 * compareHardware on a validated workload and options, over `candidates` (hardwareCandidates(ref, lab)): for callers
 * that compare many runs, which validate their options and build the candidate list once, and may pass one
 * estimator for all of them (yearlyFiguresEstimator: the same figures, factors resolved once).
 */
export function rankHardware(
  workload: HardwareWorkload,
  options: HardwareOptions,
  ref: ReferenceData,
  lab: LabDefaults,
  candidates: readonly { entry: HardwareEntry; custom: boolean }[],
  estimate: (input: RunInput) => RunFigures = (input) => estimateFigures(input, ref, lab)
): HardwareComparison {
  const template = templateOf(workload, options, ref, lab)
  const deviceCount = template.run.devices[template.deviceIndex]!.count
  const withoutFlops: string[] = []
  const rows: HardwareRow[] = []
  for (const { entry, custom } of candidates) {
    if (!options.kinds.includes(entry.kind)) continue
    if (options.hardwareIds && entry.id !== template.current?.id && !options.hardwareIds.includes(entry.id)) continue
    const peak = peakOf(entry, options.precision)
    if (peak === undefined) {
      withoutFlops.push(entry.name)
      continue
    }
    const deviceHours = template.deviceHours(peak)
    const at = (hours: number): RunFigures => estimate(runOn(template, entry, hours))
    const mid = at(deviceHours.value)
    const [fast, slow] = deviceHours.low === deviceHours.high ? [mid, mid] : [at(deviceHours.low), at(deviceHours.high)]
    rows.push({
      hardwareId: entry.id,
      name: entry.name,
      kind: entry.kind,
      peakTflops: peak,
      tdpW: entry.tdpW,
      gflopsPerW: (peak * 1000) / entry.tdpW,
      deviceHours,
      wallHours: {
        value: deviceHours.value / deviceCount,
        low: deviceHours.low / deviceCount,
        high: deviceHours.high / deviceCount
      },
      energyKWh: { value: mid.energyKWh.value, low: fast.energyKWh.low, high: slow.energyKWh.high },
      emissionsKg: { value: mid.emissionsKg.value, low: fast.emissionsKg.low, high: slow.emissionsKg.high },
      marketEmissionsKg: {
        value: mid.marketEmissionsKg.value,
        low: fast.marketEmissionsKg.low,
        high: slow.marketEmissionsKg.high
      },
      current: entry.id === template.current?.id,
      custom
    })
  }
  const currentRow = rows.find((r) => r.current)
  if (currentRow) for (const row of rows) row.savingKg = savingInSameScenario(currentRow.emissionsKg, row.emissionsKg)
  rows.sort(
    (a, b) =>
      a.emissionsKg.value - b.emissionsKg.value ||
      a.deviceHours.value - b.deviceHours.value ||
      a.name.localeCompare(b.name)
  )
  const notes = [...template.notes, msg('plan.peakFlops', { precision: options.precision }), msg('plan.sameScenario')]
  if (workload.kind === 'flops' && !template.current) notes.push(msg('plan.noCurrent'))
  return {
    precision: options.precision,
    mfu: options.mfu,
    deviceCount,
    ...(template.current
      ? {
          current: { hardwareId: template.current.id, name: template.current.name },
          currentRun:
            workload.kind === 'run'
              ? workload.run
              : runOn(
                  template,
                  template.current,
                  template.deviceHours(peakOf(template.current, options.precision)!).value
                )
        }
      : {}),
    rows,
    withoutFlops,
    ...notesOf(notes)
  }
}

export type HardwareSortKey = 'time' | 'energy' | 'emissions'

/** Rows re-ranked by another figure (best first); the comparison itself ranks by emissions. */
export function sortHardwareRows(rows: HardwareRow[], by: HardwareSortKey): HardwareRow[] {
  const key = (r: HardwareRow): number =>
    by === 'time' ? r.wallHours.value : by === 'energy' ? r.energyKWh.value : r.emissionsKg.value
  return [...rows].sort((a, b) => key(a) - key(b) || a.name.localeCompare(b.name))
}

/** "gpu", "gpu or tpu", "gpu or tpu or cpu": the kinds a comparison looks for. */
function orList(kinds: string[]): string | Message {
  const [first, ...rest] = kinds
  return rest.length === 0 ? (first ?? '') : msg('list.or', { first: first!, rest: orList(rest) })
}
