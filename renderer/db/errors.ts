/** An error the UI can show as it is: a stable code and a message written for the user. */
export type LedgerErrorCode =
  | 'invalid'
  | 'not-found'
  | 'conflict'
  | 'quota'
  | 'blocked'
  | 'closed'
  | 'backup-rejected'

export class LedgerError extends Error {
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = 'LedgerError'
  }
}

const QUOTA_MESSAGE =
  'The disk is full or the ledger reached its storage quota: nothing of this change was saved, and everything saved before is intact. Free some disk space (or empty the trash) and try again.'

const isQuota = (err: unknown): boolean => {
  const e = err as { name?: string; inner?: unknown } | null
  if (!e || typeof e !== 'object') return false
  // Dexie wraps the DOMException: AbortError with .inner QuotaExceededError, or QuotaExceededError directly.
  return e.name === 'QuotaExceededError' || (e.inner !== undefined && isQuota(e.inner))
}

/** Turns storage failures into LedgerErrors with a clear message; other LedgerErrors pass through unchanged. */
export const toLedgerError = (err: unknown): unknown => {
  if (err instanceof LedgerError) return err
  if (isQuota(err)) return new LedgerError('quota', QUOTA_MESSAGE, { cause: err })
  const name = (err as { name?: string } | null)?.name
  if (name === 'DatabaseClosedError') {
    return new LedgerError('closed', 'The ledger was closed (another window upgraded it). Reload this window.', { cause: err })
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
