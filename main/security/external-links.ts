// shell.openExternal is the one door from the app to the rest of the user's machine: only https, only these hosts.

/**
 * Exact host names (no wildcard: github.io or a subdomain pattern would admit anyone's page). The methodology and
 * data-source pages the app cites, and the project's own documentation.
 */
export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set([
  'github.com',
  'mlco2.github.io',
  'calculator.green-algorithms.org',
  'www.green-algorithms.org',
  'codecarbon.io',
  'ghgprotocol.org',
  'sci-guide.greensoftware.foundation',
  'ember-energy.org',
  'www.electricitymaps.com',
  'www.eea.europa.eu',
  'www.epa.gov',
  'www.iea.org',
  'ourworldindata.org',
  'cloud.google.com',
  'aws.amazon.com',
  'learn.microsoft.com'
])

const MAX_URL_LENGTH = 2048

/**
 * The URL to hand to shell.openExternal, or null when the link must not be opened. Returns the parser's normalised
 * href, never the raw input. Refuses: other schemes (file:, javascript:, data:, smb:), UNC and backslash forms,
 * credentials (https://github.com@evil.example), explicit ports, hosts not exactly on the list (lookalikes such as
 * github.com.evil.example, a trailing dot, IDN homographs, which the parser turns into xn-- names).
 */
export function allowedExternalUrl(raw: string, hosts: ReadonlySet<string> = EXTERNAL_LINK_HOSTS): string | null {
  if (raw.length > MAX_URL_LENGTH) return null
  // The WHATWG parser quietly repairs these (strips control characters, turns \ into /); a link that needs repair
  // is not a link we wrote.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f\\]/.test(raw)) return null
  if (!raw.toLowerCase().startsWith('https://')) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return null
  if (!hosts.has(url.hostname)) return null
  return url.href
}

export function isAllowedExternalUrl(raw: string, hosts: ReadonlySet<string> = EXTERNAL_LINK_HOSTS): boolean {
  return allowedExternalUrl(raw, hosts) !== null
}
