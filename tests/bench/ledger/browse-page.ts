/**
 * Page side of the browse benchmark (browse.bench.ts), bundled with esbuild: fills a ledger fast and times the runs
 * views with the projection (renderer/db/browse.ts) and with the schema-4 method (browse-before.ts), on the same data.
 * The fill writes run records, rollups and projection parts through the ledger's own pure builders and writer
 * (makeRunRecord, RunDelta, writeRunDelta) in transactions of CHUNK runs: the import path would add validation and
 * the engine per run, which is not what is measured here.
 */
import { openLedgerBrowser, type RunBrowseQuery, type RunWindow } from '../../../renderer/db/browse'
import { makeRunRecord, RunDelta, writeRunDelta } from '../../../renderer/db/context'
import { LedgerDb } from '../../../renderer/db/schema'
import { runInputSchema } from '../../../shared/domain/run'
import { computeStamp } from '../../../shared/ledger/import-plan'
import type { RunRecord } from '../../../shared/ledger/records'
import { applyDelta, RollupDelta } from '../../../shared/ledger/rollup'
import { testCompute, testEngine } from '../../db/engine'
import { syntheticRun } from '../../e2e/harness/synthetic'
import { openLedgerBrowser as openBefore, type RunBrowseQuery as BeforeQuery } from './browse-before'

const NAME = 'browse-bench'
const KINDS = ['training', 'fine-tuning', 'hyperparameter-search', 'inference', 'other'] as const
const engine = testEngine()
const lab = engine.defaultLabDefaults
const stamp = computeStamp(engine.dataVersion, lab)

/** Run i of the bench: the harness's synthetic run with a kind, notes and tags that vary. */
const record = (i: number, projectIds: string[]): RunRecord => {
  const { input: draft } = syntheticRun(i, 'browse')
  const input = runInputSchema.parse({
    ...draft,
    kind: KINDS[i % KINDS.length],
    notes: i % 3 === 0 ? `seed ${i % 97}, lr sweep` : '',
    tags: [`sweep-${i % 13}`]
  })
  const project = Number(input.project.slice('project-'.length))
  return makeRunRecord({
    id: `browse-${i}`,
    projectId: projectIds[project]!,
    input,
    result: testCompute(input, lab),
    computeStamp: stamp,
    importId: 'browse-bench',
    createdAt: 1,
    updatedAt: 1
  })
}

let db: LedgerDb | undefined
const projectIds = Array.from({ length: 40 }, (_, p) => `project-id-${p}`)

const time = async <T>(op: () => Promise<T>): Promise<[number, T]> => {
  const t0 = performance.now()
  const value = await op()
  return [performance.now() - t0, value]
}

const bench = {
  /**
   * The same runs as schema 4 stored them, in a database of their own, for bytes on disk before the projection: its
   * run indexes ([person+startedAtMs] and [projectId+emissionsKg] included), rollups, no projection.
   */
  async fillSchema4(from: number, count: number) {
    const old = new LedgerDb(`${NAME}-v4`, 4)
    await old.open()
    const runs: RunRecord[] = []
    for (let i = from; i < from + count; i++) runs.push(record(i, projectIds))
    const delta = new RollupDelta()
    for (const run of runs) delta.add(run, 1)
    await old.transaction('rw', [old.runs, old.rollups], async () => {
      await old.runs.bulkPut(runs)
      const keys = delta.keys()
      const stored = await old.rollups.bulkGet(keys)
      await old.rollups.bulkPut(keys.map((key, i) => applyDelta(stored[i], delta.cells.get(key)!)!))
    })
    old.close()
  },
  async fill(from: number, count: number) {
    db ??= new LedgerDb(NAME)
    await db.open()
    const t0 = performance.now()
    const runs: RunRecord[] = []
    for (let i = from; i < from + count; i++) runs.push(record(i, projectIds))
    const built = performance.now() - t0
    let put = 0
    let deltaMs = 0
    await db.transaction('rw', [db.runs, db.projects, db.rollups, db.projection], async () => {
      if (from === 0)
        await db!.projects.bulkPut(
          projectIds.map((id, p) => ({ id, name: `project-${p}`, description: '', createdAt: 1, updatedAt: 1 }))
        )
      const t1 = performance.now()
      const delta = new RunDelta()
      for (const run of runs) delta.add(run, 1)
      await db!.runs.bulkPut(runs)
      put = performance.now() - t1
      const t2 = performance.now()
      await writeRunDelta(db!, delta)
      deltaMs = performance.now() - t2
    })
    return { ms: performance.now() - t0, built, put, deltaMs }
  },
  /** Runs already stored (a kept profile). */
  async filled() {
    db ??= new LedgerDb(NAME)
    await db.open()
    return db.runs.count()
  },
  /** The projection as stored: parts, and their bytes before IndexedDB's compression (typed arrays + UTF-16 text). */
  async projectionSize() {
    db ??= new LedgerDb(NAME)
    await db.open()
    let parts = 0
    let bytes = 0
    let months = 0
    const seen = new Set<string>()
    await db.projection.each((p) => {
      parts++
      if (!seen.has(p.month)) months++
      seen.add(p.month)
      bytes += p.startedAtMs.byteLength + p.emissionsKg.byteLength + p.energyKWh.byteLength + p.codes.byteLength
      bytes += p.ids.length + p.text.length + p.removed.length + p.strings.reduce((n, s) => n + s.length, 0)
    })
    return { parts, months, bytes }
  },
  close() {
    db?.close()
    db = undefined
  },
  /** A raw IndexedDB read of every run record, 10,000 per getAll, nothing done with them: the floor of any scan of the runs. */
  async rawGetAll() {
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(NAME)
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const t0 = performance.now()
    let n = 0
    let after: IDBValidKey | undefined
    for (;;) {
      const page = await new Promise<{ key: IDBValidKey; n: number } | undefined>((resolve, reject) => {
        const store = raw.transaction('runs').objectStore('runs')
        const req = store.getAll(after === undefined ? null : IDBKeyRange.lowerBound(after, true), 10_000)
        req.onsuccess = () => {
          const rows = req.result as { id: string }[]
          resolve(rows.length === 0 ? undefined : { key: rows[rows.length - 1]!.id, n: rows.length })
        }
        req.onerror = () => reject(req.error)
      })
      if (!page) break
      n += page.n
      after = page.key
    }
    raw.close()
    return { ms: performance.now() - t0, runs: n }
  },
  /**
   * A raw IndexedDB read of the whole projection, one getAll, nothing done with it: the floor of a cold scan (one that
   * finds nothing in memory) of every month.
   */
  async rawProjection() {
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(NAME)
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const t0 = performance.now()
    const parts = await new Promise<number>((resolve, reject) => {
      const req = raw.transaction('projection').objectStore('projection').getAll()
      req.onsuccess = () => resolve((req.result as unknown[]).length)
      req.onerror = () => reject(req.error)
    })
    raw.close()
    return { ms: performance.now() - t0, parts }
  },
  /**
   * One view, timed: the first screen of 50 rows on screen (the first partial window holding them, or the complete
   * one), then completion. method 'after': the projection; 'before': schema 4's browse.
   */
  async view(method: 'after' | 'before', spec: ViewSpec, warm = false) {
    // The app opens its connection once, at start: views are timed on an open one.
    const [openMs, browser] = await time<{ close(): void }>(() =>
      method === 'after' ? openLedgerBrowser(NAME) : openBefore(NAME)
    )
    // Warm: the same view asked once before on this connection, as when a filter is changed back or a search typed
    // after an earlier full scan (what the connection keeps in memory, if anything, is then used).
    if (warm && method === 'after')
      await (browser as Awaited<ReturnType<typeof openLedgerBrowser>>).runs(afterQuery(spec))
    const t0 = performance.now()
    let firstMs: number | undefined
    const firstRows = (win: RunWindow) => {
      if (firstMs !== undefined || win.total < Math.min(50, spec.expectAtLeast ?? 50)) return
      firstMs = -1
      void win.rows(0, 50).then(() => (firstMs = performance.now() - t0))
    }
    const win =
      method === 'after'
        ? await (browser as Awaited<ReturnType<typeof openLedgerBrowser>>).runs(afterQuery(spec), {
            onProgress: firstRows
          })
        : await (browser as Awaited<ReturnType<typeof openBefore>>).runs(beforeQuery(spec), { onProgress: firstRows })
    const [rowsMs] = await time(() => win.rows(spec.at ?? 0, 50))
    const completeMs = performance.now() - t0
    browser.close()
    return {
      openMs,
      total: win.total,
      firstMs: firstMs !== undefined && firstMs > 0 ? firstMs : completeMs,
      completeMs,
      rowsMs
    }
  }
}

/** A view as both methods can be asked it. */
export interface ViewSpec {
  order: 'newest' | 'largest'
  projectIndex?: number
  kind?: string
  source?: string
  /** A substring of the hardware id. */
  hardware?: string
  search?: string
  sortEnergy?: boolean
  /** The row position of the screen read once the view is complete (a jump). */
  at?: number
  /** Rows that count as the first screen when fewer than 50 match. */
  expectAtLeast?: number
}

const afterQuery = (s: ViewSpec): RunBrowseQuery => {
  const where = {
    ...(s.kind ? { kind: s.kind } : {}),
    ...(s.source ? { source: s.source } : {}),
    ...(s.hardware
      ? { hardware: (devices: { hardwareId?: string }[]) => devices.some((d) => d.hardwareId?.includes(s.hardware!)) }
      : {}),
    ...(s.search ? { search: s.search } : {})
  }
  return {
    order: s.order,
    ...(s.projectIndex !== undefined ? { projectId: projectIds[s.projectIndex] } : {}),
    ...(Object.keys(where).length > 0 ? { where } : {}),
    ...(s.sortEnergy ? { sortBy: { column: 'energy' as const, descending: true } } : {})
  }
}

/** The same view as schema 4's runs table asked it: one predicate over each run record. */
const beforeQuery = (s: ViewSpec): BeforeQuery => {
  const tests: ((r: RunRecord) => boolean)[] = []
  if (s.kind) tests.push((r) => r.input.kind === s.kind)
  if (s.source) tests.push((r) => r.input.source.kind === s.source)
  if (s.hardware) tests.push((r) => r.input.devices.some((d) => (d.hardwareId ?? '').includes(s.hardware!)))
  if (s.search) {
    const q = s.search
    tests.push(
      (r) =>
        r.input.title.toLowerCase().includes(q) ||
        r.input.notes.toLowerCase().includes(q) ||
        r.input.tags.some((t) => t.toLowerCase().includes(q))
    )
  }
  return {
    order: s.order,
    ...(s.projectIndex !== undefined ? { projectId: projectIds[s.projectIndex] } : {}),
    ...(tests.length > 0 ? { match: (r: RunRecord) => tests.every((t) => t(r)) } : {}),
    ...(s.sortEnergy ? { sortBy: { key: (r: RunRecord) => r.result.energyKWh.value, descending: true } } : {})
  }
}

declare global {
  interface Window {
    browseBench: typeof bench
  }
}
window.browseBench = bench
document.title = 'browse bench ready'
