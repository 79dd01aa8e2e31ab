// The one origin the app is served from. IndexedDB is keyed by origin, so this never changes: a different scheme or
// host would open a different (empty) ledger database.
export const APP_SCHEME = 'app'
export const APP_HOST = 'carbon-ledger'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`
export const REPORT_PAGE_URL = `${APP_ORIGIN}/report.html`

/** True only for app://carbon-ledger/… parsed as a URL (no string prefix tests: they miss userinfo and port tricks). */
export function isAppUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === ''
}

/** The report page URL for the hidden print window, with the renderer's parameters as its query string. */
export function reportPageUrl(params: Record<string, string>): string {
  const url = new URL(REPORT_PAGE_URL)
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
  return url.href
}
