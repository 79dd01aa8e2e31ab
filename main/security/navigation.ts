// Decisions for everything a page might try to open, load or be granted. The app is a single-page app on one origin:
// it never navigates, never opens windows, never loads from the network, and asks for almost no permissions.
import { isAppUrl } from '../app-origin'
import { allowedExternalUrl } from './external-links'

export interface NavigationDecision {
  /** Always true: a page of ours is never replaced by another document. */
  deny: true
  /** Set when the target is an allowlisted https link, which opens in the user's browser instead. */
  openExternally: string | null
}

/** will-navigate, will-redirect, will-frame-navigate, and window.open / target=_blank / middle-click. */
export function decideNavigation(targetUrl: string): NavigationDecision {
  return { deny: true, openExternally: allowedExternalUrl(targetUrl) }
}

/** Copy-to-clipboard buttons need this one permission; everything else (camera, notifications, …) is refused. */
const GRANTABLE_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

export function decidePermission(permission: string, requestingUrl: string): boolean {
  return GRANTABLE_PERMISSIONS.has(permission) && isAppUrl(requestingUrl)
}

/**
 * Requests that may leave a page: our own origin, in-memory data and blob URLs, and DevTools' own pages. Anything else
 * (http, https, ws, file, ftp) is cancelled: the app has no remote content at all.
 */
export function isAllowedRequestUrl(raw: string): boolean {
  if (isAppUrl(raw)) return true
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'devtools:'
}

/** The part of Electron's WebContents the guards use: structural, so tests drive it with a plain emitter. */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (details: { url: string; preventDefault(): void }) => void
  ): unknown
  on(
    event: 'will-frame-navigate',
    listener: (details: { url: string; isMainFrame: boolean; preventDefault(): void }) => void
  ): unknown
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/** Wires the decisions above into one WebContents. openExternal is shell.openExternal in the app. */
export function guardContents(contents: GuardedContents, openExternal: (url: string) => void): void {
  const refuse = (details: { url: string; preventDefault(): void }): void => {
    details.preventDefault()
    const { openExternally } = decideNavigation(details.url)
    if (openExternally) openExternal(openExternally)
  }
  contents.on('will-navigate', refuse)
  // Main-frame navigations also arrive as will-navigate (which may open the link externally, once); sub-frames and
  // redirects are simply refused.
  contents.on('will-frame-navigate', (details) => {
    if (!details.isMainFrame) details.preventDefault()
  })
  contents.on('will-redirect', (details) => details.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const { openExternally } = decideNavigation(url)
    if (openExternally) openExternal(openExternally)
    return { action: 'deny' }
  })
}
