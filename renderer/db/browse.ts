import Dexie, { type ObservabilitySet, RangeSet, rangesOverlap } from 'dexie'
import { monthOf } from '../../shared/ledger/period'
import {
  devicesOfKey,
  DIMENSION_COUNT,
  dimensionIndex,
  idAt,
  locationOfKey,
  type MonthView,
  type ProjectedDevice,
  type ProjectedLocation,
  type ProjectionDimension,
  searchRows,
  textAt,
  titleOfText
} from '../../shared/ledger/projection'
import type { RunRecord } from '../../shared/ledger/records'
import { guarded } from './errors'
import { readMonth } from './projection'
import { LedgerDb, SCHEMA_VERSION, type UpgradeEngine } from './schema'

/**
 * What the runs table and the projects page need beyond the repositories: a window onto any ordering and filter of
 * the runs (the table shows one screenful of a million), and the archived flag of projects. Additive: it opens its
 * own connection to the same database and never writes runs or rollups. Views are answered from the runs projection
 * (schema version 5, shared/ledger/projection.ts): compact columns per month, scanned in memory; whole run records
 * are read only for the rows asked for.
 */
export type RunOrder = 'newest' | 'oldest' | 'largest' | 'smallest'

export interface RunBrowseQuery {
  projectId?: string
  person?: string
  /** Epoch ms of the start, inclusive / exclusive. */
  fromMs?: number
  toMs?: number
  order: RunOrder
  /** Filters on the projection's columns. */
  where?: RunWhere
  /** An order by a column of the table: the range is scanned and sorted by it; order is then unused. */
  sortBy?: RunSortKey
}

export interface RunWhere {
  kind?: string
  /** The source's kind (manual, codecarbon, …). */
  source?: string
  /** A test of a run's devices, accelerators first: asked once per distinct set of devices. */
  hardware?: (devices: ProjectedDevice[]) => boolean
  /** A test of a run's location: asked once per distinct location. */
  location?: (location: ProjectedLocation) => boolean
  /** Lower-case text that the title, the notes or one tag contains. */
  search?: string
}

export type RunSortColumn = 'energy' | 'title' | 'project' | 'person' | 'kind' | 'hardware' | 'location'

export interface RunSortKey {
  column: RunSortColumn
  descending: boolean
  /**
   * The text a value of a text column sorts by, compared with < (give a normalised form, e.g. lower case); asked once
   * per distinct value. The value: the lower-cased title, the project id, the person, the kind, the devices
   * (devicesOfKey) or the location (locationOfKey). Absent: the value itself.
   */
  text?: (column: Exclude<RunSortColumn, 'energy'>, value: string) => string
}

export interface RunWindow {
  /** Rows in their final positions so far: all of them once complete. */
  total: number
  /** False while a scan is still finding rows: total grows, rows already counted keep their positions. */
  complete: boolean
  /** Share of the runs in the view's range looked at, 0 to 1. */
  scanned: number
  rows(offset: number, limit: number): Promise<RunRecord[]>
}

export interface BrowseOptions {
  /** While a scan runs: the rows found so far, after each month it reads. */
  onProgress?: (partial: RunWindow) => void
  /** Stops a scan between reads; the promise rejects with an AbortError. */
  signal?: AbortSignal
}

const monthStartMs = (month: string, after = 0): number =>
  Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + after, 1)
const MIN_KEY = -8.64e15
const MAX_KEY = 8.64e15
const ARCHIVED_KEY = 'ui.archivedProjects'
/** Months kept decoded by one window while its rows are read (a month of a million-run ledger: a few MB). */
const MAX_CACHED_MONTHS = 6

export interface LedgerBrowser {
  /** A window onto the runs in the query's order: a count, then rows by position. */
  runs(query: RunBrowseQuery, options?: BrowseOptions): Promise<RunWindow>
  archivedProjects(): Promise<Set<string>>
  setArchived(projectId: string, archived: boolean): Promise<void>
  close(): void
}

/**
 * Whether each code of a month's string table passes a test, asked on first use (the table holds every column's
 * values: a code is only asked of the column it appears in) and once per distinct value across months (memo).
 */
const passing = (view: MonthView, test: (value: string) => boolean, memo: Map<string, boolean>) => {
  const known = new Int8Array(view.strings.length).fill(-1)
  return (code: number): boolean => {
    if (known[code] === -1) {
      const value = view.strings[code]!
      let pass = memo.get(value)
      if (pass === undefined) memo.set(value, (pass = test(value)))
      known[code] = pass ? 1 : 0
    }
    return known[code] === 1
  }
}

/**
 * The rows of a month a query keeps, ascending positions: every filter the projection answers (project, person,
 * time range, kind, source, hardware, location, search). The tests of text columns are asked once per value; memos
 * hold their answers across the months of one view.
 */
const matcher = (q: RunBrowseQuery) => {
  const equal = (value: string) => (v: string) => v === value
  const tests: [ProjectionDimension, (value: string) => boolean][] = []
  if (q.projectId !== undefined) tests.push(['project', equal(q.projectId)])
  if (q.person !== undefined) tests.push(['person', equal(q.person)])
  const w = q.where ?? {}
  if (w.kind !== undefined) tests.push(['kind', equal(w.kind)])
  if (w.source !== undefined) tests.push(['source', equal(w.source)])
  if (w.hardware) {
    const test = w.hardware
    tests.push(['hardware', (key) => test(devicesOfKey(key))])
  }
  if (w.location) {
    const test = w.location
    tests.push(['location', (key) => test(locationOfKey(key))])
  }
  const memos = tests.map(() => new Map<string, boolean>())
  const from = q.fromMs ?? MIN_KEY
  const to = q.toMs ?? MAX_KEY
  const search = w.search ?? ''
  return (view: MonthView): number[] => {
    const allowed = tests.map(([dim, test], i) => ({
      at: dimensionIndex(dim),
      ok: passing(view, test, memos[i]!)
    }))
    const hits = search === '' ? undefined : searchRows(view, search)
    const kept: number[] = []
    for (let i = 0; i < view.count; i++) {
      const t = view.startedAtMs[i]!
      if (t < from || t >= to || (hits && hits[i] === 0)) continue
      let pass = true
      for (const { at, ok } of allowed) if (!ok(view.codes[i * DIMENSION_COUNT + at]!)) pass = false
      if (pass) kept.push(i)
    }
    return kept
  }
}

/** The sort key of row i of a month: a number (energy, emissions) or the text of a text column. */
const sortKeyOf = (q: RunBrowseQuery) => {
  const sortBy = q.sortBy
  if (!sortBy) return (view: MonthView, i: number) => view.emissionsKg[i]!
  const { column } = sortBy
  if (column === 'energy') return (view: MonthView, i: number) => view.energyKWh[i]!
  const memo = new Map<string, string>()
  const text = (value: string) => {
    let key = memo.get(value)
    if (key === undefined) memo.set(value, (key = sortBy.text ? sortBy.text(column, value) : value))
    return key
  }
  if (column === 'title') return (view: MonthView, i: number) => text(titleOfText(textAt(view, i)))
  const at = dimensionIndex(column)
  return (view: MonthView, i: number) => text(view.strings[view.codes[i * DIMENSION_COUNT + at]!]!)
}

/** engine: as openLedger's, for the upgrade when this connection opens the database first. */
export const openLedgerBrowser = async (name = 'carbon-ledger', engine?: UpgradeEngine): Promise<LedgerBrowser> => {
  const db = new LedgerDb(name, SCHEMA_VERSION, engine)
  await guarded(() => db.open())

  /**
   * Decoded months kept across views (issue 15: a cold read of a million-run projection is 1.7 s of IndexedDB alone,
   * a scan of months in memory tens of ms), each under the keys of the parts it was read from. A write adds or
   * replaces parts, so a month whose part keys changed is read again; Dexie's storagemutated event (this page's
   * writes and other tabs') drops a month as soon as a write touches it, which also covers a month emptied and
   * written again under the same key.
   */
  const cache = new Map<string, { keys: string; view: Promise<MonthView> }>()
  const mutated = `idb://${db.name}/projection/`
  const onMutation = (parts: ObservabilitySet) => {
    for (const [key, ranges] of Object.entries(parts)) {
      if (!key.startsWith(mutated)) continue
      for (const month of [...cache.keys()])
        if (rangesOverlap(ranges, new RangeSet([month, -Infinity], [month, Infinity]))) cache.delete(month)
    }
  }
  Dexie.on.storagemutated.subscribe(onMutation)

  /** Each month's part keys (seqs joined): one read of keys only, which a live query observes as the whole table. */
  const partKeys = async (): Promise<Map<string, string>> => {
    const keys = new Map<string, string>()
    for (const [month, seq] of await db.projection.toCollection().primaryKeys())
      keys.set(month, keys.has(month) ? `${keys.get(month)},${seq}` : String(seq))
    return keys
  }

  /** A month's view, from memory when its parts are the ones it was read from. */
  const monthOfKeys = (month: string, keys: Map<string, string>): Promise<MonthView> => {
    const now = keys.get(month) ?? ''
    const cached = cache.get(month)
    if (cached?.keys === now) return cached.view
    const view = readMonth(db, month)
    cache.set(month, { keys: now, view })
    view.catch(() => cache.delete(month))
    return view
  }

  /** Rows by position from run ids in display order. */
  const byIds = (ids: string[]) => async (offset: number, limit: number) => {
    const found = await guarded(() => db.runs.bulkGet(ids.slice(offset, offset + limit)))
    return found.filter((r): r is RunRecord => r !== undefined)
  }

  /**
   * Runs per UTC start month, ascending, from the rollups: the project × month cells (of one project, or all), or
   * the fine cells when a person is asked for (they hold the person).
   */
  const monthCounts = async (projectId: string | undefined, person?: string): Promise<[string, number][]> => {
    const counts = new Map<string, number>()
    const level = person === undefined ? 'pm' : 'all'
    await db.rollups
      .where('[level+month]')
      .between([level, ''], [level, '\uffff'])
      .each((cell) => {
        if (
          (projectId === undefined || cell.project === projectId) &&
          (person === undefined || cell.person === person)
        ) {
          counts.set(cell.month, (counts.get(cell.month) ?? 0) + cell.runs)
        }
      })
    return [...counts].filter(([, n]) => n > 0).sort(([a], [b]) => (a < b ? -1 : 1))
  }

  /**
   * The runs in time order, month by month, of the whole ledger or of one project or one person, within whole months:
   * the rollups count each month's runs, so the total and the month holding any position come without reading any
   * run, and a jump reads only the projection of the month it lands in (its ids in order), then the rows shown.
   */
  const byMonth = async (q: RunBrowseQuery): Promise<RunWindow> => {
    const descending = q.order === 'newest'
    const from = q.fromMs ?? MIN_KEY
    const to = q.toMs ?? MAX_KEY
    const [counts, keys] = await Promise.all([monthCounts(q.projectId, q.person), partKeys()])
    const months = counts.filter(([month]) => monthStartMs(month) >= from && monthStartMs(month, 1) <= to)
    if (descending) months.reverse()
    const firsts: number[] = []
    let total = 0
    for (const [, n] of months) {
      firsts.push(total)
      total += n
    }
    const keep = matcher({ ...q, fromMs: undefined, toMs: undefined })
    /** Each month's ids in display order, once read (a few recent months kept). */
    const lists = new Map<string, Promise<string[]>>()
    const listOf = (month: string) => {
      let list = lists.get(month)
      if (!list) {
        list = monthOfKeys(month, keys).then((view) => {
          const ids = keep(view).map((i) => idAt(view, i))
          return descending ? ids.reverse() : ids
        })
        list.catch(() => lists.delete(month))
        lists.set(month, list)
        if (lists.size > MAX_CACHED_MONTHS) lists.delete(lists.keys().next().value!)
      }
      return list
    }
    const rows = async (offset: number, limit: number) => {
      const ids: string[] = []
      for (let i = 0; i < months.length && ids.length < limit; i++) {
        // Never negative while the rollups agree with the projection; if not, the next month starts at its first row.
        const at = Math.max(0, offset + ids.length - firsts[i]!)
        const [month, count] = months[i]!
        if (at >= count) continue
        const want = Math.min(limit - ids.length, count - at)
        ids.push(...(await guarded(() => listOf(month))).slice(at, at + want))
      }
      return byIds(ids)(0, ids.length)
    }
    return { total, complete: true, scanned: 1, rows }
  }

  /**
   * Every other view: the projection of each month in the range is read and filtered, in display order for time
   * orders (so the rows found so far are already in place, shown while the scan goes on), then sorted for the others.
   */
  const scan = async (q: RunBrowseQuery, options: BrowseOptions): Promise<RunWindow> => {
    const from = q.fromMs ?? MIN_KEY
    const to = q.toMs ?? MAX_KEY
    const byTime = q.sortBy === undefined && (q.order === 'newest' || q.order === 'oldest')
    const backwards = q.order === 'newest'
    const [counts, keys] = await Promise.all([monthCounts(q.projectId), partKeys()])
    const months = counts.filter(([month]) => monthStartMs(month, 1) > from && monthStartMs(month) < to)
    if (backwards) months.reverse()
    const inRange = months.reduce((n, [, count]) => n + count, 0)
    const keep = matcher(q)
    const keyOf = sortKeyOf(q)
    const ids: string[] = []
    const keyed: { id: string; key: string | number }[] = []
    let looked = 0
    // One rows function for every partial window of the scan: the table keeps the rows it has read.
    const rows = byIds(ids)
    const window = (complete: boolean): RunWindow => ({
      total: byTime || complete ? ids.length : 0,
      complete,
      scanned: complete || inRange === 0 ? 1 : Math.min(1, looked / inRange),
      rows
    })
    for (const [month, count] of months) {
      if (options.signal?.aborted)
        throw new DOMException('The runs view changed before its scan finished.', 'AbortError')
      const view = await monthOfKeys(month, keys)
      const kept = keep(view)
      if (byTime) {
        if (backwards) kept.reverse()
        for (const i of kept) ids.push(idAt(view, i))
      } else for (const i of kept) keyed.push({ id: idAt(view, i), key: keyOf(view, i) })
      looked += count
      options.onProgress?.(window(false))
    }
    if (!byTime) {
      // Ties as an index walk gives them: ascending id, descending when read backwards (largest first).
      const sign = (q.sortBy ? q.sortBy.descending : q.order === 'largest') ? -1 : 1
      const order = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0)
      keyed.sort((a, b) => sign * (order(a.key, b.key) || order(a.id, b.id)))
      for (const { id } of keyed) ids.push(id)
    }
    return window(true)
  }

  const runs = (q: RunBrowseQuery, options: BrowseOptions = {}): Promise<RunWindow> =>
    guarded(async () => {
      const wholeMonths = [q.fromMs, q.toMs].every((ms) => ms === undefined || ms === monthStartMs(monthOf(ms)))
      const oneIndex = q.projectId === undefined || q.person === undefined
      const byTime = q.sortBy === undefined && (q.order === 'newest' || q.order === 'oldest')
      if (byTime && q.where === undefined && oneIndex && wholeMonths) return byMonth(q)
      return scan(q, options)
    })

  const archivedProjects = () =>
    guarded(async () => {
      const record = await db.settings.get(ARCHIVED_KEY)
      const ids = Array.isArray(record?.value) ? record.value.filter((v): v is string => typeof v === 'string') : []
      return new Set(ids)
    })

  return {
    runs,
    archivedProjects,
    setArchived: (projectId, archived) =>
      guarded(() =>
        db.transaction('rw', db.settings, async () => {
          const record = await db.settings.get(ARCHIVED_KEY)
          const ids = new Set(
            Array.isArray(record?.value) ? record.value.filter((v): v is string => typeof v === 'string') : []
          )
          if (archived) ids.add(projectId)
          else ids.delete(projectId)
          await db.settings.put({ key: ARCHIVED_KEY, value: [...ids].sort(), updatedAt: Date.now() })
        })
      ),
    close: () => {
      Dexie.on.storagemutated.unsubscribe(onMutation)
      cache.clear()
      db.close()
    }
  }
}
