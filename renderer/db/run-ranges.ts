import type { RunRecord } from '../../shared/ledger/records'
import type { LedgerDb } from './schema'

/** Keys read at most to learn which runs of a chunk are stored, before asking for each one instead. */
const KEYS_PER_ID = 8

/**
 * The stored versions of runs, by id (undefined where none), for ids sorted ascending. A read per id (bulkGet) is a
 * request per run even when the run is new; here the ids' key range is asked for its keys once (at most
 * KEYS_PER_ID × ids, else per id after all), and only runs found are read: the whole range in one request when they
 * are most of it (a re-import), else one by one. Inside a transaction that includes the runs table.
 */
export const storedVersions = async (db: LedgerDb, sortedIds: string[]): Promise<(RunRecord | undefined)[]> => {
  if (sortedIds.length === 0) return []
  const range = db.runs.where(':id').between(sortedIds[0]!, sortedIds[sortedIds.length - 1]!, true, true)
  const limit = sortedIds.length * KEYS_PER_ID
  const keys = await range.clone().limit(limit).primaryKeys()
  if (keys.length >= limit) return db.runs.bulkGet(sortedIds)
  const wanted = new Set(sortedIds)
  const found = keys.filter((k) => wanted.has(k))
  if (found.length === 0) return sortedIds.map(() => undefined)
  const records = found.length * 2 >= keys.length ? await range.toArray() : await db.runs.bulkGet(found)
  const byId = new Map<string, RunRecord>()
  for (const r of records) if (r !== undefined) byId.set(r.id, r)
  return sortedIds.map((id) => byId.get(id))
}

/**
 * Deletes runs by id: each stretch of ids with no other run between them (in key order) in one range request, the
 * rest one by one. An import's runs are often most of their key range (undo right after it), and a range is one
 * request where single deletes are one per run. Inside a transaction that includes the runs table.
 */
export const deleteRuns = async (db: LedgerDb, ids: string[]): Promise<void> => {
  if (ids.length === 0) return
  const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const limit = sorted.length * KEYS_PER_ID
  const keys = await db.runs
    .where(':id')
    .between(sorted[0]!, sorted[sorted.length - 1]!, true, true)
    .limit(limit)
    .primaryKeys()
  if (keys.length >= limit) return db.runs.bulkDelete(sorted)
  const doomed = new Set(sorted)
  const singles: string[] = []
  const ranges: [string, string][] = []
  let from: string | undefined
  let last: string | undefined
  const close = () => {
    if (from !== undefined && last !== undefined) {
      if (from === last) singles.push(from)
      else ranges.push([from, last])
    }
    from = last = undefined
  }
  for (const key of keys) {
    if (!doomed.has(key)) {
      close()
      continue
    }
    from ??= key
    last = key
  }
  close()
  await Promise.all([
    db.runs.bulkDelete(singles),
    ...ranges.map(([a, b]) => db.runs.where(':id').between(a, b, true, true).delete())
  ])
}
