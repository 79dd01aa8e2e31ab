import { LIMITS, yearInRange } from '../domain/limits'
import {
  type DeviceInput,
  type LocationInput,
  type ReportedFigures,
  type RunInput,
  runInputSchema
} from '../domain/run'
import { type Message, msg } from '../messages/index'
import { parseCodeCarbonGpuModel } from '../refdata/hardware'
import { createCsvParser, type CsvRow } from './csv'
import { importedDevice } from './devices'
import { normaliseHeaderName } from './headers'
import { distinctRows, errorsOfZod, importWarning, rowError, runWarnings } from './issues'
import { type PlausibilityFields, plausibilityWarnings, reportedIntensityWarning } from './plausibility'
import type { ImportedRun, Importer, ImportError, ImportOptions, ImportWarning } from './types'
import {
  clip,
  createStringPool,
  detach,
  isDecimal,
  readDateTime,
  readNumber,
  stableHash,
  toIso,
  utcAssumedWarning
} from './values'

/** Where CodeCarbon puts a machine it could not locate by geo-IP (Quebec City). */
const FALLBACK_LONGITUDE = -71.2
const FALLBACK_LATITUDE = 46.8
/** CodeCarbon 2.7+ writes this experiment_id unless told otherwise: it identifies no run. */
const DEFAULT_EXPERIMENT_ID = '5b0fa12a-3dd7-45bb-9766-cc326314d9f1'
const MAX_PROJECT_CHARS = 200
const MAX_TITLE_CHARS = 500
// Warnings without parameters: one object for every run, so its English text is made once (englishOnce).
const ENERGY_SUM = msg('import.energySum')
const NO_ENERGY = msg('import.noEnergy')
const PROJECT_CUT = msg('import.projectCut', { max: MAX_PROJECT_CHARS })
const QUEBEC = msg('import.quebec')
const NO_LOCATION = msg('import.noLocation')
// cpu_power and gpu_power are not kept on the devices (they are not means before 3.2.1), so no device power is checked.
const FIELDS: PlausibilityFields = { duration: 'duration', energy: 'energy_consumed' }
const SUMMED_FIELDS: PlausibilityFields = { ...FIELDS, energy: 'cpu_energy + gpu_energy + ram_energy' }

const NON_NEGATIVE = [
  'duration',
  'emissions',
  'energy_consumed',
  'cpu_energy',
  'gpu_energy',
  'ram_energy',
  'cpu_power',
  'gpu_power',
  'ram_power',
  'cpu_count',
  'gpu_count',
  'ram_total_size',
  'pue'
] as const
const SIGNED = ['longitude', 'latitude'] as const
type NumberField = (typeof NON_NEGATIVE)[number] | (typeof SIGNED)[number]
const NUMBER_FIELDS: { field: NumberField; signed: boolean }[] = [
  ...NON_NEGATIVE.map((field) => ({ field, signed: false })),
  ...SIGNED.map((field) => ({ field, signed: true }))
]
/**
 * The largest value each numeric column may hold (LIMITS), with its unit for the message; past it the row is refused.
 * CodeCarbon's power columns are the sum over the devices, so they are bounded per device by their count.
 */
const LIMIT_OF: Partial<Record<NumberField, { max: number; unit: string; whole?: true }>> = {
  duration: { max: LIMITS.maxDurationS, unit: 's' },
  energy_consumed: { max: LIMITS.maxEnergyKWh, unit: 'kWh' },
  cpu_energy: { max: LIMITS.maxEnergyKWh, unit: 'kWh' },
  gpu_energy: { max: LIMITS.maxEnergyKWh, unit: 'kWh' },
  ram_energy: { max: LIMITS.maxEnergyKWh, unit: 'kWh' },
  emissions: { max: LIMITS.maxEmissionsKg, unit: 'kg' },
  cpu_count: { max: LIMITS.maxDeviceCount, unit: 'cores', whole: true },
  gpu_count: { max: LIMITS.maxDeviceCount, unit: 'GPUs', whole: true },
  ram_total_size: { max: LIMITS.maxMemoryGB, unit: 'GB' },
  ram_power: { max: LIMITS.maxPowerPerDeviceW * LIMITS.maxDeviceCount, unit: 'W' }
}
const POWER_PER_COUNT = { cpu_power: 'cpu_count', gpu_power: 'gpu_count' } as const

/** The text cells a run is built from; only these are kept, so a large file's rows are not held in memory. */
const TEXT_FIELDS = [
  'project_name',
  'cloud_provider',
  'cloud_region',
  'country_iso_code',
  'country_name',
  'region',
  'cpu_model',
  'gpu_model',
  'codecarbon_version',
  'tracking_mode'
] as const
type TextField = (typeof TEXT_FIELDS)[number]

/** One data row, read and checked; its run is kept only if it is the longest snapshot of its key. */
interface ReadRow {
  row: number
  key: string
  externalId: string
  endMs: number
  timestampText: string
  runId: string | undefined
  taskName: string
  numbers: Partial<Record<NumberField, number>>
  texts: Record<TextField, string>
}

export function createCodeCarbonImporter(options: ImportOptions): Importer {
  const { fileName } = options
  const offsetMinutes = options.timeZoneOffsetMinutes ?? 0
  const errors: ImportError[] = []
  const warnings: ImportWarning[] = []
  let columns: Map<string, number> | undefined
  let numberColumns: { field: NumberField; signed: boolean; index: number }[] = []
  let missingColumns = false
  let dataRows = 0
  let zoneAssumed = false
  let isTaskFile = false
  let idColumn: 'run_id' | 'experiment_id' | undefined
  /**
   * Emissions files: key → the run of the snapshot kept so far (largest duration, later row on ties), built as its row
   * is read so that the row itself is let go at once: a large file never holds its rows.
   */
  const kept = new Map<
    string,
    { durationS: number; run: ImportedRun | { errors: ImportError[] }; implausible: ImportWarning[] }
  >()
  const memo: RunMemo = { devices: new Map(), powerNotes: new Map() }
  let snapshotRows = 0
  const taskKeyCounts = new Map<string, number>()
  const keep = createStringPool()

  const readHeader = (cells: string[]): void => {
    columns = new Map()
    cells.forEach((cell, index) => {
      const name = normaliseHeaderName(cell)
      if (name !== '' && !columns?.has(name)) columns?.set(name, index)
    })
    const cols = columns
    numberColumns = NUMBER_FIELDS.flatMap((f) => {
      const index = cols.get(f.field)
      return index === undefined ? [] : [{ ...f, index }]
    })
    isTaskFile = columns.has('task_name')
    idColumn = columns.has('run_id') ? 'run_id' : columns.has('experiment_id') ? 'experiment_id' : undefined
    const used = [
      'timestamp',
      'task_name',
      'run_id',
      'experiment_id',
      ...NUMBER_FIELDS.map((f) => f.field),
      ...TEXT_FIELDS
    ]
    parser.onlyColumns(used.flatMap((name) => cols.get(name) ?? []))
    for (const required of ['timestamp', 'duration']) {
      if (!columns.has(required)) {
        missingColumns = true
        errors.push(rowError(1, required, msg('import.noHeaderColumn', { file: fileName, column: required })))
      }
    }
  }

  /** Refuses a cell past its column's limit (LIMIT_OF), naming file, row and field. */
  const checkLimits = (numbers: ReadRow['numbers'], row: number, rowErrors: ImportError[]): void => {
    const refuse = (field: NumberField, problem: Message): void => {
      rowErrors.push(rowError(row, field, msg('import.cell', { file: fileName, row, field, problem })))
    }
    for (const field of Object.keys(numbers) as NumberField[]) {
      const value = numbers[field]!
      const limit = LIMIT_OF[field]
      if (limit?.whole && !Number.isInteger(value)) refuse(field, msg('cell.notWhole', { text: String(value) }))
      else if (limit && value > limit.max)
        refuse(field, msg('cell.aboveLimit', { text: String(value), limit: limit.max, unit: limit.unit }))
    }
    for (const [field, countField] of Object.entries(POWER_PER_COUNT) as [NumberField, NumberField][]) {
      const value = numbers[field]
      const max = LIMITS.maxPowerPerDeviceW * Math.max(1, Math.min(numbers[countField] ?? 1, LIMITS.maxDeviceCount))
      if (value !== undefined && value > max)
        refuse(field, msg('cell.aboveLimit', { text: String(value), limit: max, unit: 'W' }))
    }
  }

  const readRow = (r: CsvRow): ReadRow | undefined => {
    const cols = columns as Map<string, number>
    const text = (name: string): string => {
      const index = cols.get(name)
      return index === undefined ? '' : (r.cells[index] ?? '').trim()
    }
    const rowErrors: ImportError[] = []
    const numbers: ReadRow['numbers'] = {}
    for (const { field, signed, index } of numberColumns) {
      const text = (r.cells[index] ?? '').trim()
      if (text === '') continue
      // the common case without readNumber's result object (13 cells a row); anything else gets its message there
      const value = isDecimal(text) ? Number(text) : NaN
      if (Number.isFinite(value) && (signed || value >= 0)) {
        numbers[field] = value
        continue
      }
      const cell = readNumber(text, signed)
      if (!cell.ok)
        rowErrors.push(
          rowError(r.row, field, msg('import.cell', { file: fileName, row: r.row, field, problem: cell.problem }))
        )
      else if (cell.value !== undefined) numbers[field] = cell.value
    }
    checkLimits(numbers, r.row, rowErrors)
    if (numbers.pue !== undefined && (numbers.pue < 1 || numbers.pue > 5)) {
      rowErrors.push(rowError(r.row, 'pue', msg('import.pueOutside', { file: fileName, row: r.row, pue: numbers.pue })))
    }
    if (numbers.duration === undefined && !rowErrors.some((e) => e.field === 'duration')) {
      rowErrors.push(rowError(r.row, 'duration', msg('import.durationEmpty', { file: fileName, row: r.row })))
    }
    const timestampText = text('timestamp')
    const time = readDateTime(timestampText, offsetMinutes)
    if (!time) {
      const problem = msg('cell.notDateTime', { text: clip(timestampText) })
      rowErrors.push(
        rowError(r.row, 'timestamp', msg('import.cell', { file: fileName, row: r.row, field: 'timestamp', problem }))
      )
    } else if (!yearInRange(toIso(time.ms))) {
      const problem = msg('cell.yearOutside', { text: clip(timestampText), min: LIMITS.minYear, max: LIMITS.maxYear })
      rowErrors.push(
        rowError(r.row, 'timestamp', msg('import.cell', { file: fileName, row: r.row, field: 'timestamp', problem }))
      )
    }
    if (rowErrors.length > 0 || !time) {
      errors.push(...rowErrors)
      return undefined
    }
    if (!time.hasZone && options.timeZoneOffsetMinutes === undefined) zoneAssumed = true

    const idText = idColumn ? text(idColumn) : ''
    const runId =
      idText === '' || idText.toLowerCase() === 'none' || idText === DEFAULT_EXPERIMENT_ID ? undefined : detach(idText)
    const taskName = isTaskFile ? keep(text('task_name')) : ''
    const baseId = runId ?? `h${stableHash(`${timestampText}|${text('project_name')}|${text('duration')}`)}`
    let key = isTaskFile ? `${baseId}:${taskName}` : baseId
    if (isTaskFile) {
      const seen = (taskKeyCounts.get(key) ?? 0) + 1
      taskKeyCounts.set(key, seen)
      if (seen > 1) key = `${key}:${seen}`
    }
    const texts = {} as Record<TextField, string>
    for (const field of TEXT_FIELDS) texts[field] = keep(text(field))
    return {
      row: r.row,
      key,
      externalId: `codecarbon:${key}`,
      endMs: time.ms,
      timestampText: detach(timestampText),
      runId,
      taskName,
      numbers,
      texts
    }
  }

  const onRow = (r: CsvRow): void => {
    if (!columns) {
      readHeader(r.cells)
      return
    }
    dataRows += 1
    if (missingColumns) return
    const read = readRow(r)
    if (!read) return
    const durationS = read.numbers.duration ?? 0
    const previous = kept.get(read.key)
    if (previous) {
      snapshotRows += 1
      if (durationS < previous.durationS) return
    }
    const run = buildRun(read, options, offsetMinutes, memo)
    const fields = read.numbers.energy_consumed === undefined ? SUMMED_FIELDS : FIELDS
    const implausible =
      'errors' in run ? [] : plausibilityWarnings(run.input, fileName, { row: read.row, unit: 'row' }, fields)
    const intensityWarning =
      'errors' in run
        ? undefined
        : reportedIntensityWarning(read.numbers.emissions, run.input.measuredEnergyKWh, fileName, read.row, {
            emissions: 'emissions',
            energy: fields.energy
          })
    if (intensityWarning) implausible.push(intensityWarning)
    kept.set(read.key, { durationS, run, implausible })
  }

  const parser = createCsvParser(onRow)
  return {
    push: (chunk) => parser.push(chunk),
    finish() {
      const { unterminatedQuoteRow } = parser.finish()
      if (unterminatedQuoteRow !== undefined) {
        warnings.push(
          importWarning(
            msg('import.unclosedQuote', { file: fileName, row: unterminatedQuoteRow }),
            unterminatedQuoteRow
          )
        )
      }
      if (!columns) warnings.push(importWarning(msg('import.empty', { file: fileName })))
      else if (dataRows === 0) warnings.push(importWarning(msg('import.noDataRows', { file: fileName })))
      if (snapshotRows > 0)
        warnings.push(importWarning(msg('import.snapshots', { file: fileName, count: snapshotRows })))
      if (zoneAssumed) warnings.push(importWarning(utcAssumedWarning(fileName), undefined, 'timestamp'))
      const runs: ImportedRun[] = []
      for (const { run, implausible } of kept.values()) {
        if ('errors' in run) errors.push(...run.errors)
        else runs.push(run)
        warnings.push(...implausible)
      }
      errors.sort((a, b) => a.row - b.row)
      const skippedRows = missingColumns ? dataRows : distinctRows(errors)
      return { format: 'codecarbon', fileName, rows: dataRows, skippedRows, runs, errors, warnings }
    }
  }
}

/** Per import: what every run with the same hardware columns (or power columns) shares, worked out once. */
interface RunMemo {
  devices: Map<string, { devices: DeviceInput[]; warnings: Message[] }>
  powerNotes: Map<string, string>
}

/**
 * The run is built here from cells values.ts has already read and checked, so it is not parsed again with zod row by
 * row (that cost more than reading the file). Each cell has been checked against its limit (LIMIT_OF); what the
 * file can still get wrong past those checks is tested here: a start (timestamp − duration) outside the years a run
 * may start in, a device count from gpu_model that is not a whole number from 1 to 100,000 (a "0 x" gpu_model), an
 * empty hardware id from the matcher, energies summing past the limit. A run failing one of them goes through
 * runInputSchema.safeParse, whose issues are the row's errors, word for word. tests/unit/import/run-input.test.ts
 * checks that every run built this way parses with runInputSchema into itself.
 */
function buildRun(
  read: ReadRow,
  options: ImportOptions,
  offsetMinutes: number,
  memo: RunMemo
): ImportedRun | { errors: ImportError[] } {
  const { numbers: n, texts } = read
  const warnings: Message[] = []
  const durationS = n.duration ?? 0

  let measuredEnergyKWh = n.energy_consumed
  if (measuredEnergyKWh === undefined) {
    const parts = [n.cpu_energy, n.gpu_energy, n.ram_energy].filter((v): v is number => v !== undefined)
    if (parts.length > 0) {
      measuredEnergyKWh = parts.reduce((a, b) => a + b, 0)
      warnings.push(ENERGY_SUM)
    } else {
      warnings.push(NO_ENERGY)
    }
  }

  const project = texts.project_name
  if (project.length > MAX_PROJECT_CHARS) warnings.push(PROJECT_CUT)

  // The timestamp is the end: a duration can move the start out of the years a run may start in.
  const startedAt = toIso(read.endMs - durationS * 1000, offsetMinutes)
  if (!yearInRange(startedAt)) {
    const year = Number(startedAt.slice(0, startedAt.indexOf('-', 1)))
    return {
      errors: [
        rowError(
          read.row,
          'duration',
          msg('import.startYearOutside', {
            file: options.fileName,
            row: read.row,
            year,
            min: LIMITS.minYear,
            max: LIMITS.maxYear
          })
        )
      ]
    }
  }
  const devices = devicesOf(read, options, warnings, memo)
  const location = locationOf(read, warnings)
  const reported = reportedOf(read, measuredEnergyKWh, location)
  const input: RunInput = {
    kind: 'training',
    title: (read.taskName !== '' ? `${read.taskName} (CodeCarbon task)` : `CodeCarbon run ${read.timestampText}`).slice(
      0,
      MAX_TITLE_CHARS
    ),
    project: project.slice(0, MAX_PROJECT_CHARS),
    person: '',
    startedAt,
    durationS,
    devices,
    ...(n.ram_total_size !== undefined ? { memoryGB: n.ram_total_size } : {}),
    location,
    // CodeCarbon multiplies every energy by its pue column (2.2.3+); older files hold IT energy.
    ...(n.pue !== undefined ? { pue: n.pue } : {}),
    ...(measuredEnergyKWh !== undefined ? { measuredEnergyKWh } : {}),
    measuredEnergyIncludesPue: n.pue !== undefined,
    ...(n.emissions !== undefined ? { reportedEmissionsKg: n.emissions } : {}),
    ...(reported !== undefined ? { reported } : {}),
    tags: [],
    notes: powerNote(read, memo),
    source: { kind: 'codecarbon', fileName: options.fileName, externalId: read.externalId }
  }
  const sound =
    (measuredEnergyKWh === undefined || measuredEnergyKWh <= LIMITS.maxEnergyKWh) &&
    devices.every(
      (d) =>
        Number.isInteger(d.count) &&
        d.count > 0 &&
        d.count <= LIMITS.maxDeviceCount &&
        (d.hardwareId === undefined || d.hardwareId !== '')
    )
  if (!sound) {
    const parsed = runInputSchema.safeParse(input)
    if (!parsed.success) return { errors: errorsOfZod(parsed.error, read.row) }
  }
  const mode = texts.tracking_mode.toLowerCase()
  return {
    externalId: read.externalId,
    row: read.row,
    input,
    emissionsSource: n.emissions !== undefined ? 'reported' : 'computed',
    ...(mode === 'machine' || mode === 'process' ? { trackingMode: mode } : {}),
    ...runWarnings(warnings)
  }
}

/**
 * What the row itself says (issue 11, reconciliation): its energy, the intensity its emissions imply, its PUE and its
 * location as written, and whether CodeCarbon fell back to its default location (or wrote none). Absent for a row
 * that reports neither emissions nor energy.
 */
function reportedOf(
  read: ReadRow,
  energyKWh: number | undefined,
  location: LocationInput
): ReportedFigures | undefined {
  const { emissions, pue } = read.numbers
  if (emissions === undefined && energyKWh === undefined) return undefined
  const t = read.texts
  const text = (value: string, max: number): string | undefined => (value === '' ? undefined : value.slice(0, max))
  const intensity =
    emissions !== undefined && energyKWh !== undefined && energyKWh > 0 ? (emissions / energyKWh) * 1000 : undefined
  // a figure past the limits (a hand-edited file) is left out of the comparison rather than refusing the run
  const plausible = intensity !== undefined && Number.isFinite(intensity) && intensity <= LIMITS.maxIntensityGPerKWh
  const fields = {
    // a summed energy past the limit refuses the run through measuredEnergyKWh already: one error, not two
    energyKWh: energyKWh !== undefined && energyKWh <= LIMITS.maxEnergyKWh ? energyKWh : undefined,
    intensityGPerKWh: plausible ? intensity : undefined,
    pue,
    countryName: text(t.country_name, 200),
    countryIso: text(t.country_iso_code, 10),
    region: text(t.region, 200),
    cloudProvider: text(t.cloud_provider, 100),
    cloudRegion: text(t.cloud_region, 100),
    toolVersion: text(t.codecarbon_version, 50)
  }
  // CodeCarbon's own fallback (Quebec) or no country at all; a cloud region written beside them still locates the run
  const fallback = location.kind !== 'cloud' && (isQuebecFallback(read) || t.country_iso_code === '')
  const reported: ReportedFigures = { locationFallback: fallback }
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (reported as Record<string, unknown>)[key] = value
  }
  return reported
}

/** CodeCarbon's geo-IP fallback: Canada/Quebec at its fixed coordinates. */
function isQuebecFallback(read: ReadRow): boolean {
  const { longitude, latitude } = read.numbers
  return (
    longitude !== undefined &&
    latitude !== undefined &&
    Math.abs(longitude - FALLBACK_LONGITUDE) < 0.05 &&
    Math.abs(latitude - FALLBACK_LATITUDE) < 0.05
  )
}

function locationOf(read: ReadRow, warnings: Message[]): LocationInput {
  const provider = read.texts.cloud_provider.toLowerCase()
  const region = read.texts.cloud_region
  if (provider !== '' && region !== '') return { kind: 'cloud', provider, region }
  if (isQuebecFallback(read)) {
    warnings.push(QUEBEC)
    return { kind: 'unknown' }
  }
  const code = read.texts.country_iso_code
  if (/^[A-Za-z]{2,3}$/.test(code)) return { kind: 'country', code: code.toUpperCase() }
  warnings.push(code === '' ? NO_LOCATION : msg('import.badCountry', { code: clip(code) }))
  return { kind: 'unknown' }
}

/** The devices of a run and their warnings; worked out once per distinct hardware columns, copied per run. */
function devicesOf(read: ReadRow, options: ImportOptions, warnings: Message[], memo: RunMemo): DeviceInput[] {
  const { cpu_model: cpuModel, gpu_model: gpuModel } = read.texts
  const { cpu_count: cpuCount, gpu_count: gpuCount } = read.numbers
  const key = `${cpuModel.length}|${cpuModel}|${gpuModel.length}|${gpuModel}|${cpuCount}|${gpuCount}`
  let known = memo.devices.get(key)
  if (!known) {
    known = { devices: [], warnings: [] }
    known.devices = hardwareOf(cpuModel, cpuCount, gpuModel, gpuCount, options, known.warnings)
    memo.devices.set(key, known)
  }
  warnings.push(...known.warnings)
  return known.devices.map((d) => ({ ...d }))
}

function hardwareOf(
  cpuModel: string,
  cpuCount: number | undefined,
  gpuModel: string,
  gpuCount: number | undefined,
  options: ImportOptions,
  warnings: Message[]
): DeviceInput[] {
  const devices: DeviceInput[] = []
  if (cpuModel !== '') {
    devices.push(importedDevice('cpu', cpuModel, 1, options, warnings, cpuCount ? { cores: cpuCount } : {}))
  }
  // Some releases write the CPU's name as gpu_model on machines without a GPU (Apple silicon).
  if (gpuModel !== '' && gpuModel.toLowerCase() !== cpuModel.toLowerCase()) {
    const parts = parseCodeCarbonGpuModel(gpuModel)
    const single = parts.length === 1 && !/^\d+\s*x\s+/i.test(gpuModel)
    for (const part of parts) {
      const count = single && gpuCount ? gpuCount : part.count
      devices.push(importedDevice('gpu', part.name, count, options, warnings))
    }
    const listed = parts.reduce((sum, p) => sum + p.count, 0)
    if (!single && gpuCount !== undefined && gpuCount !== listed) {
      warnings.push(msg('import.gpuCountMismatch', { listed, count: gpuCount }))
    }
  } else if (gpuModel === '' && gpuCount !== undefined && gpuCount > 0) {
    warnings.push(msg('import.gpuModelEmpty', { count: gpuCount }))
  }
  return devices
}

/**
 * CodeCarbon's powers are the last interval's before 3.2.1, so they are kept as information, never as the mean.
 * Runs of one machine repeat the same note: it is made once and shared.
 */
function powerNote(read: ReadRow, memo: RunMemo): string {
  const { cpu_power: cpu, gpu_power: gpu, ram_power: ram } = read.numbers
  if (cpu === undefined && gpu === undefined && ram === undefined) return ''
  const version = read.texts.codecarbon_version
  const key = `${cpu}|${gpu}|${ram}|${version}`
  let note = memo.powerNotes.get(key)
  if (note === undefined) {
    const parts = [
      ['CPU', cpu],
      ['GPU', gpu],
      ['RAM', ram]
    ]
      .filter((p): p is [string, number] => p[1] !== undefined)
      .map(([name, w]) => `${name} ${w} W`)
    const isMean = versionAtLeast(version, [3, 2, 1])
    note = `CodeCarbon power: ${parts.join(', ')} (${isMean ? 'mean over the run' : 'last measured interval, not the mean'})`
    memo.powerNotes.set(key, note)
  }
  return note
}

function versionAtLeast(version: string, target: number[]): boolean {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version)
  if (!m) return false
  const v = [Number(m[1]), Number(m[2]), Number(m[3])]
  for (let i = 0; i < 3; i++) {
    if ((v[i] ?? 0) !== (target[i] ?? 0)) return (v[i] ?? 0) > (target[i] ?? 0)
  }
  return true
}
