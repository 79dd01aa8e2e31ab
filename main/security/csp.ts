// The Content-Security-Policy sent as a header with every app:// response. No inline script or style, no eval, no
// remote anything. React's style={{…}} and Chart.js write styles through the CSSOM, which style-src does not govern,
// so 'unsafe-inline' is not needed.
const directives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"]
]

export const CONTENT_SECURITY_POLICY = directives.map(([name, value]) => `${name} ${value}`).join('; ')
