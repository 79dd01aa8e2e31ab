// Electron adapter for app://: privileges before ready, then the handler that serves the renderer build.
import { readFile } from 'node:fs/promises'
import { protocol, type Session } from 'electron'
import { APP_SCHEME } from '../app-origin'
import { resolveAppRequest } from './resolve-request'

/**
 * Must run before app 'ready'. standard: a real origin (IndexedDB, relative URLs); secure: a secure context;
 * supportFetchAPI: fetch() of the app's own data files. No bypassCSP, no CORS, no service workers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
  ])
}

export function serveAppProtocol(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(request.method, request.url, rendererDir)
    if (resolved.status !== 200) return new Response(null, { status: resolved.status, headers: resolved.headers })
    let body: Buffer
    try {
      body = await readFile(resolved.filePath)
    } catch {
      return new Response(null, {
        status: 404,
        headers: { ...resolved.headers, 'Content-Type': 'text/plain; charset=utf-8' }
      })
    }
    return new Response(resolved.headOnly ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...resolved.headers, 'Content-Length': String(body.byteLength) }
    })
  })
}
