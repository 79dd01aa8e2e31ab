/**
 * The page the browser tests and benchmarks drive: the real renderer/db in real Chromium, with operations exposed
 * on window.ledgerHarness. Bundled by server.ts with esbuild.
 */
import type { LedgerEngine } from '../../../renderer/db'
import {
  createLedgerEngine,
  type Ledger,
  openLedger,
  requestPersistence,
  storageEstimate,
  type TotalsQuery
} from '../../../renderer/db'
import { runInputSchema } from '../../../shared/domain/run'
import { quarterPeriod } from '../../../shared/ledger/period'
import { loadReferenceData } from '../../../shared/refdata/index'
import { testEngine } from '../../db/engine'
import { syntheticImport } from './synthetic'

type AnyLedger = Ledger<unknown>
let ledger: AnyLedger | undefined
const messages: string[] = []
const progress = { done: 0, total: 0 }

const current = (): AnyLedger => {
  if (!ledger) throw new Error('call open() first')
  return ledger
}

const time = async <T>(op: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const t0 = performance.now()
  const value = await op()
  return { ms: performance.now() - t0, value }
}

const harness = {
  messages,
  progress,
  /**
   * engine 'real': estimateRun on the bundled reference data; 'compact': the tests' small engine (small results).
   * hostDisk: the free disk space comes from window.hostDiskFreeBytes, a function the test exposes in the page (what
   * main's statfs is to the desktop app); without it the ledger knows the origin's quota only, as in a browser.
   */
  async open(name = 'carbon-ledger', engine: 'real' | 'compact' = 'real', hostDisk = false) {
    const chosen = (engine === 'real' ? createLedgerEngine(loadReferenceData()) : testEngine()) as LedgerEngine<unknown>
    const freeDiskBytes = hostDisk ? () => window.hostDiskFreeBytes!() : undefined
    const opened = await time(() =>
      openLedger({
        name,
        engine: chosen,
        onBlocked: (m) => messages.push(m),
        onVersionChange: (m) => messages.push(m),
        freeDiskBytes
      })
    )
    ledger = opened.value
    return { ms: opened.ms, persisted: await requestPersistence() }
  },
  close() {
    ledger?.close()
    ledger = undefined
  },
  async createRun(project: string, hours: number) {
    const run = await current().runs.create({
      project,
      startedAt: '2026-02-01T10:00:00Z',
      durationS: hours * 3600,
      devices: [{ kind: 'gpu', name: 'A100', hardwareId: 'gpu:nvidia-a100-sxm4-80-gb', count: 1 }],
      location: { kind: 'country', code: 'FR' }
    })
    return run.id
  },
  async importSynthetic(from: number, count: number, tag: string, chunkSize = 2000) {
    const source = syntheticImport(from, count, tag)
    progress.done = 0
    progress.total = count
    const committed = await time(() =>
      current().imports.commit(source, {
        chunkSize,
        onProgress: (done, total) => {
          progress.done = done
          progress.total = total
        }
      })
    )
    return { ms: committed.ms, batch: committed.value }
  },
  /** The same import, its failure answered rather than thrown: the error's name, LedgerError code and message. */
  async tryImportSynthetic(from: number, count: number, tag: string, chunkSize = 2000) {
    try {
      return { ok: true as const, ...(await harness.importSynthetic(from, count, tag, chunkSize)) }
    } catch (err) {
      const e = err as { name?: string; code?: string; message?: string; cause?: { name?: string; message?: string } }
      return {
        ok: false as const,
        written: progress.done,
        error: { name: e.name, code: e.code, message: e.message, cause: e.cause?.name, causeMessage: e.cause?.message }
      }
    }
  },
  /** The ledger's whole compressed archive, base64 (tests only: the app streams it to a file). */
  async exportArchiveBase64() {
    const bytes = new Uint8Array(await new Response(current().backups.exportArchive().stream).arrayBuffer())
    let text = ''
    for (let at = 0; at < bytes.length; at += 0x8000) text += String.fromCharCode(...bytes.subarray(at, at + 0x8000))
    return btoa(text)
  },
  /** Restores an archive given as base64: the report, or the failure's code and message. */
  async restoreBase64(base64: string, mode: 'replace' | 'merge') {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
    try {
      return { ok: true as const, report: await current().backups.restore(() => new Blob([bytes]).stream(), mode) }
    } catch (err) {
      const e = err as { code?: string; message?: string }
      return { ok: false as const, error: { code: e.code, message: e.message } }
    }
  },
  /** What an import spends before its transaction: validating and computing every run (no storage). */
  async computeOnly(from: number, count: number, tag: string) {
    const engine = createLedgerEngine(loadReferenceData())
    const lab = engine.defaultLabDefaults
    const source = syntheticImport(from, count, tag)
    const t0 = performance.now()
    for (const run of source.runs) engine.compute(runInputSchema.parse(run.input), lab)
    return { ms: performance.now() - t0 }
  },
  async undoImport(batchId: string) {
    return current().imports.undo(batchId)
  },
  async runCount() {
    return current().runs.count()
  },
  async totals(query: TotalsQuery) {
    const t = await time(() => current().aggregate.totals(query))
    return { ms: t.ms, answer: t.value }
  },
  async quarterTotalsByProject(year: number, quarter: 1 | 2 | 3 | 4) {
    return harness.totals({ period: quarterPeriod(year, quarter), groupBy: ['project'] })
  },
  /**
   * The same quarterly totals by project without rollups: a cursor over every run, summing the month shares that
   * fall in the quarter (start-month approximation: whole run in its start month, which is cheaper than apportioning).
   */
  async fullScanQuarterByProject(name: string, year: number, quarter: 1 | 2 | 3 | 4) {
    const from = Date.UTC(year, (quarter - 1) * 3, 1)
    const to = Date.UTC(year, quarter * 3, 1)
    const db = await rawOpen(name)
    const t0 = performance.now()
    const sums = new Map<string, number>()
    let scanned = 0
    await new Promise<void>((resolve, reject) => {
      const req = db.transaction('runs').objectStore('runs').openCursor()
      req.onsuccess = () => {
        const cursor = req.result
        if (!cursor) return resolve()
        scanned++
        const r = cursor.value as { projectId: string; startedAtMs: number; emissionsKg: number }
        if (r.startedAtMs >= from && r.startedAtMs < to)
          sums.set(r.projectId, (sums.get(r.projectId) ?? 0) + r.emissionsKg)
        cursor.continue()
      }
      req.onerror = () => reject(req.error)
    })
    db.close()
    return { ms: performance.now() - t0, projects: sums.size, scanned }
  },
  /**
   * The physical limit: the same records put with raw IndexedDB into a store with the same indexes as the ledger's
   * runs table (read from the database), one transaction.
   */
  async rawBulkPutOfLedgerRuns(name: string, limit: number) {
    const db = await rawOpen(name)
    const source = db.transaction('runs').objectStore('runs')
    const indexes = [...source.indexNames]
      .map((n) => source.index(n))
      .map((i) => ({ keyPath: i.keyPath, unique: i.unique }))
    const records = await new Promise<unknown[]>((resolve, reject) => {
      const req = source.getAll(null, limit)
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    db.close()
    await deleteDb('raw-bench')
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('raw-bench', 1)
      req.onupgradeneeded = () => {
        const store = req.result.createObjectStore('runs', { keyPath: 'id' })
        for (const [i, index] of indexes.entries()) store.createIndex(`i${i}`, index.keyPath, { unique: index.unique })
      }
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const t0 = performance.now()
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction('runs', 'readwrite')
      const store = tx.objectStore('runs')
      for (const r of records) store.put(r)
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    const ms = performance.now() - t0
    raw.close()
    await deleteDb('raw-bench')
    return { ms, records: records.length, indexes: indexes.length }
  },
  /** Rollup totals against the runs themselves: runs counted and emissions summed both ways. */
  async consistency() {
    const answer = await current().aggregate.totals({ period: { kind: 'custom', start: '2000-01', end: '2100-12' } })
    let kg = 0
    let runs = 0
    for (const r of await current().runs.list()) {
      kg += r.emissionsKg
      runs++
    }
    return { runs, rollupRuns: answer.total.runs, kg, rollupKg: answer.total.emissionsKg.value }
  },
  storageEstimate
}

const rawOpen = (name: string): Promise<IDBDatabase> =>
  new Promise((resolve, reject) => {
    const req = indexedDB.open(name)
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })

const deleteDb = (name: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name)
    req.onsuccess = () => resolve()
    req.onerror = () => reject(req.error)
  })

declare global {
  interface Window {
    ledgerHarness: typeof harness
    hostDiskFreeBytes?: () => Promise<number | undefined>
  }
}
window.ledgerHarness = harness
document.title = 'ledger harness ready'
