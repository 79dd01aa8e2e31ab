import { parseCsv } from '../import/csv'
import { english, type Message, type MessageId, type MessageParam, msg } from '../messages/index'
import { type HourlyProfile, hourlyProfileSchema } from './schema'
import { foldText } from './text'

const HOUR_MS = 3_600_000

/** Why a lab's hourly file cannot be used: one sentence naming the file, row and field, in the app's language. */
export class HourlyImportError extends Error {
  constructor(readonly msg: Message) {
    super(english(msg))
    this.name = 'HourlyImportError'
  }
}

const COLUMNS = {
  datetime: (h: string) => h === 'datetime (utc)',
  zoneName: (h: string) => h === 'zone name',
  zoneId: (h: string) => h === 'zone id',
  direct: (h: string) => h.startsWith('carbon intensity') && h.includes('(direct)'),
  lifecycle: (h: string) => h.startsWith('carbon intensity') && /\((?:lca|life ?cycle)\)/.test(h),
  estimated: (h: string) => h === 'data estimated'
}
type Column = keyof typeof COLUMNS
const REQUIRED: [Column, MessageId][] = [
  ['datetime', 'hourlyImport.columnTime'],
  ['zoneId', 'hourlyImport.columnZone'],
  ['direct', 'hourlyImport.columnDirect'],
  ['lifecycle', 'hourlyImport.columnLifecycle']
]

const ISO = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i

/**
 * Epoch ms of a date-time ("2024-01-01 00:00:00", ISO 8601, with Z or an offset), or why not: 'invalid' for no
 * date-time, 'no-offset' for a wall-clock time with neither Z nor offset when the file does not say it is UTC.
 */
function parseTime(text: string, utcWithoutOffset: boolean): number | 'invalid' | 'no-offset' {
  const match = ISO.exec(text.trim())
  if (!match) return 'invalid'
  const [, y, mo, d, h, mi, s, zone] = match
  if (zone === undefined && !utcWithoutOffset) return 'no-offset'
  const wallMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0))
  const check = new Date(wallMs)
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59)
    return 'invalid'
  if (zone === undefined || zone.toUpperCase() === 'Z') return wallMs
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  return wallMs - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000
}

/** The file's name without its extension: the zone key of a two-column file, which names no zone itself. */
const stem = (fileName: string): string => fileName.replace(/\.[^.]*$/, '').trim() || fileName

/**
 * Reads a lab's hourly grid intensity file, one row per consecutive hour of one zone:
 * - an export of Electricity Maps' data portal (either header variant: "Carbon Intensity … (LCA)" or
 *   "Carbon intensity … (Life cycle)"), times in UTC as the "Datetime (UTC)" column says;
 * - two columns, time and gCO2eq/kWh (a header row optional), ISO times with Z or an offset: a wall-clock time alone
 *   could be any zone's, so it is refused. The value is taken as life-cycle (the planner's basis) and, lacking
 *   another, stands for the direct basis too; the zone is the file's name.
 * Throws an HourlyImportError naming the file, row (1-based, the header is row 1) and field.
 */
export function parseHourlyProfileCsv(text: string, fileName: string): HourlyProfile {
  const file = fileName
  const fail = (id: MessageId, params: Record<string, MessageParam> = {}): never => {
    throw new HourlyImportError(msg(id, { file, ...params }))
  }
  const rows = parseCsv(text)
    .map((r) => r.cells)
    .filter((cells) => cells.some((c) => c.trim() !== ''))
  const header = rows[0]
  if (!header) return fail('hourlyImport.empty')
  const folded = header.map(foldText)
  const position = {} as Record<Column, number>
  for (const column of Object.keys(COLUMNS) as Column[]) position[column] = folded.findIndex(COLUMNS[column])
  const twoColumns = position.datetime < 0 && header.length === 2
  const headed = !twoColumns || parseTime(header[0]!, false) === 'invalid'
  if (twoColumns) {
    position.datetime = 0
    position.lifecycle = 1
    position.direct = 1
  } else {
    for (const [column, name] of REQUIRED)
      if (position[column] < 0) fail('hourlyImport.noColumn', { column: msg(name) })
  }
  const first = headed ? 1 : 0
  if (rows.length <= first) fail('hourlyImport.noRows')
  const fieldName = (column: Column): string =>
    headed ? (header[position[column]]?.trim() ?? '') : column === 'datetime' ? '1' : '2'

  const lifecycle: number[] = []
  const direct: number[] = []
  let estimatedHours = 0
  let startMs = NaN
  let previousMs = NaN
  const zoneId = twoColumns ? stem(fileName) : (rows[1]![position.zoneId]?.trim() ?? '')
  if (zoneId === '') fail('hourlyImport.emptyZone', { row: 2, field: fieldName('zoneId') })
  const zoneName = !twoColumns && position.zoneName >= 0 ? (rows[1]![position.zoneName]?.trim() ?? '') : ''

  for (let r = first; r < rows.length; r++) {
    const row = rows[r]!
    const at = { row: r + 1 }
    const cell = (column: Column): string => row[position[column]]?.trim() ?? ''
    const number = (column: Column): number => {
      const value = cell(column)
      const where = { ...at, field: fieldName(column), value }
      // Number('') is 0: an empty cell is a gap, not a clean hour
      const n = value === '' ? NaN : Number(value)
      if (!Number.isFinite(n)) fail('hourlyImport.notNumber', where)
      if (n < 0) fail('hourlyImport.negative', where)
      return n
    }
    const value = cell('datetime')
    const where = { ...at, field: fieldName('datetime'), value }
    const timeMs = parseTime(value, !twoColumns)
    if (timeMs === 'invalid') fail('hourlyImport.notTime', where)
    if (timeMs === 'no-offset') fail('hourlyImport.noOffset', where)
    const ms = timeMs as number
    if (r === first) {
      if (ms % HOUR_MS !== 0) fail('hourlyImport.notWholeHour', where)
      startMs = ms
    } else {
      const stepMs = ms - previousMs
      const previous = { ...where, previous: r }
      if (stepMs === 0) fail('hourlyImport.duplicate', previous)
      if (stepMs > HOUR_MS && stepMs % HOUR_MS === 0)
        fail('hourlyImport.gap', { ...previous, hours: stepMs / HOUR_MS - 1 })
      if (stepMs !== HOUR_MS) fail('hourlyImport.notHourly', previous)
    }
    previousMs = ms
    if (!twoColumns && cell('zoneId') !== zoneId)
      fail('hourlyImport.otherZone', { ...at, field: fieldName('zoneId'), value: cell('zoneId'), zone: zoneId })
    direct.push(number('direct'))
    lifecycle.push(number('lifecycle'))
    if (position.estimated >= 0 && cell('estimated').toLowerCase() === 'true') estimatedHours++
  }

  return hourlyProfileSchema.parse({
    zone: zoneId,
    name: zoneName || zoneId,
    startUtc: new Date(startMs).toISOString(),
    lifecycleGPerKWh: lifecycle,
    directGPerKWh: direct,
    estimatedHours,
    sourceId: twoColumns ? 'lab-hourly-file' : 'electricity-maps-export'
  })
}
