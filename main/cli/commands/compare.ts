import type { Range } from '../../../shared/domain/range'
import type { LocationInput } from '../../../shared/domain/run'
import { type LabDefaults, labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { PlanningError } from '../../../shared/planning/errors'
import {
  compareHardware,
  DEFAULT_MFU,
  type HardwareComparison,
  type HardwareWorkloadDraft,
  type Precision
} from '../../../shared/planning/hardware'
import {
  compareLocations,
  type LocationComparison,
  type LocationScope,
  locationScopeSchema
} from '../../../shared/planning/location'
import { loadReferenceData, matchHardware, type ReferenceData } from '../../../shared/refdata'
import type { HardwareEntry } from '../../../shared/refdata/schema'
import { type Flags, InputError, UsageError } from '../args'
import { type Command, writeJson } from '../command'
import { resolveHardwareName, resolveLocationText } from '../lookup'

const usage = `
usage: compare (--gpu NAME (--gpu-hours H | --hours H [--gpus N]) | --flops F [--gpu NAME] [--gpus N])
               [--precision fp16|fp32] [--mfu U | --mfu LOW-HIGH] [--utilization U] [--custom-gpu NAME:TFLOPS:W]
               [--location ID | --intensity G_PER_KWH] [--pue P] [--year YYYY]
               [--only hardware|locations] [--scopes LIST] [--top N] [--json]

Ranks hardware (time, energy, emissions from peak FLOPS and TDP) and locations (emissions, location-based with
market-based beside) for one workload, with ranges and the saving against the current choice.
Workload:
  --gpu NAME            the current accelerator, from the catalogue (e.g. "A100 SXM4 80 GB", "TPUv3 Chip")
  --gpu-hours H         device-hours of work on --gpu
  --hours H --gpus N    wall-clock hours on N devices of --gpu (N default 1): H × N device-hours
  --flops F             total floating-point operations of the job (e.g. 3.1e21); --gpu optional
Assumptions:
  --precision P         fp16 (default) or fp32: which peak FLOPS of the catalogue is compared
  --mfu U | LOW-HIGH    model FLOPs utilisation, share of peak reached (default 0.4, range 0.3-0.5); with
                        --gpu-hours or --hours it cancels out, the same share being assumed on every device
  --utilization U       share of TDP drawn (default 1)
  --custom-gpu N:T:W    one more candidate: name, peak TFLOPS at --precision, TDP in W
Where and when:
  --location ID         country, grid zone or cloud region (default: unknown, world average)
  --intensity G_PER_KWH a custom grid intensity instead of a location (no location ranking's current row)
  --pue P               power usage effectiveness of the current (non-cloud) location
  --year YYYY           year of the grid intensities (default: this year, else the latest data)
Output:
  --only WHAT           hardware or locations (default both); locations need --gpu
  --scopes LIST         location rankings, comma-separated: same-provider,cloud,country,zone (default all)
  --top N               rows per ranking (default 10; with --json default all)
`

const SCOPES = locationScopeSchema.options

function accelerator(ref: ReferenceData, text: string): HardwareEntry {
  const tpu = matchHardware(ref, text, 'tpu')
  if (tpu && tpu.confidence >= 0.8) return tpu.entry
  return resolveHardwareName(ref, text, 'gpu', '--gpu')
}

function mfuOf(flags: Flags): Range {
  const text = flags.string('mfu')
  if (text === undefined) return DEFAULT_MFU
  const parts = text.split(/\s*(?:-|–|\.\.)\s*/).filter((p) => p !== '')
  const values = parts.map((p) => Number(p))
  if (parts.length < 1 || parts.length > 2 || values.some((v) => !Number.isFinite(v) || v <= 0 || v > 1)) {
    throw new InputError(`--mfu: '${text}' is not a share in (0, 1] or a range LOW-HIGH like 0.3-0.5`)
  }
  if (values.length === 1) return { value: values[0]!, low: values[0]!, high: values[0]! }
  const [low, high] = values as [number, number]
  if (low > high) throw new InputError(`--mfu: ${text} has its low bound above its high bound`)
  return { value: (low + high) / 2, low, high }
}

function customGpu(flags: Flags, precision: Precision): HardwareEntry | undefined {
  const text = flags.string('custom-gpu')
  if (text === undefined) return undefined
  const match = /^(.+):([^:]+):([^:]+)$/.exec(text.trim())
  const tflops = Number(match?.[2])
  const tdpW = Number(match?.[3])
  if (!match || !(tflops > 0) || !(tdpW > 0))
    throw new InputError(`--custom-gpu: '${text}' is not NAME:TFLOPS:W (e.g. "Lab card:120:300")`)
  const name = match[1]!.trim()
  return {
    id: `custom:${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    kind: 'gpu',
    name,
    tdpW,
    ...(precision === 'fp32' ? { fp32Tflops: tflops } : { fp16Tflops: tflops }),
    aliases: [],
    sourceIds: ['lab-defaults']
  }
}

function scopesOf(flags: Flags): LocationScope[] | undefined {
  const text = flags.string('scopes')
  if (text === undefined) return undefined
  const scopes = text.split(',').map((s) => s.trim())
  const bad = scopes.find((s) => !(SCOPES as readonly string[]).includes(s))
  if (bad !== undefined) throw new InputError(`--scopes: '${bad}' is not one of ${SCOPES.join(', ')}`)
  return scopes as LocationScope[]
}

function whereOf(flags: Flags, ref: ReferenceData): { location: LocationInput; startedAt?: string; pue?: number } {
  flags.exclusive('location', 'intensity')
  const id = flags.string('location')
  const intensity = flags.number('intensity', { min: 0, max: 5000 })
  const pue = flags.number('pue', { min: 1, max: 5 })
  const year = flags.number('year', { min: 1990, max: 2100, integer: true })
  const location: LocationInput =
    intensity !== undefined
      ? { kind: 'custom', intensityGPerKWh: intensity, label: `${intensity} gCO2eq/kWh (given)` }
      : id !== undefined
        ? resolveLocationText(ref, id, '--location')
        : { kind: 'unknown' }
  return {
    location,
    ...(year !== undefined ? { startedAt: `${year}-07-01T00:00:00Z` } : {}),
    ...(pue !== undefined ? { pue } : {})
  }
}

const rangeJson = (r: Range) => ({ value: r.value, low: r.low, high: r.high })

/** The first `top` rows, and the current choice wherever it ranks, each with its rank. */
function topRows<T extends { current: boolean }>(rows: T[], top: number | undefined): { rank: number; row: T }[] {
  return rows
    .map((row, i) => ({ rank: i + 1, row }))
    .filter(({ rank, row }) => top === undefined || rank <= top || row.current)
}

function hardwareJson(c: HardwareComparison, top: number | undefined) {
  return {
    precision: c.precision,
    mfu: rangeJson(c.mfu),
    deviceCount: c.deviceCount,
    current: c.current ?? null,
    rows: topRows(c.rows, top).map(({ rank, row: r }) => ({
      rank,
      hardwareId: r.hardwareId,
      name: r.name,
      kind: r.kind,
      current: r.current,
      custom: r.custom,
      peakTflops: r.peakTflops,
      tdpW: r.tdpW,
      gflopsPerW: r.gflopsPerW,
      wallHours: rangeJson(r.wallHours),
      deviceHours: rangeJson(r.deviceHours),
      energyKWh: rangeJson(r.energyKWh),
      emissionsKg: rangeJson(r.emissionsKg),
      marketEmissionsKg: rangeJson(r.marketEmissionsKg),
      savingKg: r.savingKg ? rangeJson(r.savingKg) : null
    })),
    withoutFlopsCount: c.withoutFlops.length,
    notes: c.notes
  }
}

function locationsJson(c: LocationComparison, top: number | undefined) {
  return {
    current: c.current,
    itEnergyKWh: c.itEnergyKWh,
    rankings: c.rankings.map((ranking) => ({
      scope: ranking.scope,
      label: ranking.label,
      rows: topRows(ranking.rows, top).map(({ rank, row }) => ({ rank, ...row }))
    })),
    notes: c.notes
  }
}

const n = (x: number): string =>
  Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(3)
const r = (x: Range): string => `${n(x.value)} (${n(x.low)}–${n(x.high)})`

function hardwareText(c: HardwareComparison, top: number): string[] {
  return [
    `Hardware at ${c.precision}, model FLOPs utilisation ${n(c.mfu.value)} (${n(c.mfu.low)}–${n(c.mfu.high)}), ${c.deviceCount} device(s)`,
    ...topRows(c.rows, top).map(
      ({ rank, row }) =>
        `${String(rank).padStart(3)}. ${(row.name + (row.current ? ' [current]' : '')).padEnd(34)} ${n(row.peakTflops).padStart(6)} TFLOPS ${n(row.gflopsPerW).padStart(6)} GFLOPS/W  ` +
        `${r(row.wallHours)} h  ${r(row.energyKWh)} kWh  ${r(row.emissionsKg)} kg` +
        (row.savingKg && !row.current ? `  saves ${r(row.savingKg)} kg` : '')
    ),
    ...c.notes.map((note) => `note: ${note}`),
    ''
  ]
}

function locationsText(c: LocationComparison, top: number): string[] {
  return [
    `Locations for ${r(c.itEnergyKWh)} kWh of IT energy; current ${c.current.label}: ${r(c.current.emissionsKg)} kg (market-based ${r(c.current.marketEmissionsKg)} kg)`,
    ...c.rankings.flatMap((ranking) => [
      `${ranking.label}:`,
      ...topRows(ranking.rows, top).map(
        ({ rank, row }) =>
          `${String(rank).padStart(3)}. ${(row.name + (row.current ? ' [current]' : '')).padEnd(44)} ${n(row.intensityGPerKWh.value).padStart(5)} g/kWh (${row.intensityYear})  ` +
          `${r(row.emissionsKg)} kg  market ${n(row.marketEmissionsKg.value)} kg` +
          (row.current ? '' : `  saves ${r(row.savingKg)} kg`)
      )
    ]),
    ...c.notes.map((note) => `note: ${note}`),
    ''
  ]
}

export const compare: Command = {
  name: 'compare',
  summary: 'rank hardware and locations for a workload, with the saving against the current choice',
  usage,
  booleanFlags: [],
  async run(positionals, flags, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`)
    const ref = loadReferenceData()
    flags.exclusive('gpu-hours', 'hours', 'flops')
    const gpuText = flags.string('gpu')
    const gpuHours = flags.number('gpu-hours', { min: 0 })
    const hours = flags.number('hours', { min: 0 })
    const flops = flags.number('flops', { min: 0 })
    const count = flags.number('gpus', { min: 1, max: 100_000, integer: true })
    const precisionText = flags.string('precision') ?? 'fp16'
    if (precisionText !== 'fp16' && precisionText !== 'fp32')
      throw new InputError(`--precision: '${precisionText}' is not fp16 or fp32`)
    const precision: Precision = precisionText
    const mfu = mfuOf(flags)
    const utilization = flags.fraction('utilization')
    const custom = customGpu(flags, precision)
    const where = whereOf(flags, ref)
    const only = flags.string('only')
    if (only !== undefined && only !== 'hardware' && only !== 'locations')
      throw new UsageError(`--only: '${only}' is not hardware or locations`)
    const scopes = scopesOf(flags)
    const top = flags.number('top', { min: 1, max: 100_000, integer: true })
    const json = flags.boolean('json')
    flags.rejectUnknown()

    if (gpuHours === undefined && hours === undefined && flops === undefined)
      throw new UsageError('give the work: --gpu-hours H, --hours H or --flops F')
    if (flops === undefined && gpuText === undefined) throw new UsageError('--gpu-hours and --hours need --gpu NAME')
    if (gpuHours !== undefined && count !== undefined)
      throw new UsageError('--gpus goes with --hours or --flops, not --gpu-hours')
    const gpu = gpuText !== undefined ? accelerator(ref, gpuText) : undefined
    const setting = { ...where, ...(utilization !== undefined ? { utilization } : {}) }
    const workload: HardwareWorkloadDraft =
      flops !== undefined
        ? { kind: 'flops', totalFlops: flops, ...(gpu ? { hardwareId: gpu.id } : {}), count: count ?? 1, ...setting }
        : {
            kind: 'gpu-hours',
            hardwareId: gpu!.id,
            gpuHours: gpuHours ?? hours! * (count ?? 1),
            count: count ?? 1,
            ...setting
          }
    const lab: LabDefaults = labDefaultsSchema.parse({ hardware: custom ? [custom] : [] })

    try {
      const hardware = compareHardware(workload, ref, lab, { precision, mfu })
      let locations: LocationComparison | undefined
      if (only !== 'hardware') {
        if (!hardware.currentRun) {
          if (only === 'locations')
            throw new UsageError('ranking locations needs the current accelerator: give --gpu NAME')
        } else {
          locations = compareLocations(hardware.currentRun, ref, lab, scopes ? { scopes } : {})
        }
      }
      const showHardware = only !== 'locations'
      if (json) {
        writeJson(io, {
          ...(showHardware ? { hardware: hardwareJson(hardware, top) } : {}),
          ...(locations ? { locations: locationsJson(locations, top) } : {})
        })
      } else {
        io.stdout(
          [
            ...(showHardware ? hardwareText(hardware, top ?? 10) : []),
            ...(locations
              ? locationsText(locations, top ?? 10)
              : only === 'hardware'
                ? []
                : ['Locations: give --gpu NAME to rank them.', ''])
          ].join('\n')
        )
      }
    } catch (error) {
      if (error instanceof PlanningError) throw new InputError(error.message)
      throw error
    }
  }
}
