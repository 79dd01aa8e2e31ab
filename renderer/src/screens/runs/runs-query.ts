import type { RunBrowseQuery, RunOrder, RunRecord } from '../../../db'
import { locationMatches } from '../../i18n/location-names'

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
  order: RunOrder
}

const monthStartMs = (month: string, after = 0): number =>
  Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + after, 1)

/** The browse query of the filters: indexed ones as ranges, the rest as one predicate. */
export const browseQuery = (f: Filters): RunBrowseQuery => {
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
    order: f.order,
    match: tests.length > 0 ? (r) => tests.every((test) => test(r)) : undefined
  }
}
