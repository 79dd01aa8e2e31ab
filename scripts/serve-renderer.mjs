// Serves the built renderer (out/renderer) on 127.0.0.1 for the browser end-to-end tests and benchmarks.
// GET only, no path traversal, SPA fallback to index.html.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'

const root = resolve('out/renderer')
const port = Number(process.env.PORT ?? process.argv[2] ?? 4173)
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2'
}

createServer(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end()
    return
  }
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
  let file = normalize(join(root, path))
  if (!file.startsWith(root)) {
    res.writeHead(403).end()
    return
  }
  if (path.endsWith('/')) file = join(file, 'index.html')
  try {
    const body = await readFile(file)
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body)
  } catch {
    const body = await readFile(join(root, 'index.html'))
    res.writeHead(200, { 'content-type': types['.html'] }).end(body)
  }
}).listen(port, '127.0.0.1', () => console.log(`renderer on http://127.0.0.1:${port}`))
