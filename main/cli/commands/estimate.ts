import type { RunResult } from '../../../shared/domain/result'
import type { DeviceInput, LocationInput, RunInputDraft } from '../../../shared/domain/run'
import { runInputSchema } from '../../../shared/domain/run'
import { hourlyProfilesOfRun, preloadRunHourly } from '../../../shared/emissions/hourly-preload'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateRun } from '../../../shared/emissions/resolve'
import { traceStepText } from '../../../shared/emissions/trace-text'
import { loadReferenceData, type ReferenceData } from '../../../shared/refdata'
import { hardwareFamily } from '../../../shared/refdata/hardware'
import { type Flags, InputError, UsageError } from '../args'
import { type Command, writeJson } from '../command'
import { formatResult } from '../format'
import { resolveHardwareName, resolveLocationText } from '../lookup'

const usage = `
usage: estimate (--gpu NAME | --gpu-power-w W) [--gpus N] [--gpu-utilization U] [--tpu NAME [--tpus N]]
                [--cpu NAME | --cpu-power-w W | --cpu-cores N --cpu-core-power-w W] [--cpu-utilization U]
                [--memory-gb G] (--hours H [--start ISO] | --start ISO --end ISO) [--pue P]
                [--location ID | --intensity G_PER_KWH] [--json]

Estimates one run's energy and emissions with ranges, from hardware, time and location.
  --gpu NAME              a GPU of the catalogue (e.g. "A100 SXM4 40GB", "NVIDIA H100 80GB HBM3")
  --gpu-power-w W         a GPU's power instead of a catalogue TDP
  --gpus N                how many GPUs (default 1 when a GPU is given)
  --gpu-utilization U     mean utilisation of the GPUs, 0.8, 80 % or 80 (default 1, stated as an assumption)
  --tpu NAME --tpus N     TPUs of the catalogue (e.g. "TPU v3"), N of them (default 1)
  --cpu NAME              a CPU of the catalogue; with --cpu-cores, only those cores count
  --cpu-power-w W         the CPU's power
  --cpu-cores N --cpu-core-power-w W   N cores of W each (Green Algorithms' way)
  --memory-gb G           memory reserved, counted at 0.3725 W/GB
  --hours H               run time, from --start when given, else ending now (stated as an assumption); or --start and --end (ISO 8601)
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
    // One family-name rule everywhere: a name only a family matches ("V100") is resolved as the app resolves it, to
    // the span of the family's models, named in the assumptions (shared/emissions/resolve.ts).
    if (hardwareFamily(ref, name, 'gpu').length > 1) return { ...base, name }
    const entry = resolveHardwareName(ref, name, 'gpu', '--gpu', 'its power with --gpu-power-w')
    return { ...base, hardwareId: entry.id, name: entry.name }
  }
  return { ...base, name: `GPU at ${powerW} W`, powerW }
}

function tpuDevice(flags: Flags, ref: ReferenceData): DeviceInput | undefined {
  const name = flags.string('tpu')
  const count = flags.number('tpus', { min: 1, max: 100_000, integer: true })
  if (name === undefined) {
    if (count !== undefined) throw new UsageError('--tpus needs --tpu')
    return undefined
  }
  const entry = resolveHardwareName(ref, name, 'tpu', '--tpu', 'a GPU power with --gpu-power-w')
  return { kind: 'tpu', hardwareId: entry.id, name: entry.name, count: count ?? 1, utilization: 1 }
}

/** The defaults the command line puts into a figure, as assumptions (DESIGN §2: every default is stated). */
function defaultsAssumed(flags: Flags, devices: DeviceInput[], memoryGB: number | undefined): string[] {
  const notes: string[] = []
  if (devices.some((d) => d.kind === 'gpu') && flags.string('gpu-utilization') === undefined)
    notes.push('The GPUs run at utilisation 1 (full load) by default: give --gpu-utilization if they did not.')
  if (devices.some((d) => d.kind === 'cpu') && flags.string('cpu-utilization') === undefined)
    notes.push('The CPU runs at utilisation 1 (full load) by default: give --cpu-utilization if it did not.')
  if (!devices.some((d) => d.kind === 'cpu') || memoryGB === undefined)
    notes.push(
      `The estimate counts only the devices given: no ${[
        ...(devices.some((d) => d.kind === 'cpu') ? [] : ['CPU']),
        ...(memoryGB === undefined ? ['memory'] : [])
      ].join(' or ')} power is included.`
    )
  if (flags.string('hours') !== undefined && flags.string('start') === undefined)
    notes.push("--hours without --start dates the run now: its year decides the grid intensity's year.")
  return notes
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
  // A run is given by its start and end, or by its length: from --start when given, else ending now.
  flags.exclusive('hours', 'end')
  const hours = flags.number('hours', { min: 0 })
  const start = flags.string('start')
  const end = flags.string('end')
  const startMs = start === undefined ? undefined : Date.parse(start)
  if (startMs !== undefined && Number.isNaN(startMs))
    throw new InputError(`--start: '${start}' is not an ISO 8601 date-time`)
  if (hours !== undefined) return { startedAt: new Date(startMs ?? Date.now()).toISOString(), durationS: hours * 3600 }
  if (startMs === undefined || end === undefined)
    throw new UsageError('give --hours (with or without --start), or both --start and --end')
  const endMs = Date.parse(end)
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
    const devices = [gpuDevice(flags, ref), tpuDevice(flags, ref), cpuDevice(flags, ref)].filter(
      (d): d is DeviceInput => d !== undefined
    )
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
      throw new UsageError('give at least one of --gpu, --gpu-power-w, --tpu, --cpu…, --memory-gb')
    const parsed = runInputSchema.safeParse(draft)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw new InputError(`${issue.path.join('.') || 'run'}: ${issue.message}`)
    }
    const lab = labDefaultsSchema.parse({})
    // A run in a zone with hourly profiles takes the intensity of its hours: load its zone-years first (issue 12).
    await preloadRunHourly([parsed.data], ref, lab)
    const estimated = estimateRun(parsed.data, ref, lab, hourlyProfilesOfRun(parsed.data, ref, lab))
    const result = {
      ...estimated,
      assumptions: [...defaultsAssumed(flags, devices, memoryGB), ...estimated.assumptions]
    }
    if (json) writeJson(io, estimateJson(result))
    else io.stdout(formatResult(result))
  }
}
