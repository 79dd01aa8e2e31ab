import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { ImportSource, Ledger } from '../../renderer/db'
import { LedgerDb } from '../../renderer/db/schema'
import { mergeParts, type ProjectionRow, projectionRow } from '../../shared/ledger/projection'
import { exportBytes, sourceOf } from './archive-support'
import { freshName, gpuRun, openTest, type TestLab } from './support'

/** The stored projection, month by month (parts merged), and the same rebuilt from the runs stored now. */
const projectionOf = async (name: string) => {
  const db = new LedgerDb(name)
  await db.open()
  const parts = await db.projection.toArray()
  const runs = await db.runs.toArray()
  db.close()
  const stored = new Map<string, ProjectionRow[]>()
  for (const month of new Set(parts.map((p) => p.month))) {
    const rows = mergeParts(parts.filter((p) => p.month === month))
    if (rows.length > 0) stored.set(month, rows)
  }
  const rebuilt = new Map<string, ProjectionRow[]>()
  for (const run of runs) rebuilt.set(run.startMonth, [...(rebuilt.get(run.startMonth) ?? []), projectionRow(run)])
  for (const rows of rebuilt.values())
    rows.sort((a, b) => a.startedAtMs - b.startedAtMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { stored, rebuilt, runs: runs.length, parts: parts.length }
}

const expectInStep = async (name: string, runs: number) => {
  const { stored, rebuilt, runs: n } = await projectionOf(name)
  expect(n).toBe(runs)
  expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(rebuilt))
}

const file = (ids: string[], hours: number, fileName = 'e.csv'): ImportSource => ({
  format: 'codecarbon',
  fileName,
  runs: ids.map((id, i) => ({
    externalId: id,
    input: gpuRun({
      hours: hours + i,
      title: `Run ${id}`,
      tags: ['Sweep'],
      project: 'cc',
      startedAt: `2026-0${1 + (i % 3)}-1${i % 9}T08:00:00Z`,
      source: { kind: 'codecarbon', externalId: id }
    }),
    warnings: []
  })),
  errors: [],
  warnings: []
})

describe('the runs projection', () => {
  it('equals one rebuilt from the runs after every kind of run write', async () => {
    const name = freshName()
    const ledger: Ledger<TestLab> = await openTest(name)
    const a = await ledger.runs.create(gpuRun({ title: 'Baseline', notes: 'First try', hours: 2 }))
    const b = await ledger.runs.create(gpuRun({ project: 'beta', person: 'bob', startedAt: '2026-03-30T00:00:00Z' }))
    await expectInStep(name, 2)
    // An edit that moves the run to another month, and one that stays.
    await ledger.runs.update(a.id, gpuRun({ title: 'Moved', startedAt: '2026-05-01T00:00:00Z', hours: 3 }))
    await ledger.runs.update(b.id, gpuRun({ project: 'beta', person: 'bob', kind: 'inference', tags: ['X'] }))
    await expectInStep(name, 2)
    const { deletionId } = await ledger.runs.remove([a.id])
    await expectInStep(name, 1)
    await ledger.trash.restore(deletionId)
    await expectInStep(name, 2)

    const first = await ledger.imports.commit(file(['x', 'y', 'z'], 1))
    await expectInStep(name, 5)
    const second = await ledger.imports.commit(file(['x', 'y', 'w'], 4, 'f.csv'))
    await expectInStep(name, 6)
    await ledger.imports.undo(second.id)
    await expectInStep(name, 5)
    await ledger.imports.undo(first.id)
    await expectInStep(name, 2)

    await ledger.settings.setLabDefaults({ intensityGPerKWh: 123, renewableShare: 0 })
    await ledger.recompute.run({ chunkSize: 1 })
    await expectInStep(name, 2)

    const [alpha, beta] = (await ledger.projects.list()).filter((p) => p.name !== 'cc')
    const merge = await ledger.projects.merge(alpha!.id, beta!.id)
    await expectInStep(name, 2)
    await ledger.projects.unmerge(merge)
    await expectInStep(name, 2)

    const bytes = await exportBytes(ledger)
    await ledger.runs.create(gpuRun({ title: 'After the backup' }))
    await ledger.backups.restore(sourceOf(bytes), 'merge')
    await expectInStep(name, 3)
    await ledger.backups.restore(sourceOf(bytes), 'replace')
    await expectInStep(name, 2)
    ledger.close()
  })

  it('compacts a month written by many transactions into one part, still equal to the runs', async () => {
    const name = freshName()
    const ledger = await openTest(name)
    const ids: string[] = []
    for (let i = 0; i < 30; i++) ids.push((await ledger.runs.create(gpuRun({ hours: 1 + i, title: `t${i}` }))).id)
    await ledger.runs.remove(ids.slice(0, 5))
    const { parts } = await projectionOf(name)
    expect(parts).toBeLessThan(24)
    await expectInStep(name, 25)
    ledger.close()
  })
})
