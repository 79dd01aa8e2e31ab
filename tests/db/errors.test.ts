import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import type { ImportSource } from '../../renderer/db'
import { LedgerError } from '../../renderer/db'
import { openLedger } from '../../renderer/db'
import { toLedgerError } from '../../renderer/db/errors'
import { freshName, gpuRun, testEngine } from './support'

describe('storage failures reach the user as clear messages', () => {
  it('maps QuotaExceededError, bare or wrapped by Dexie as inner, to a quota LedgerError', () => {
    for (const err of [
      { name: 'QuotaExceededError', message: 'quota' },
      { name: 'AbortError', message: 'aborted', inner: { name: 'QuotaExceededError' } },
      { name: 'BulkError', message: 'bulk', inner: { name: 'AbortError', inner: { name: 'QuotaExceededError' } } },
      // Dexie 4's BulkError: the failures of its operations, as an array and by position.
      { name: 'BulkError', message: '2 of 5 operations failed', failures: [{ name: 'QuotaExceededError' }] },
      { name: 'BulkError', message: 'failed', failuresByPos: {}, failures: { 3: { name: 'QuotaExceededError' } } },
      { name: 'AbortError', message: 'aborted', cause: { name: 'QuotaExceededError' } }
    ]) {
      const mapped = toLedgerError(err)
      expect(mapped).toBeInstanceOf(LedgerError)
      expect((mapped as LedgerError).code).toBe('quota')
      expect((mapped as LedgerError).message).toMatch(/nothing of this change was saved/)
    }
    const other = { name: 'ConstraintError', message: 'Key already exists' }
    expect(toLedgerError(other)).toBe(other)
  })

  // What Chromium 156 set as the transaction's error when the disk filled under a write (full-disk.spec.ts).
  const noSpace = () =>
    new DOMException(
      'Connection is closing because of: IO error: .../http_127.0.0.1_33825.indexeddb.leveldb/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
      'UnknownError'
    )
  const quota = () => new DOMException('', 'QuotaExceededError')

  it("maps Dexie's own error classes holding a quota or disk failure, as Dexie builds them", () => {
    const cases: [unknown, RegExp][] = [
      [
        new Dexie.BulkError('runs.bulkPut(): 3 of 5 operations failed', { 1: quota(), 4: quota() }),
        /nothing of this change was saved/
      ],
      [
        new Dexie.ModifyError('Error modifying one or more objects', [quota()], 2, ['a']),
        /nothing of this change was saved/
      ],
      [new Dexie.AbortError('Transaction aborted', quota()), /nothing of this change was saved/],
      [new Dexie.BulkError('runs.bulkPut(): 1919 of 2000 operations failed', { 0: noSpace() }), /restore the latest/],
      [new Dexie.ModifyError('Error modifying one or more objects', [noSpace()], 0, ['a']), /restore the latest/],
      [new Dexie.AbortError('Transaction aborted', noSpace()), /restore the latest/],
      [new Dexie.UnknownError('Internal error: disk is full'), /restore the latest/]
    ]
    for (const [err, message] of cases) {
      const mapped = toLedgerError(err) as LedgerError
      expect(mapped).toBeInstanceOf(LedgerError)
      expect(mapped.code).toBe('quota')
      expect(mapped.message).toMatch(message)
    }
    // Aborted for another reason (a constraint): not a space problem, the error goes on as it is.
    const constraint = new Dexie.BulkError('1 of 2 operations failed', { 0: new DOMException('', 'ConstraintError') })
    expect(toLedgerError(constraint)).toBe(constraint)
  })

  /**
   * The browser aborting a transaction the way Chromium does when the quota or the disk runs out: the transaction's
   * error is set, then every request still pending fails with a bare AbortError (fake-indexeddb's _abort follows
   * the spec). Scheduled after the n-th put, so the whole bulkPut in flight is pending.
   */
  const abortAfterPuts = (n: number, error: () => DOMException) => {
    const proto = IDBObjectStore.prototype as unknown as { put: (...args: unknown[]) => unknown }
    const put = proto.put
    let calls = 0
    proto.put = function (this: IDBObjectStore, ...args: unknown[]) {
      const request = put.apply(this, args)
      if (++calls === n) {
        const tx = this.transaction as unknown as { _abort(name: string): void; error: DOMException | null }
        setTimeout(() => {
          tx._abort(error().name)
          tx.error = error()
        })
      }
      return request
    }
    return () => {
      proto.put = put
    }
  }

  it.each([
    ['QuotaExceededError', quota, /nothing of this change was saved/],
    ['FILE_ERROR_NO_SPACE', noSpace, /disk filled up while the ledger was being written/]
  ])(
    'gives the %s of an aborted import (a real Dexie BulkError of AbortErrors) its message',
    async (_, error, text) => {
      const ledger = await openLedger({ name: freshName(), engine: testEngine() })
      const source = (from: number, n: number): ImportSource => ({
        format: 'codecarbon',
        fileName: 'f.csv',
        runs: Array.from({ length: n }, (_, i) => ({
          externalId: `r${from + i}`,
          input: gpuRun({ source: { kind: 'codecarbon', externalId: `r${from + i}` } })
        })),
        errors: [],
        warnings: []
      })
      await ledger.imports.commit(source(0, 5))
      const restore = abortAfterPuts(60, error)
      try {
        const attempt = ledger.imports.commit(source(5, 300), { chunkSize: 50 })
        await expect(attempt).rejects.toMatchObject({ code: 'quota', cause: { name: 'BulkError' } })
        await expect(attempt).rejects.toThrow(text)
      } finally {
        restore()
      }
      expect(await ledger.runs.count()).toBe(5)
      ledger.close()
    }
  )

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
