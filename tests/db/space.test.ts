import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ImportSource } from '../../renderer/db'
import { LedgerError, openLedger } from '../../renderer/db'
import { bytesNeeded } from '../../renderer/db/space'
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
})
