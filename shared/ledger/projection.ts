import type { Message } from '../messages/message'
import type { RunRecord } from './records'

/**
 * The runs projection (schema version 5, docs/ledger.md): what browsing the runs filters, sorts and searches by, kept
 * per UTC start month in columns (typed arrays for numbers, codes into a string table for repeated text, one joined
 * string of lower-cased search text), so that a million runs are scanned in well under a second where reading the
 * runs themselves took minutes. A month is stored as parts: each transaction that writes runs of a month adds one
 * part holding the rows it wrote and the ids it removed; reading a month applies its parts in order, and a month
 * with many parts is compacted into one in the writing transaction. Pure: built from run records only, so a
 * projection rebuilt from the runs must equal the stored one.
 */

/** The text columns held as codes into a part's string table, in the order of `codes`. */
export const PROJECTION_DIMENSIONS = ['project', 'person', 'kind', 'source', 'hardware', 'location'] as const
export type ProjectionDimension = (typeof PROJECTION_DIMENSIONS)[number]
const DIMS = PROJECTION_DIMENSIONS.length

/** One run as the projection holds it. */
export interface ProjectionRow {
  id: string
  startedAtMs: number
  emissionsKg: number
  energyKWh: number
  project: string
  person: string
  kind: string
  source: string
  /** The devices, accelerators first (hardwareKey). */
  hardware: string
  /** The location's id, label and label message (locationKey). */
  location: string
  /** Lower-cased title, notes and tags, separated by FIELD_SEP (searchText). */
  text: string
}

/** One stored part of a month: rows in (startedAtMs, id) order, and the ids of rows an earlier part held that go. */
export interface ProjectionPart {
  month: string
  /** Increasing within a month: parts apply in this order. */
  seq: number
  /** Ids joined by ROW_SEP: one string clones far faster than an array of a hundred thousand. */
  ids: string
  /** Ids removed, joined by ROW_SEP; '' for none. */
  removed: string
  startedAtMs: Float64Array
  emissionsKg: Float64Array
  energyKWh: Float64Array
  /** DIMS codes per row, in PROJECTION_DIMENSIONS order, indexes into strings. */
  codes: Uint32Array
  strings: string[]
  /** Each row's search text, joined by ROW_SEP. */
  text: string
  /** count + 1 offsets: row i's id is ids.slice(idStart[i], idStart[i + 1] - 1); read without splitting. */
  idStart: Uint32Array
  /** The same for text. */
  textStart: Uint32Array
}

/** Separates rows in joined strings, and fields of a row's search text: neither is typed into a search. */
export const ROW_SEP = '\u0000'
export const FIELD_SEP = '\u0001'
const clean = (s: string) => s.replaceAll(ROW_SEP, ' ').replaceAll(FIELD_SEP, ' ')

const DEVICE_RANK = { gpu: 0, tpu: 1, cpu: 2 } as const

/** The devices a run names, accelerators first (as the runs table shows them), as one string-table entry. */
export const hardwareKey = (devices: RunRecord['input']['devices']): string =>
  JSON.stringify(
    [...devices]
      .sort((a, b) => DEVICE_RANK[a.kind] - DEVICE_RANK[b.kind])
      .map((d) => [d.kind, d.count, d.name, d.hardwareId ?? null])
  )

export interface ProjectedDevice {
  kind: 'gpu' | 'cpu' | 'tpu'
  count: number
  name: string
  hardwareId?: string
}
export const devicesOfKey = (key: string): ProjectedDevice[] =>
  (JSON.parse(key) as [ProjectedDevice['kind'], number, string, string | null][]).map(([kind, count, name, id]) =>
    id === null ? { kind, count, name } : { kind, count, name, hardwareId: id }
  )

export const locationKey = (result: RunRecord['result']): string =>
  JSON.stringify([result.locationId, result.locationLabel, result.locationLabelMsg ?? null])

export interface ProjectedLocation {
  locationId: string
  locationLabel: string
  locationLabelMsg?: Message
}
export const locationOfKey = (key: string): ProjectedLocation => {
  const [locationId, locationLabel, msg] = JSON.parse(key) as [string, string, Message | null]
  return msg === null ? { locationId, locationLabel } : { locationId, locationLabel, locationLabelMsg: msg }
}

/** What a search looks in: title, notes and each tag, lower-cased, never matched across two of them. */
export const searchText = (input: Pick<RunRecord['input'], 'title' | 'notes' | 'tags'>): string =>
  [input.title, input.notes, ...input.tags].map((s) => clean(s.toLowerCase())).join(FIELD_SEP)

/** The lower-cased title, from a row's search text. */
export const titleOfText = (text: string): string => text.slice(0, (text + FIELD_SEP).indexOf(FIELD_SEP))

export const projectionRow = (run: RunRecord): ProjectionRow => ({
  id: run.id,
  startedAtMs: run.startedAtMs,
  emissionsKg: run.emissionsKg,
  energyKWh: run.result.energyKWh.value,
  project: projectionValue('project', run),
  person: projectionValue('person', run),
  kind: projectionValue('kind', run),
  source: projectionValue('source', run),
  hardware: projectionValue('hardware', run),
  location: projectionValue('location', run),
  text: searchText(run.input)
})

/** A run's value in one text column of the projection, as projectionRow holds it. */
export const projectionValue = (column: ProjectionDimension, run: RunRecord): string => {
  switch (column) {
    case 'project':
      return run.projectId
    case 'person':
      return run.person
    case 'kind':
      return run.input.kind
    case 'source':
      return run.input.source.kind
    case 'hardware':
      return hardwareKey(run.input.devices)
    case 'location':
      return locationKey(run.result)
  }
}

const byTimeThenId = (a: ProjectionRow, b: ProjectionRow) =>
  a.startedAtMs - b.startedAtMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** A part of rows (sorted here) and removed ids. */
export const encodePart = (
  month: string,
  seq: number,
  rows: ProjectionRow[],
  removed: string[] = []
): ProjectionPart => {
  const sorted = [...rows].sort(byTimeThenId)
  const n = sorted.length
  const strings: string[] = []
  const codeOf = new Map<string, number>()
  const codes = new Uint32Array(n * DIMS)
  const startedAtMs = new Float64Array(n)
  const emissionsKg = new Float64Array(n)
  const energyKWh = new Float64Array(n)
  sorted.forEach((row, i) => {
    startedAtMs[i] = row.startedAtMs
    emissionsKg[i] = row.emissionsKg
    energyKWh[i] = row.energyKWh
    PROJECTION_DIMENSIONS.forEach((dim, d) => {
      const value = row[dim]
      let code = codeOf.get(value)
      if (code === undefined) {
        code = strings.length
        strings.push(value)
        codeOf.set(value, code)
      }
      codes[i * DIMS + d] = code
    })
  })
  const ids = sorted.map((r) => clean(r.id))
  const texts = sorted.map((r) => r.text)
  return {
    month,
    seq,
    ids: ids.join(ROW_SEP),
    removed: removed.map(clean).join(ROW_SEP),
    startedAtMs,
    emissionsKg,
    energyKWh,
    codes,
    strings,
    text: texts.join(ROW_SEP),
    idStart: offsets(ids),
    textStart: offsets(texts)
  }
}

/** Where each of joined strings starts (one separator between two), and one past the end. */
const offsets = (pieces: readonly string[]): Uint32Array => {
  const starts = new Uint32Array(pieces.length + 1)
  let at = 0
  pieces.forEach((piece, i) => {
    starts[i] = at
    at += piece.length + 1
  })
  starts[pieces.length] = at
  return starts
}

/** Row i of a part's or a view's joined ids or texts. */
export const idAt = (v: { ids: string; idStart: Uint32Array }, i: number): string =>
  v.ids.slice(v.idStart[i], v.idStart[i + 1]! - 1)
export const textAt = (v: { text: string; textStart: Uint32Array }, i: number): string =>
  v.text.slice(v.textStart[i], v.textStart[i + 1]! - 1)

export const partRows = (part: ProjectionPart): ProjectionRow[] => {
  const n = part.startedAtMs.length
  const rows: ProjectionRow[] = []
  for (let i = 0; i < n; i++) {
    const code = (d: number) => part.strings[part.codes[i * DIMS + d]!]!
    rows.push({
      id: idAt(part, i),
      startedAtMs: part.startedAtMs[i]!,
      emissionsKg: part.emissionsKg[i]!,
      energyKWh: part.energyKWh[i]!,
      project: code(0),
      person: code(1),
      kind: code(2),
      source: code(3),
      hardware: code(4),
      location: code(5),
      text: textAt(part, i)
    })
  }
  return rows
}

const removedIds = (part: ProjectionPart): string[] => (part.removed === '' ? [] : part.removed.split(ROW_SEP))

/** The rows of a month from its parts in seq order: a later part's removal or row replaces an earlier one's. */
export const mergeParts = (parts: readonly ProjectionPart[]): ProjectionRow[] => {
  const rows = new Map<string, ProjectionRow>()
  for (const part of [...parts].sort((a, b) => a.seq - b.seq)) {
    for (const id of removedIds(part)) rows.delete(id)
    for (const row of partRows(part)) rows.set(row.id, row)
  }
  return [...rows.values()].sort(byTimeThenId)
}

/** A month ready to scan: its rows in (startedAtMs, id) order, in a part's columns (ids and texts by idAt, textAt). */
export type MonthView = Omit<ProjectionPart, 'seq' | 'removed'> & { count: number }

const viewOfPart = (part: ProjectionPart): MonthView => ({ ...part, count: part.startedAtMs.length })

/**
 * A month's parts as one view. The first part (the month as last compacted) is used as stored; only the rows of the
 * later parts, usually few, are decoded, and merged in by time, the first part's rows copied in runs between them:
 * reading a month costs about what a single part does until the writer compacts it.
 */
export const monthView = (parts: readonly ProjectionPart[]): MonthView => {
  const [first, ...later] = [...parts].sort((a, b) => a.seq - b.seq)
  // A first part's removals name rows of parts already compacted away: there is nothing before it to remove from.
  const base = viewOfPart(first ?? encodePart('', 0, []))
  if (later.length === 0) return base
  const touched = new Set<string>()
  for (const part of later) {
    for (const id of removedIds(part)) touched.add(id)
    for (let i = 0; i < part.startedAtMs.length; i++) touched.add(idAt(part, i))
  }
  const newer = mergeParts(later)
  const keep = new Uint8Array(base.count)
  let count = newer.length
  for (let i = 0; i < base.count; i++) {
    if (touched.has(idAt(base, i))) continue
    keep[i] = 1
    count++
  }
  const strings = [...base.strings]
  const codeOf = new Map(strings.map((value, code) => [value, code]))
  const code = (value: string) => {
    let c = codeOf.get(value)
    if (c === undefined) {
      c = strings.length
      strings.push(value)
      codeOf.set(value, c)
    }
    return c
  }
  const startedAtMs = new Float64Array(count)
  const emissionsKg = new Float64Array(count)
  const energyKWh = new Float64Array(count)
  const codes = new Uint32Array(count * DIMS)
  const idStart = new Uint32Array(count + 1)
  const textStart = new Uint32Array(count + 1)
  const idPieces: string[] = []
  const textPieces: string[] = []
  let out = 0
  let idAtOut = 0
  let textAtOut = 0
  /** Base rows a..b-1 (all kept), copied as one run. */
  const copy = (a: number, b: number) => {
    if (b <= a) return
    startedAtMs.set(base.startedAtMs.subarray(a, b), out)
    emissionsKg.set(base.emissionsKg.subarray(a, b), out)
    energyKWh.set(base.energyKWh.subarray(a, b), out)
    codes.set(base.codes.subarray(a * DIMS, b * DIMS), out * DIMS)
    for (let i = a; i < b; i++, out++) {
      idStart[out] = idAtOut + base.idStart[i]! - base.idStart[a]!
      textStart[out] = textAtOut + base.textStart[i]! - base.textStart[a]!
    }
    idPieces.push(base.ids.slice(base.idStart[a], base.idStart[b]! - 1))
    textPieces.push(base.text.slice(base.textStart[a], base.textStart[b]! - 1))
    idAtOut += base.idStart[b]! - base.idStart[a]!
    textAtOut += base.textStart[b]! - base.textStart[a]!
  }
  const insert = (row: ProjectionRow) => {
    startedAtMs[out] = row.startedAtMs
    emissionsKg[out] = row.emissionsKg
    energyKWh[out] = row.energyKWh
    PROJECTION_DIMENSIONS.forEach((dim, d) => (codes[out * DIMS + d] = code(row[dim])))
    idStart[out] = idAtOut
    textStart[out] = textAtOut
    idPieces.push(row.id)
    textPieces.push(row.text)
    idAtOut += row.id.length + 1
    textAtOut += row.text.length + 1
    out++
  }
  let runStart = 0
  let n = 0
  for (let i = 0; i < base.count; i++) {
    if (keep[i] === 0) {
      copy(runStart, i)
      runStart = i + 1
      continue
    }
    const t = base.startedAtMs[i]!
    let row = newer[n]
    if (row !== undefined && (row.startedAtMs < t || (row.startedAtMs === t && row.id < idAt(base, i)))) {
      copy(runStart, i)
      runStart = i
      for (
        ;
        row !== undefined && (row.startedAtMs < t || (row.startedAtMs === t && row.id < idAt(base, i)));
        row = newer[++n]
      )
        insert(row)
    }
  }
  copy(runStart, base.count)
  for (; n < newer.length; n++) insert(newer[n]!)
  idStart[count] = idAtOut
  textStart[count] = textAtOut
  return {
    month: base.month || (later[0]?.month ?? ''),
    count,
    ids: idPieces.join(ROW_SEP),
    idStart,
    startedAtMs,
    emissionsKg,
    energyKWh,
    codes,
    strings,
    text: textPieces.join(ROW_SEP),
    textStart
  }
}

export const dimensionIndex = (dim: ProjectionDimension): number => PROJECTION_DIMENSIONS.indexOf(dim)
export const DIMENSION_COUNT = DIMS

/**
 * The rows of a month whose search text contains a lower-cased query, ascending: one native search through the
 * month's joined text, each hit mapped to its row.
 */
export const searchRows = (view: MonthView, query: string): Uint8Array => {
  const hits = new Uint8Array(view.count)
  if (query === '' || query.includes(ROW_SEP)) return query === '' ? hits.fill(1) : hits
  let at = view.text.indexOf(query)
  let row = 0
  while (at !== -1) {
    while (view.textStart[row + 1]! <= at) row++
    hits[row] = 1
    // The next hit can only count for a later row.
    at = view.text.indexOf(query, view.textStart[row + 1]!)
  }
  return hits
}

/**
 * What the changes of one transaction do to the projection, per month: the rows written and the ids removed. Fed
 * the same (run, ±1) calls as the rollup delta; a later call for a run replaces an earlier one.
 */
export class ProjectionDelta {
  readonly months = new Map<string, Map<string, ProjectionRow | null>>()

  add(run: RunRecord, sign: 1 | -1): void {
    let month = this.months.get(run.startMonth)
    if (!month) this.months.set(run.startMonth, (month = new Map()))
    month.set(run.id, sign === 1 ? projectionRow(run) : null)
  }
}

/** A month's parts beyond which a write compacts it into one. */
export const MAX_PARTS = 24

/**
 * The parts a month's delta leaves: one more part, or all of them compacted into one (a month emptied by its
 * removals then goes) once the month has MAX_PARTS parts or its later parts hold more than a quarter as many rows as
 * its first. Adding a part writes only the delta, so a long import or recompute in many transactions does not rewrite
 * whole months each time; compacting keeps a month's reading (monthView) close to the cost of one part.
 */
export const applyToMonth = (
  month: string,
  stored: readonly ProjectionPart[],
  changes: ReadonlyMap<string, ProjectionRow | null>
): { put: ProjectionPart[]; remove: number[] } => {
  const seq = stored.reduce((max, p) => Math.max(max, p.seq), 0) + 1
  const written = [...changes.values()].filter((r): r is ProjectionRow => r !== null)
  if (stored.length === 0) return { put: written.length > 0 ? [encodePart(month, seq, written)] : [], remove: [] }
  const removed = [...changes].filter(([, row]) => row === null).map(([id]) => id)
  const next = encodePart(month, seq, written, removed)
  const [first, ...later] = [...stored].sort((a, b) => a.seq - b.seq)
  const laterRows = [...later, next].reduce((n, p) => n + p.startedAtMs.length + (p.removed ? 1 : 0), 0)
  if (stored.length + 1 < MAX_PARTS && laterRows <= first!.startedAtMs.length / 4) return { put: [next], remove: [] }
  const rows = mergeParts([...stored, next])
  return { put: rows.length > 0 ? [encodePart(month, seq, rows)] : [], remove: stored.map((p) => p.seq) }
}

/** The whole projection rebuilt from runs: one part per month (the migration, the fast fill, the tests' reference). */
export const buildProjection = (runs: Iterable<RunRecord>): ProjectionPart[] => {
  const byMonth = new Map<string, ProjectionRow[]>()
  for (const run of runs) {
    let rows = byMonth.get(run.startMonth)
    if (!rows) byMonth.set(run.startMonth, (rows = []))
    rows.push(projectionRow(run))
  }
  return [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, rows]) => encodePart(month, 1, rows))
}
