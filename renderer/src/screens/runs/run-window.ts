import { liveQuery } from 'dexie'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { LedgerBrowser, RunBrowseQuery, RunRecord, RunWindow } from '../../../db'
import { type AsyncState } from '../../app/useAsync'
import { blocksCovering } from '../../lib/virtual'
import { addRuns, noTotals, rowsOf, type RunTotals } from './filtered-runs'

const BLOCK = 100

const MAX_BLOCKS = 60

export const useDebounced = <T>(value: T, ms: number): T => {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

/**
 * The window of a browse query, live: it is read again whenever a write touches what it read (the rollup cells of its
 * months, its index range, or the runs a scan read; a write always updates the rollups of the runs it changes, so an
 * edited title shows too). A scan's partial windows arrive while it runs (their rows already in place); a newer query
 * aborts the older scan.
 */
export const useRunWindow = (
  browser: LedgerBrowser,
  /** Memoised: a new query object is a new view. */
  query: RunBrowseQuery
): AsyncState<RunWindow> => {
  const [state, setState] = useState<AsyncState<RunWindow>>({ status: 'loading' })
  useEffect(() => {
    const controller = new AbortController()
    setState((s) => ({ status: 'loading', data: s.data }))
    const subscription = liveQuery(() =>
      browser.runs(query, {
        signal: controller.signal,
        onProgress: (partial) => setState({ status: 'loading', data: partial })
      })
    ).subscribe({
      next: (data) => setState({ status: 'ready', data }),
      error: (err: unknown) => {
        if (!controller.signal.aborted)
          setState((s) => ({
            status: 'error',
            error: err instanceof Error ? err : new Error(String(err)),
            data: s.data
          }))
      }
    })
    return () => {
      controller.abort()
      subscription.unsubscribe()
    }
  }, [browser, query])
  return state
}

/**
 * Rows of a window, fetched in blocks as they scroll into view and kept in a bounded cache. The partial windows of
 * one scan share their rows function, so the cache lives across them; a block read while it was short is read
 * again once the window has more rows.
 */
export const useRowBlocks = (win: RunWindow | undefined) => {
  const cache = useRef(new Map<number, RunRecord[]>())
  const pending = useRef(new Set<number>())
  const [, setTick] = useState(0)
  const rowsOf = win?.rows
  useEffect(() => {
    cache.current = new Map()
    pending.current = new Set()
    setTick((n) => n + 1)
  }, [rowsOf])
  const ensure = useCallback(
    (first: number, last: number) => {
      if (!win) return
      for (const b of blocksCovering(first, Math.min(last, win.total), BLOCK)) {
        const cached = cache.current.get(b)
        const short = cached !== undefined && cached.length < Math.min(BLOCK, win.total - b * BLOCK)
        if ((cached && !short) || pending.current.has(b)) continue
        pending.current.add(b)
        void win.rows(b * BLOCK, BLOCK).then((rows) => {
          pending.current.delete(b)
          cache.current.set(b, rows)
          if (cache.current.size > MAX_BLOCKS) cache.current.delete(cache.current.keys().next().value!)
          setTick((n) => n + 1)
        })
      }
    },
    [win]
  )
  const row = (i: number): RunRecord | undefined => cache.current.get(Math.floor(i / BLOCK))?.[i % BLOCK]
  return { ensure, row }
}

/** The totals of a complete window, read in blocks after it is ready; a newer window abandons the reading. */
export const useWindowTotals = (win: RunWindow | undefined): AsyncState<RunTotals> => {
  const [state, setState] = useState<{ of?: RunWindow; state: AsyncState<RunTotals> }>({ state: { status: 'loading' } })
  useEffect(() => {
    if (!win) return
    const controller = new AbortController()
    const sum = async () => {
      let totals = noTotals()
      for await (const rows of rowsOf(win, controller.signal)) totals = addRuns(totals, rows)
      return totals
    }
    sum().then(
      (data) => setState({ of: win, state: { status: 'ready', data } }),
      (err: unknown) => {
        if (!controller.signal.aborted)
          setState({
            of: win,
            state: { status: 'error', error: err instanceof Error ? err : new Error(String(err)) }
          })
      }
    )
    return () => controller.abort()
  }, [win])
  return state.of === win ? state.state : { status: 'loading' }
}
