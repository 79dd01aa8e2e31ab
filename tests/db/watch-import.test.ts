import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { createLedgerEngine, openLedger } from '../../renderer/db'
import { importWatchedBatch } from '../../renderer/src/app/watch-import'
import type { HostApi, WatchFileResult } from '../../shared/host-api'
import { loadReferenceData } from '../../shared/refdata/index'
import { freshName } from './support'

const SAMPLE = readFileSync('tests/fixtures/import/codecarbon/codecarbon-repo-sample.csv', 'utf8')

describe('a batch from a watched folder', () => {
  it('is imported through the import path once; the same file again stores nothing new; bad files are answered', async () => {
    const ledger = await openLedger({ name: freshName(), engine: createLedgerEngine(loadReferenceData()) })
    const answers: { batchId: string; results: WatchFileResult[] }[] = []
    const batchDone = vi.fn(async (batchId: string, results: WatchFileResult[]) => {
      answers.push({ batchId, results })
    })
    const api = { watchedFolders: { batchDone } } as unknown as HostApi
    const batch = (batchId: string) => ({
      type: 'watch-batch' as const,
      batchId,
      folder: { id: 'f1', path: '/lab/runs', paused: false, timeZone: 'Europe/Berlin' },
      files: [
        { name: 'emissions.csv', format: 'codecarbon' as const, text: SAMPLE },
        { name: 'broken.csv', format: 'codecarbon' as const, text: 'not,a,codecarbon,file\n1,2,3,4\n' }
      ]
    })
    const first = await importWatchedBatch(api, ledger as never, batch('a'.repeat(24)))
    const stored = (await ledger.runs.list()).length
    expect(stored).toBeGreaterThan(0)
    expect(first.runs).toBe(stored)
    expect(first.failed.map((f) => f.name)).toEqual(['broken.csv'])
    expect(answers[0]?.results[0]).toEqual({ name: 'emissions.csv', runs: stored })
    expect(answers[0]?.results[1]?.error).toMatch(/broken\.csv/)

    const again = await importWatchedBatch(api, ledger as never, batch('b'.repeat(24)))
    expect(again.runs).toBe(0)
    expect((await ledger.runs.list()).length).toBe(stored)
    expect(answers[1]).toMatchObject({
      batchId: 'b'.repeat(24),
      results: [
        { name: 'emissions.csv', runs: 0 },
        { name: 'broken.csv', runs: 0 }
      ]
    })
  })
})
