import type { RunBrowseQuery, RunRecord } from '../../../db'
import { locationMatches } from '../../i18n/location-names'

/** The table's columns that sort it. */
export type SortColumn =
  'start' | 'title' | 'project' | 'person' | 'kind' | 'hardware' | 'location' | 'energy' | 'emissions'

/** Columns sorted by the text they show (in the UI language), not by a number. */
export type TextColumn = Exclude<SortColumn, 'start' | 'energy' | 'emissions'>

export interface RunSort {
  column: SortColumn
  descending: boolean
}

export const NEWEST_FIRST: RunSort = { column: 'start', descending: true }

/** A click on a column header: the same column reverses; another starts with the largest or latest, or A to Z. */
export const nextSort = (current: RunSort, column: SortColumn): RunSort =>
  current.column === column
    ? { column, descending: !current.descending }
    : { column, descending: column === 'start' || column === 'energy' || column === 'emissions' }

/** What the runs table's filter bar holds. */
export interface Filters {
  project: string
  person: string
  from: string
  to: string
  hardware: string
  location: string
  source: string
  kind: string
  search: string
}

const monthStartMs = (month: string, after = 0): number =>
  Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + after, 1)

/**
 * The browse query of the filters and the order: indexed filters as ranges, the rest as one predicate; start and
 * CO2e by their indexes, other columns by their key (text as shown, from textOf, case-insensitive).
 */
export const browseQuery = (
  f: Filters,
  sort: RunSort,
  textOf: (column: TextColumn, run: RunRecord) => string
): RunBrowseQuery => {
  const hardware = f.hardware.trim().toLowerCase()
  const location = f.location.trim().toLowerCase()
  const search = f.search.trim().toLowerCase()
  const tests: ((r: RunRecord) => boolean)[] = []
  if (f.kind) tests.push((r) => r.input.kind === f.kind)
  if (f.source) tests.push((r) => r.input.source.kind === f.source)
  if (hardware)
    tests.push((r) =>
      r.input.devices.some(
        (d) => d.name.toLowerCase().includes(hardware) || (d.hardwareId ?? '').toLowerCase().includes(hardware)
      )
    )
  // The table names countries in the UI language: a country matches by its name in either language too.
  if (location) tests.push((r) => locationMatches(r.result.locationId, r.result.locationLabel, location))
  if (search)
    tests.push(
      (r) =>
        r.input.title.toLowerCase().includes(search) ||
        r.input.notes.toLowerCase().includes(search) ||
        r.input.tags.some((tag) => tag.toLowerCase().includes(search))
    )
  return {
    projectId: f.project || undefined,
    person: f.person.trim() || undefined,
    fromMs: f.from ? monthStartMs(f.from) : undefined,
    toMs: f.to ? monthStartMs(f.to, 1) : undefined,
    ...orderOf(sort, textOf),
    match: tests.length > 0 ? (r) => tests.every((test) => test(r)) : undefined
  }
}

const orderOf = (
  sort: RunSort,
  textOf: (column: TextColumn, run: RunRecord) => string
): Pick<RunBrowseQuery, 'order' | 'sortBy'> => {
  const { column, descending } = sort
  if (column === 'start') return { order: descending ? 'newest' : 'oldest' }
  if (column === 'emissions') return { order: descending ? 'largest' : 'smallest' }
  if (column === 'energy') return { order: 'newest', sortBy: { key: (r) => r.result.energyKWh.value, descending } }
  return { order: 'newest', sortBy: { key: (r) => textOf(column, r).toLocaleLowerCase(), descending } }
}
