import { LIMITS, yearInRange } from '../domain/limits'
import { type DeviceInput, type RunInputDraft, runInputSchema } from '../domain/run'
import { type Message, msg } from '../messages/index'
import { createCsvParser, type CsvRow } from './csv'
import { importedDevice } from './devices'
import { normaliseHeaderName } from './headers'
import { createIntervalLog, type IntervalLog } from './intervals'
import { distinctRows, errorsOfZod, importWarning, rowError, runWarnings } from './issues'
import { plausibilityWarnings } from './plausibility'
import type { ImportedRun, Importer, ImportError, ImportOptions, ImportWarning } from './types'
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
/** The most UTC hours a run can touch (LIMITS' longest run, started within an hour): the per-hour energy's bound. */
const MAX_HOURS = Math.ceil(LIMITS.maxDurationS / 3600) + 1
const HOUR_MS = 3_600_000
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
      errors.push(rowError(1, 'timestamp', msg('import.noLogColumn', { file: fileName, column: 'timestamp' })))
    }
    if (powerColumn === undefined) {
      missingColumns = true
      errors.push(rowError(1, 'power.draw', msg('import.noLogColumn', { file: fileName, column: 'power.draw' })))
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
      const problem = msg('cell.notDateTime', { text: clip(timeText) })
      errors.push(
        rowError(r.row, 'timestamp', msg('import.cell', { file: fileName, row: r.row, field: 'timestamp', problem }))
      )
      return
    }
    if (!yearInRange(toIso(time.ms))) {
      const problem = msg('cell.yearOutside', { text: clip(timeText), min: LIMITS.minYear, max: LIMITS.maxYear })
      errors.push(
        rowError(r.row, 'timestamp', msg('import.cell', { file: fileName, row: r.row, field: 'timestamp', problem }))
      )
      return
    }
    const powerText = text(powerColumn ?? 'power.draw')
    const power = POWER.exec(powerText)
    const powerW = power ? Number(power[1]) : NaN
    if (!Number.isFinite(powerW) || powerW < 0) {
      const field = powerColumn ?? 'power.draw'
      const problem = msg('cell.notWatts', { text: clip(powerText) })
      errors.push(rowError(r.row, field, msg('import.cell', { file: fileName, row: r.row, field, problem })))
      return
    }
    if (powerW > LIMITS.maxPowerPerDeviceW) {
      const field = powerColumn ?? 'power.draw'
      const problem = msg('cell.aboveLimit', { text: clip(powerText), limit: LIMITS.maxPowerPerDeviceW, unit: 'W' })
      errors.push(rowError(r.row, field, msg('import.cell', { file: fileName, row: r.row, field, problem })))
      return
    }
    if (!time.hasZone && options.timeZoneOffsetMinutes === undefined) zoneAssumed = true
    const id = text('uuid') || text('index') || text('pci.bus_id') || text('name') || '0'
    let gpu = gpus.get(id)
    if (!gpu) {
      gpu = {
        id: detach(id),
        name: detach(text('name') || 'GPU'),
        lastMs: undefined,
        lastPowerW: 0,
        firstMs: time.ms,
        intervals: createIntervalLog(MAX_HOURS)
      }
      gpus.set(id, gpu)
    }
    if (gpu.lastMs !== undefined) {
      const dtS = (time.ms - gpu.lastMs) / 1000
      if (dtS < 0) {
        errors.push(rowError(r.row, 'timestamp', msg('import.timeBackwards', { file: fileName, row: r.row, gpu: id })))
        return
      }
      gpu.intervals.add(gpu.lastMs, time.ms, gpu.lastPowerW, powerW, r.row)
    }
    gpu.lastMs = time.ms
    gpu.lastPowerW = powerW
  }

  const onRow = (r: CsvRow): void => {
    if (!columns) {
      if (NVIDIA_SMI_TIMESTAMP.test((r.cells[0] ?? '').trim())) {
        const assumed = options.nvidiaSmiColumns ?? DEFAULT_NVIDIA_SMI_COLUMNS
        useColumns(assumed)
        warnings.push(importWarning(msg('import.noHeaderAssumed', { file: fileName, columns: assumed.join(', ') })))
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
      if (zoneAssumed) warnings.push(importWarning(utcAssumedWarning(fileName), undefined, 'timestamp'))
      const runs: ImportedRun[] = []
      // The log is one run: when it fails, every row is skipped.
      let runFailed = missingColumns
      if (gpus.size === 0) {
        warnings.push(importWarning(msg('import.noPowerSample', { file: fileName })))
      } else {
        const run = buildRun([...gpus.values()], options, offsetMinutes, warnings)
        if ('errors' in run) {
          errors.push(...run.errors)
          runFailed = true
        } else {
          runs.push(run)
          const field = powerColumn ?? 'power.draw'
          warnings.push(
            ...plausibilityWarnings(run.input, fileName, undefined, {
              duration: 'timestamp',
              energy: field,
              devicePower: () => field
            })
          )
        }
      }
      errors.sort((a, b) => a.row - b.row)
      const skippedRows = runFailed ? dataRows : distinctRows(errors)
      return { format: 'nvidia-smi', fileName, rows: dataRows, skippedRows, runs, errors, warnings }
    }
  }
}

/** Energy of one GPU, skipping gaps (each reported); returns the integrated seconds and the energy per UTC hour with it. */
function integrate(
  gpu: Gpu,
  fileName: string,
  warnings: ImportWarning[]
): { energyJ: number; integratedS: number; energyByHourJ: Map<number, number> | undefined } {
  const { medianS, energyJ, integratedS, gaps, energyByHourJ } = gpu.intervals.finish(GAP_MEDIAN_INTERVALS)
  for (const gap of gaps) {
    warnings.push(
      importWarning(
        msg('import.gap', {
          file: fileName,
          row: gap.row,
          gpu: gpu.id,
          gapS: gap.dtS,
          times: GAP_MEDIAN_INTERVALS,
          medianS
        }),
        gap.row
      )
    )
  }
  return { energyJ, integratedS, energyByHourJ }
}

/** Six significant digits: weights for the hourly intensity need no more, and the stored run stays small. */
const compactKWh = (energyJ: number): number => Number((energyJ / 3.6e6).toPrecision(6))

/**
 * The run's energy per UTC hour, kWh, from the hour of firstMs to the hour of lastMs (as many hours as the run
 * touches); undefined when a GPU's log was too long to keep it or the run used no energy.
 */
function energyByHourKWh(
  byGpu: (Map<number, number> | undefined)[],
  firstMs: number,
  lastMs: number,
  totalJ: number
): number[] | undefined {
  if (!(totalJ > 0) || byGpu.some((m) => m === undefined)) return undefined
  const firstHour = Math.floor(firstMs / HOUR_MS)
  const hours = lastMs > firstMs ? Math.ceil(lastMs / HOUR_MS) - firstHour : 1
  const joules = new Array<number>(hours).fill(0)
  for (const byHour of byGpu) for (const [hour, j] of byHour!) joules[hour - firstHour]! += j
  return joules.map(compactKWh)
}

function buildRun(
  gpus: Gpu[],
  options: ImportOptions,
  offsetMinutes: number,
  fileWarnings: ImportWarning[]
): ImportedRun | { errors: ImportError[] } {
  const warnings: Message[] = []
  const firstMs = Math.min(...gpus.map((g) => g.firstMs))
  const lastMs = Math.max(...gpus.map((g) => g.lastMs ?? g.firstMs))
  const byName = new Map<string, { count: number; energyJ: number; integratedS: number }>()
  let totalJ = 0
  const hourly: (Map<number, number> | undefined)[] = []
  for (const gpu of gpus) {
    if (gpu.intervals.count() === 0) warnings.push(msg('import.singleSample', { gpu: gpu.id }))
    const { energyJ, integratedS, energyByHourJ } = integrate(gpu, options.fileName, fileWarnings)
    totalJ += energyJ
    hourly.push(energyByHourJ)
    const group = byName.get(gpu.name) ?? { count: 0, energyJ: 0, integratedS: 0 }
    group.count += 1
    group.energyJ += energyJ
    group.integratedS += integratedS
    byName.set(gpu.name, group)
  }
  const devices: DeviceInput[] = [...byName].map(([name, g]) =>
    importedDevice(
      'gpu',
      name,
      g.count,
      options,
      warnings,
      g.integratedS > 0 ? { measuredPowerW: g.energyJ / g.integratedS } : {}
    )
  )
  warnings.push(msg('import.gpuOnly'))
  const ids = gpus.map((g) => g.id).sort()
  const externalId = `nvidia-smi:${stableHash(ids.join('|'))}:${toIso(firstMs)}`
  const byHour = energyByHourKWh(hourly, firstMs, lastMs, totalJ)
  const draft: RunInputDraft = {
    title: `nvidia-smi power log ${options.fileName}`.slice(0, 500),
    startedAt: toIso(firstMs, offsetMinutes),
    durationS: (lastMs - firstMs) / 1000,
    devices,
    measuredEnergyKWh: totalJ / 3.6e6,
    ...(byHour ? { energyByHourKWh: byHour } : {}),
    source: { kind: 'nvidia-smi', fileName: options.fileName, externalId }
  }
  const parsed = runInputSchema.safeParse(draft)
  if (!parsed.success) return { errors: errorsOfZod(parsed.error, 0) }
  return { externalId, input: parsed.data, emissionsSource: 'computed', ...runWarnings(warnings) }
}
