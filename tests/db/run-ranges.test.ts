import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { deleteRuns, storedVersions } from '../../renderer/db/run-ranges'
import { LedgerDb } from '../../renderer/db/schema'
import type { RunRecord } from '../../shared/ledger/records'
import { freshName } from './support'

const id = (n: number) => `run-${String(n).padStart(4, '0')}`
/** Only the key matters here: records without the indexed fields are simply not indexed. */
const stub = (n: number) => ({ id: id(n), n }) as unknown as RunRecord

const withRuns = async (ns: number[]) => {
  const db = new LedgerDb(freshName())
  await db.runs.bulkPut(ns.map(stub))
  return db
}

describe('run key ranges', () => {
  // Stored: every even number below 400. Asked: a few, a dense stretch, and one among many stored (the per-id path).
  const cases: [string, number[]][] = [
    ['most of the range stored (one read of the range)', [10, 12, 14, 15, 16, 18]],
    ['few of the range stored (read by id)', [2, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21]],
    ['nothing stored', [1, 3, 5]],
    ['more keys in the range than 8 per id (read per id)', [0, 398]]
  ]
  for (const [label, asked] of cases)
    it(`reads the stored versions: ${label}`, async () => {
      const db = await withRuns(Array.from({ length: 200 }, (_, i) => i * 2))
      const ids = asked.map(id).sort()
      const found = await db.transaction('r', db.runs, () => storedVersions(db, ids))
      expect(found.map((r) => r?.id)).toEqual(ids.map((i) => (Number(i.slice(4)) % 2 === 0 ? i : undefined)))
      db.close()
    })

  it('deletes exactly the runs asked for, by stretches and singly, and per id when the range is crowded', async () => {
    const stored = Array.from({ length: 300 }, (_, i) => i)
    const doomed = [...[5, 6, 7, 8], 10, ...Array.from({ length: 50 }, (_, i) => 100 + i), 200, 202, 299]
    const db = await withRuns(stored)
    await db.transaction('rw', db.runs, () => deleteRuns(db, [...doomed].reverse().map(id)))
    expect(await db.runs.toCollection().primaryKeys()).toEqual(stored.filter((n) => !doomed.includes(n)).map(id))
    await db.transaction('rw', db.runs, () => deleteRuns(db, [id(0), id(299)]))
    expect(await db.runs.get(id(0))).toBeUndefined()
    expect(await db.runs.count()).toBe(300 - doomed.length - 1)
    db.close()
  })
})
