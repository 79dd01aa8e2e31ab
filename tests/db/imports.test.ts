import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { ImportSource } from '../../renderer/db'
import { quarterPeriod } from '../../shared/ledger/period'
import { gpuRun, openTest, testEngine } from './support'

const codecarbon = (
  runs: { id: string; hours: number; project?: string }[],
  fileName = 'emissions.csv'
): ImportSource => ({
  format: 'codecarbon',
  fileName,
  runs: runs.map((r) => ({
    externalId: r.id,
    input: gpuRun({
      hours: r.hours,
      project: r.project ?? 'cc-project',
      source: { kind: 'codecarbon', externalId: r.id }
    }),
    warnings: []
  })),
  errors: [{ row: 5, field: 'duration', message: 'duration is not a number' }],
  warnings: []
})

describe('imports', () => {
  it('records skipped rows, not errors: two errors of one row count once, a duplicate run replaced by a later row not at all', async () => {
    const ledger = await openTest()
    const file = {
      ...codecarbon([
        { id: 'a', hours: 1 },
        { id: 'a', hours: 2 },
        { id: 'b', hours: 3 }
      ]),
      errors: [
        { row: 5, field: 'duration', message: 'duration is not a number' },
        { row: 5, field: 'energy_consumed', message: 'energy_consumed is not a number' }
      ],
      skippedRows: 1
    }
    const batch = await ledger.imports.commit(file)
    expect(batch).toMatchObject({ added: 2, skipped: 1 })
    expect((await ledger.imports.list())[0]).toMatchObject({ added: 2, skipped: 1 })
  })

  it('previews, commits, and re-imports idempotently with n new, m updated, k unchanged', async () => {
    const ledger = await openTest()
    const file = codecarbon([
      { id: 'a', hours: 1 },
      { id: 'b', hours: 2 },
      { id: 'c', hours: 3 }
    ])
    const preview = await ledger.imports.preview(file)
    expect(preview).toMatchObject({ runsFound: 3, added: 3, updated: 0, unchanged: 0 })
    expect(preview.skipped).toEqual([{ row: 5, field: 'duration', message: 'duration is not a number' }])
    expect(preview.projects).toEqual([
      { sourceName: 'cc-project', action: 'create', projectName: 'cc-project', runs: 3 }
    ])

    const progress: [number, number][] = []
    const first = await ledger.imports.commit(file, { chunkSize: 2, onProgress: (d, t) => progress.push([d, t]) })
    expect(first).toMatchObject({ added: 3, updated: 0, unchanged: 0, skipped: 1 })
    expect(progress).toEqual([
      [2, 3],
      [3, 3]
    ])
    expect(await ledger.runs.count()).toBe(3)

    const again = await ledger.imports.commit(file)
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3 })
    expect(await ledger.runs.count()).toBe(3)

    // The same file, renamed, with run b longer and a new run d.
    const edited = codecarbon(
      [
        { id: 'a', hours: 1 },
        { id: 'b', hours: 20 },
        { id: 'c', hours: 3 },
        { id: 'd', hours: 4 }
      ],
      'copy.csv'
    )
    expect(await ledger.imports.preview(edited)).toMatchObject({ added: 1, updated: 1, unchanged: 2 })
    const third = await ledger.imports.commit(edited)
    expect(third).toMatchObject({ added: 1, updated: 1, unchanged: 2 })
    // 1 + 20 + 3 + 4 = 28 h × 0.3 kW = 8.4 kWh
    expect((await ledger.aggregate.totals({ period: quarterPeriod(2026, 1) })).total.energyKWh.value).toBeCloseTo(
      8.4,
      10
    )

    // Undo the third batch: d removed, b back to 2 h.
    expect(await ledger.imports.undo(third.id)).toEqual({ removed: 1, reverted: 1, projectsRemoved: 0 })
    const totals = await ledger.aggregate.totals({ period: quarterPeriod(2026, 1) })
    expect(totals.total.energyKWh.value).toBeCloseTo(1.8, 10)
    expect(totals.total.runs).toBe(3)
    // Undo the first: every run it created goes.
    expect(await ledger.imports.undo(first.id)).toEqual({ removed: 3, reverted: 0, projectsRemoved: 1 })
    expect(await ledger.runs.count()).toBe(0)
    expect((await ledger.aggregate.totals({ period: quarterPeriod(2026, 1) })).rows).toEqual([])
    expect((await ledger.imports.list()).map((b) => b.id)).toEqual([again.id])
  })

  it('maps a CodeCarbon project_name to a chosen project and remembers it', async () => {
    const ledger = await openTest()
    const target = await ledger.projects.create('Vision transformer study')
    const file = codecarbon([{ id: 'a', hours: 1, project: 'vit-exp' }])
    const batch = await ledger.imports.commit(file, { projectMap: { 'vit-exp': target.id } })
    expect((await ledger.runs.list())[0]!.projectId).toBe(target.id)
    expect(await ledger.imports.mappings.list()).toMatchObject([
      { sourceKind: 'codecarbon', sourceName: 'vit-exp', projectId: target.id }
    ])
    expect(batch.added).toBe(1)

    const later = await ledger.imports.preview(codecarbon([{ id: 'b', hours: 1, project: 'vit-exp' }]))
    expect(later.projects).toEqual([
      { sourceName: 'vit-exp', action: 'map', projectId: target.id, projectName: 'Vision transformer study', runs: 1 }
    ])
    // Editing the mapping sends the next import elsewhere.
    const other = await ledger.projects.create('Other')
    await ledger.imports.mappings.set('codecarbon', 'vit-exp', other.id)
    await ledger.imports.commit(codecarbon([{ id: 'b', hours: 1, project: 'vit-exp' }]))
    expect((await ledger.runs.list({ projectId: other.id })).length).toBe(1)
    expect((await ledger.projects.list()).map((p) => p.name)).toEqual(['Other', 'Vision transformer study'])
  })

  it('writes nothing when an import fails part-way (all or nothing)', async () => {
    const ledger = await openTest()
    const file = codecarbon(Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`, hours: 1 })))
    const failing = ledger.imports.commit(file, {
      chunkSize: 3,
      onProgress: (done) => {
        if (done >= 6) throw new Error('interrupted')
      }
    })
    await expect(failing).rejects.toThrow('interrupted')
    expect(await ledger.runs.count()).toBe(0)
    expect(await ledger.projects.list()).toEqual([])
    expect(await ledger.imports.list()).toEqual([])
    expect(await ledger.imports.mappings.list()).toEqual([])
    expect((await ledger.aggregate.totals({ period: quarterPeriod(2026, 1) })).rows).toEqual([])
  })

  it('writes nothing when a write of a later chunk fails while earlier chunks are still being written', async () => {
    // Run r7's result cannot be stored (a function is not cloneable; in a figure, since the trace is not stored): its
    // chunk's bulkPut fails after chunks 1–2 were issued.
    const engine = testEngine()
    const ledger = await openTest(undefined, {
      ...engine,
      compute: (input, lab) => {
        const result = engine.compute(input, lab)
        return input.source.externalId === 'r7'
          ? { ...result, locationLabel: (() => 'x') as unknown as string }
          : result
      }
    })
    await ledger.runs.create(gpuRun({ project: 'before' }))
    const file = codecarbon(Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`, hours: 1 })))
    const progress: number[] = []
    await expect(
      ledger.imports.commit(file, { chunkSize: 3, onProgress: (done) => progress.push(done) })
    ).rejects.toThrow()
    expect(progress.every((done) => done <= 6)).toBe(true)
    expect(await ledger.runs.count()).toBe(1)
    expect((await ledger.projects.list()).map((p) => p.name)).toEqual(['before'])
    expect(await ledger.imports.list()).toEqual([])
    expect((await ledger.aggregate.totals({ period: quarterPeriod(2026, 1) })).total.runs).toBe(1)
  })

  it('skips runs that do not validate, naming the run and field, and imports the rest', async () => {
    const ledger = await openTest()
    const file = codecarbon([
      { id: 'a', hours: 1 },
      { id: 'b', hours: 1 }
    ])
    file.runs[1]!.input = { ...file.runs[1]!.input, durationS: -1 }
    const preview = await ledger.imports.preview(file)
    expect(preview.added).toBe(1)
    expect(preview.skipped[1]).toMatchObject({ row: 2, field: 'input' })
    expect(preview.skipped[1]!.message).toMatch(/run 2 of emissions\.csv: durationS/)
    expect((await ledger.imports.commit(file)).skipped).toBe(2)
    expect(await ledger.runs.count()).toBe(1)
  })

  it('creates a project named by runs of two source kinds once', async () => {
    const ledger = await openTest()
    const file = codecarbon([
      { id: 'a', hours: 1 },
      { id: 'b', hours: 1 }
    ])
    file.runs[1]!.input = { ...file.runs[1]!.input, source: { kind: 'nvidia-smi', externalId: 'b' } }
    expect((await ledger.imports.preview(file)).projects.map((p) => p.action)).toEqual(['create', 'create'])
    await ledger.imports.commit(file)
    expect((await ledger.projects.list()).map((p) => p.name)).toEqual(['cc-project'])
    expect(new Set((await ledger.runs.list()).map((r) => r.projectId)).size).toBe(1)
    expect(await ledger.imports.mappings.list()).toHaveLength(2)
  })
})
