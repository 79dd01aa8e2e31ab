import { EventEmitter } from 'node:events'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { isAppUrl, reportPageUrl } from '../../../main/app-origin'
import { allowedExternalUrl, EXTERNAL_LINK_HOSTS, isAllowedExternalUrl } from '../../../main/security/external-links'
import {
  decideNavigation,
  decidePermission,
  guardContents,
  type GuardedContents,
  isAllowedRequestUrl
} from '../../../main/security/navigation'

describe('isAllowedExternalUrl', () => {
  it('allows https links to listed hosts and returns the normalised href', () => {
    expect(allowedExternalUrl('https://github.com/carbon-ledger/carbon-ledger#readme')).toBe(
      'https://github.com/carbon-ledger/carbon-ledger#readme'
    )
    expect(allowedExternalUrl('https://mlco2.github.io/impact')).toBe('https://mlco2.github.io/impact')
    expect(allowedExternalUrl('HTTPS://GitHub.COM/a')).toBe('https://github.com/a')
  })

  it.each([
    ['plain http', 'http://github.com/'],
    ['file', 'file:///etc/passwd'],
    ['file on Windows', 'file:///C:/Windows/System32/calc.exe'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript with https inside', 'javascript://github.com/%0aalert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['UNC path', '\\\\attacker\\share\\payload.exe'],
    ['UNC as file URL', 'file://attacker/share/payload.exe'],
    ['smb', 'smb://attacker/share'],
    ['backslashes parsed as slashes', 'https:\\\\github.com\\x'],
    ['a lookalike subdomain', 'https://github.com.evil.example/'],
    ['a lookalike suffix', 'https://evilgithub.com/'],
    ['a subdomain not listed', 'https://gist.github.com/'],
    ['userinfo making the real host evil', 'https://github.com@evil.example/'],
    ['userinfo with password', 'https://user:pass@github.com/'],
    ['an explicit port', 'https://github.com:8443/'],
    ['a trailing dot', 'https://github.com./'],
    ['an IDN homograph (Cyrillic i)', 'https://gіthub.com/'],
    ['a punycode host', 'https://xn--gthub-n2e.com/'],
    ['an IP address', 'https://140.82.121.4/'],
    ['leading whitespace', ' https://github.com/'],
    ['an embedded newline', 'https://github.com/\nfoo'],
    ['a tab in the host', 'https://git\thub.com/'],
    ['scheme-relative', '//github.com/'],
    ['relative', '/docs/methodology'],
    ['empty', ''],
    ['not a URL', 'github.com'],
    ['too long', `https://github.com/${'a'.repeat(2100)}`]
  ])('refuses %s', (_label, raw) => {
    expect(isAllowedExternalUrl(raw)).toBe(false)
  })

  // Listed hosts dressed up with schemes, userinfo, ports, prefixes and suffixes, plus arbitrary web URLs.
  const hostileUrls = fc.oneof(
    fc.webUrl({ withFragments: true, withQueryParameters: true }),
    fc
      .record({
        scheme: fc.constantFrom('https://', 'http://', 'HTTPS://', 'file://', '//', 'https:\\\\', 'javascript://'),
        userinfo: fc.constantFrom('', 'user@', 'user:pw@', 'github.com@'),
        prefix: fc.constantFrom('', 'www.', 'evil.', 'xn--80ak6aa92e.'),
        host: fc.constantFrom(...EXTERNAL_LINK_HOSTS),
        suffix: fc.constantFrom('', '.', '.evil.com', ':443', ':8080', '%2e', '\u0000'),
        path: fc.webPath()
      })
      .map(({ scheme, userinfo, prefix, host, suffix, path }) => `${scheme}${userinfo}${prefix}${host}${suffix}${path}`)
  )

  it('never allows anything but https to an exactly listed host (property)', () => {
    fc.assert(
      fc.property(hostileUrls, (raw) => {
        const allowed = allowedExternalUrl(raw)
        if (allowed === null) return
        const url = new URL(allowed)
        expect(url.protocol).toBe('https:')
        expect(EXTERNAL_LINK_HOSTS.has(url.hostname)).toBe(true)
        expect(url.username + url.password + url.port).toBe('')
      })
    )
  })

  it('uses the allowlist it is given', () => {
    expect(isAllowedExternalUrl('https://docs.example.com/', new Set(['docs.example.com']))).toBe(true)
    expect(isAllowedExternalUrl('https://docs.example.com.evil.com/', new Set(['docs.example.com']))).toBe(false)
  })
})

describe('app origin', () => {
  it('recognises only app://carbon-ledger', () => {
    expect(isAppUrl('app://carbon-ledger/index.html')).toBe(true)
    expect(isAppUrl('app://carbon-ledger')).toBe(true)
    expect(isAppUrl('app://carbon-ledger:80/')).toBe(false)
    expect(isAppUrl('app://carbon-ledgerx/')).toBe(false)
    expect(isAppUrl('app:carbon-ledger/index.html')).toBe(false)
  })
  it('builds the report URL with its parameters encoded', () => {
    expect(reportPageUrl({ quarter: '2026-Q3', project: 'a&b=c' })).toBe(
      'app://carbon-ledger/report.html?quarter=2026-Q3&project=a%26b%3Dc'
    )
  })
})

describe('navigation, permissions and requests', () => {
  it('denies every navigation and opens only allowlisted links externally', () => {
    expect(decideNavigation('https://github.com/x')).toEqual({ deny: true, openExternally: 'https://github.com/x' })
    expect(decideNavigation('https://evil.example/')).toEqual({ deny: true, openExternally: null })
    expect(decideNavigation('app://carbon-ledger/report.html')).toEqual({ deny: true, openExternally: null })
    expect(decideNavigation('file:///etc/passwd')).toEqual({ deny: true, openExternally: null })
  })

  it('grants clipboard writing to the app only, and nothing else to anyone', () => {
    expect(decidePermission('clipboard-sanitized-write', 'app://carbon-ledger/index.html')).toBe(true)
    expect(decidePermission('clipboard-sanitized-write', 'https://evil.example/')).toBe(false)
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fileSystem',
      'display-capture',
      'unknown'
    ]) {
      expect(decidePermission(permission, 'app://carbon-ledger/index.html'), permission).toBe(false)
    }
  })

  it('lets requests reach the app, data: and blob: only', () => {
    expect(isAllowedRequestUrl('app://carbon-ledger/assets/a.js')).toBe(true)
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true)
    expect(isAllowedRequestUrl('blob:app://carbon-ledger/3f1c')).toBe(true)
    expect(isAllowedRequestUrl('devtools://devtools/bundled/devtools_app.html')).toBe(true)
    for (const url of [
      'https://fonts.googleapis.com/css',
      'http://127.0.0.1:5173/',
      'ws://localhost/',
      'file:///etc/passwd',
      'app://other/x'
    ]) {
      expect(isAllowedRequestUrl(url), url).toBe(false)
    }
  })
})

describe('guardContents', () => {
  function fakeContents() {
    const emitter = new EventEmitter()
    let windowOpen: ((details: { url: string }) => { action: 'deny' }) | undefined
    const contents = {
      on: (event: string, listener: (...args: unknown[]) => void) => emitter.on(event, listener),
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: 'deny' }) => {
        windowOpen = handler
      }
    } as unknown as GuardedContents
    return { contents, emitter, openWindow: (url: string) => windowOpen?.({ url }) }
  }
  const navigation = (url: string, extra: object = {}) => ({ url, preventDefault: vi.fn(), ...extra })

  it('prevents navigations and redirects, opening an allowlisted link in the browser once', () => {
    const { contents, emitter } = fakeContents()
    const openExternal = vi.fn()
    guardContents(contents, openExternal)
    const toGithub = navigation('https://github.com/x')
    emitter.emit('will-navigate', toGithub)
    emitter.emit('will-frame-navigate', { ...toGithub, isMainFrame: true })
    const toEvil = navigation('https://evil.example/')
    emitter.emit('will-navigate', toEvil)
    const redirect = navigation('https://github.com/y')
    emitter.emit('will-redirect', redirect)
    const subFrame = navigation('https://evil.example/frame', { isMainFrame: false })
    emitter.emit('will-frame-navigate', subFrame)
    expect(toGithub.preventDefault).toHaveBeenCalled()
    expect(toEvil.preventDefault).toHaveBeenCalled()
    expect(redirect.preventDefault).toHaveBeenCalled()
    expect(subFrame.preventDefault).toHaveBeenCalled()
    expect(openExternal.mock.calls).toEqual([['https://github.com/x']])
  })

  it('denies every new window and webview', () => {
    const { contents, emitter, openWindow } = fakeContents()
    const openExternal = vi.fn()
    guardContents(contents, openExternal)
    expect(openWindow('https://codecarbon.io/')).toEqual({ action: 'deny' })
    expect(openWindow('app://carbon-ledger/index.html')).toEqual({ action: 'deny' })
    expect(openWindow('javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(openExternal.mock.calls).toEqual([['https://codecarbon.io/']])
    const attach = { preventDefault: vi.fn() }
    emitter.emit('will-attach-webview', attach)
    expect(attach.preventDefault).toHaveBeenCalled()
  })
})
