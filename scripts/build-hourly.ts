/**
 * The hourly part of `npm run data` (issue 12): every zone-year of Electricity Maps hourly exports in
 * ../shared/reference-data/electricity-maps-hourly-2024/ and electricity-maps-hourly/ becomes one compact file,
 * data/hourly/<ZONE>/<YEAR>.json (both bases, life-cycle and direct, in the codec of shared/refdata/hourly-codec.ts),
 * loaded lazily by loadHourlyProfile(zone, year). Called from scripts/build-data.ts.
 *
 * The exports come in two header variants with the same 11 columns in the same order, so they are read by position;
 * zone names hold quoted commas, so a real CSV parser reads them. Empty hours (one 24-hour gap in US-NW-PACW 2023) are
 * filled from the same hour of the day before and the day after, counted as estimated and listed in `filled`.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCsv } from '../shared/import/csv'
import { type StoredHourlyProfile, storedHourlyProfileSchema } from '../shared/refdata/hourly'
import { encodeTenths } from '../shared/refdata/hourly-codec'
import { type FilledHours, type HourlyProfile, hourlyProfileSchema } from '../shared/refdata/schema'

const HOUR_MS = 3_600_000
const FOLDER_2024 = 'electricity-maps-hourly-2024'
const FOLDER = 'electricity-maps-hourly'
export const HOURLY_SOURCE_ID = 'electricity-maps-hourly'

export interface HourlyUpstream {
  repository: string
  commit: string
  path: string
}

/** The repositories the exports were copied from (PROVENANCE.md, "Sources"); `path` holds <ZONE> and <YEAR>. */
const REPOSITORIES: Record<string, HourlyUpstream> = {
  gdcc: {
    repository: 'HewlettPackard/green-dcc',
    commit: '3f6ea95c',
    path: 'data/carbon_intensity/<ZONE>/<YEAR>/<ZONE>_<YEAR>_hourly.csv'
  },
  bp: {
    repository: 'alessandro-cortese/BatchProcessing',
    commit: 'eed89c9f',
    path: 'docker/nifi/nifi-ingestion/dataset/<ZONE>/<ZONE>_<YEAR>_hourly.csv'
  },
  eco: {
    repository: 'AIRI-Institute/eco4cast',
    commit: '6bd35ce7',
    path: 'electricitymaps_datasets/<ZONE>_<YEAR>_hourly.csv'
  },
  srm: {
    repository: 'srmadani/Demand-Response-in-Commercial-Buildings',
    commit: 'a24cce09',
    path: 'datasets/<ZONE>_<YEAR>_hourly.csv'
  },
  fed: {
    repository: 'arodio/FedStale',
    commit: '1989ef1a',
    path: 'building_availability_matrices/historical_data/<ZONE>_<YEAR>_hourly.csv'
  },
  jmj: {
    repository: 'jasonm-jones/grid-carbon-intensity',
    commit: '6b772019',
    path: 'data/hourly/<ZONE>_<YEAR>_hourly.csv'
  }
}

/** Column positions shared by both header variants (A: "Zone Id … (LCA)", B: "Zone id … (Life cycle)"). */
const COL = { datetime: 0, zoneName: 2, zoneId: 3, direct: 4, lifecycle: 5, estimated: 9 } as const
const HEADER_CHECKS: [number, RegExp][] = [
  [COL.datetime, /^datetime \(utc\)$/i],
  [COL.zoneName, /^zone name$/i],
  [COL.zoneId, /^zone id$/i],
  [COL.direct, /\(direct\)$/i],
  [COL.lifecycle, /\((lca|life cycle)\)$/i],
  [COL.estimated, /^data estimated$/i]
]

export interface ZoneYear {
  key: string
  year: number
  profile: HourlyProfile
  upstream: HourlyUpstream
  sourceKey: string
}

export interface HourlyBuild {
  zoneYears: ZoneYear[]
  /** data/ relative path → content. */
  files: Map<string, string>
  used: HourlyUpstream[]
  /** One Markdown section for data/SOURCES.md. */
  markdown: string[]
}

interface ProvenanceRow {
  src: string
  sha256: string
}

/** The "Files" table of PROVENANCE.md: zone/year → source key and sha256 of the copy. */
function readProvenance(text: string): Map<string, ProvenanceRow> {
  const rows = new Map<string, ProvenanceRow>()
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim())
    const sha = /^`([0-9a-f]{64})`$/.exec(cells[6] ?? '')
    if (!sha || !/^\d{4}$/.test(cells[2] ?? '')) continue
    rows.set(`${cells[1]}/${cells[2]}`, { src: cells[3]!, sha256: sha[1]! })
  }
  return rows
}

/** "2024-01-01 00:00:00" → epoch ms (UTC), NaN otherwise. */
function parseUtc(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?Z?$/.exec(text.trim())
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0)) : NaN
}

/**
 * Reads one export by column position. Empty intensities come back as NaN (filled later); anything else that is
 * not a non-negative number, a step that is not one hour, or a zone that changes, throws naming file, row and field.
 */
export function readExport(
  text: string,
  file: string
): { zoneId: string; name: string; startMs: number; lifecycle: number[]; direct: number[]; estimated: number } {
  const rows = parseCsv(text)
  const header = rows[0]?.cells ?? []
  if (header.length !== 11) throw new Error(`${file}: row 1 has ${header.length} columns, not the 11 of an export`)
  for (const [at, pattern] of HEADER_CHECKS) {
    const name = header[at]!.trim().replace(/ gco₂eq\/kwh/i, '')
    if (!pattern.test(name)) throw new Error(`${file}: row 1, column ${at + 1} is "${header[at]}", not ${pattern}`)
  }
  const lifecycle: number[] = []
  const direct: number[] = []
  let estimated = 0
  let startMs = NaN
  let zoneId = ''
  let name = ''
  for (const { cells, row } of rows.slice(1)) {
    if (cells.length === 1 && cells[0] === '') continue
    const at = (col: number): string => (cells[col] ?? '').trim()
    const timeMs = parseUtc(at(COL.datetime))
    if (Number.isNaN(timeMs)) throw new Error(`${file}: row ${row}, field "${header[0]}": "${at(0)}" is not a time`)
    if (lifecycle.length === 0) {
      startMs = timeMs
      zoneId = at(COL.zoneId)
      name = at(COL.zoneName)
    } else if (timeMs !== startMs + lifecycle.length * HOUR_MS)
      throw new Error(`${file}: row ${row}, field "${header[0]}": ${at(0)} is not one hour after the previous row`)
    if (at(COL.zoneId) !== zoneId)
      throw new Error(`${file}: row ${row}, field "${header[COL.zoneId]}": "${at(COL.zoneId)}" is not ${zoneId}`)
    for (const [col, into] of [
      [COL.lifecycle, lifecycle],
      [COL.direct, direct]
    ] as const) {
      const raw = at(col)
      const value = raw === '' ? NaN : Number(raw)
      if (raw !== '' && !(Number.isFinite(value) && value >= 0))
        throw new Error(`${file}: row ${row}, field "${header[col]}": "${raw}" is not a non-negative number`)
      into.push(value)
    }
    if (at(COL.estimated).toLowerCase() === 'true') estimated++
  }
  if (lifecycle.length === 0) throw new Error(`${file}: no data rows`)
  return { zoneId, name, startMs, lifecycle, direct, estimated }
}

/**
 * Fills empty hours (NaN) in place with the mean of the same hour the day before and the day after (either alone
 * when only one exists); returns the filled runs of hours. Throws when a gap has no day on either side.
 */
export function fillGaps(values: number[], startMs: number, file: string): FilledHours[] {
  const runs: FilledHours[] = []
  const source = [...values]
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(source[i]!)) continue
    const around = [source[i - 24], source[i + 24]].filter((v): v is number => v !== undefined && !Number.isNaN(v))
    if (around.length === 0) throw new Error(`${file}: hour ${i} is empty and so are the same hours around it`)
    values[i] = around.reduce((a, b) => a + b, 0) / around.length
    const last = runs.at(-1)
    const fromMs = startMs + i * HOUR_MS
    if (last && Date.parse(last.fromUtc) + last.hours * HOUR_MS === fromMs) last.hours++
    else
      runs.push({
        fromUtc: new Date(fromMs).toISOString(),
        hours: 1,
        method: 'mean of the same hour the day before and the day after (the export left these hours empty)'
      })
  }
  return runs
}

const round1 = (v: number): number => Math.round(v * 10) / 10
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length

function zoneYear(
  text: string,
  file: string,
  key: string,
  year: number,
  sourceKey: string,
  note: (message: string) => void
): ZoneYear {
  const read = readExport(text, file)
  const expectedStart = Date.UTC(year, 0, 1)
  if (read.startMs !== expectedStart) throw new Error(`${file}: starts at ${new Date(read.startMs).toISOString()}`)
  const hours = (Date.UTC(year + 1, 0, 1) - expectedStart) / HOUR_MS
  if (read.lifecycle.length > hours)
    throw new Error(`${file}: ${read.lifecycle.length} hours, more than the ${hours} of ${year}`)
  if (read.lifecycle.length < hours) note(`${file}: ${read.lifecycle.length} hours, not the ${hours} of ${year}`)
  const filled = fillGaps(read.lifecycle, read.startMs, file)
  const filledDirect = fillGaps(read.direct, read.startMs, file)
  if (JSON.stringify(filled) !== JSON.stringify(filledDirect))
    throw new Error(`${file}: the direct and life-cycle columns are empty in different hours`)
  const filledCount = filled.reduce((n, f) => n + f.hours, 0)
  const template = REPOSITORIES[sourceKey] ?? fail(`${file}: unknown source ${sourceKey}`)
  const upstream = {
    ...template,
    path: template.path.replaceAll('<ZONE>', key).replaceAll('<YEAR>', String(year))
  }
  const profile = hourlyProfileSchema.parse({
    zone: key,
    name: read.name || read.zoneId,
    ...(read.zoneId !== key ? { zoneId: read.zoneId } : {}),
    startUtc: new Date(read.startMs).toISOString(),
    lifecycleGPerKWh: read.lifecycle.map(round1),
    directGPerKWh: read.direct.map(round1),
    estimatedHours: read.estimated + filledCount,
    ...(filled.length > 0 ? { filled } : {}),
    sourceId: HOURLY_SOURCE_ID
  })
  return { key, year, profile, upstream, sourceKey }
}

function fail(message: string): never {
  throw new Error(message)
}

export function storedForm(z: ZoneYear): StoredHourlyProfile {
  const p = z.profile
  return storedHourlyProfileSchema.parse({
    zone: p.zone,
    name: p.name,
    ...(p.zoneId ? { zoneId: p.zoneId } : {}),
    year: z.year,
    startUtc: p.startUtc,
    hours: p.lifecycleGPerKWh.length,
    lifecycleTenths: encodeTenths(p.lifecycleGPerKWh),
    directTenths: encodeTenths(p.directGPerKWh),
    estimatedHours: p.estimatedHours,
    ...(p.filled ? { filled: p.filled } : {}),
    sourceId: p.sourceId,
    upstream: `${z.upstream.repository} @ ${z.upstream.commit} : ${z.upstream.path}`
  })
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

/** Reads every zone-year, checks each copy's sha256 against PROVENANCE.md, and renders data/hourly. */
export function buildHourlyData(root: string, note: (message: string) => void): HourlyBuild {
  const provenance = readProvenance(readFileSync(join(root, FOLDER, 'PROVENANCE.md'), 'utf8'))
  const zoneYears: ZoneYear[] = []
  for (const file of readdirSync(join(root, FOLDER_2024)).sort()) {
    const m = /^(.+)_(\d{4})_hourly\.csv$/.exec(file)
    if (!m) continue
    const text = readFileSync(join(root, FOLDER_2024, file), 'utf8')
    zoneYears.push(zoneYear(text, `${FOLDER_2024}/${file}`, m[1]!, Number(m[2]), 'gdcc', note))
  }
  for (const zone of readdirSync(join(root, FOLDER), { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(join(root, FOLDER, zone.name)).sort()) {
      const m = /^(.+)_(\d{4})_hourly\.csv$/.exec(file)
      if (!m || m[1] !== zone.name) continue
      const path = `${FOLDER}/${zone.name}/${file}`
      const row = provenance.get(`${m[1]}/${m[2]}`) ?? fail(`${path}: not listed in PROVENANCE.md`)
      const bytes = readFileSync(join(root, path))
      if (sha256(bytes) !== row.sha256) fail(`${path}: sha256 differs from PROVENANCE.md`)
      zoneYears.push(zoneYear(bytes.toString('utf8'), path, m[1]!, Number(m[2]), row.src, note))
    }
  }
  zoneYears.sort((a, b) => (a.key === b.key ? a.year - b.year : a.key < b.key ? -1 : 1))
  const seen = new Set<string>()
  for (const z of zoneYears) {
    const id = `${z.key}/${z.year}`
    if (seen.has(id)) fail(`hourly ${id} comes from two files`)
    seen.add(id)
    if (z.profile.zoneId) note(`hourly ${id}: the export's Zone Id is ${z.profile.zoneId}; shipped as ${z.key}`)
    for (const f of z.profile.filled ?? [])
      note(`hourly ${id}: ${f.hours} empty hours from ${f.fromUtc} filled (${f.method})`)
  }

  const files = new Map<string, string>()
  for (const z of zoneYears) files.set(`hourly/${z.key}/${z.year}.json`, `${JSON.stringify(storedForm(z))}\n`)
  const bytes = [...files.values()].reduce((n, text) => n + Buffer.byteLength(text), 0)
  const zones = [...new Set(zoneYears.map((z) => z.key))]
  return {
    zoneYears,
    files,
    // One entry per repository (path with <ZONE> and <YEAR>): the manifest is in the app's initial JavaScript; each
    // zone-year file names its own upstream file.
    used: [...new Set(zoneYears.map((z) => z.sourceKey))].sort().map((key) => REPOSITORIES[key]!),
    markdown: hourlyMarkdown(zoneYears, zones.length, bytes)
  }
}

function hourlyMarkdown(zoneYears: ZoneYear[], zoneCount: number, bytes: number): string[] {
  const lines = [
    '## Hourly profiles (data/hourly)',
    '',
    `${zoneCount} zones, ${zoneYears.length} zone-years, ${(bytes / 1e6).toFixed(1)} MB installed: one file per zone and year,`,
    'data/hourly/<ZONE>/<YEAR>.json, loaded only when a run, a plan or a study needs it. Each holds the life-cycle',
    '(default) and direct (combustion only, GHG Protocol Scope 2 location-based) intensities of every UTC hour in',
    'gCO2eq/kWh to 0.1, stored as base64 unsigned 16-bit tenths. Source: Electricity Maps data-portal exports (ODbL 1.0,',
    'attribute "Electricity Maps"), copied from the public repositories named per row; each copy\'s sha256 is checked',
    'against ../shared/reference-data/electricity-maps-hourly/PROVENANCE.md. "est." is the share of hours the export',
    'marks as estimated (filled hours included): read a mostly estimated zone-year as a model, not a measurement.',
    '',
    '| zone | year | hours | est. | filled | mean life-cycle | mean direct | from |',
    '|---|---|---|---|---|---|---|---|'
  ]
  for (const z of zoneYears) {
    const p = z.profile
    const filled = (p.filled ?? []).map((f) => `${f.hours} h from ${f.fromUtc.slice(0, 13)}Z`).join(', ') || '—'
    lines.push(
      `| ${z.key}${p.zoneId ? ` (${p.zoneId})` : ''} | ${z.year} | ${p.lifecycleGPerKWh.length} | ${((100 * p.estimatedHours) / p.lifecycleGPerKWh.length).toFixed(1)} % | ${filled} | ${mean(p.lifecycleGPerKWh).toFixed(1)} | ${mean(p.directGPerKWh).toFixed(1)} | ${z.upstream.repository} @ ${z.upstream.commit} |`
    )
  }
  lines.push('')
  return lines
}
