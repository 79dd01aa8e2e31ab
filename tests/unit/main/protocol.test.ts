import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentTypeOf } from '../../../main/protocol/mime'
import { resolveAppRequest } from '../../../main/protocol/resolve-request'
import { CONTENT_SECURITY_POLICY } from '../../../main/security/csp'

const root = join('/opt', 'Carbon Ledger', 'resources', 'app.asar', 'out', 'renderer')
const get = (url: string) => resolveAppRequest('GET', url, root)

describe('resolveAppRequest', () => {
  it('serves a file of the build with its content type and the CSP header', () => {
    const response = get('app://carbon-ledger/assets/index-D0vsZ6tB.js')
    expect(response).toMatchObject({
      status: 200,
      filePath: join(root, 'assets', 'index-D0vsZ6tB.js'),
      headOnly: false
    })
    expect(response.headers['Content-Type']).toBe('text/javascript; charset=utf-8')
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers['X-Content-Type-Options']).toBe('nosniff')
  })

  it('serves index.html for the root and for extension-less client routes (SPA fallback)', () => {
    for (const url of [
      'app://carbon-ledger/',
      'app://carbon-ledger',
      'app://carbon-ledger/runs',
      'app://carbon-ledger/projects/p-1/runs?sort=date#top'
    ]) {
      const response = get(url)
      expect(response.status, url).toBe(200)
      expect(response.status === 200 && response.filePath, url).toBe(join(root, 'index.html'))
      expect(response.headers['Content-Type']).toBe('text/html; charset=utf-8')
    }
  })

  it('serves the report page as itself, not as the app', () => {
    const response = get('app://carbon-ledger/report.html?quarter=2026-Q3')
    expect(response.status === 200 && response.filePath).toBe(join(root, 'report.html'))
  })

  it('decodes percent-encoded names', () => {
    const response = get('app://carbon-ledger/assets/logo%20dark.svg')
    expect(response.status === 200 && response.filePath).toBe(join(root, 'assets', 'logo dark.svg'))
    expect(response.headers['Content-Type']).toBe('image/svg+xml')
  })

  it('answers HEAD like GET, flagged to send no body', () => {
    expect(resolveAppRequest('HEAD', 'app://carbon-ledger/index.html', root)).toMatchObject({
      status: 200,
      headOnly: true
    })
  })

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'get'])('refuses %s with 405 and Allow', (method) => {
    const response = resolveAppRequest(method, 'app://carbon-ledger/index.html', root)
    expect(response.status).toBe(405)
    expect(response.headers.Allow).toBe('GET, HEAD')
  })

  it.each([
    ['another host', 'app://other/index.html'],
    ['a lookalike host', 'app://carbon-ledger.evil/index.html'],
    ['userinfo', 'app://x@carbon-ledger/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['https', 'https://carbon-ledger/index.html']
  ])('refuses %s with 403', (_label, url) => {
    expect(get(url).status).toBe(403)
  })

  it('keeps literal and encoded dot segments inside the root (the URL parser folds them before the path is used)', () => {
    expect(get('app://carbon-ledger/../../etc/shadow.txt')).toMatchObject({
      status: 200,
      filePath: join(root, 'etc', 'shadow.txt')
    })
    expect(get('app://carbon-ledger/%2e%2e/%2e%2e/etc/shadow.txt')).toMatchObject({
      status: 200,
      filePath: join(root, 'etc', 'shadow.txt')
    })
    expect(get('app://carbon-ledger/assets/%2E%2E/%2E%2E/%2E%2E/secret.key')).toMatchObject({
      status: 200,
      filePath: join(root, 'secret.key')
    })
    expect(get('app://carbon-ledger/assets/.%2e/.%2E/etc/passwd')).toMatchObject({
      status: 200,
      filePath: join(root, 'index.html')
    })
  })

  it.each([
    ['an encoded slash', 'app://carbon-ledger/..%2f..%2fetc%2fpasswd'],
    ['an encoded slash, upper case', 'app://carbon-ledger/assets%2F..%2F..%2Fsecret.txt'],
    ['an encoded backslash', 'app://carbon-ledger/..%5c..%5cwindows%5cwin.ini'],
    ['an encoded NUL', 'app://carbon-ledger/index.html%00.png'],
    ['a literal backslash', 'app://carbon-ledger/assets\\..\\..\\secret.txt'],
    ['a drive letter', 'app://carbon-ledger/C:/Windows/win.ini'],
    ['an encoded drive letter', 'app://carbon-ledger/C%3A/Windows/win.ini'],
    ['malformed percent-encoding', 'app://carbon-ledger/%E0%A4%A.js'],
    ['an encoded control character', 'app://carbon-ledger/a%0d%0ab.js']
  ])('refuses %s', (_label, url) => {
    expect([400, 403]).toContain(get(url).status)
  })

  it('decodes once: a double-encoded %252e%252e stays a literal name inside the root', () => {
    // Double encoding decodes once, to a harmless literal name: it must not be decoded twice.
    const response = get('app://carbon-ledger/%252e%252e/secret.txt')
    expect(response.status === 200 && response.filePath).toBe(join(root, '%2e%2e', 'secret.txt'))
  })

  it('sends the CSP header on refusals too', () => {
    expect(get('app://other/').headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
  })
})

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.CSS', 'text/css; charset=utf-8'],
    ['grid.json', 'application/json; charset=utf-8'],
    ['font.woff2', 'font/woff2'],
    ['chart.png', 'image/png'],
    ['module.wasm', 'application/wasm'],
    ['README', 'application/octet-stream'],
    ['archive.exe', 'application/octet-stream']
  ])('%s → %s', (name, type) => {
    expect(contentTypeOf(name)).toBe(type)
  })
})

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.slice(d.indexOf(' ') + 1)])
  )
  it('allows scripts and styles from the app only: no inline, no eval', () => {
    expect(directives.get('script-src')).toBe("'self'")
    expect(directives.get('style-src')).toBe("'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/)
  })
  it('closes objects, base, framing and forms', () => {
    expect(directives.get('default-src')).toBe("'self'")
    expect(directives.get('object-src')).toBe("'none'")
    expect(directives.get('base-uri')).toBe("'none'")
    expect(directives.get('frame-ancestors')).toBe("'none'")
    expect(directives.get('form-action')).toBe("'none'")
    expect(directives.get('img-src')).toBe("'self' data: blob:")
    expect(directives.get('connect-src')).toBe("'self'")
  })
})
