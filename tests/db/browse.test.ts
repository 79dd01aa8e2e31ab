import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { openLedgerBrowser, type LedgerBrowser, type RunBrowseQuery } from '../../renderer/db/browse'
import { LedgerDb } from '../../renderer/db/schema'
import { freshName, gpuRun, openTest } from './support'

const name = freshName()
let browser: LedgerBrowser
let db: LedgerDb
const projects: string[] = []

// 45 runs on 9 days of three months (Jan 1, 4, 7; Feb 2, 5, 8; Mar 3, 6, 9): five share each start (ties in the
// startedAtMs index); powers repeat (ties in emissionsKg); 5 projects of 9 runs.
beforeAll(async () => {
  const ledger = await openTest(name)
  for (let i = 0; i < 45; i++) {
    const run = await ledger.runs.create(
      gpuRun({ project: `p${i % 5}`, person: `u${i % 2}`, startedAt: new Date(Date.UTC(2026, i % 3, 1 + (i % 9), 8)).toISOString(), powerW: 100 + 50 * (i % 4) })
    )
    if (!projects.includes(run.projectId)) projects.push(run.projectId)
  }
  ledger.close()
  browser = await openLedgerBrowser(name)
  db = new LedgerDb(name)
  await db.open()
})
afterAll(() => {
  browser.close()
  db.close()
})

/** The previous paging: Dexie offset/limit over the index, read backwards for descending orders. */
const offsetPath = async (q: RunBrowseQuery, offset: number, limit: number): Promise<string[]> => {
  const byTime = q.order === 'newest' || q.order === 'oldest'
  const from = q.fromMs ?? -8.64e15
  const to = q.toMs ?? 8.64e15
  const walk = byTime
    ? q.projectId !== undefined
      ? db.runs.where('[projectId+startedAtMs]').between([q.projectId, from], [q.projectId, to], true, false)
      : db.runs.where('startedAtMs').between(from, to, true, false)
    : q.projectId !== undefined
      ? db.runs.where('[projectId+emissionsKg]').between([q.projectId, -Infinity], [q.projectId, Infinity])
      : db.runs.orderBy('emissionsKg')
  const ordered = q.order === 'newest' || q.order === 'largest' ? walk.reverse() : walk
  return (await ordered.offset(offset).limit(limit).toArray()).map((r) => r.id)
}

describe('browsing the runs by an index', () => {
  it('counts the runs of the view', async () => {
    expect((await browser.runs({ order: 'newest' })).total).toBe(45)
    expect((await browser.runs({ order: 'oldest' })).total).toBe(45)
    expect((await browser.runs({ order: 'largest', projectId: projects[0] })).total).toBe(9)
    // Feb 3 up to (not including) Feb 6: the five runs of Feb 5.
    expect((await browser.runs({ order: 'oldest', fromMs: Date.UTC(2026, 1, 3), toMs: Date.UTC(2026, 1, 6) })).total).toBe(5)
  })

  it('newest first: the first row started last, ties in descending id', async () => {
    const rows = await (await browser.runs({ order: 'newest' })).rows(0, 6)
    expect(rows.map((r) => r.startedAtMs)).toEqual([...Array(5).fill(Date.UTC(2026, 2, 9, 8)), Date.UTC(2026, 2, 6, 8)])
    const ids = rows.slice(0, 5).map((r) => r.id)
    expect(ids).toEqual([...ids].sort().reverse())
  })

  it('pages across month boundaries: rows 12-17 of the oldest first are the last three of January, the first three of February', async () => {
    const rows = await (await browser.runs({ order: 'oldest' })).rows(12, 6)
    expect(rows.map((r) => r.startedAtMs)).toEqual([...Array(3).fill(Date.UTC(2026, 0, 7, 8)), ...Array(3).fill(Date.UTC(2026, 1, 2, 8))])
  })

  it('gives the same rows as offset paging over the index, at any position', async () => {
    const query = fc.record({
      order: fc.constantFrom('newest' as const, 'oldest' as const, 'largest' as const, 'smallest' as const),
      project: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined, freq: 2 }),
      fromDay: fc.option(fc.integer({ min: 1, max: 75 }), { nil: undefined, freq: 2 }),
      days: fc.integer({ min: 1, max: 60 })
    })
    await fc.assert(
      fc.asyncProperty(query, fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 20 }), async (p, offset, limit) => {
        const byTime = p.order === 'newest' || p.order === 'oldest'
        const q: RunBrowseQuery = {
          order: p.order,
          projectId: p.project === undefined ? undefined : projects[p.project],
          fromMs: byTime && p.fromDay !== undefined ? Date.UTC(2026, 0, p.fromDay) : undefined,
          toMs: byTime && p.fromDay !== undefined ? Date.UTC(2026, 0, p.fromDay + p.days) : undefined
        }
        const rows = await (await browser.runs(q)).rows(offset, limit)
        expect(rows.map((r) => r.id)).toEqual(await offsetPath(q, offset, limit))
      }),
      { numRuns: 150 }
    )
  })
})
