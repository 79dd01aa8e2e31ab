import 'fake-indexeddb/auto'
import { liveQuery } from 'dexie'
import { describe, expect, it } from 'vitest'
import { openLedgerBrowser } from '../../renderer/db/browse'
import type { LedgerAccess } from '../../renderer/src/ledger/LedgerProvider'
import { projectSummary } from '../../renderer/src/screens/project/project-summary'
import { projectRows } from '../../renderer/src/screens/projects/project-rows'
import { yearPeriod } from '../../shared/ledger/period'
import { freshName, gpuRun, openTest } from './support'

/**
 * The screens read the ledger through live queries (renderer/src/ledger/useLedgerQuery.ts): Dexie runs a query again
 * when a write touches what it read. These subscriptions make the screens' own reads and check that every kind of
 * write (create, edit, delete, undo, import, undo of an import, lab defaults, recompute) reaches them with no call
 * telling them so.
 */
const watch = <T>(query: () => Promise<T>) => {
  const values: T[] = []
  const waiting: { test: (v: T) => boolean; resolve: (v: T) => void }[] = []
  const subscription = liveQuery(query).subscribe({
    next: (v) => {
      values.push(v)
      for (const w of waiting.splice(0)) {
        if (w.test(v)) w.resolve(v)
        else waiting.push(w)
      }
    },
    error: (err: unknown) => {
      throw err
    }
  })
  return {
    /** The first value (already emitted or still to come) that passes the test; times out (and fails) otherwise. */
    until: (test: (v: T) => boolean): Promise<T> => {
      const found = values.find(test)
      if (found !== undefined) return Promise.resolve(found)
      return new Promise((resolve) => waiting.push({ test, resolve }))
    },
    latest: () => values.at(-1),
    stop: () => subscription.unsubscribe()
  }
}

const year = yearPeriod(2026)

describe('live queries', () => {
  it('totals, largest runs, one run, projects and the trash follow create, edit, delete and undo', async () => {
    const ledger = await openTest()
    const totals = watch(() => ledger.aggregate.totals({ period: year }))
    const largest = watch(() => ledger.aggregate.topRuns({ n: 10, period: year }))
    const projects = watch(() => ledger.projects.list())
    const trash = watch(() => ledger.trash.list())
    await totals.until((t) => t.total.runs === 0)

    const run = await ledger.runs.create(gpuRun({ hours: 2, project: 'vision' }))
    const one = watch(() => ledger.runs.get(run.id))
    await totals.until((t) => t.total.runs === 1)
    await largest.until((rs) => rs.length === 1)
    await projects.until((ps) => ps.some((p) => p.name === 'vision'))
    await one.until((r) => r?.input.title === run.input.title)

    // An edit of the title alone: the run's own record and the largest runs show it.
    await ledger.runs.update(run.id, { ...run.input, title: 'renamed' })
    await one.until((r) => r?.input.title === 'renamed')
    await largest.until((rs) => rs[0]?.input.title === 'renamed')

    const { deletionId } = await ledger.runs.remove([run.id])
    await totals.until((t) => t.total.runs === 0)
    await one.until((r) => r === undefined)
    await trash.until((ds) => ds.length === 1)

    await ledger.trash.restore(deletionId)
    await totals.until((t) => t.total.runs === 1)
    await trash.until((ds) => ds.length === 0)
    await one.until((r) => r?.id === run.id)
    for (const w of [totals, largest, projects, trash, one]) w.stop()
    ledger.close()
  })

  it('the lab defaults, the recompute status and the totals follow a change of lab defaults and its recompute', async () => {
    const ledger = await openTest()
    for (let i = 0; i < 3; i++) await ledger.runs.create(gpuRun({ hours: 1 }))
    const lab = watch(() => ledger.settings.getLabDefaults())
    const status = watch(() => ledger.recompute.status())
    const totals = watch(() => ledger.aggregate.totals({ period: year }))
    await status.until((s) => s.remaining === 0)
    const before = (await totals.until((t) => t.total.runs === 3)).total.emissionsKg.value

    await ledger.settings.setLabDefaults({ intensityGPerKWh: 100, renewableShare: 0.5 })
    await lab.until((l) => l.intensityGPerKWh === 100)
    console.log('A', status.latest())
    await status.until((s) => s.remaining === 3)

    await ledger.recompute.run({ chunkSize: 2 })
    console.log('B', status.latest(), totals.latest()?.total.emissionsKg)
    await status.until((s) => s.remaining === 0 && s.total === 3)
    // 3 × 0.3 kWh × 100 g/kWh.
    const after = await totals.until((t) => Math.abs(t.total.emissionsKg.value - 0.09) < 1e-9)
    expect(after.total.emissionsKg.value).not.toBe(before)
    for (const w of [lab, status, totals]) w.stop()
    ledger.close()
  })

  it("the runs table's window (its own connection) and the import list follow an import and its undo", async () => {
    const name = freshName()
    const ledger = await openTest(name)
    const browser = await openLedgerBrowser(name)
    const newest = watch(() => browser.runs({ order: 'newest' }))
    const largest = watch(() => browser.runs({ order: 'largest' }))
    const scanned = watch(() => browser.runs({ order: 'newest', where: { source: 'codecarbon' } }))
    const batches = watch(() => ledger.imports.list())
    await newest.until((w) => w.total === 0)

    const batch = await ledger.imports.commit({
      format: 'codecarbon',
      fileName: 'emissions.csv',
      runs: ['a', 'b'].map((id) => ({
        externalId: id,
        input: gpuRun({ person: 'grace', source: { kind: 'codecarbon', externalId: id } })
      })),
      errors: [],
      warnings: []
    })
    await newest.until((w) => w.total === 2)
    await largest.until((w) => w.total === 2)
    await scanned.until((w) => w.total === 2)
    await batches.until((bs) => bs.some((b) => b.id === batch.id))

    await ledger.imports.undo(batch.id)
    await newest.until((w) => w.total === 0)
    await largest.until((w) => w.total === 0)
    await scanned.until((w) => w.total === 0)
    for (const w of [newest, largest, scanned, batches]) w.stop()
    browser.close()
    ledger.close()
  })

  it('archiving a project (the browser connection) reaches a query of the archived projects', async () => {
    const name = freshName()
    const ledger = await openTest(name)
    const browser = await openLedgerBrowser(name)
    const project = await ledger.projects.create('old')
    const archived = watch(() => browser.archivedProjects())
    await archived.until((ids) => ids.size === 0)
    await browser.setArchived(project.id, true)
    await archived.until((ids) => ids.has(project.id))
    archived.stop()
    browser.close()
    ledger.close()
  })
})

describe("the pages' own queries, live", () => {
  it('the projects page and a project page follow a run moved to another project and its deletion', async () => {
    const name = freshName()
    const ledger = await openTest(name)
    const browser = await openLedgerBrowser(name)
    const access = { ledger, browser } as unknown as LedgerAccess
    const run = await ledger.runs.create(gpuRun({ project: 'alpha' }))
    const beta = await ledger.projects.create('beta')
    const rows = watch(() => projectRows(access))
    const summary = watch(() => projectSummary(access, beta.id))
    await rows.until((ps) => ps.find((p) => p.name === 'alpha')?.runs === 1)
    await summary.until((s) => s?.runs === 0 && s.latestStartMs === undefined)

    await ledger.runs.update(run.id, run.input, { projectId: beta.id })
    await rows.until(
      (ps) => ps.find((p) => p.name === 'beta')?.runs === 1 && ps.find((p) => p.name === 'alpha')?.runs === 0
    )
    await summary.until((s) => s?.runs === 1 && s.latestStartMs === run.startedAtMs)

    await browser.setArchived(beta.id, true)
    await rows.until((ps) => ps.find((p) => p.name === 'beta')?.archived === true)
    await ledger.runs.remove([run.id])
    await summary.until((s) => s?.runs === 0)
    for (const w of [rows, summary]) w.stop()
    browser.close()
    ledger.close()
  })
})
