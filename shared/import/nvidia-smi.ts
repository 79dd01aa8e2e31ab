import { runInputSchema, type DeviceInput, type RunInputDraft } from '../domain/run'
import { createCsvParser, type CsvRow } from './csv'
import { normaliseHeaderName } from './headers'
import { importedDevice } from './devices'
import { createIntervalLog, type IntervalLog } from './intervals'
import { errorsOfZod } from './issues'
import type { ImportError, ImportOptions, ImportWarning, ImportedRun, Importer } from './types'
import { clip, detach, readDateTime, stableHash, toIso, utcAssumedWarning } from './values'

/** The columns assumed for a `noheader` log: those of the command the documentation recommends. */
export const DEFAULT_NVIDIA_SMI_COLUMNS = ['timestamp', 'name', 'index', 'uuid', 'power.draw']

/**
 * An interval longer than this many median sampling intervals is a gap (logging stopped, machine asleep):
 * it is not integrated, because nothing says what the GPU drew meanwhile. The run's duration still spans it.
 */
export const GAP_MEDIAN_INTERVALS = 5

/** Drivers from 535 on also offer the one-second average and the instant reading; plain power.draw is preferred. */
const POWER_COLUMNS = ['power.draw', 'power.draw.average', 'power.draw.instant']
const NVIDIA_SMI_TIMESTAMP = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/
const POWER = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(?:W)?$/

interface Gpu {
  id: string
  name: string
  lastMs: number | undefined
  lastPowerW: number
  firstMs: number
  intervals: IntervalLog
}

export function createNvidiaSmiImporter(options: ImportOptions): Importer {
  const { fileName } = options
  const offsetMinutes = options.timeZoneOffsetMinutes ?? 0
  const errors: ImportError[] = []
  const warnings: ImportWarning[] = []
  let columns: Map<string, number> | undefined
  let powerColumn: string | undefined
  let missingColumns = false
  let dataRows = 0
  let zoneAssumed = false
  const gpus = new Map<string, Gpu>()

  const useColumns = (names: string[]): void => {
    columns = new Map()
    names.forEach((name, index) => {
      const key = normaliseHeaderName(name)
      if (!columns?.has(key)) columns?.set(key, index)
    })
    powerColumn = POWER_COLUMNS.find((name) => columns?.has(name))
    if (!columns.has('timestamp')) {
      missingColumns = true
      errors.push({ row: 1, field: 'timestamp', message: `${fileName}: the log has no "timestamp" column` })
    }
    if (powerColumn === undefined) {
      missingColumns = true
      errors.push({ row: 1, field: 'power.draw', message: `${fileName}: the log has no "power.draw" column` })
    }
  }

  const readSample = (r: CsvRow): void => {
    const cols = columns as Map<string, number>
    const text = (name: string): string => {
      const index = cols.get(name)
      return index === undefined ? '' : (r.cells[index] ?? '').trim()
    }
    const timeText = text('timestamp')
    const time = readDateTime(timeText, offsetMinutes)
    if (!time) {
      errors.push({ row: r.row, field: 'timestamp', message: `${fileName} row ${r.row}: timestamp "${clip(timeText)}" is not a date and time` })
      return
    }
    const powerText = text(powerColumn ?? 'power.draw')
    const power = POWER.exec(powerText)
    const powerW = power ? Number(power[1]) : NaN
    if (!Number.isFinite(powerW) || powerW < 0) {
      errors.push({
        row: r.row,
        field: powerColumn ?? 'power.draw',
        message: `${fileName} row ${r.row}: ${powerColumn ?? 'power.draw'} "${clip(powerText)}" is not a power in watts`
      })
      return
    }
    if (!time.hasZone && options.timeZoneOffsetMinutes === undefined) zoneAssumed = true
    const id = text('uuid') || text('index') || text('pci.bus_id') || text('name') || '0'
    let gpu = gpus.get(id)
    if (!gpu) {
      gpu = { id: detach(id), name: detach(text('name') || 'GPU'), lastMs: undefined, lastPowerW: 0, firstMs: time.ms, intervals: createIntervalLog() }
      gpus.set(id, gpu)
    }
    if (gpu.lastMs !== undefined) {
      const dtS = (time.ms - gpu.lastMs) / 1000
      if (dtS < 0) {
        errors.push({ row: r.row, field: 'timestamp', message: `${fileName} row ${r.row}: the time goes backwards (GPU ${id})` })
        return
      }
      gpu.intervals.add(dtS, ((gpu.lastPowerW + powerW) / 2) * dtS, r.row)
    }
    gpu.lastMs = time.ms
    gpu.lastPowerW = powerW
  }

  const onRow = (r: CsvRow): void => {
    if (!columns) {
      if (NVIDIA_SMI_TIMESTAMP.test((r.cells[0] ?? '').trim())) {
        const assumed = options.nvidiaSmiColumns ?? DEFAULT_NVIDIA_SMI_COLUMNS
        useColumns(assumed)
        warnings.push({ message: `${fileName} has no header: its columns were taken to be ${assumed.join(', ')}` })
      } else {
        useColumns(r.cells)
        return
      }
    }
    dataRows += 1
    if (!missingColumns) readSample(r)
  }

  const parser = createCsvParser(onRow)
  return {
    push: (chunk) => parser.push(chunk),
    finish() {
      parser.finish()
      if (zoneAssumed) warnings.push({ field: 'timestamp', message: utcAssumedWarning(fileName) })
      const runs: ImportedRun[] = []
      if (gpus.size === 0) {
        warnings.push({ message: `${fileName} holds no usable power sample` })
      } else {
        const run = buildRun([...gpus.values()], options, offsetMinutes, warnings)
        if ('errors' in run) errors.push(...run.errors)
        else runs.push(run)
      }
      errors.sort((a, b) => a.row - b.row)
      return { format: 'nvidia-smi', fileName, rows: dataRows, runs, errors, warnings }
    }
  }
}

/** Energy of one GPU, skipping gaps (each reported); returns the integrated seconds with it. */
function integrate(gpu: Gpu, fileName: string, warnings: ImportWarning[]): { energyJ: number; integratedS: number } {
  const { medianS, energyJ, integratedS, gaps } = gpu.intervals.finish(GAP_MEDIAN_INTERVALS)
  for (const gap of gaps) {
    warnings.push({
      row: gap.row,
      message:
        `${fileName} row ${gap.row}: GPU ${gpu.id} logged nothing for ${gap.dtS.toFixed(1)} s ` +
        `(more than ${GAP_MEDIAN_INTERVALS} × the median interval of ${medianS.toFixed(3)} s): this gap is not counted in the energy`
    })
  }
  return { energyJ, integratedS }
}

function buildRun(gpus: Gpu[], options: ImportOptions, offsetMinutes: number, fileWarnings: ImportWarning[]): ImportedRun | { errors: ImportError[] } {
  const warnings: string[] = []
  const firstMs = Math.min(...gpus.map((g) => g.firstMs))
  const lastMs = Math.max(...gpus.map((g) => g.lastMs ?? g.firstMs))
  const byName = new Map<string, { count: number; energyJ: number; integratedS: number }>()
  let totalJ = 0
  for (const gpu of gpus) {
    if (gpu.intervals.count() === 0) warnings.push(`GPU ${gpu.id} has a single sample: no energy can be integrated for it`)
    const { energyJ, integratedS } = integrate(gpu, options.fileName, fileWarnings)
    totalJ += energyJ
    const group = byName.get(gpu.name) ?? { count: 0, energyJ: 0, integratedS: 0 }
    group.count += 1
    group.energyJ += energyJ
    group.integratedS += integratedS
    byName.set(gpu.name, group)
  }
  const devices: DeviceInput[] = [...byName].map(([name, g]) =>
    importedDevice('gpu', name, g.count, options, warnings, g.integratedS > 0 ? { measuredPowerW: g.energyJ / g.integratedS } : {})
  )
  warnings.push('an nvidia-smi log measures the GPUs only: CPU, memory and the rest of the machine are not in its energy')
  const ids = gpus.map((g) => g.id).sort()
  const externalId = `nvidia-smi:${stableHash(ids.join('|'))}:${toIso(firstMs)}`
  const draft: RunInputDraft = {
    title: `nvidia-smi power log ${options.fileName}`.slice(0, 500),
    startedAt: toIso(firstMs, offsetMinutes),
    durationS: (lastMs - firstMs) / 1000,
    devices,
    measuredEnergyKWh: totalJ / 3.6e6,
    source: { kind: 'nvidia-smi', fileName: options.fileName, externalId }
  }
  const parsed = runInputSchema.safeParse(draft)
  if (!parsed.success) return { errors: errorsOfZod(parsed.error, 0) }
  return { externalId, input: parsed.data, emissionsSource: 'computed', warnings }
}
