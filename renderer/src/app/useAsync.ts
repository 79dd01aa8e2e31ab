import { type DependencyList, useEffect, useEffectEvent, useState } from 'react'

export type AsyncState<T> =
  { status: 'loading'; data?: T } | { status: 'ready'; data: T } | { status: 'error'; error: Error; data?: T }

/**
 * Runs an async load when its dependencies change. The previous data stays while the next loads, so a screen keeps
 * its layout instead of flashing empty; a load that finishes after a newer one started is ignored.
 */
export const useAsync = <T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> => {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' })
  // The load of this render, called by the effect: what it reads is named by the caller's deps (checked at each
  // call by eslint's additionalHooks), so the effect itself runs on those deps only.
  const start = useEffectEvent(load)
  useEffect(() => {
    let current = true
    setState((s) => ({ status: 'loading', data: s.data }))
    start().then(
      (data) => current && setState({ status: 'ready', data }),
      (err: unknown) =>
        current &&
        setState((s) => ({ status: 'error', error: err instanceof Error ? err : new Error(String(err)), data: s.data }))
    )
    return () => {
      current = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the callers' deps, checked at each call (additionalHooks)
  }, deps)
  return state
}
