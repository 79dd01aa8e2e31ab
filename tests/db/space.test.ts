import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ImportSource } from '../../renderer/db'
import { LedgerError, openLedger } from '../../renderer/db'
import { BYTES_PER_RUN, BYTES_PER_WHOLE_RUN, bytesNeeded, WRITE_OVERHEAD } from '../../renderer/db/space'
import { exportBytes, sourceOf } from './archive-support'
import { freshName, gpuRun, testEngine } from './support'

const imported = (n: number): ImportSource => ({
  format: 'codecarbon',
  fileName: 'big.csv',
  runs: Array.from({ length: n }, (_, i) => ({
    externalId: `r${i}`,
    input: gpuRun({ source: { kind: 'codecarbon', externalId: `r${i}` } })
  })),
  errors: [],
  warnings: []
})

describe('space is checked before an import or a restore starts', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('refuses an import the disk cannot hold, naming the sizes, and changes nothing', async () => {
    let free = 1e12
    const ledger = await openLedger({ name: freshName(), engine: testEngine(), freeDiskBytes: async () => free })
    await ledger.imports.commit(imported(3))
    free = bytesNeeded({ runs: 1000 }) - 1
    const attempt = ledger.imports.commit(imported(1000))
    await expect(attempt).rejects.toBeInstanceOf(LedgerError)
    await expect(attempt).rejects.toThrow(
      /Not enough space for this: it needs about \d+ MB and only \d+ MB are free \(the disk holding the ledger\)/
    )
    expect(await ledger.runs.count()).toBe(3)
  })

  it('refuses a restore the origin quota cannot hold, before emptying the ledger', async () => {
    const source = await openLedger({ name: freshName(), engine: testEngine() })
    await source.imports.commit(imported(50))
    const bytes = await exportBytes(source)
    const target = await openLedger({ name: freshName(), engine: testEngine() })
    await target.runs.create(gpuRun())
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 1_000_000, quota: 1_100_000 }) } })
    const attempt = target.backups.restore(sourceOf(bytes), 'replace')
    await expect(attempt).rejects.toMatchObject({ code: 'quota' })
    await expect(attempt).rejects.toThrow(/storage quota/)
    expect(await target.runs.count()).toBe(1)
  })

  it('reckons the transaction at twice the compacted size of a run', () => {
    expect(bytesNeeded({ runs: 1000 })).toBe(1000 * BYTES_PER_RUN * WRITE_OVERHEAD)
    expect(bytesNeeded({ runs: 1000 }, BYTES_PER_WHOLE_RUN)).toBe(1000 * BYTES_PER_WHOLE_RUN * WRITE_OVERHEAD)
  })

  it("keeps the ledger's own size free on the disk for the compaction after the write", async () => {
    const usage = 10 * 1024 * 1024
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage, quota: 1e12 }) } })
    let free = 0
    const ledger = await openLedger({ name: freshName(), engine: testEngine(), freeDiskBytes: async () => free })
    free = bytesNeeded({ runs: 100 }) + usage / 2
    await expect(ledger.imports.commit(imported(100))).rejects.toMatchObject({ code: 'quota' })
    expect(await ledger.runs.count()).toBe(0)
    free = bytesNeeded({ runs: 100 }) + usage
    await ledger.imports.commit(imported(100))
    expect(await ledger.runs.count()).toBe(100)
  })

  it('reckons a restored run at the size of a whole result (archives from before compact runs)', async () => {
    const source = await openLedger({ name: freshName(), engine: testEngine() })
    await source.imports.commit(imported(200))
    const bytes = await exportBytes(source)
    let free = 0
    const target = await openLedger({ name: freshName(), engine: testEngine(), freeDiskBytes: async () => free })
    // Room for 200 compact runs (and the archive's other records) but not for 200 whole ones.
    free = bytesNeeded({ runs: 200, projects: 10, imports: 10, mappings: 10, settings: 10 })
    await expect(target.backups.restore(sourceOf(bytes), 'replace')).rejects.toMatchObject({ code: 'quota' })
    expect(await target.runs.count()).toBe(0)
    free = bytesNeeded({ runs: 200, projects: 10, imports: 10, mappings: 10, settings: 10 }, BYTES_PER_WHOLE_RUN)
    await target.backups.restore(sourceOf(bytes), 'replace')
    expect(await target.runs.count()).toBe(200)
  })
})
