import { parseCsv } from '../import/csv'
import { type HourlyProfile, hourlyProfileSchema } from './schema'
import { foldText } from './text'

const HOUR_MS = 3_600_000
/** Zone keys as Electricity Maps writes them (GB, DE-LU, US-CAL-CISO): also keeps the dynamic import in data/hourly. */
const ZONE_PATTERN = /^[A-Z]{2}(?:-[A-Z0-9]{1,10}){0,3}$/

const profiles = new Map<string, Promise<HourlyProfile | undefined>>()

/**
 * The bundled hourly profile of a zone (data/hourly/<zone>.json, any case), loaded on first use and cached. Each profile is
 * its own chunk (vite and esbuild split a template-literal import), so none weighs on start-up.
 */
export function loadHourlyProfile(zone: string): Promise<HourlyProfile | undefined> {
  const key = zone.trim().toUpperCase()
  if (!ZONE_PATTERN.test(key)) return Promise.resolve(undefined)
  let profile = profiles.get(key)
  if (!profile) {
    // esbuild's bundled import() throws synchronously for a zone it has no chunk for: start from a promise.
    profile = Promise.resolve()
      .then(() => import(`../../data/hourly/${key}.json`))
      .then(
        (module: { default: unknown }) => hourlyProfileSchema.parse(module.default),
        () => undefined
      )
    profiles.set(key, profile)
  }
  return profile
}

/**
 * Life-cycle intensities (gCO2eq/kWh) of `hours` whole UTC hours from the hour holding startUtcMs; undefined when
 * any of them lies outside the profile.
 */
export function intensitySeries(profile: HourlyProfile, startUtcMs: number, hours: number): number[] | undefined {
  const first = Math.floor((startUtcMs - Date.parse(profile.startUtc)) / HOUR_MS)
  const count = Math.ceil(hours)
  if (!Number.isFinite(first) || count < 0 || first < 0 || first + count > profile.lifecycleGPerKWh.length)
    return undefined
  return profile.lifecycleGPerKWh.slice(first, first + count)
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
const REQUIRED: Column[] = ['datetime', 'zoneId', 'direct', 'lifecycle']

/** "2024-01-01 00:00:00" (Electricity Maps exports) or ISO 8601; always UTC. */
function parseUtc(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|\+00:?00)?$/.exec(text.trim())
  if (!match) return NaN
  const [, y, mo, d, h, mi, s] = match
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0))
}

/**
 * Reads an hourly export of Electricity Maps' data portal (the format of the bundled upstream files): one row per
 * consecutive UTC hour of one zone. Throws an Error naming the file, row (1-based, header = row 1) and field.
 */
export function parseHourlyProfileCsv(text: string, fileName: string): HourlyProfile {
  const fail = (message: string): never => {
    throw new Error(`${fileName}: ${message}`)
  }
  const rows = parseCsv(text).map((r) => r.cells)
  const header = rows[0]
  if (!header) return fail('the file is empty')
  const folded = header.map(foldText)
  const position = {} as Record<Column, number>
  for (const column of Object.keys(COLUMNS) as Column[]) position[column] = folded.findIndex(COLUMNS[column])
  for (const column of REQUIRED) {
    if (position[column] < 0)
      fail(
        `row 1: no ${column === 'lifecycle' ? 'life-cycle (LCA) carbon intensity' : column === 'direct' ? 'direct carbon intensity' : column === 'datetime' ? '"Datetime (UTC)"' : '"Zone Id"'} column`
      )
  }
  if (rows.length < 2) fail('no data rows')

  const lifecycle: number[] = []
  const direct: number[] = []
  let estimatedHours = 0
  let startMs = NaN
  const zoneId = rows[1]![position.zoneId]?.trim() ?? ''
  if (zoneId === '') fail('row 2, field "Zone Id": empty')
  const zoneName = position.zoneName >= 0 ? (rows[1]![position.zoneName]?.trim() ?? '') : ''

  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!
    const rowNo = r + 1
    const cell = (column: Column): string => row[position[column]]?.trim() ?? ''
    const number = (column: Column): number => {
      const raw = cell(column)
      const value = Number(raw)
      if (raw === '' || !Number.isFinite(value) || value < 0)
        fail(`row ${rowNo}, field "${header[position[column]]}": "${raw}" is not a non-negative number`)
      return value
    }
    const timeMs = parseUtc(cell('datetime'))
    if (Number.isNaN(timeMs))
      fail(`row ${rowNo}, field "${header[position.datetime]}": "${cell('datetime')}" is not a UTC date-time`)
    if (r === 1) startMs = timeMs
    else if (timeMs !== startMs + (r - 1) * HOUR_MS)
      fail(
        `row ${rowNo}, field "${header[position.datetime]}": ${cell('datetime')} is not one hour after the previous row`
      )
    if (cell('zoneId') !== zoneId)
      fail(
        `row ${rowNo}, field "${header[position.zoneId]}": "${cell('zoneId')}" differs from the file's zone ${zoneId}`
      )
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
    sourceId: 'electricity-maps-export'
  })
}
