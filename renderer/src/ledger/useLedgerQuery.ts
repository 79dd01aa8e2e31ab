import { useLiveQuery } from 'dexie-react-hooks'
import { type DependencyList, useMemo, useRef } from 'react'
import type { AsyncState } from '../app/useAsync'
import { type LedgerAccess, useLedger } from './LedgerProvider'

type Settled<T> = { of: object; data: T } | { of: object; error: Error }

/**
 * A live read of the ledger: runs `query` now and again whenever a write (from this window or another) touches what
 * it read, and when `deps` change. Dexie's liveQuery records the tables and key ranges the query reads, so the query
 * must read through the ledger's repositories only (Dexie calls, plain async/await and Promise.all of them); an
 * await on anything else (fetch, timers, a worker) before a read would hide that read from the tracking.
 *
 * The answer has useAsync's shape: while new deps load, the previous data stays, so a screen keeps its layout; a
 * failure is a state to show (useLiveQuery alone would throw it into the render).
 */
export const useLedgerQuery = <T>(query: (access: LedgerAccess) => Promise<T>, deps: DependencyList): AsyncState<T> => {
  const access = useLedger()
  // A new token per deps: an answer of older deps is shown as loading (with its data) until the new one arrives.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the callers' deps, checked at each call (additionalHooks)
  const token = useMemo(() => ({}), [access, ...deps])
  const settled = useLiveQuery(
    (): Promise<Settled<T>> =>
      query(access).then(
        (data) => ({ of: token, data }),
        (err: unknown) => ({ of: token, error: err instanceof Error ? err : new Error(String(err)) })
      ),
    [token]
  )
  const lastData = useRef<{ data: T }>(undefined)
  if (settled && 'data' in settled) lastData.current = { data: settled.data }
  if (!settled || settled.of !== token)
    return lastData.current ? { status: 'loading', data: lastData.current.data } : { status: 'loading' }
  if ('error' in settled)
    return lastData.current
      ? { status: 'error', error: settled.error, data: lastData.current.data }
      : { status: 'error', error: settled.error }
  return { status: 'ready', data: settled.data }
}
