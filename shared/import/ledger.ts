import { runInputSchema } from '../domain/run'
import { type Message, msg, verbatim } from '../messages/index'
import { createCsvParser, type CsvRow } from './csv'
import { squashHeaderName } from './headers'
import { distinctRows, errorsOfZod, fieldOfPath, importWarning, rowError } from './issues'
import { plausibilityWarnings } from './plausibility'
import type { ImportedRun, Importer, ImportError, ImportOptions, ImportWarning } from './types'
import { clip, createStringPool, readDateTime, readNumber, stableHash, toIso, utcAssumedWarning } from './values'

/**
 * The app's own run format (docs/formats/ledger-run-format.md): RunInput, flattened into columns for CSV
 * (location.kind, device1.name, …) or as it is in JSON.
 */

const NUMBER_FIELDS = [
  'durationS',
  'hoursPerDay',
  'memoryGB',
  'pue',
  'measuredEnergyKWh',
  'reportedEmissionsKg',
  'renewableShare'
]
const TEXT_FIELDS = ['kind', 'title', 'project', 'person', 'startedAt', 'notes', 'tags', 'measuredEnergyIncludesPue']
const LOCATION_FIELDS = ['kind', 'provider', 'region', 'code', 'zone', 'intensityGPerKWh', 'label']
const DEVICE_FIELDS = ['kind', 'hardwareId', 'name', 'count', 'utilization', 'powerW', 'measuredPowerW', 'cores']
const DEVICE_NUMBERS = new Set(['count', 'utilization', 'powerW', 'measuredPowerW', 'cores'])
const SOURCE_FIELDS = ['kind', 'fileName', 'externalId']

type Column =
  | { target: 'top'; field: string }
  | { target: 'location'; field: string }
  | { target: 'source'; field: string }
  | { target: 'device'; device: number; field: string }

const KNOWN = new Map<string, Column>()
for (const field of [...NUMBER_FIELDS, ...TEXT_FIELDS]) KNOWN.set(squashHeaderName(field), { target: 'top', field })
for (const field of LOCATION_FIELDS) KNOWN.set(squashHeaderName(`location.${field}`), { target: 'location', field })
for (const field of SOURCE_FIELDS) KNOWN.set(squashHeaderName(`source.${field}`), { target: 'source', field })
KNOWN.set('externalid', { target: 'source', field: 'externalId' })

function columnOf(header: string): Column | undefined {
  const squashed = squashHeaderName(header)
  const device = /^device(\d+)(.+)$/.exec(squashed)
  if (device) {
    const field = DEVICE_FIELDS.find((f) => f.toLowerCase() === device[2])
    return field ? { target: 'device', device: Number(device[1]), field } : undefined
  }
  return KNOWN.get(squashed)
}

const TRUE = new Set(['true', 'yes', 'y', '1'])
const FALSE = new Set(['false', 'no', 'n', '0'])

interface Shared {
  options: ImportOptions
  /** What the file's items are: CSV rows or the runs of a JSON list. */
  unit: 'row' | 'run'
  errors: ImportError[]
  warnings: ImportWarning[]
  zoneAssumed: boolean
  /** externalId → the row that first used it. */
  rowOfId: Map<string, number>
}

const createShared = (options: ImportOptions, unit: Shared['unit']): Shared => ({
  options,
  unit,
  errors: [],
  warnings: [],
  zoneAssumed: false,
  rowOfId: new Map()
})

/** startedAt as written by a spreadsheet ("2026-11-02 14:00") or ISO; zone-less times use the file's offset. */
function normaliseStartedAt(value: unknown, shared: Shared): unknown {
  if (typeof value !== 'string') return value
  const offsetMinutes = shared.options.timeZoneOffsetMinutes ?? 0
  const time = readDateTime(value, offsetMinutes)
  if (!time) return value
  if (!time.hasZone && shared.options.timeZoneOffsetMinutes === undefined) shared.zoneAssumed = true
  return toIso(time.ms, time.hasZone ? 0 : offsetMinutes)
}

/** Validates one run and gives it its source and stable id; errors name the row and the file's field name. */
function finishRun(
  raw: Record<string, unknown>,
  row: number,
  fallbackKey: string,
  shared: Shared,
  deviceNumbers?: number[]
): ImportedRun | undefined {
  const given = (raw.source ?? {}) as Record<string, unknown>
  const externalId =
    typeof given.externalId === 'string' && given.externalId !== ''
      ? given.externalId
      : `ledger:${stableHash(fallbackKey)}`
  const source = {
    kind: 'ledger',
    ...given,
    fileName: typeof given.fileName === 'string' ? given.fileName : shared.options.fileName,
    externalId
  }
  const parsed = runInputSchema.safeParse({ ...raw, startedAt: normaliseStartedAt(raw.startedAt, shared), source })
  if (!parsed.success) {
    for (const error of errorsOfZod(parsed.error, row, deviceNumbers)) {
      const issue = verbatim(error.message)
      shared.errors.push(
        rowError(
          row,
          error.field,
          msg('import.fieldIssue', { file: shared.options.fileName, row, field: error.field, issue })
        )
      )
    }
    return undefined
  }
  const earlier = shared.rowOfId.get(externalId)
  if (earlier === undefined) shared.rowOfId.set(externalId, row)
  else {
    shared.warnings.push(
      importWarning(
        msg('import.duplicateId', { file: shared.options.fileName, row, id: clip(externalId), earlier }),
        row
      )
    )
  }
  shared.warnings.push(
    ...plausibilityWarnings(
      parsed.data,
      shared.options.fileName,
      { row, unit: shared.unit },
      {
        duration: 'durationS',
        energy: 'measuredEnergyKWh',
        devicePower: (index, measured) =>
          fieldOfPath(['devices', index, measured ? 'measuredPowerW' : 'powerW'], deviceNumbers)
      }
    )
  )
  return {
    externalId,
    row,
    input: parsed.data,
    emissionsSource: parsed.data.reportedEmissionsKg !== undefined ? 'reported' : 'computed',
    warnings: []
  }
}

export function createLedgerCsvImporter(options: ImportOptions): Importer {
  const { fileName } = options
  const shared = createShared(options, 'row')
  const { warnings } = shared
  const runs: ImportedRun[] = []
  const keep = createStringPool()
  let columns: (Column | undefined)[] | undefined
  let dataRows = 0

  const readHeader = (cells: string[]): void => {
    columns = cells.map(columnOf)
    const ignored = cells.filter((c, i) => c.trim() !== '' && columns?.[i] === undefined)
    if (ignored.length > 0)
      warnings.push(
        importWarning(
          msg('import.unknownColumns', { file: fileName, columns: ignored.map((c) => clip(c.trim())).join(', ') }),
          1
        )
      )
  }

  const readRow = (r: CsvRow): void => {
    const raw: Record<string, unknown> = {}
    const location: Record<string, unknown> = {}
    const source: Record<string, unknown> = {}
    const devices = new Map<number, Record<string, unknown>>()
    let ok = true
    const fail = (field: string, problem: Message): void => {
      ok = false
      shared.errors.push(rowError(r.row, field, msg('import.cell', { file: fileName, row: r.row, field, problem })))
    }
    ;(columns ?? []).forEach((column, index) => {
      const cell = (r.cells[index] ?? '').trim()
      if (!column || cell === '') return
      const { field } = column
      const fieldName =
        column.target === 'device'
          ? `device${column.device}.${field}`
          : column.target === 'top'
            ? field
            : `${column.target}.${field}`
      const isNumber =
        column.target === 'device'
          ? DEVICE_NUMBERS.has(field)
          : column.target === 'location'
            ? field === 'intensityGPerKWh'
            : column.target === 'top' && NUMBER_FIELDS.includes(field)
      let value: unknown = keep(cell)
      if (isNumber) {
        const number = readNumber(cell, true)
        if (!number.ok) return fail(fieldName, number.problem)
        value = number.value
      } else if (column.target === 'top' && field === 'measuredEnergyIncludesPue') {
        const word = cell.toLowerCase()
        if (!TRUE.has(word) && !FALSE.has(word)) return fail(field, msg('cell.notYesNo', { text: clip(cell) }))
        value = TRUE.has(word)
      } else if (column.target === 'top' && field === 'tags') {
        value = cell
          .split(';')
          .map((t) => t.trim())
          .filter((t) => t !== '')
      }
      if (column.target === 'top') raw[field] = value
      else if (column.target === 'location') location[field] = value
      else if (column.target === 'source') source[field] = value
      else {
        const device = devices.get(column.device) ?? {}
        device[field] = value
        devices.set(column.device, device)
      }
    })
    if (!ok) return
    if (Object.keys(location).length > 0) raw.location = location
    if (Object.keys(source).length > 0) raw.source = source
    const deviceNumbers = [...devices.keys()].sort((a, b) => a - b)
    raw.devices = deviceNumbers.map((n) => devices.get(n))
    const run = finishRun(raw, r.row, r.cells.join('\u0001'), shared, deviceNumbers)
    if (run) runs.push(run)
  }

  const parser = createCsvParser((r) => {
    if (!columns) return readHeader(r.cells)
    dataRows += 1
    readRow(r)
  })
  return {
    push: (chunk) => parser.push(chunk),
    finish() {
      const { unterminatedQuoteRow } = parser.finish()
      if (unterminatedQuoteRow !== undefined) {
        warnings.push(
          importWarning(
            msg('import.unclosedQuoteShort', { file: fileName, row: unterminatedQuoteRow }),
            unterminatedQuoteRow
          )
        )
      }
      if (shared.zoneAssumed) warnings.push(importWarning(utcAssumedWarning(fileName), undefined, 'startedAt'))
      return {
        format: 'ledger-csv',
        fileName,
        rows: dataRows,
        skippedRows: distinctRows(shared.errors),
        runs,
        errors: shared.errors,
        warnings
      }
    }
  }
}

/** JSON cannot be parsed in pieces without a streaming parser; run files are small, so the text is kept whole. */
export function createLedgerJsonImporter(options: ImportOptions): Importer {
  const { fileName } = options
  const chunks: string[] = []
  return {
    push: (chunk) => void chunks.push(chunk),
    finish() {
      const shared = createShared(options, 'run')
      const { warnings } = shared
      const result = {
        format: 'ledger-json' as const,
        fileName,
        rows: 0,
        skippedRows: 0,
        runs: [] as ImportedRun[],
        errors: shared.errors,
        warnings
      }
      let data: unknown
      try {
        data = JSON.parse(chunks.join('').replace(/^\uFEFF/, ''))
      } catch (error) {
        shared.errors.push(
          rowError(0, '(file)', msg('import.notJson', { file: fileName, reason: verbatim((error as Error).message) }))
        )
        return result
      }
      const list = Array.isArray(data) ? data : (data as { runs?: unknown } | null)?.runs
      if (!Array.isArray(list)) {
        shared.errors.push(rowError(0, 'runs', msg('import.notRunList', { file: fileName })))
        return result
      }
      result.rows = list.length
      list.forEach((item: unknown, index) => {
        const row = index + 1
        if (typeof item !== 'object' || item === null || Array.isArray(item)) {
          shared.errors.push(rowError(row, '(run)', msg('import.notObject', { file: fileName, row })))
          return
        }
        const raw = item as Record<string, unknown>
        const withId =
          typeof raw.externalId === 'string' && raw.externalId !== ''
            ? { ...raw, source: { ...(raw.source as object | undefined), externalId: raw.externalId } }
            : raw
        const run = finishRun(withId, row, JSON.stringify(item), shared)
        if (run) result.runs.push(run)
      })
      if (shared.zoneAssumed) warnings.push(importWarning(utcAssumedWarning(fileName), undefined, 'startedAt'))
      result.skippedRows = distinctRows(shared.errors)
      return result
    }
  }
}
