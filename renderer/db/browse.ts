import type { RunRecord } from '../../shared/ledger/records'
import { guarded } from './errors'
import { LedgerDb } from './schema'

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
}

export interface RunWindow {
  total: number
  rows(offset: number, limit: number): Promise<RunRecord[]>
}

const MIN_KEY = -8.64e15
const MAX_KEY = 8.64e15
const ARCHIVED_KEY = 'ui.archivedProjects'

export interface LedgerBrowser {
  /** A window onto the runs in the query's order: a count, then rows by position. */
  runs(query: RunBrowseQuery): Promise<RunWindow>
  archivedProjects(): Promise<Set<string>>
  setArchived(projectId: string, archived: boolean): Promise<void>
  close(): void
}

export const openLedgerBrowser = async (name = 'carbon-ledger'): Promise<LedgerBrowser> => {
  const db = new LedgerDb(name)
  await guarded(() => db.open())

  const timeRange = (q: RunBrowseQuery) => {
    const from = q.fromMs ?? MIN_KEY
    const to = q.toMs ?? MAX_KEY
    if (q.projectId !== undefined) return db.runs.where('[projectId+startedAtMs]').between([q.projectId, from], [q.projectId, to], true, false)
    if (q.person !== undefined) return db.runs.where('[person+startedAtMs]').between([q.person, from], [q.person, to], true, false)
    return db.runs.where('startedAtMs').between(from, to, true, false)
  }

  /** An index walks the rows in the wanted order: count it, then skip to any position. */
  const indexed = (q: RunBrowseQuery) => {
    const timeOnly = q.match === undefined && !(q.projectId !== undefined && q.person !== undefined)
    if (timeOnly && (q.order === 'newest' || q.order === 'oldest')) {
      return q.order === 'newest' ? () => timeRange(q).reverse() : () => timeRange(q)
    }
    const noRange = q.match === undefined && q.person === undefined && q.fromMs === undefined && q.toMs === undefined
    if (noRange && (q.order === 'largest' || q.order === 'smallest')) {
      const make = () =>
        q.projectId === undefined
          ? db.runs.orderBy('emissionsKg')
          : db.runs.where('[projectId+emissionsKg]').between([q.projectId, -Infinity], [q.projectId, Infinity])
      return q.order === 'largest' ? () => make().reverse() : make
    }
    return undefined
  }

  const runs = (q: RunBrowseQuery): Promise<RunWindow> =>
    guarded(async () => {
      const walk = indexed(q)
      if (walk) {
        const total = await walk().count()
        return { total, rows: (offset, limit) => guarded(() => walk().offset(offset).limit(limit).toArray()) }
      }
      // One pass over the range, keeping only ids and sort keys: the rows themselves are fetched by position.
      const keys: { id: string; key: number }[] = []
      const byEmissions = q.order === 'largest' || q.order === 'smallest'
      await timeRange(q).each((run) => {
        if (q.person !== undefined && run.person !== q.person) return
        if (q.match && !q.match(run)) return
        keys.push({ id: run.id, key: byEmissions ? run.emissionsKg : run.startedAtMs })
      })
      const sign = q.order === 'newest' || q.order === 'largest' ? -1 : 1
      keys.sort((a, b) => sign * (a.key - b.key) || (a.id < b.id ? -1 : 1))
      return {
        total: keys.length,
        rows: async (offset, limit) => {
          const found = await guarded(() => db.runs.bulkGet(keys.slice(offset, offset + limit).map((k) => k.id)))
          return found.filter((r): r is RunRecord => r !== undefined)
        }
      }
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
          const ids = new Set(Array.isArray(record?.value) ? record.value.filter((v): v is string => typeof v === 'string') : [])
          if (archived) ids.add(projectId)
          else ids.delete(projectId)
          await db.settings.put({ key: ARCHIVED_KEY, value: [...ids].sort(), updatedAt: Date.now() })
        })
      ),
    close: () => db.close()
  }
}
