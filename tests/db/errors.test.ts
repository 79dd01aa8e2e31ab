import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { ImportSource } from '../../renderer/db'
import { LedgerError } from '../../renderer/db'
import { openLedger } from '../../renderer/db'
import { toLedgerError } from '../../renderer/db/errors'
import { freshName, testEngine } from './support'

describe('storage failures reach the user as clear messages', () => {
  it('maps QuotaExceededError, bare or wrapped by Dexie as inner, to a quota LedgerError', () => {
    for (const err of [
      { name: 'QuotaExceededError', message: 'quota' },
      { name: 'AbortError', message: 'aborted', inner: { name: 'QuotaExceededError' } },
      { name: 'BulkError', message: 'bulk', inner: { name: 'AbortError', inner: { name: 'QuotaExceededError' } } },
      // Dexie 4's BulkError: the failures of its operations, as an array and by position.
      { name: 'BulkError', message: '2 of 5 operations failed', failures: [{ name: 'QuotaExceededError' }] },
      { name: 'BulkError', message: 'failed', failuresByPos: {}, failures: { 3: { name: 'QuotaExceededError' } } },
      { name: 'AbortError', message: 'aborted', cause: { name: 'QuotaExceededError' } },
      { name: 'UnknownError', message: 'Internal error: disk is full' }
    ]) {
      const mapped = toLedgerError(err)
      expect(mapped).toBeInstanceOf(LedgerError)
      expect((mapped as LedgerError).code).toBe('quota')
      expect((mapped as LedgerError).message).toMatch(/nothing of this change was saved/)
    }
    const other = { name: 'ConstraintError', message: 'Key already exists' }
    expect(toLedgerError(other)).toBe(other)
  })

  it('turns a quota failure in the middle of an import into the quota message and keeps what was stored', async () => {
    const ledger = await openLedger({ name: freshName(), engine: testEngine() })
    const run = (i: number) => ({
      externalId: `r${i}`,
      input: {
        project: 'p',
        startedAt: '2026-01-01T00:00:00Z',
        durationS: 3600,
        devices: [{ kind: 'gpu' as const, name: 'A100', count: 1, powerW: 300 }],
        source: { kind: 'codecarbon' as const, externalId: `r${i}` }
      }
    })
    const batch = (from: number, n: number): ImportSource => ({
      format: 'codecarbon',
      fileName: 'f.csv',
      runs: Array.from({ length: n }, (_, i) => run(from + i)),
      errors: [],
      warnings: []
    })
    await ledger.imports.commit(batch(0, 5))
    // The disk fills during the next import: fake-indexeddb's put throws as Chromium's does.
    const store = Object.getPrototypeOf(
      (
        await new Promise<IDBDatabase>((resolve) => {
          const req = indexedDB.open(freshName())
          req.onupgradeneeded = () => req.result.createObjectStore('s')
          req.onsuccess = () => resolve(req.result)
        })
      )
        .transaction('s', 'readwrite')
        .objectStore('s')
    ) as { put: (...args: unknown[]) => unknown }
    const put = store.put
    let calls = 0
    store.put = function (this: unknown, ...args: unknown[]) {
      if (++calls > 40) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return put.apply(this, args)
    }
    try {
      const attempt = ledger.imports.commit(batch(5, 500), { chunkSize: 50 })
      await expect(attempt).rejects.toBeInstanceOf(LedgerError)
      await expect(attempt).rejects.toMatchObject({ code: 'quota' })
    } finally {
      store.put = put
    }
    expect(await ledger.runs.count()).toBe(5)
    ledger.close()
  })

  it('reports a blocked upgrade while an older connection stays open, then proceeds when it closes', async () => {
    const name = freshName()
    // An "older window": a connection at an older version that ignores versionchange, as a stale window would.
    // (Dexie stores version n as IndexedDB version n × 10, so 5 is older than the ledger's first version.)
    const stale = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 5)
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    stale.onversionchange = () => undefined
    const messages: string[] = []
    const opening = openLedger({ name, engine: testEngine(), onBlocked: (m) => messages.push(m) })
    await new Promise((r) => setTimeout(r, 100))
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/open in another window/)
    stale.close()
    const ledger = await opening
    expect(await ledger.runs.count()).toBe(0)
  })

  it('refuses a database written by a newer schema with a clear message', async () => {
    const name = freshName()
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, 990)
      req.onsuccess = () => {
        req.result.close()
        resolve()
      }
      req.onerror = () => reject(req.error)
    })
    await expect(openLedger({ name, engine: testEngine() })).rejects.toThrow(/newer Carbon Ledger/)
  })
})
