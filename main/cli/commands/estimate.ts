import type { RunResult } from '../../../shared/domain/result'
import type { DeviceInput, LocationInput, RunInputDraft } from '../../../shared/domain/run'
import { runInputSchema } from '../../../shared/domain/run'
import { hourlyProfilesOfRun, preloadRunHourly } from '../../../shared/emissions/hourly-preload'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateRun } from '../../../shared/emissions/resolve'
import { traceStepText } from '../../../shared/emissions/trace-text'
import { loadReferenceData, type ReferenceData } from '../../../shared/refdata'
import { type Flags, InputError, UsageError } from '../args'
import { type Command, writeJson } from '../command'
import { formatResult } from '../format'
import { resolveHardwareName, resolveLocationText } from '../lookup'

const usage = `
usage: estimate (--gpu NAME | --gpu-power-w W) [--gpus N] [--gpu-utilization U]
                [--cpu NAME | --cpu-power-w W | --cpu-cores N --cpu-core-power-w W] [--cpu-utilization U]
                [--memory-gb G] (--hours H | --start ISO --end ISO) [--pue P]
                [--location ID | --intensity G_PER_KWH] [--json]

Estimates one run's energy and emissions with ranges, from hardware, time and location.
  --gpu NAME              a GPU of the catalogue (e.g. "A100 SXM4 40GB", "NVIDIA H100 80GB HBM3")
  --gpu-power-w W         a GPU's power instead of a catalogue TDP
  --gpus N                how many GPUs (default 1 when a GPU is given)
  --gpu-utilization U     mean share of the GPUs' power drawn, 0–1 or a percentage (default 1)
  --cpu NAME              a CPU of the catalogue; with --cpu-cores, only those cores count
  --cpu-power-w W         the CPU's power
  --cpu-cores N --cpu-core-power-w W   N cores of W each (Green Algorithms' way)
  --memory-gb G           memory reserved, counted at 0.3725 W/GB
  --hours H               run time; or --start and --end (ISO 8601, e.g. 2025-03-01T08:00:00Z)
  --pue P                 power usage effectiveness (default: by location kind)
  --location ID           country (FR, FRA, France), grid zone (DE-LU) or cloud region (gcp:us-central1)
  --intensity G_PER_KWH   a custom grid intensity instead of a location
`

function gpuDevice(flags: Flags, ref: ReferenceData): DeviceInput | undefined {
  flags.exclusive('gpu', 'gpu-power-w')
  const name = flags.string('gpu')
  const powerW = flags.number('gpu-power-w', { min: 0, max: 5000 })
  const count = flags.number('gpus', { min: 1, max: 100_000, integer: true })
  const utilization = flags.fraction('gpu-utilization')
  if (name === undefined && powerW === undefined) {
    if (count !== undefined || utilization !== undefined)
      throw new UsageError('--gpus and --gpu-utilization need --gpu or --gpu-power-w')
    return undefined
  }
  const base = { kind: 'gpu' as const, count: count ?? 1, utilization: utilization ?? 1 }
  if (name !== undefined) {
    const entry = resolveHardwareName(ref, name, 'gpu', '--gpu', 'its power with --gpu-power-w')
    return { ...base, hardwareId: entry.id, name: entry.name }
  }
  return { ...base, name: `GPU at ${powerW} W`, powerW }
}

function cpuDevice(flags: Flags, ref: ReferenceData): DeviceInput | undefined {
  flags.exclusive('cpu', 'cpu-power-w', 'cpu-core-power-w')
  const name = flags.string('cpu')
  const powerW = flags.number('cpu-power-w', { min: 0, max: 10_000 })
  const cores = flags.number('cpu-cores', { min: 1, max: 100_000, integer: true })
  const corePowerW = flags.number('cpu-core-power-w', { min: 0, max: 1000 })
  const utilization = flags.fraction('cpu-utilization') ?? 1
  if (corePowerW !== undefined) {
    if (cores === undefined) throw new UsageError('--cpu-core-power-w needs --cpu-cores')
    return {
      kind: 'cpu',
      name: `${cores} cores at ${corePowerW} W`,
      count: 1,
      cores,
      powerW: cores * corePowerW,
      utilization
    }
  }
  if (name !== undefined) {
    const entry = resolveHardwareName(ref, name, 'cpu', '--cpu', 'its power with --cpu-power-w')
    return { kind: 'cpu', hardwareId: entry.id, name: entry.name, count: 1, utilization, ...(cores ? { cores } : {}) }
  }
  if (powerW !== undefined) return { kind: 'cpu', name: `CPU at ${powerW} W`, count: 1, powerW, utilization }
  if (cores !== undefined) throw new UsageError('--cpu-cores needs --cpu or --cpu-core-power-w')
  return undefined
}

function timing(flags: Flags): { startedAt: string; durationS: number } {
  flags.exclusive('hours', 'start')
  flags.exclusive('hours', 'end')
  const hours = flags.number('hours', { min: 0 })
  const start = flags.string('start')
  const end = flags.string('end')
  if (hours !== undefined) return { startedAt: new Date().toISOString(), durationS: hours * 3600 }
  if (start === undefined || end === undefined) throw new UsageError('give --hours, or both --start and --end')
  const startMs = Date.parse(start)
  const endMs = Date.parse(end)
  if (Number.isNaN(startMs)) throw new InputError(`--start: '${start}' is not an ISO 8601 date-time`)
  if (Number.isNaN(endMs)) throw new InputError(`--end: '${end}' is not an ISO 8601 date-time`)
  if (endMs < startMs) throw new InputError(`--end (${end}) is before --start (${start})`)
  return { startedAt: new Date(startMs).toISOString(), durationS: (endMs - startMs) / 1000 }
}

function location(flags: Flags, ref: ReferenceData): LocationInput {
  flags.exclusive('location', 'intensity')
  const id = flags.string('location')
  const intensity = flags.number('intensity', { min: 0, max: 5000 })
  if (intensity !== undefined)
    return { kind: 'custom', intensityGPerKWh: intensity, label: `${intensity} gCO2eq/kWh (given)` }
  if (id !== undefined) return resolveLocationText(ref, id, '--location')
  return { kind: 'unknown' }
}

/** The estimate's JSON document: the figures the issue names, then the trace for whoever checks them. */
export function estimateJson(result: RunResult) {
  return {
    energyKWh: result.energyKWh.value,
    emissionsKg: result.emissionsKg.value,
    range: {
      energyKWh: [result.energyKWh.low, result.energyKWh.high],
      emissionsKg: [result.emissionsKg.low, result.emissionsKg.high]
    },
    breakdown: result.breakdownKWh,
    intensityGPerKWh: result.intensityGPerKWh.value,
    pue: result.pue.value,
    marketEmissionsKg: result.marketEmissionsKg.value,
    embodiedKg: result.embodiedKg.value,
    method: result.method,
    location: { id: result.locationId, label: result.locationLabel },
    assumptions: result.assumptions,
    trace: result.trace.map((s) => ({
      ...traceStepText(s),
      value: s.value,
      unit: s.unit,
      ...(s.sourceId === undefined ? {} : { sourceId: s.sourceId })
    })),
    sources: result.sources,
    dataVersion: result.dataVersion
  }
}

export const estimate: Command = {
  name: 'estimate',
  summary: "estimate a run's energy and emissions from hardware, time and location",
  usage,
  booleanFlags: [],
  async run(positionals, flags, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`)
    const ref = loadReferenceData()
    const devices = [gpuDevice(flags, ref), cpuDevice(flags, ref)].filter((d): d is DeviceInput => d !== undefined)
    const memoryGB = flags.number('memory-gb', { min: 0, max: 1_000_000 })
    const pue = flags.number('pue', { min: 1, max: 5 })
    const draft: RunInputDraft = {
      ...timing(flags),
      devices,
      location: location(flags, ref),
      ...(memoryGB !== undefined ? { memoryGB } : {}),
      ...(pue !== undefined ? { pue } : {})
    }
    const json = flags.boolean('json')
    flags.rejectUnknown()
    if (devices.length === 0 && memoryGB === undefined)
      throw new UsageError('give at least one of --gpu, --gpu-power-w, --cpu…, --memory-gb')
    const input = runInputSchema.parse(draft)
    const lab = labDefaultsSchema.parse({})
    // A run in a zone with hourly profiles takes the intensity of its hours: load its zone-years first (issue 12).
    await preloadRunHourly([input], ref, lab)
    const result = estimateRun(input, ref, lab, hourlyProfilesOfRun(input, ref, lab))
    if (json) writeJson(io, estimateJson(result))
    else io.stdout(formatResult(result))
  }
}
