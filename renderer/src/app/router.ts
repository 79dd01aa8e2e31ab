import { useSyncExternalStore } from 'react'

/**
 * A tiny hash router: the route is the part after '#', e.g. '#/runs/abc/edit' → '/runs/abc/edit?…'. Hash routes
 * work the same under app://, file:// and a static web server, with no server fallback.
 */
export interface Location {
  path: string
  query: URLSearchParams
}

const read = (): string => window.location.hash.replace(/^#/, '') || '/'

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export const useHashRoute = (): Location => {
  const raw = useSyncExternalStore(subscribe, read)
  const [path = '/', search = ''] = raw.split('?')
  return { path, query: new URLSearchParams(search) }
}

export const href = (path: string, query?: Record<string, string | undefined>): string => {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, v)
  const search = params.toString()
  return `#${path}${search ? `?${search}` : ''}`
}

export const navigate = (path: string, query?: Record<string, string | undefined>, replace = false): void => {
  const target = href(path, query)
  if (replace) window.history.replaceState(null, '', target)
  else window.history.pushState(null, '', target)
  window.dispatchEvent(new HashChangeEvent('hashchange'))
}

/** Matches '/runs/:id/edit' against '/runs/abc/edit' → { id: 'abc' }; undefined when it does not match. */
export const matchPath = (pattern: string, path: string): Record<string, string> | undefined => {
  const want = pattern.split('/').filter(Boolean)
  const got = path.split('/').filter(Boolean)
  if (want.length !== got.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!
    const g = got[i]!
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(g)
    else if (w !== g) return undefined
  }
  return params
}
