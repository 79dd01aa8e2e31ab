import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'

/** Relative to the repository root, where every test command runs. */
const entry = resolve('tests/e2e/harness/entry.ts')

/**
 * Bundles the harness page (renderer/db and what it imports) into a temporary folder and serves it on 127.0.0.1.
 * The origin stays the same for the server's life, so a browser restarted against it finds the same IndexedDB.
 */
export async function startHarness(port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-harness-'))
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'chrome120',
    outfile: join(dir, 'harness.js'),
    logLevel: 'warning'
  })
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>ledger harness</title><script type="module" src="/harness.js"></script>'
  )
  const files: Record<string, [string, string]> = {
    '/': ['index.html', 'text/html; charset=utf-8'],
    '/harness.js': ['harness.js', 'text/javascript; charset=utf-8']
  }
  const server = createServer(async (req, res) => {
    const file = req.method === 'GET' ? files[new URL(req.url ?? '/', 'http://127.0.0.1').pathname] : undefined
    if (!file) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-store' }).end(await readFile(join(dir, file[0])))
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const { port: actual } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await rm(dir, { recursive: true, force: true })
    }
  }
}
