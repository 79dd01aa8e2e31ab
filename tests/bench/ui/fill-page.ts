/**
 * Page-side part of the dashboard benchmark, bundled with esbuild and served at the app's own origin (same
 * IndexedDB). Fills a ledger database with runs computed by the app's own engine (estimateRun on the bundled
 * reference data) and their rollups, built with the ledger's pure functions, written by bulk puts: the import path
 * stores about 500 runs/s at this size, which would take over half an hour per million.
 * It also sums, per quarter and with plain arithmetic independent of the rollup code, what the dashboard must show.
 */
import { makeRunRecord } from '../../../renderer/db/context'
import { createLedgerEngine } from '../../../renderer/db/engine'
import { LedgerDb } from '../../../renderer/db/schema'
import { type RunInput, runInputSchema } from '../../../shared/domain/run'
import { engineStamp, stableRunId } from '../../../shared/ledger/import-plan'
import { customPeriod, monthsOf } from '../../../shared/ledger/period'
import type { RunRecord } from '../../../shared/ledger/records'
import { RollupDelta } from '../../../shared/ledger/rollup'
import { loadReferenceData } from '../../../shared/refdata/index'

const PROJECTS = 40
const PEOPLE = 60
const KINDS = ['training', 'fine-tuning', 'hyperparameter-search', 'inference', 'other'] as const
const GPUS = [
  'gpu:nvidia-a100-sxm4-80-gb',
  'gpu:nvidia-a100-pcie-40-80gb',
  'gpu:nvidia-h100-sxm',
  'gpu:nvidia-tesla-v100',
  'gpu:nvidia-rtx-3090',
  'gpu:nvidia-a10g'
]
const LOCATIONS: RunInput['location'][] = [
  { kind: 'cloud', provider: 'aws', region: 'us-east-1' },
  { kind: 'cloud', provider: 'aws', region: 'eu-central-1' },
  { kind: 'cloud', provider: 'azure', region: 'westeurope' },
  { kind: 'country', code: 'FR' },
  { kind: 'country', code: 'DE' },
  { kind: 'country', code: 'SE' }
]
const IMPORT_ID = 'ui-bench-import'
const HOUR_MS = 3_600_000

interface Plan {
  db: LedgerDb
  startMs: number
  spanMs: number
  stamp: string
  createdAt: number
  projectIds: string[]
  delta: RollupDelta
  /** 'YYYY-Qn' → runs started in the quarter and location-based kg of the run time inside the quarter. */
  quarters: Map<string, { runs: number; emissionsKg: number }>
  written: number
}

const engine = createLedgerEngine(loadReferenceData())
const lab = engine.defaultLabDefaults
let plan: Plan | undefined

const quarterKey = (ms: number): string => {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`
}
const nextQuarterStartMs = (ms: number): number => {
  const d = new Date(ms)
  return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3 + 3, 1)
}

/** Run i, always the same: people work on two projects each, with one kind of hardware, in one or two places. */
const draft = (i: number, p: Plan): { input: RunInput; externalId: string; projectIndex: number } => {
  const person = i % PEOPLE
  const projectIndex = (person * 7 + ((i >> 3) % 2)) % PROJECTS
  // A multiplicative hash (Knuth's prime) spreads consecutive runs over the whole span, in whole seconds.
  const startedAtMs = p.startMs + Math.floor(((i * 2654435761) % p.spanMs) / 1000) * 1000
  const externalId = `ui-bench-${i}`
  const cpuOnly = person % 10 === 9
  const input = runInputSchema.parse({
    kind: KINDS[i % KINDS.length],
    title: `run ${i}`,
    project: `project-${projectIndex}`,
    person: `person-${person}`,
    startedAt: new Date(startedAtMs).toISOString(),
    durationS: 600 + ((i * 7919) % (3 * 86_400)),
    devices: cpuOnly
      ? [{ kind: 'cpu', name: 'CPU', hardwareId: 'cpu:3280', count: 2, utilization: 0.6 }]
      : [{ kind: 'gpu', name: 'GPU', hardwareId: GPUS[person % GPUS.length], count: 1 + (i % 8), utilization: 0.8 }],
    location: LOCATIONS[(person + (i % 2)) % LOCATIONS.length],
    source: { kind: i % 5 === 0 ? 'nvidia-smi' : 'codecarbon', externalId }
  })
  return { input, externalId, projectIndex }
}

/** The run's location-based kg inside each quarter it touches, by its share of time (no hoursPerDay here). */
const addToQuarters = (p: Plan, record: RunRecord) => {
  const start = record.startedAtMs
  const end = start + record.input.durationS * 1000
  const started = p.quarters.get(quarterKey(start)) ?? { runs: 0, emissionsKg: 0 }
  started.runs += 1
  p.quarters.set(quarterKey(start), started)
  for (let from = start; from < end;) {
    const to = Math.min(end, nextQuarterStartMs(from))
    const q = p.quarters.get(quarterKey(from)) ?? { runs: 0, emissionsKg: 0 }
    q.emissionsKg += (record.emissionsKg * (to - from)) / (end - start)
    p.quarters.set(quarterKey(from), q)
    from = to
  }
}

const fill = {
  /** A new database `name` with its projects; runs start in [startMs, endMs). */
  async begin(name: string, startMs: number, endMs: number) {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(name)
      req.onsuccess = () => resolve()
      req.onerror = () => reject(req.error)
    })
    const db = new LedgerDb(name)
    await db.open()
    const createdAt = Date.now()
    const projectIds = Array.from({ length: PROJECTS }, (_, k) => `ui-bench-project-${k}`)
    await db.projects.bulkPut(
      projectIds.map((id, k) => ({ id, name: `project-${k}`, description: '', createdAt, updatedAt: createdAt }))
    )
    plan = {
      db,
      startMs,
      spanMs: Math.floor((endMs - startMs) / HOUR_MS) * HOUR_MS,
      stamp: engineStamp(engine, lab),
      createdAt,
      projectIds,
      delta: new RollupDelta(),
      quarters: new Map(),
      written: 0
    }
    return { stamp: plan.stamp }
  },
  /** Runs from…from+count: computed, written in one transaction, added to the pending rollup delta. */
  async chunk(from: number, count: number) {
    const p = plan
    if (!p) throw new Error('call begin() first')
    const t0 = performance.now()
    const records: RunRecord[] = []
    for (let i = from; i < from + count; i++) {
      const { input, externalId, projectIndex } = draft(i, p)
      const record = makeRunRecord({
        id: stableRunId(input, externalId),
        projectId: p.projectIds[projectIndex]!,
        input,
        result: engine.compute(input, lab),
        computeStamp: p.stamp,
        importId: IMPORT_ID,
        createdAt: p.createdAt,
        updatedAt: p.createdAt
      })
      records.push(record)
      p.delta.add(record, 1)
      addToQuarters(p, record)
    }
    const computedMs = performance.now() - t0
    await p.db.transaction('rw', p.db.runs, () => p.db.runs.bulkPut(records))
    p.written += count
    return { computedMs, totalMs: performance.now() - t0 }
  },
  /** Writes the rollups and the import batch the runs belong to; returns the per-quarter expectations. */
  async finish() {
    const p = plan
    if (!p) throw new Error('call begin() first')
    const cells = [...p.delta.cells.values()]
    await p.db.transaction('rw', p.db.rollups, p.db.imports, async () => {
      await p.db.rollups.bulkPut(cells)
      await p.db.imports.put({
        id: IMPORT_ID,
        format: 'codecarbon',
        fileName: 'ui-bench-synthetic.csv',
        importedAt: p.createdAt,
        added: p.written,
        updated: 0,
        unchanged: 0,
        skipped: 0,
        updatedAt: p.createdAt
      })
    })
    const runs = await p.db.runs.count()
    p.db.close()
    plan = undefined
    return { runs, rollupCells: cells.length, quarters: Object.fromEntries(p.quarters) }
  },
  /** Sample record size: bytes of one run as JSON (the stored structured clone is of the same order). */
  sampleRunJsonBytes() {
    const p = plan
    if (!p) throw new Error('call begin() first')
    const { input } = draft(12345, p)
    return JSON.stringify({ input, result: engine.compute(input, lab) }).length
  },
  /**
   * The reads the dashboard makes for a period, timed one by one on a fresh connection: which of them costs.
   * Rollup cells of the period as renderer/db/aggregate.ts reads them; a period's largest runs both by reading every
   * run started in it (schema 1) and by the [startMonth+emissionsKg] index, ten per month (schema 2, what the app does).
   */
  async dashboardReads(name: string, start: string, end: string, previousStart: string, previousEnd: string) {
    const t0 = performance.now()
    const db = new LedgerDb(name)
    await db.open()
    const openMs = performance.now() - t0
    const cells = async (level: string, a: string, b: string) => {
      const t = performance.now()
      const n = (await db.rollups.where('[level+month]').between([level, a], [level, b], true, true).toArray()).length
      return { cells: n, ms: performance.now() - t }
    }
    const pm = await cells('pm', start, end)
    const pmPrevious = await cells('pm', previousStart, previousEnd)
    const all = await cells('all', start, end)
    const fromMs = Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1, 1)
    const toMs = Date.UTC(Number(end.slice(0, 4)), Number(end.slice(5, 7)), 1)
    const t1 = performance.now()
    const periodRuns = await db.runs.where('startedAtMs').between(fromMs, toMs, true, false).toArray()
    const topRunsMs = performance.now() - t1
    const t2 = performance.now()
    const periodCount = await db.runs.where('startedAtMs').between(fromMs, toMs, true, false).count()
    const countMs = performance.now() - t2
    const t3 = performance.now()
    await db.runs.orderBy('emissionsKg').reverse().limit(10).toArray()
    const topByIndexMs = performance.now() - t3
    const t4 = performance.now()
    const months = monthsOf(customPeriod(start, end))
    await Promise.all(
      months.map((m) =>
        db.runs.where('[startMonth+emissionsKg]').between([m, -Infinity], [m, Infinity]).reverse().limit(10).toArray()
      )
    )
    const topByMonthIndexMs = performance.now() - t4
    db.close()
    return {
      openMs,
      pm,
      pmPrevious,
      all,
      periodRuns: periodRuns.length,
      topRunsMs,
      periodCount,
      countMs,
      topByIndexMs,
      topByMonthIndexMs
    }
  }
}

declare global {
  interface Window {
    uiBenchFill: typeof fill
  }
}
window.uiBenchFill = fill
document.title = 'ui bench fill ready'
