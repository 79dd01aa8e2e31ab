/**
 * Browsing the runs at scale, in real Chromium (Debian's, persistent profile on disk): the runs projection (schema 5)
 * against the schema-4 method (every run record read for a filter no index answers), same run, same data, and the
 * raw limit (IndexedDB getAll of every run record). Prints figures; asserts nothing.
 * Run from the repository root:  npx tsx tests/bench/ledger/browse.bench.ts   (BROWSE_BENCH_RUNS=1000000 by default;
 * BROWSE_BENCH_BEFORE=0 leaves out the schema-4 method, minutes per view at a million runs;
 * BROWSE_BENCH_PROFILE=<dir> keeps the filled profile there and fills it only once (17 min at a million runs), the
 * page then served on a fixed port, BROWSE_BENCH_PORT (default 4322), since IndexedDB belongs to the origin;
 * BROWSE_BENCH_COMPARE=<checkout> times the same views with that checkout's browse too, same run, same data: its
 * tests/bench/ledger/browse-page.ts is bundled and served on the same origin)
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cpus, loadavg, release, tmpdir, totalmem, type as osType } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { chromiumArgs, chromiumPath } from '../../support/chromium'
import type { ViewSpec } from './browse-page'

const RUNS = Number(process.env.BROWSE_BENCH_RUNS ?? 1_000_000)
const BEFORE = process.env.BROWSE_BENCH_BEFORE !== '0'
/** BROWSE_BENCH_BYTES=1: only bytes per run on disk, schema 4 (no projection, its indexes) against schema 5. */
const BYTES_ONLY = process.env.BROWSE_BENCH_BYTES === '1'
const CHUNK = 20_000
const KEEP_PROFILE = process.env.BROWSE_BENCH_PROFILE
const PORT = KEEP_PROFILE ? Number(process.env.BROWSE_BENCH_PORT ?? 4322) : 0
const COMPARE = process.env.BROWSE_BENCH_COMPARE

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const log = (line: string) => console.log(line)

async function diskBytes(dir: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name)).catch(() => ({ size: 0 }))).size
  return total
}

/** The bench page (and, with BROWSE_BENCH_COMPARE, the other checkout's at /compare/), each one script. */
async function serve(dir: string) {
  const files: Record<string, [string, string]> = {}
  const page = async (root: string, name: string, path: string) => {
    await build({
      entryPoints: [resolve(root, 'tests/bench/ledger/browse-page.ts')],
      bundle: true,
      format: 'esm',
      target: 'chrome120',
      outdir: join(dir, name),
      entryNames: 'page',
      logLevel: 'warning'
    })
    await writeFile(
      join(dir, name, 'index.html'),
      `<!doctype html><meta charset="utf-8"><title>browse bench</title><script type="module" src="${path}page.js"></script>`
    )
    files[path] = [join(name, 'index.html'), 'text/html; charset=utf-8']
    files[`${path}page.js`] = [join(name, 'page.js'), 'text/javascript; charset=utf-8']
  }
  await page('.', 'this', '/')
  if (COMPARE) await page(COMPARE, 'compare', '/compare/')
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    const file = files[path] ?? (path.startsWith('/compare/') ? undefined : files[`/${path.split('/').pop()}`])
    if (!file) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': file[1] }).end(await readFile(join(dir, file[0])))
  })
  await new Promise<void>((ok) => server.listen(PORT, '127.0.0.1', ok))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() }
}

async function main() {
  const work = await mkdtemp(join(tmpdir(), 'browse-bench-'))
  const profile = KEEP_PROFILE ? resolve(KEEP_PROFILE) : join(work, 'profile')
  const server = await serve(work)
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: chromiumArgs,
    headless: true
  })
  try {
    const fresh = async (path = '') => {
      for (const p of context.pages()) await p.close()
      const page = await context.newPage()
      await page.goto(server.url + path)
      await page.waitForFunction(() => document.title === 'browse bench ready')
      return page
    }
    let page = await fresh()
    const cpu = cpus()
    const ua = await page.evaluate(() => navigator.userAgent)
    log('# Carbon Ledger — browsing the runs (real Chromium, persistent profile on disk)')
    log(
      `machine: ${osType()} ${release()}, ${cpu[0]?.model ?? 'unknown cpu'}, ${cpu.length} cores, ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM`
    )
    log(`browser: ${/Chrom(e|ium)\/[\d.]+/.exec(ua)?.[0] ?? ua}, headless`)
    const load = () =>
      loadavg()
        .map((n) => fmt(n, 1))
        .join(' / ')
    log(`load average (1 / 5 / 15 min) at start: ${load()}`)

    const idb = join(profile, 'Default', 'IndexedDB')
    if (BYTES_ONLY) {
      const settle = async () => {
        page = await fresh()
        await new Promise((r) => setTimeout(r, 5000))
        return diskBytes(idb).catch(() => 0)
      }
      const empty = await settle()
      for (let from = 0; from < RUNS; from += CHUNK)
        await page.evaluate(([f, n]) => window.browseBench.fillSchema4(f!, n!), [from, Math.min(CHUNK, RUNS - from)])
      const v4 = (await settle()) - empty
      for (let from = 0; from < RUNS; from += CHUNK)
        await page.evaluate(([f, n]) => window.browseBench.fill(f!, n!), [from, Math.min(CHUNK, RUNS - from)])
      await page.evaluate(() => window.browseBench.close())
      const v5 = (await settle()) - empty - v4
      log('')
      log(
        `## Bytes per run on disk, ${fmt(RUNS)} runs (profile IndexedDB folder, after the browser closed the databases)`
      )
      log(`schema 4 (run indexes incl. [person+startedAtMs], [projectId+emissionsKg]; rollups): ${fmt(v4 / RUNS)}`)
      log(`schema 5 (two run indexes fewer; rollups; projection): ${fmt(v5 / RUNS)}`)
      return
    }
    const diskBefore = await diskBytes(idb).catch(() => 0)
    let fillMs = 0
    // A kept profile is filled once; a fill cut short goes on from its last whole transaction.
    const filled = await page.evaluate(() => window.browseBench.filled())
    for (let from = filled - (filled % CHUNK); from < RUNS; from += CHUNK) {
      const f = await page.evaluate(([f, n]) => window.browseBench.fill(f!, n!), [from, Math.min(CHUNK, RUNS - from)])
      fillMs += f.ms
      if ((from / CHUNK) % 10 === 0)
        process.stderr.write(
          `  filled ${fmt(from + CHUNK)} runs: ${fmt(f.ms)} ms (records built ${fmt(f.built)}, runs put + delta ${fmt(f.put)}, rollups + projection written ${fmt(f.deltaMs)})\n`
        )
    }
    const size = await page.evaluate(() => window.browseBench.projectionSize())
    await page.evaluate(() => window.browseBench.close())
    // LevelDB settles its files after writes: the size is taken once the browser has closed the database.
    page = await fresh()
    await new Promise((r) => setTimeout(r, 5000))
    const disk = (await diskBytes(idb)) - diskBefore
    log('')
    log(`## ${fmt(RUNS)} runs over 2025–2026 (24 months), 40 projects, 60 people, 5 kinds, 6 GPU models, 4 locations`)
    if (filled === 0) {
      log(
        `fill: runs, rollups and projection through makeRunRecord / RunDelta / writeRunDelta, ${fmt(CHUNK)} runs a transaction: ${fmt(fillMs / 1000, 1)} s (${fmt(RUNS / (fillMs / 1000))} runs/s)`
      )
      log(`on disk: ${fmt(disk / RUNS)} bytes per run (profile IndexedDB folder: runs, indexes, rollups, projection)`)
    } else log(`profile kept in ${profile}, ${fmt(filled)} runs there before this run`)
    log(
      `the projection: ${fmt(size.parts)} parts in ${size.months} months, ${fmt(size.bytes / RUNS)} bytes per run before compression`
    )

    const views: [string, ViewSpec][] = [
      ['first rows, newest first', { order: 'newest' }],
      ['deep jump: rows at 50 % (newest first)', { order: 'newest', at: Math.floor(RUNS * 0.5) }],
      ['deep jump: rows at 75 % (newest first)', { order: 'newest', at: Math.floor(RUNS * 0.75) }],
      ['kind = inference (a fifth of the runs)', { order: 'newest', kind: 'inference' }],
      [
        'filter combination: project + kind + source + hardware',
        {
          order: 'newest',
          projectIndex: 7,
          kind: 'fine-tuning',
          source: 'codecarbon',
          hardware: 'a100',
          expectAtLeast: 1
        }
      ],
      ['search "run 1234" (title, notes, tags)', { order: 'newest', search: 'run 1234', expectAtLeast: 1 }],
      ['search "seed 42" (notes of a ~1 % of runs)', { order: 'newest', search: 'seed 42,' }],
      ['largest first, kind = inference', { order: 'largest', kind: 'inference' }],
      ['sorted by energy, whole ledger', { order: 'newest', sortEnergy: true }]
    ]
    log('')
    log(
      `| view | runs | after: first rows | after: complete | after: rows at the position | warm (asked before on the connection): first rows | complete |${COMPARE ? ' compared checkout: first rows | complete | rows at |' : ''} before (schema 4): first rows | before: complete |`
    )
    log(`| --- | --- | --- | --- | --- | --- | --- |${COMPARE ? ' --- | --- | --- |' : ''} --- | --- |`)
    const cells = (r: { firstMs: number; completeMs: number; rowsMs: number }) =>
      `${fmt(r.firstMs)} ms | ${fmt(r.completeMs)} ms | ${fmt(r.rowsMs)} ms`
    for (const [label, spec] of views) {
      page = await fresh()
      const after = await page.evaluate((s) => window.browseBench.view('after', s), spec)
      page = await fresh()
      const warm = await page.evaluate((s) => window.browseBench.view('after', s, true), spec)
      let compared: typeof after | undefined
      if (COMPARE) {
        page = await fresh('compare/')
        compared = await page.evaluate((s) => window.browseBench.view('after', s), spec)
        if (compared.total !== after.total)
          log(`!! ${label}: compared checkout found ${compared.total}, this ${after.total}`)
      }
      let before: typeof after | undefined
      const slow =
        spec.kind !== undefined || spec.search !== undefined || spec.hardware !== undefined || spec.sortEnergy
      if (BEFORE) {
        page = await fresh()
        before = await page.evaluate((s) => window.browseBench.view('before', s), spec)
        if (before.total !== after.total) log(`!! ${label}: before found ${before.total}, after ${after.total}`)
      }
      log(
        `| ${label} | ${fmt(after.total)} | ${cells(after)} | ${fmt(warm.firstMs)} ms | ${fmt(warm.completeMs)} ms |${compared ? ` ${cells(compared)} |` : ''} ${before ? `${fmt(before.firstMs)} ms` : '–'} | ${before ? `${fmt(before.completeMs)} ms` : '–'} |`
      )
      if (slow) process.stderr.write(`  measured ${label}\n`)
    }
    page = await fresh()
    const rawParts = await page.evaluate(() => window.browseBench.rawProjection())
    log('')
    log(
      `raw limit of a cold scan: IndexedDB getAll of the whole projection (${fmt(rawParts.parts)} parts, one call, nothing done with them): ${fmt(rawParts.ms)} ms`
    )
    page = await fresh()
    const raw = await page.evaluate(() => window.browseBench.rawGetAll())
    log('')
    log(
      `raw limit: IndexedDB getAll of all ${fmt(raw.runs)} run records (10,000 a call, nothing done with them): ${fmt(raw.ms)} ms = ${fmt((raw.ms * 1000) / raw.runs, 1)} µs a run`
    )
  } finally {
    await context.close()
    server.close()
    await rm(work, { recursive: true, force: true })
    console.log(
      `load average (1 / 5 / 15 min) at the end: ${loadavg()
        .map((n) => fmt(n, 1))
        .join(' / ')}`
    )
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
