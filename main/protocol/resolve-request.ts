// The app:// protocol as a pure function: which file of the renderer build answers a request, with which headers.
// The Electron adapter (register.ts) only reads the file.
import { isAbsolute, join, relative } from 'node:path'
import { APP_HOST, APP_SCHEME } from '../app-origin'
import { CONTENT_SECURITY_POLICY } from '../security/csp'
import { contentTypeOf } from './mime'

export type AppResponse =
  | { status: 200; headers: Record<string, string>; filePath: string; headOnly: boolean }
  | { status: 400 | 403 | 404 | 405; headers: Record<string, string> }

const baseHeaders = (): Record<string, string> => ({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin'
})

const refuse = (status: 400 | 403 | 404 | 405, extra: Record<string, string> = {}): AppResponse => ({
  status,
  headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8', ...extra }
})

/**
 * Resolves app://carbon-ledger/<path> inside rootDir (the built renderer). GET and HEAD only; any other host is
 * refused; encoded separators (%2f, %5c), backslashes, NUL, colons and dot segments are refused before the path
 * touches the file system; a path without an extension is a client-side route and gets index.html (SPA fallback).
 */
export function resolveAppRequest(method: string, rawUrl: string, rootDir: string): AppResponse {
  if (method !== 'GET' && method !== 'HEAD') return refuse(405, { Allow: 'GET, HEAD' })
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return refuse(400)
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '')
    return refuse(403)

  // The parser has already folded literal and %2e dot segments; anything that would still mean a separator or a
  // parent after decoding is an attack, not a file of ours.
  if (/%(2f|5c|00)/i.test(url.pathname)) return refuse(400)
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return refuse(400)
  }
  // eslint-disable-next-line no-control-regex
  if (/[\\:\u0000-\u001f]/.test(pathname)) return refuse(400)
  const segments = pathname.split('/').filter((segment) => segment !== '')
  if (segments.some((segment) => segment === '.' || segment === '..')) return refuse(403)

  const last = segments.at(-1)
  const isRoute = last === undefined || !last.includes('.')
  const fileSegments = isRoute ? ['index.html'] : segments
  const filePath = join(rootDir, ...fileSegments)
  const inside = relative(rootDir, filePath)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return refuse(403)

  return {
    status: 200,
    headers: { ...baseHeaders(), 'Content-Type': contentTypeOf(filePath), 'Cache-Control': 'no-cache' },
    filePath,
    headOnly: method === 'HEAD'
  }
}
