// Size of the renderer's initial JavaScript: the entry script of out/renderer/index.html and the chunks it
// modulepreloads (what the first paint must download and parse), raw and gzip. Run after `npx electron-vite build`.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const root = 'out/renderer'
const html = readFileSync(join(root, 'index.html'), 'utf8')
const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1])
let raw = 0
let gzip = 0
for (const file of files) {
  const body = readFileSync(join(root, file))
  const z = gzipSync(body, { level: 9 }).length
  raw += body.length
  gzip += z
  console.log(`${file}\t${(body.length / 1024).toFixed(1)} KiB\tgzip ${(z / 1024).toFixed(1)} KiB`)
}
console.log(`initial JS: ${files.length} files, ${(raw / 1024).toFixed(1)} KiB, gzip ${(gzip / 1024).toFixed(1)} KiB`)
