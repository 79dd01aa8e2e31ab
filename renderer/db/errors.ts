import { english, type Message, msg } from '../../shared/messages/index'

/** An error the UI can show as it is: a stable code and a message written for the user. */
export type LedgerErrorCode = 'invalid' | 'not-found' | 'conflict' | 'quota' | 'blocked' | 'closed' | 'backup-rejected'

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

const isQuota = (err: unknown): boolean => {
  const e = err as { name?: string; inner?: unknown } | null
  if (!e || typeof e !== 'object') return false
  // Dexie wraps the DOMException: AbortError with .inner QuotaExceededError, or QuotaExceededError directly.
  return e.name === 'QuotaExceededError' || (e.inner !== undefined && isQuota(e.inner))
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

/** Runs a storage operation and rethrows its failure as a LedgerError where one applies. */
export const guarded = async <T>(op: () => Promise<T>): Promise<T> => {
  try {
    return await op()
  } catch (err) {
    throw toLedgerError(err)
  }
}
