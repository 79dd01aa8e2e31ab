import Dexie from 'dexie'
import { english, type Message, msg } from '../../shared/messages/index'

/** An error the UI can show as it is: a stable code and a message written for the user. */
export type LedgerErrorCode =
  'invalid' | 'not-found' | 'conflict' | 'quota' | 'blocked' | 'closed' | 'backup-rejected' | 'cancelled'

export class LedgerError extends Error {
  /** The message for the app's language (shared/messages), where a user meets this error; message is its English. */
  readonly msg?: Message

  constructor(code: LedgerErrorCode, message: string, options?: { cause?: unknown; msg?: Message })
  constructor(code: LedgerErrorCode, msg: Message, options?: { cause?: unknown })
  constructor(
    readonly code: LedgerErrorCode,
    text: string | Message,
    options?: { cause?: unknown; msg?: Message }
  ) {
    super(typeof text === 'string' ? text : english(text), options)
    this.name = 'LedgerError'
    this.msg = typeof text === 'string' ? options?.msg : text
  }
}

/**
 * Whether a storage failure is the disk or the quota running out, wherever Dexie put it: the DOMException itself
 * (QuotaExceededError), an AbortError or a Dexie error with it as `inner`, a BulkError with it among `failures`
 * (an array, or an object by position), or a DOMException whose message says so (Chromium reports some
 * disk-full write failures as UnknownError).
 */
export const isQuota = (err: unknown, depth = 0): boolean => {
  const e = err as { name?: string; message?: string; inner?: unknown; failures?: unknown; cause?: unknown } | null
  if (!e || typeof e !== 'object' || depth > 5) return false
  if (e.name === 'QuotaExceededError') return true
  if (typeof e.message === 'string' && /quota|disk is full|no space left|not enough space/i.test(e.message)) return true
  const nested = [e.inner, e.cause, ...(e.failures && typeof e.failures === 'object' ? Object.values(e.failures) : [])]
  return nested.some((n) => n !== undefined && isQuota(n, depth + 1))
}

/** Turns storage failures into LedgerErrors with a clear message; other LedgerErrors pass through unchanged. */
export const toLedgerError = (err: unknown): unknown => {
  if (err instanceof LedgerError) return err
  if (isQuota(err)) return new LedgerError('quota', msg('ledger.quota'), { cause: err })
  const name = (err as { name?: string } | null)?.name
  if (name === 'DatabaseClosedError') {
    return new LedgerError('closed', msg('ledger.closed'), { cause: err })
  }
  return err
}

/**
 * Runs a storage operation and rethrows its failure as a LedgerError where one applies. The answer is a Dexie
 * promise, not an async function's: Dexie carries a live query's tracking across awaits of its own promises only, so
 * a read that follows `await guarded(...)` in a query is still observed (renderer/src/ledger/useLedgerQuery.ts).
 */
export const guarded = <T>(op: () => PromiseLike<T>): Promise<T> =>
  Dexie.Promise.resolve()
    .then(op)
    .catch((err: unknown) => {
      throw toLedgerError(err)
    })
