import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { createLedgerEngine, openLedger } from '../../renderer/db'
import { importWatchedBatch } from '../../renderer/src/app/watch-import'
import type { HostApi } from '../../shared/host-api'
import { loadReferenceData } from '../../shared/refdata/index'
import { freshName } from './support'

const sacct = (name: string) => readFileSync(`tests/fixtures/import/slurm/${name}`, 'utf8')

const batchOf = (batchId: string, files: { name: string; text: string }[], timeZone?: string) => ({
  type: 'watch-batch' as const,
  batchId,
  folder: { id: 'f1', path: '/cluster/sacct', paused: false, ...(timeZone ? { timeZone } : {}) },
  files: files.map((f) => ({ ...f, format: 'slurm' as const }))
})

describe("a watched folder's sacct files with the lab's cluster settings", () => {
  it("apply the lab's partitions, people and zone; bad sacct files change nothing stored", async () => {
    const ledger = await openLedger({ name: freshName(), engine: createLedgerEngine(loadReferenceData()) })
    const api = { watchedFolders: { batchDone: vi.fn(async () => undefined) } } as unknown as HostApi
    await ledger.settings.setCluster({
      partitions: { 'gpu-a100': { gpu: 'NVIDIA A100-SXM4-80GB', location: { kind: 'country', code: 'DE' } } },
      people: { anna: 'Anna Schmidt' },
      timeZone: 'Europe/Berlin'
    })
    const first = await importWatchedBatch(
      api,
      ledger as never,
      batchOf('a'.repeat(24), [{ name: 'sacct-energy-gpu.psv', text: sacct('sacct-energy-gpu.psv') }])
    )
    expect(first.runs).toBe(10)
    const runs = await ledger.runs.list()
    const pretrain = runs.find((r) => r.input.source.jobId === '58101')!
    expect(pretrain.input.devices[0]).toMatchObject({ kind: 'gpu', name: 'NVIDIA A100-SXM4-80GB', count: 4 })
    expect(pretrain.input.location).toEqual({ kind: 'country', code: 'DE' })
    expect(pretrain.input.notes).toContain("from the lab's partition mapping")
    // the lab's zone: 09:12:40 in Berlin (CET) is 08:12:40 UTC
    expect(pretrain.input.startedAt).toBe('2025-03-28T09:12:40+01:00')
    expect(runs.some((r) => r.input.person === 'Anna Schmidt')).toBe(true)
    expect(runs.some((r) => r.input.person === 'anna')).toBe(false)

    const before = await ledger.runs.list()
    const bad = await importWatchedBatch(
      api,
      ledger as never,
      batchOf('b'.repeat(24), [
        { name: 'quirk-missing-columns.psv', text: sacct('quirk-missing-columns.psv') },
        { name: 'quirk-bad-values.psv', text: sacct('quirk-bad-values.psv') }
      ])
    )
    // the bad-values file keeps its two sound jobs (new runs); nothing stored before is touched
    const after = await ledger.runs.list()
    for (const run of before) expect(after.find((r) => r.id === run.id)).toEqual(run)
    expect(after.length).toBe(before.length + bad.runs)
    expect(bad.runs).toBe(2)
    ledger.close()
  })
})
