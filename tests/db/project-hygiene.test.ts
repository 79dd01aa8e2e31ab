import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { ImportSource, Ledger } from '../../renderer/db'
import { LedgerDb } from '../../renderer/db/schema'
import { yearPeriod } from '../../shared/ledger/period'
import { freshName, gpuRun, openTest, type TestLab } from './support'

const file = (runs: { id: string; project: string; hours?: number }[], fileName = 'emissions.csv'): ImportSource => ({
  format: 'codecarbon',
  fileName,
  runs: runs.map((r) => ({
    externalId: r.id,
    input: gpuRun({ hours: r.hours ?? 2, project: r.project, source: { kind: 'codecarbon', externalId: r.id } }),
    warnings: []
  })),
  errors: [],
  warnings: []
})

const many = (n: number, project = 'big'): ImportSource =>
  file(Array.from({ length: n }, (_, i) => ({ id: `r${i}`, project, hours: 1 + (i % 5) })))

/** Totals by project from the rollups, and the same summed from the runs themselves. */
const totals = async (ledger: Ledger<TestLab>) => {
  const { rows } = await ledger.aggregate.totals({ period: yearPeriod(2026), groupBy: ['project'] })
  const fromRollups: Record<string, number> = Object.fromEntries(
    rows.map((r) => [r.group.project, r.totals.emissionsKg.value])
  )
  const fromRuns: Record<string, number> = {}
  for (const run of await ledger.runs.list()) fromRuns[run.projectId] = (fromRuns[run.projectId] ?? 0) + run.emissionsKg
  return { fromRollups, fromRuns }
}

describe('project names', () => {
  it('a run typed as "vision inference " goes to the project "Vision inference"', async () => {
    const ledger = await openTest()
    const project = await ledger.projects.create('Vision inference')
    const run = await ledger.runs.create(gpuRun({ project: 'vision  inference ' }))
    expect(run.projectId).toBe(project.id)
    expect(await ledger.projects.list()).toHaveLength(1)
    await expect(ledger.projects.create(' VISION inference')).rejects.toMatchObject({ code: 'conflict' })
  })

  it('an import maps by name whatever the case, and takes chosen names: all to one new project', async () => {
    const ledger = await openTest()
    const existing = await ledger.projects.create('Vision inference')
    const source = file([
      { id: 'a', project: 'VISION inference' },
      { id: 'b', project: 'exp-1' },
      { id: 'c', project: 'exp-2' }
    ])
    const preview = await ledger.imports.preview(source)
    expect(preview.projects.find((p) => p.sourceName === 'VISION inference')).toMatchObject({
      action: 'map',
      projectId: existing.id
    })
    await ledger.imports.commit(source, { projectNames: { 'exp-1': 'Sweep', 'exp-2': ' sweep ' } })
    const names = (await ledger.projects.list()).map((p) => p.name)
    expect(names).toEqual(['Sweep', 'Vision inference'])
  })

  it('names given for one import only are not remembered: the next file goes by its own names again', async () => {
    const ledger = await openTest()
    const vision = await ledger.projects.create('vision')
    // The lab's earlier choice for "exp-1" stays as it was.
    await ledger.imports.commit(file([{ id: 'x', project: 'exp-1' }], 'first.csv'), {
      projectNames: { 'exp-1': 'Baseline' }
    })
    const baseline = (await ledger.projects.list()).find((p) => p.name === 'Baseline')!
    await ledger.imports.commit(
      file([
        { id: 'a', project: 'vision' },
        { id: 'b', project: 'exp-1' }
      ]),
      { projectNames: { vision: 'Thesis', 'exp-1': 'Thesis' }, rememberNames: false }
    )
    const thesis = (await ledger.projects.list()).find((p) => p.name === 'Thesis')!
    expect((await ledger.runs.list()).filter((r) => r.projectId === thesis.id)).toHaveLength(2)
    const mapped = Object.fromEntries((await ledger.imports.mappings.list()).map((m) => [m.sourceName, m.projectId]))
    expect(mapped).toEqual({ 'exp-1': baseline.id })

    const later = await ledger.imports.preview(
      file([
        { id: 'c', project: 'vision' },
        { id: 'd', project: 'exp-1' }
      ])
    )
    expect(Object.fromEntries(later.projects.map((p) => [p.sourceName, p.projectId]))).toEqual({
      vision: vision.id,
      'exp-1': baseline.id
    })
  })
})

describe('merging and deleting projects', () => {
  it('moves the runs, keeps rollups equal to the sum of runs, and undoes', async () => {
    const ledger = await openTest()
    await ledger.runs.create(gpuRun({ project: 'a', hours: 3 }))
    await ledger.runs.create(gpuRun({ project: 'a', hours: 4, startedAt: '2026-05-01T00:00:00Z' }))
    const kept = await ledger.runs.create(gpuRun({ project: 'b', hours: 5 }))
    const trashed = await ledger.runs.create(gpuRun({ project: 'a', hours: 1 }))
    await ledger.runs.remove([trashed.id])
    const [a, b] = await ledger.projects.list()
    const before = await totals(ledger)

    const merge = await ledger.projects.merge(a!.id, b!.id)
    expect(merge.moved).toBe(2)
    expect((await ledger.projects.list()).map((p) => p.id)).toEqual([b!.id])
    const after = await totals(ledger)
    expect(Object.keys(after.fromRollups)).toEqual([b!.id])
    expect(after.fromRollups[b!.id]).toBeCloseTo(after.fromRuns[b!.id]!, 9)
    expect(after.fromRollups[b!.id]).toBeCloseTo(before.fromRollups[a!.id]! + before.fromRollups[b!.id]!, 9)
    // The trashed run follows, so restoring it cannot point at a removed project.
    expect((await ledger.trash.list())[0]!.runs[0]!.projectId).toBe(b!.id)

    expect(await ledger.projects.unmerge(merge)).toBe(2)
    const undone = await totals(ledger)
    expect(Object.keys(undone.fromRollups).sort()).toEqual(Object.keys(before.fromRollups).sort())
    for (const [id, kg] of Object.entries(before.fromRollups)) {
      expect(undone.fromRollups[id]).toBeCloseTo(kg, 9)
      expect(undone.fromRollups[id]).toBeCloseTo(undone.fromRuns[id]!, 9)
    }
    expect((await ledger.runs.get(kept.id))!.projectId).toBe(b!.id)
    expect((await ledger.trash.list())[0]!.runs[0]!.projectId).toBe(a!.id)
  })

  it('refuses to merge a project into itself; removes only empty projects', async () => {
    const ledger = await openTest()
    await ledger.runs.create(gpuRun({ project: 'full' }))
    const empty = await ledger.projects.create('empty')
    const [, full] = await ledger.projects.list()
    await expect(ledger.projects.merge(full!.id, full!.id)).rejects.toMatchObject({ code: 'invalid' })
    await expect(ledger.projects.remove(full!.id)).rejects.toMatchObject({ code: 'conflict' })
    await ledger.projects.remove(empty.id)
    expect((await ledger.projects.list()).map((p) => p.name)).toEqual(['full'])
  })
})

describe('undoing an import', () => {
  it('removes the projects it created when they are empty, and keeps those holding other runs', async () => {
    const ledger = await openTest()
    await ledger.projects.create('old')
    const batch = await ledger.imports.commit(
      file([
        { id: 'a', project: 'new-1' },
        { id: 'b', project: 'new-2' },
        { id: 'c', project: 'old' }
      ])
    )
    expect((await ledger.projects.list()).filter((p) => p.createdByImport === batch.id)).toHaveLength(2)
    // A run typed by hand into new-2 keeps that project alive.
    await ledger.runs.create(gpuRun({ project: 'new-2' }))
    const undone = await ledger.imports.undo(batch.id)
    expect(undone).toMatchObject({ removed: 3, projectsRemoved: 1 })
    expect((await ledger.projects.list()).map((p) => p.name)).toEqual(['new-2', 'old'])
    expect((await ledger.imports.mappings.list()).some((m) => m.sourceName === 'new-1')).toBe(false)
  })

  it('removes a project two imports filled once both are undone, in either order', async () => {
    const ledger = await openTest()
    const first = await ledger.imports.commit(file([{ id: 'a', project: 'shared' }], 'one.csv'))
    const second = await ledger.imports.commit(file([{ id: 'b', project: 'SHARED ' }], 'two.csv'))
    expect(await ledger.projects.list()).toHaveLength(1)
    expect(await ledger.imports.undo(first.id)).toMatchObject({ removed: 1, projectsRemoved: 0 })
    expect(await ledger.imports.undo(second.id)).toMatchObject({ removed: 1, projectsRemoved: 1 })
    expect(await ledger.projects.list()).toEqual([])
  })
})

describe('cancelling and interrupting an import', () => {
  it('a cancelled write keeps nothing: no run, rollup, project or batch', async () => {
    const ledger = await openTest()
    const controller = new AbortController()
    await expect(
      ledger.imports.commit(many(50), {
        chunkSize: 10,
        signal: controller.signal,
        onProgress: (done) => {
          if (done >= 20) controller.abort()
        }
      })
    ).rejects.toMatchObject({ code: 'cancelled', msg: { id: 'import.cancelled' } })
    expect(await ledger.runs.count()).toBe(0)
    expect(await ledger.projects.list()).toEqual([])
    expect(await ledger.imports.list()).toEqual([])
    expect((await ledger.aggregate.totals({ period: yearPeriod(2026) })).rows).toEqual([])
    expect(await ledger.imports.takeInterrupted()).toBeUndefined()
  })

  it('marks the write while it runs; a write that dies mid-way keeps nothing; the marker is reported once', async () => {
    const name = freshName()
    const ledger = await openTest(name)
    const raw = new LedgerDb(name)
    const seen: string[] = []
    await expect(
      ledger.imports.commit(many(30), {
        chunkSize: 10,
        onProgress: (done) => {
          if (done === 10) seen.push('written')
          // The page goes away after the second chunk: the transaction dies with it.
          if (done === 20) throw new Error('page gone')
        }
      })
    ).rejects.toThrow('page gone')
    expect(seen).toEqual(['written'])
    expect(await ledger.runs.count()).toBe(0)
    expect(await ledger.projects.list()).toEqual([])
    expect((await ledger.aggregate.totals({ period: yearPeriod(2026) })).rows).toEqual([])

    // A reload never runs the cleanup after the write: its marker stays, as here.
    await raw.settings.put({ key: 'importWriting:x', value: { fileName: 'big.csv' }, updatedAt: 1 })
    expect(await ledger.imports.takeInterrupted()).toBe('big.csv')
    expect(await ledger.imports.takeInterrupted()).toBeUndefined()
    raw.close()
  })

  it('leaves the marker in settings during the write and removes it after', async () => {
    const name = freshName()
    const ledger = await openTest(name)
    const raw = new LedgerDb(name)
    const during: number[] = []
    const marks = () => raw.settings.where('key').startsWith('importWriting:').count()
    let pending: Promise<void> = Promise.resolve()
    await ledger.imports.commit(many(20), {
      chunkSize: 10,
      onProgress: () => {
        pending = marks().then((n) => void during.push(n))
      }
    })
    await pending
    expect(during.at(-1)).toBe(1)
    expect(await marks()).toBe(0)
    raw.close()
  })
})
