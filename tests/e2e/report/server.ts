import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { build } from 'esbuild'
import { CONTENT_SECURITY_POLICY } from '../../../main/security/csp'

const defaultRenderer = resolve('out/renderer')
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json'
}

/**
 * Serves the built renderer (out/renderer: build it with `npx electron-vite build`; or another build, a benchmark's
 * baseline) on 127.0.0.1 with, on the same origin, the fixture page (/__fixture.html) that fills the ledger
 * report.html reads.
 */
export async function startReportServer(renderer = defaultRenderer): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(join(renderer, 'report.html')))
    throw new Error('out/renderer/report.html is missing: run `npx electron-vite build` first')
  const dir = await mkdtemp(join(tmpdir(), 'report-fixture-'))
  await build({
    entryPoints: [resolve('tests/e2e/report/fixture-entry.ts')],
    bundle: true,
    format: 'esm',
    target: 'chrome120',
    outfile: join(dir, 'fixture.js'),
    logLevel: 'warning'
  })
  await writeFile(
    join(dir, 'fixture.html'),
    '<!doctype html><meta charset="utf-8"><title>report fixture</title><script type="module" src="/__fixture.js"></script>'
  )
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
    let file: string | undefined
    if (path === '/__fixture.html') file = join(dir, 'fixture.html')
    else if (path === '/__fixture.js') file = join(dir, 'fixture.js')
    else {
      const candidate = normalize(join(renderer, path))
      if (candidate.startsWith(renderer + '/')) file = candidate
    }
    if (req.method !== 'GET' || !file) {
      res.writeHead(404).end()
      return
    }
    try {
      const body = await readFile(file)
      // The app's own CSP on the renderer's pages, as the app:// protocol sends it: the report must work under it.
      const csp =
        file.startsWith(renderer) && file.endsWith('.html')
          ? { 'content-security-policy': CONTENT_SECURITY_POLICY }
          : {}
      res
        .writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
          ...csp
        })
        .end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise((done) => server.close(done))
      await rm(dir, { recursive: true, force: true })
    }
  }
}
