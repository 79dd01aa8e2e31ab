import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { LedgerError } from '../../renderer/db'
import { openLedger } from '../../renderer/db'
import { toLedgerError } from '../../renderer/db/errors'
import { freshName, testEngine } from './support'

describe('storage failures reach the user as clear messages', () => {
  it('maps QuotaExceededError, bare or wrapped by Dexie as inner, to a quota LedgerError', () => {
    for (const err of [
      { name: 'QuotaExceededError', message: 'quota' },
      { name: 'AbortError', message: 'aborted', inner: { name: 'QuotaExceededError' } },
      { name: 'BulkError', message: 'bulk', inner: { name: 'AbortError', inner: { name: 'QuotaExceededError' } } }
    ]) {
      const mapped = toLedgerError(err)
      expect(mapped).toBeInstanceOf(LedgerError)
      expect((mapped as LedgerError).code).toBe('quota')
      expect((mapped as LedgerError).message).toMatch(/nothing of this change was saved/)
    }
    const other = { name: 'ConstraintError', message: 'Key already exists' }
    expect(toLedgerError(other)).toBe(other)
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
