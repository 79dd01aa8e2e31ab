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
 * How a storage failure ran out of space, wherever Dexie put the browser's error: the DOMException itself, an
 * AbortError or a Dexie error with it as `inner` or `cause`, a BulkError or ModifyError with it among `failures` (an
 * array, or an object by position; abort-reason.ts puts the transaction's error there in place of the bare
 * AbortErrors of its pending requests).
 * - 'quota': Chromium refused the commit (QuotaExceededError): the transaction rolled back, nothing else changed.
 * - 'disk': the disk filled under a write already going to disk (Chromium 156: "UnknownError: Connection is closing
 *   because of: IO error: …: FILE_ERROR_NO_SPACE"). Measured on a full tmpfs (tests/e2e/ledger/full-disk.spec.ts):
 *   Chromium then deletes the origin's whole IndexedDB, so nothing stored can be promised.
 */
export const storageShortage = (err: unknown, depth = 0): 'quota' | 'disk' | undefined => {
  const e = err as { name?: string; message?: string; inner?: unknown; failures?: unknown; cause?: unknown } | null
  if (!e || typeof e !== 'object' || depth > 5) return undefined
  const message = typeof e.message === 'string' ? e.message : ''
  if (/no[ _]space|disk is full|not enough space/i.test(message)) return 'disk'
  if (e.name === 'QuotaExceededError' || /quota/i.test(message)) return 'quota'
  const nested = [e.inner, e.cause, ...(e.failures && typeof e.failures === 'object' ? Object.values(e.failures) : [])]
  const found = nested.map((n) => (n === undefined ? undefined : storageShortage(n, depth + 1)))
  return found.includes('disk') ? 'disk' : found.includes('quota') ? 'quota' : undefined
}

/** Turns storage failures into LedgerErrors with a clear message; other LedgerErrors pass through unchanged. */
export const toLedgerError = (err: unknown): unknown => {
  if (err instanceof LedgerError) return err
  const shortage = storageShortage(err)
  if (shortage === 'quota') return new LedgerError('quota', msg('ledger.quota'), { cause: err })
  if (shortage === 'disk') return new LedgerError('quota', msg('ledger.diskFull'), { cause: err })
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
