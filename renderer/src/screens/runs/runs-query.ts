import type { RunBrowseQuery, RunWhere } from '../../../db'
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
 * The text a column shows for a value of the runs projection (the lower-cased title, the project id, the person, the
 * kind, the devices key, the location key): the table sorts by it, so the order is the one the user reads.
 */
export type ColumnLabel = (column: TextColumn, value: string) => string

/**
 * The browse query of the filters and the order: project, person and months as ranges, the rest as filters on the
 * projection's columns; start and CO2e by the projection's time and emissions, other columns by the text they show
 * (labelOf, case-insensitive).
 */
export const browseQuery = (f: Filters, sort: RunSort, labelOf: ColumnLabel): RunBrowseQuery => {
  const hardware = f.hardware.trim().toLowerCase()
  const location = f.location.trim().toLowerCase()
  const search = f.search.trim().toLowerCase()
  const where: RunWhere = {
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.source ? { source: f.source } : {}),
    ...(hardware
      ? {
          hardware: (devices) =>
            devices.some(
              (d) => d.name.toLowerCase().includes(hardware) || (d.hardwareId ?? '').toLowerCase().includes(hardware)
            )
        }
      : {}),
    // The table names countries in the UI language: a country matches by its name in either language too.
    ...(location ? { location: (l) => locationMatches(l.locationId, l.locationLabel, location) } : {}),
    ...(search ? { search } : {})
  }
  return {
    projectId: f.project || undefined,
    person: f.person.trim() || undefined,
    fromMs: f.from ? monthStartMs(f.from) : undefined,
    toMs: f.to ? monthStartMs(f.to, 1) : undefined,
    ...orderOf(sort, labelOf),
    ...(Object.keys(where).length > 0 ? { where } : {})
  }
}

const orderOf = (sort: RunSort, labelOf: ColumnLabel): Pick<RunBrowseQuery, 'order' | 'sortBy'> => {
  const { column, descending } = sort
  if (column === 'start') return { order: descending ? 'newest' : 'oldest' }
  if (column === 'emissions') return { order: descending ? 'largest' : 'smallest' }
  if (column === 'energy') return { order: 'newest', sortBy: { column, descending } }
  return {
    order: 'newest',
    sortBy: { column, descending, text: (c, value) => labelOf(c, value).toLocaleLowerCase() }
  }
}
