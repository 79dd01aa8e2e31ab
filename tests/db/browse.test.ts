import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LedgerBrowser, openLedgerBrowser, type RunBrowseQuery } from '../../renderer/db/browse'
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
      gpuRun({
        project: `p${i % 5}`,
        person: `u${i % 2}`,
        startedAt: new Date(Date.UTC(2026, i % 3, 1 + (i % 9), 8)).toISOString(),
        powerW: 100 + 50 * (i % 4),
        kind: (['training', 'inference', 'other'] as const)[(i >> 1) % 3],
        title: `Run ${i % 7}`,
        notes: i % 5 === 0 ? 'Retried after an OOM' : '',
        tags: i % 6 === 0 ? ['Sweep'] : []
      })
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
  if (!byTime && q.projectId !== undefined) {
    // A project by size: its runs sorted as an index on [projectId+emissionsKg] walked them (ties by id).
    const sign = q.order === 'largest' ? -1 : 1
    const runs = await db.runs
      .where('[projectId+startedAtMs]')
      .between([q.projectId, -Infinity], [q.projectId, Infinity])
      .toArray()
    runs.sort((a, b) => sign * (a.emissionsKg - b.emissionsKg || (a.id < b.id ? -1 : 1)))
    return runs.slice(offset, offset + limit).map((r) => r.id)
  }
  const walk = byTime
    ? q.projectId !== undefined
      ? db.runs.where('[projectId+startedAtMs]').between([q.projectId, from], [q.projectId, to], true, false)
      : db.runs.where('startedAtMs').between(from, to, true, false)
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
    expect(
      (await browser.runs({ order: 'oldest', fromMs: Date.UTC(2026, 1, 3), toMs: Date.UTC(2026, 1, 6) })).total
    ).toBe(5)
  })

  it('newest first: the first row started last, ties in descending id', async () => {
    const rows = await (await browser.runs({ order: 'newest' })).rows(0, 6)
    expect(rows.map((r) => r.startedAtMs)).toEqual([...Array(5).fill(Date.UTC(2026, 2, 9, 8)), Date.UTC(2026, 2, 6, 8)])
    const ids = rows.slice(0, 5).map((r) => r.id)
    expect(ids).toEqual([...ids].sort().reverse())
  })

  it('pages across month boundaries: rows 12-17 of the oldest first are the last three of January, the first three of February', async () => {
    const rows = await (await browser.runs({ order: 'oldest' })).rows(12, 6)
    expect(rows.map((r) => r.startedAtMs)).toEqual([
      ...Array(3).fill(Date.UTC(2026, 0, 7, 8)),
      ...Array(3).fill(Date.UTC(2026, 1, 2, 8))
    ])
  })

  it('gives the same rows as offset paging over the index, at any position', async () => {
    const query = fc.record({
      order: fc.constantFrom('newest' as const, 'oldest' as const, 'largest' as const, 'smallest' as const),
      project: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined, freq: 2 }),
      fromDay: fc.option(fc.integer({ min: 1, max: 75 }), { nil: undefined, freq: 2 }),
      days: fc.integer({ min: 1, max: 60 })
    })
    await fc.assert(
      fc.asyncProperty(
        query,
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 1, max: 20 }),
        async (p, offset, limit) => {
          const byTime = p.order === 'newest' || p.order === 'oldest'
          const q: RunBrowseQuery = {
            order: p.order,
            projectId: p.project === undefined ? undefined : projects[p.project],
            fromMs: byTime && p.fromDay !== undefined ? Date.UTC(2026, 0, p.fromDay) : undefined,
            toMs: byTime && p.fromDay !== undefined ? Date.UTC(2026, 0, p.fromDay + p.days) : undefined
          }
          const win = await browser.runs(q)
          const expected = await offsetPath(q, offset, limit)
          // The first read of a month takes its head by a key cursor; the next, its whole key list read meanwhile.
          expect((await win.rows(offset, limit)).map((r) => r.id)).toEqual(expected)
          expect((await win.rows(offset, limit)).map((r) => r.id)).toEqual(expected)
        }
      ),
      { numRuns: 150 }
    )
  })
})

describe('browsing the runs by a scan (filters no index answers)', () => {
  const all = async () => db.runs.toArray()
  /** The view computed from every run, the way a reader of the table would check it. */
  const expected = (runs: Awaited<ReturnType<typeof all>>, q: RunBrowseQuery) => {
    const kept = runs.filter(
      (r) =>
        (q.projectId === undefined || r.projectId === q.projectId) &&
        (q.person === undefined || r.person === q.person) &&
        (q.fromMs === undefined || r.startedAtMs >= q.fromMs) &&
        (q.toMs === undefined || r.startedAtMs < q.toMs) &&
        (q.where?.kind === undefined || r.input.kind === q.where.kind) &&
        (q.where?.search === undefined ||
          [r.input.title, r.input.notes, ...r.input.tags].some((t) => t.toLowerCase().includes(q.where!.search!))) &&
        (q.where?.hardware === undefined || q.where.hardware(r.input.devices))
    )
    const byTime = q.order === 'newest' || q.order === 'oldest'
    const key = (r: (typeof kept)[number]) => (byTime ? r.startedAtMs : r.emissionsKg)
    const sign = q.order === 'newest' || q.order === 'largest' ? -1 : 1
    // Ties in the order an index walk gives them: ascending id, descending for the orders read backwards.
    return kept.sort((a, b) => sign * (key(a) - key(b) || (a.id < b.id ? -1 : 1))).map((r) => r.id)
  }

  it('gives every run the filters keep, in the order asked, with any combination of filters', async () => {
    const runs = await all()
    const query = fc.record({
      order: fc.constantFrom('newest' as const, 'oldest' as const, 'largest' as const, 'smallest' as const),
      project: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
      person: fc.option(fc.constantFrom('u0', 'u1'), { nil: undefined }),
      fromDay: fc.option(fc.integer({ min: -5, max: 75 }), { nil: undefined }),
      days: fc.integer({ min: 1, max: 60 }),
      kind: fc.option(fc.constantFrom('training', 'inference', 'other'), { nil: undefined }),
      search: fc.option(fc.constantFrom('run 3', 'oom', 'sweep', 'after', 'nothing'), { nil: undefined }),
      hardware: fc.boolean()
    })
    await fc.assert(
      fc.asyncProperty(query, async (p) => {
        const q: RunBrowseQuery = {
          order: p.order,
          projectId: p.project === undefined ? undefined : projects[p.project],
          person: p.person,
          fromMs: p.fromDay === undefined ? undefined : Date.UTC(2026, 0, p.fromDay),
          toMs: p.fromDay === undefined ? undefined : Date.UTC(2026, 0, p.fromDay + p.days),
          where:
            p.kind === undefined && p.search === undefined && !p.hardware
              ? undefined
              : {
                  ...(p.kind ? { kind: p.kind } : {}),
                  ...(p.search ? { search: p.search } : {}),
                  ...(p.hardware ? { hardware: (devices) => devices.some((d) => d.name.includes('A100')) } : {})
                }
        }
        const win = await browser.runs(q)
        expect(win.complete).toBe(true)
        const ids = (await win.rows(0, 100)).map((r) => r.id)
        expect(ids).toEqual(expected(runs, q))
        expect(win.total).toBe(ids.length)
      }),
      { numRuns: 150 }
    )
  })

  it('gives a project or a person over whole months by the monthly counts, at any position, as the runs themselves say', async () => {
    const runs = await all()
    const query = fc.record({
      order: fc.constantFrom('newest' as const, 'oldest' as const),
      project: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
      person: fc.option(fc.constantFrom('u0', 'u1', 'nobody'), { nil: undefined }),
      fromMonth: fc.option(fc.integer({ min: -1, max: 3 }), { nil: undefined }),
      months: fc.integer({ min: 1, max: 3 })
    })
    await fc.assert(
      fc.asyncProperty(
        query,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 20 }),
        async (p, offset, limit) => {
          const q: RunBrowseQuery = {
            order: p.order,
            projectId: p.project === undefined ? undefined : projects[p.project],
            // One of project and person (both at once is a scan).
            person: p.project === undefined ? p.person : undefined,
            fromMs: p.fromMonth === undefined ? undefined : Date.UTC(2026, p.fromMonth, 1),
            toMs: p.fromMonth === undefined ? undefined : Date.UTC(2026, p.fromMonth + p.months, 1)
          }
          const want = expected(runs, q)
          const win = await browser.runs(q)
          expect(win.total).toBe(want.length)
          expect((await win.rows(offset, limit)).map((r) => r.id)).toEqual(want.slice(offset, offset + limit))
          expect((await win.rows(offset, limit)).map((r) => r.id)).toEqual(want.slice(offset, offset + limit))
        }
      ),
      { numRuns: 120 }
    )
  })

  it('shows the rows found so far while it scans: each partial view is the start of the final one', async () => {
    const partials: { total: number; scanned: number; ids: string[] }[] = []
    const q: RunBrowseQuery = { order: 'newest', person: 'u1', where: { search: 'run' } }
    const win = await browser.runs(q, {
      onProgress: (w) => {
        expect(w.complete).toBe(false)
        partials.push({ total: w.total, scanned: w.scanned, ids: [] })
        const at = partials[partials.length - 1]!
        void w.rows(0, w.total).then((rows) => (at.ids = rows.map((r) => r.id)))
      }
    })
    const final = (await win.rows(0, 100)).map((r) => r.id)
    expect(final).toHaveLength(22)
    // One partial view per month read, newest month first: March's u1 runs.
    expect(partials.map((p) => p.total)).toEqual([7, 15, 22])
    expect(partials.map((p) => p.scanned)).toEqual([15 / 45, 30 / 45, 1])
    for (const p of partials) expect(p.ids).toEqual(final.slice(0, p.total))
  })

  it('sorts by size only at the end: partial views have no rows yet', async () => {
    const totals: number[] = []
    const win = await browser.runs(
      { order: 'largest', fromMs: Date.UTC(2026, 0, 1), toMs: Date.UTC(2026, 3, 1) },
      { onProgress: (w) => totals.push(w.total) }
    )
    expect(totals).toEqual([0, 0, 0])
    expect(win.total).toBe(45)
  })

  it('stops when its view is abandoned', async () => {
    const controller = new AbortController()
    let reads = 0
    const pending = browser.runs(
      { order: 'oldest', where: { search: 'run' } },
      {
        signal: controller.signal,
        onProgress: () => {
          reads++
          controller.abort()
        }
      }
    )
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    expect(reads).toBe(1)
  })
})

describe('browsing the runs by a column no index holds', () => {
  it('sorts the filtered range by the key, either way, ties by id', async () => {
    const all = await db.runs.toArray()
    const keep = (r: (typeof all)[number]) => r.person === 'u1'
    const expected = all
      .filter(keep)
      .sort((a, b) => a.result.energyKWh.value - b.result.energyKWh.value || (a.id < b.id ? -1 : 1))
      .map((r) => r.id)
    const query = (descending: boolean): RunBrowseQuery => ({
      order: 'newest',
      person: 'u1',
      sortBy: { column: 'energy', descending }
    })
    const up = await browser.runs(query(false))
    expect(up.total).toBe(expected.length)
    expect((await up.rows(0, 100)).map((r) => r.id)).toEqual(expected)
    const down = await browser.runs(query(true))
    expect((await down.rows(0, 100)).map((r) => r.id)).toEqual([...expected].reverse())
  })

  it('sorts text keys, over the whole ledger when nothing is filtered', async () => {
    const sorted = await browser.runs({ order: 'newest', sortBy: { column: 'project', descending: false } })
    const keys = (await sorted.rows(0, 100)).map((r) => r.projectId)
    expect(keys).toHaveLength(45)
    expect(keys).toEqual([...keys].sort())
    // By the text a value shows, asked once per value: the titles by their number, largest first.
    const asked: string[] = []
    const byTitle = await browser.runs({
      order: 'newest',
      sortBy: {
        column: 'title',
        descending: true,
        text: (column, value) => {
          asked.push(`${column}:${value}`)
          return value.slice(-1)
        }
      }
    })
    const titles = (await byTitle.rows(0, 100)).map((r) => r.input.title)
    expect(titles).toEqual([...titles].sort().reverse())
    expect(asked.sort()).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => `title:run ${n}`))
  })
})

describe('a large month', () => {
  it('gives rows at any depth from its projection, the same rows as the time index, again and again', async () => {
    const bigName = freshName()
    const ledger = await openTest(bigName)
    // 2,500 runs in March 2026, with ties every 5 runs.
    await ledger.imports.commit({
      format: 'codecarbon',
      fileName: 'march.csv',
      runs: Array.from({ length: 2500 }, (_, i) => ({
        externalId: `m${i}`,
        input: gpuRun({
          startedAt: new Date(Date.UTC(2026, 2, 1) + Math.floor(i / 5) * 3_600_000).toISOString(),
          source: { kind: 'codecarbon', externalId: `m${i}` }
        })
      })),
      errors: [],
      warnings: []
    })
    ledger.close()
    const big = await openLedgerBrowser(bigName)
    const bigDb = new LedgerDb(bigName)
    await bigDb.open()
    for (const order of ['newest', 'oldest'] as const) {
      const walk = bigDb.runs.orderBy('startedAtMs')
      const all = (await (order === 'newest' ? walk.reverse() : walk).primaryKeys()) as string[]
      const win = await big.runs({ order })
      expect(win.total).toBe(2500)
      for (const offset of [0, 950, 1200, 2450, 1700, 0]) {
        expect(
          (await win.rows(offset, 50)).map((r) => r.id),
          `${order} at ${offset}`
        ).toEqual(all.slice(offset, offset + 50))
      }
    }
    big.close()
    bigDb.close()
  })
})

describe('months kept in memory across views', () => {
  it('answers from memory until a write touches a month, then reads that month again', async () => {
    const cacheName = freshName()
    const ledger = await openTest(cacheName)
    const view = await openLedgerBrowser(cacheName)
    const found = async (search: string) => {
      const win = await view.runs({ order: 'newest', where: { search } })
      return (await win.rows(0, win.total)).map((r) => r.input.title)
    }
    const run = (title: string, month: number) =>
      gpuRun({ title, startedAt: new Date(Date.UTC(2026, month, 3, 8)).toISOString() })
    const a = await ledger.runs.create(run('Alpha one', 0))
    await ledger.runs.create(run('Beta one', 1))
    expect(await found('alpha')).toEqual(['Alpha one'])
    expect(await found('alpha'), 'again, from memory').toEqual(['Alpha one'])
    // An edit adds a part to January; a new run adds February's.
    await ledger.runs.update(a.id, run('Gamma one', 0))
    await ledger.runs.create(run('Alpha two', 1))
    expect(await found('alpha')).toEqual(['Alpha two'])
    expect(await found('gamma')).toEqual(['Gamma one'])
    // March emptied and written again: its one part's key repeats ([month, 1]), the content is new.
    const e = await ledger.runs.create(run('Epsilon', 2))
    expect(await found('epsilon')).toEqual(['Epsilon'])
    await ledger.runs.remove([e.id])
    await ledger.runs.create(run('Zeta', 2))
    expect(await found('zeta')).toEqual(['Zeta'])
    view.close()
    ledger.close()
  })
})
