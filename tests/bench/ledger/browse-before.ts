/**
 * The runs browsing of schema version 4 (renderer/db/browse.ts before the runs projection), kept unchanged for the
 * browse benchmark's "before" figures: filters no index answers read every run record of the range.
 */
import { guarded } from '../../../renderer/db/errors'
import { LedgerDb, SCHEMA_VERSION, type UpgradeEngine } from '../../../renderer/db/schema'
import { monthOf } from '../../../shared/ledger/period'
import type { RunRecord } from '../../../shared/ledger/records'

/**
 * What the runs table and the projects page need beyond the repositories: a window onto any ordering and filter of
 * the runs (the table shows one screenful of a million), and the archived flag of projects. Additive: it opens its
 * own connection to the same database and never writes runs or rollups.
 */
export type RunOrder = 'newest' | 'oldest' | 'largest' | 'smallest'

export interface RunBrowseQuery {
  projectId?: string
  person?: string
  /** Epoch ms of the start, inclusive / exclusive. */
  fromMs?: number
  toMs?: number
  order: RunOrder
  /** Filters no index answers (kind, hardware, location, source, text search): they need one pass over the range. */
  match?: (run: RunRecord) => boolean
  /** An order no index holds (a column of the table): the range is scanned and sorted by it; order is then unused. */
  sortBy?: RunSortKey
}

export interface RunSortKey {
  /** Compared with < (strings by code unit: give a normalised form, e.g. lower case). */
  key: (run: RunRecord) => string | number
  descending: boolean
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
  /** While a scan runs: the rows found so far, after each piece it reads (a few hundred ms apart at most). */
  onProgress?: (partial: RunWindow) => void
  /** Stops a scan between reads; the promise rejects with an AbortError. */
  signal?: AbortSignal
}

const monthStartMs = (month: string, after = 0): number =>
  Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + after, 1)
const MIN_KEY = -8.64e15
const MAX_KEY = 8.64e15
const ARCHIVED_KEY = 'ui.archivedProjects'
const MAX_CACHED_MONTHS = 24
/** Rows from either end of a month that are read by a key cursor while the month's key list is not read yet. */
const END_ROWS = 1000
/** Runs read per getAll in a scan: a month of a large ledger is split so that memory stays at a few tens of MB. */
const SCAN_PIECE_RUNS = 4000

export interface LedgerBrowser {
  /** A window onto the runs in the query's order: a count, then rows by position. */
  runs(query: RunBrowseQuery, options?: BrowseOptions): Promise<RunWindow>
  archivedProjects(): Promise<Set<string>>
  setArchived(projectId: string, archived: boolean): Promise<void>
  close(): void
}

/** engine: as openLedger's, for the upgrade when this connection opens the database first. */
export const openLedgerBrowser = async (name = 'carbon-ledger', engine?: UpgradeEngine): Promise<LedgerBrowser> => {
  const db = new LedgerDb(name, SCHEMA_VERSION, engine)
  await guarded(() => db.open())

  const timeRange = (q: RunBrowseQuery) => {
    const from = q.fromMs ?? MIN_KEY
    const to = q.toMs ?? MAX_KEY
    if (q.projectId !== undefined)
      return db.runs.where('[projectId+startedAtMs]').between([q.projectId, from], [q.projectId, to], true, false)
    if (q.person !== undefined)
      return db.runs.where('[person+startedAtMs]').between([q.person, from], [q.person, to], true, false)
    return db.runs.where('startedAtMs').between(from, to, true, false)
  }

  /**
   * An index that holds the rows in the wanted order, walked ascending, and whether the view reads it backwards.
   * Only its primary keys are read: Chromium's index count() and cursor advance() load every record they pass
   * (200,000 runs: count 9.7 s, offset 100,000 5.1 s), while getAllKeys reads the index alone.
   */
  const indexed = (q: RunBrowseQuery) => {
    const timeOnly = q.match === undefined && !(q.projectId !== undefined && q.person !== undefined)
    if (timeOnly && (q.order === 'newest' || q.order === 'oldest'))
      return { walk: () => timeRange(q), descending: q.order === 'newest' }
    const noRange = q.match === undefined && q.person === undefined && q.fromMs === undefined && q.toMs === undefined
    if (noRange && (q.order === 'largest' || q.order === 'smallest')) {
      const walk = () =>
        q.projectId === undefined
          ? db.runs.orderBy('emissionsKg')
          : db.runs.where('[projectId+emissionsKg]').between([q.projectId, -Infinity], [q.projectId, Infinity])
      return { walk, descending: q.order === 'largest' }
    }
    return undefined
  }

  /** Rows by position from run ids in display order. */
  const byIds = (ids: string[]) => async (offset: number, limit: number) => {
    const found = await guarded(() => db.runs.bulkGet(ids.slice(offset, offset + limit)))
    return found.filter((r): r is RunRecord => r !== undefined)
  }

  /**
   * The runs in time order, month by month, of the whole ledger or of one project or one person, within whole months:
   * the rollups count each month's runs (in its UTC start month), so the total and the month holding any position
   * come without walking an index, and only the months shown have keys read.
   */
  const byMonth = async (q: RunBrowseQuery): Promise<RunWindow> => {
    const descending = q.order === 'newest'
    const from = q.fromMs ?? MIN_KEY
    const to = q.toMs ?? MAX_KEY
    const months = (await monthCounts(q.projectId, q.person)).filter(
      ([month]) => monthStartMs(month) >= from && monthStartMs(month, 1) <= to
    )
    if (descending) months.reverse()
    const firsts: number[] = []
    let total = 0
    for (const [, n] of months) {
      firsts.push(total)
      total += n
    }
    const monthKeys = (month: string) => timeRange({ ...q, fromMs: monthStartMs(month), toMs: monthStartMs(month, 1) })
    /** Each month's whole key list in display order, once read (ids) or while being read. */
    const lists = new Map<string, { read: Promise<string[]>; ids?: string[] }>()
    const listOf = (month: string) => {
      let list = lists.get(month)
      if (!list) {
        const entry: { read: Promise<string[]>; ids?: string[] } = {
          read: monthKeys(month)
            .primaryKeys()
            .then((keys) => (entry.ids = descending ? (keys as string[]).reverse() : (keys as string[])))
        }
        entry.read.catch(() => lists.delete(month))
        lists.set(month, (list = entry))
        if (lists.size > MAX_CACHED_MONTHS) lists.delete(lists.keys().next().value!)
      }
      return list.read
    }
    /**
     * Rows near either end of a month without its whole key list: a key cursor from that end that stops after them.
     * Chromium checks every index entry against its record, so listing a month of a large ledger costs seconds
     * (≈160 µs a key at 1,000,000 runs) where its first screen costs milliseconds. Deeper in, a cursor would walk
     * most of the month anyway: the whole list is read instead, once, for the scrolling that follows.
     */
    const sliceOf = async (month: string, count: number, at: number, n: number): Promise<string[]> => {
      const walk = monthKeys(month)
      const fromEnd = Math.max(0, count - at - n)
      if (at <= fromEnd)
        return (await (descending ? walk.reverse() : walk).offset(at).limit(n).primaryKeys()) as string[]
      const tail = (await (descending ? walk : walk.reverse())
        .offset(fromEnd)
        .limit(count - at - fromEnd)
        .primaryKeys()) as string[]
      return tail.reverse()
    }
    const rows = async (offset: number, limit: number) => {
      const ids: string[] = []
      const sliced: string[] = []
      for (let i = 0; i < months.length && ids.length < limit; i++) {
        // Never negative while the rollups agree with the index; if not, the next month starts at its first row.
        const at = Math.max(0, offset + ids.length - firsts[i]!)
        const [month, count] = months[i]!
        if (at >= count) continue
        const want = Math.min(limit - ids.length, count - at)
        const list = lists.get(month)
        if (list?.ids) ids.push(...list.ids.slice(at, at + want))
        else if (list || Math.min(at, count - at - want) > END_ROWS)
          ids.push(...(await guarded(() => listOf(month))).slice(at, at + want))
        else {
          ids.push(...(await guarded(() => sliceOf(month, count, at, want))))
          sliced.push(month)
        }
      }
      const found = await byIds(ids)(0, ids.length)
      // Once scrolling is well into a month's head, its whole list is read ahead (after this screen's records): not
      // on the first screen, where it would hold up whatever the user asks next (a filter, a jump).
      if (offset + limit > END_ROWS / 2) for (const month of sliced) void listOf(month).catch(() => undefined)
      return found
    }
    return { total, complete: true, scanned: 1, rows }
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
   * Views no index answers (a predicate, or a person within a project, or sizes within a time range): every run of
   * the range is read, month by month, in pieces read whole (getAll). Time orders scan in display order, so the rows
   * found so far are already in place and are shown while the scan goes on; size orders sort at the end.
   */
  const scan = async (q: RunBrowseQuery, options: BrowseOptions): Promise<RunWindow> => {
    const from = q.fromMs ?? MIN_KEY
    const to = q.toMs ?? MAX_KEY
    const byTime = q.sortBy === undefined && (q.order === 'newest' || q.order === 'oldest')
    const backwards = q.order === 'newest'
    const months = (await monthCounts(q.projectId)).filter(
      ([month]) => monthStartMs(month, 1) > from && monthStartMs(month) < to
    )
    if (backwards) months.reverse()
    const inRange = months.reduce((n, [, count]) => n + count, 0)
    const ids: string[] = []
    const keyed: { id: string; key: string | number }[] = []
    let looked = 0
    // One rows function for every partial window of the scan: the table keeps the rows it has read.
    const rows = byIds(ids)
    const window = (complete: boolean, lookedAt = inRange): RunWindow => ({
      total: byTime || complete ? ids.length : 0,
      complete,
      scanned: complete || inRange === 0 ? 1 : Math.min(1, lookedAt / inRange),
      rows
    })
    for (const [month, count] of months) {
      const start = Math.max(from, monthStartMs(month))
      const end = Math.min(to, monthStartMs(month, 1))
      const pieces = Math.max(1, Math.ceil(count / SCAN_PIECE_RUNS))
      for (let k = 0; k < pieces; k++) {
        if (options.signal?.aborted)
          throw new DOMException('The runs view changed before its scan finished.', 'AbortError')
        const piece = backwards ? pieces - 1 - k : k
        const a = start + Math.floor(((end - start) * piece) / pieces)
        const b = piece === pieces - 1 ? end : start + Math.floor(((end - start) * (piece + 1)) / pieces)
        const records = await timeRange({ ...q, fromMs: a, toMs: b }).toArray()
        if (backwards) records.reverse()
        for (const run of records) {
          if (q.person !== undefined && run.person !== q.person) continue
          if (q.match && !q.match(run)) continue
          if (byTime) ids.push(run.id)
          else keyed.push({ id: run.id, key: q.sortBy ? q.sortBy.key(run) : run.emissionsKg })
        }
        options.onProgress?.(window(false, looked + (count * (k + 1)) / pieces))
      }
      looked += count
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
      if (q.sortBy) return scan(q, options)
      const oneIndex = q.projectId === undefined || q.person === undefined
      if ((q.order === 'newest' || q.order === 'oldest') && q.match === undefined && oneIndex && wholeMonths)
        return byMonth(q)
      const index = indexed(q)
      if (index) {
        // Ascending keys reversed = the index read backwards: ties in the index key fall in descending id order.
        const ids = (await index.walk().primaryKeys()) as string[]
        if (index.descending) ids.reverse()
        return { total: ids.length, complete: true, scanned: 1, rows: byIds(ids) }
      }
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
    close: () => db.close()
  }
}
