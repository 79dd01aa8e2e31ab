/**
 * Benchmarks of the built app in real Chromium (Debian's, persistent profile on disk) with a large ledger:
 * time to the first dashboard render, cold, and the runs table's scroll frame times. Prints figures; asserts nothing
 * about time (the one check, the dashboard's quarterly figures against the generated runs, prints FAIL).
 * Run from the repository root after `npx electron-vite build`:
 *   npx tsx tests/bench/ui/dashboard.bench.ts      (UI_BENCH_RUNS=1000000 by default; UI_BENCH_PORT: a free one if unset)
 * UI_BENCH_PROFILE=<dir> keeps the browser profile there (and the fill's figures in <dir>.fill.json): a later run
 * with the same UI_BENCH_RUNS measures the same ledger again without the fill (an hour at 1,000,000 runs).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { type AddressInfo, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { scrollTopForRow } from '../../../renderer/src/lib/virtual'
import { chromiumArgs, chromiumPath } from '../../support/chromium'
import { machineLine } from '../support/machine'

const RUNS = Number(process.env.UI_BENCH_RUNS ?? 1_000_000)
const CHUNK = 10_000
const COLD_REPEATS = 5
const DB = 'ui-bench'
const YEAR_MS = 365.25 * 86_400_000
// The runs table's geometry (renderer/src/screens/runs/): its windowing maps scrollTop with these.
const ROW_PX = 36
const VIEWPORT_PX = 560
const TIMEOUT_MS = Number(process.env.UI_BENCH_TIMEOUT_MS ?? 300_000)

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!
}
const median = (xs: number[]) => quantile(xs, 0.5)
const log = (line: string) => console.log(line)
const progress = (line: string) => process.stderr.write(`  ${line}\n`)

interface FillSummary {
  startMs: number
  endMs: number
  filled: { runs: number; rollupCells: number; quarters: Record<string, { runs: number; emissionsKg: number }> }
  fillMs: number
  computeMs: number
  runJsonBytes: number
  filledOn: string
  /** IndexedDB is per origin, port included: a kept ledger is measured again on the port it was filled on. */
  port: number
}

interface Marks {
  totals?: number
  charts?: number
  top?: number
}
declare global {
  interface Window {
    __uiBenchMarks: Marks
  }
}

/** Serves a snapshot of out/renderer (copied to `dir`), so that a rebuild during the benchmark cannot pull it away. */
/** UI_BENCH_PORT, else a port the system reports free. */
async function choosePort(): Promise<number> {
  if (process.env.UI_BENCH_PORT) return Number(process.env.UI_BENCH_PORT)
  const probe = createServer()
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok))
  const { port } = probe.address() as AddressInfo
  await new Promise((ok) => probe.close(ok))
  return port
}

async function startRenderer(port: number, dir: string): Promise<ChildProcess> {
  await cp('out/renderer', join(dir, 'out', 'renderer'), { recursive: true })
  const child = spawn(process.execPath, [resolve('scripts/serve-renderer.mjs'), String(port)], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'inherit']
  })
  await new Promise<void>((ok, fail) => {
    child.once('exit', (code) =>
      fail(new Error(`serve-renderer exited with ${code} (port ${port} taken? set UI_BENCH_PORT)`))
    )
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('renderer on')) ok()
    })
  })
  return child
}

/** The fill page: bundled into a temp folder, served at the app's origin by routing (same origin, same IndexedDB). */
async function bundleFillPage(dir: string): Promise<string> {
  const outfile = join(dir, 'fill.js')
  await build({
    entryPoints: [resolve('tests/bench/ui/fill-page.ts')],
    bundle: true,
    format: 'esm',
    target: 'chrome120',
    outfile,
    logLevel: 'warning'
  })
  return readFile(outfile, 'utf8')
}

/**
 * In every dashboard page, from its first frame: the animation frame at which the period totals, the charts (every
 * canvas drawn by Chart.js has a painted pixel) and the top runs table are first present. performance.now() counts
 * from the navigation's start.
 */
function watchDashboard() {
  const marks: Marks = {}
  window.__uiBenchMarks = marks
  if (location.pathname !== '/' || (!/^#?\/?$/.test(location.hash) && !location.hash.startsWith('#/?'))) return
  const painted = (c: HTMLCanvasElement) => {
    if (!('$chartjs' in c) || c.width === 0 || c.height === 0) return false
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true
    return false
  }
  const tick = () => {
    const now = performance.now()
    if (marks.totals === undefined && document.querySelector('dl.totals dd.figure')) marks.totals = now
    if (marks.top === undefined && document.querySelector('section[aria-labelledby="top-title"] tbody tr'))
      marks.top = now
    if (marks.charts === undefined) {
      const canvases = [...document.querySelectorAll<HTMLCanvasElement>('main canvas[role="img"]')]
      if (canvases.length >= 5 && canvases.every(painted)) marks.charts = now
    }
    if (marks.totals === undefined || marks.top === undefined || marks.charts === undefined) requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

/** Waits for every dashboard mark; on a timeout, says what was missing. */
async function waitForMarks(page: Page) {
  try {
    await page.waitForFunction(
      () => {
        const m = window.__uiBenchMarks
        return m.totals !== undefined && m.top !== undefined && m.charts !== undefined
      },
      null,
      { timeout: TIMEOUT_MS, polling: 100 }
    )
  } catch (err) {
    const state = await page.evaluate(() => ({
      marks: window.__uiBenchMarks,
      canvases: [...document.querySelectorAll<HTMLCanvasElement>('main canvas[role="img"]')].map(
        (c) => `${'$chartjs' in c ? 'chart' : 'empty'} ${c.width}×${c.height}`
      ),
      topRows: document.querySelectorAll('section[aria-labelledby="top-title"] tbody tr').length
    }))
    throw new Error(`dashboard not complete: ${JSON.stringify(state)}`, { cause: err })
  }
}

/** A figure of the totals card titled `title`, in kg (or a count), with half its last displayed digit as tolerance. */
async function cardFigure(page: Page, title: string): Promise<{ text: string; value: number; tolerance: number }> {
  const text =
    (await page
      .locator('dl.totals .card')
      .filter({ has: page.locator('dt', { hasText: new RegExp(`^${title}$`) }) })
      .locator('dd.figure')
      .textContent()) ?? ''
  const m = /^([\d,]+(?:\.(\d+))?)\s*(t|kg|g)?$/.exec(text.trim())
  if (!m) return { text, value: NaN, tolerance: 0 }
  const unitKg = m[3] === 't' ? 1000 : m[3] === 'g' ? 0.001 : 1
  const decimals = m[2]?.length ?? 0
  return {
    text,
    value: Number(m[1]!.replace(/,/g, '')) * unitKg,
    tolerance: 0.5 * 10 ** -decimals * unitKg * (1 + 1e-9)
  }
}

const quarterOfMs = (ms: number) => {
  const d = new Date(ms)
  const q = Math.floor(d.getUTCMonth() / 3)
  return {
    key: `${d.getUTCFullYear()}-Q${q + 1}`,
    start: `${d.getUTCFullYear()}-${String(q * 3 + 1).padStart(2, '0')}`
  }
}

async function checkQuarter(
  page: Page,
  quarter: { key: string },
  expected: Record<string, { runs: number; emissionsKg: number }>
): Promise<string> {
  const want = expected[quarter.key] ?? { runs: 0, emissionsKg: 0 }
  const runs = await cardFigure(page, 'Runs')
  const kg = await cardFigure(page, 'Location-based')
  const runsOk = runs.value === want.runs
  const kgOk = Math.abs(kg.value - want.emissionsKg) <= kg.tolerance
  return `${runsOk && kgOk ? 'ok' : 'FAIL'}: ${quarter.key} dashboard shows ${runs.text} runs, ${kg.text} location-based; generated runs of that quarter: ${fmt(want.runs)} runs, ${fmt(want.emissionsKg / 1000, 3)} t (time inside the quarter)`
}

/** Self time per function of a CDP CPU profile, largest first. */
function topSelfTimes(
  profile: {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]
    samples?: number[]
    timeDeltas?: number[]
  },
  n: number
) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map<string, number>()
  const samples = profile.samples ?? []
  samples.forEach((id, i) => {
    const f = byNode.get(id)!.callFrame
    const name =
      `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : ''}`.trim()
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000)
  })
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)
}

async function main() {
  if (!existsSync('out/renderer/index.html'))
    throw new Error('No built renderer in out/renderer: run `npx electron-vite build` first.')
  const work = await mkdtemp(join(tmpdir(), 'ui-bench-'))
  const profileDir = process.env.UI_BENCH_PROFILE ? resolve(process.env.UI_BENCH_PROFILE) : join(work, 'profile')
  // A kept profile (UI_BENCH_PROFILE) filled with the same number of runs is measured again without refilling.
  const kept = process.env.UI_BENCH_PROFILE
    ? await readFile(`${profileDir}.fill.json`, 'utf8').then(
        (t) => JSON.parse(t) as FillSummary,
        () => undefined
      )
    : undefined
  const reuse = kept?.filled.runs === RUNS ? kept : undefined
  const port = reuse?.port ?? (await choosePort())
  const server = await startRenderer(port, work)
  const origin = `http://127.0.0.1:${port}`
  const fillJs = await bundleFillPage(work)
  const launch = async (): Promise<BrowserContext> => {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath(),
      args: chromiumArgs,
      headless: true,
      viewport: { width: 1280, height: 900 }
    })
    // tsx compiles with esbuild's keepNames: functions sent to the page call its __name helper, which must exist there.
    await context.addInitScript({ content: `globalThis.__name ??= (f) => f;\n(${watchDashboard.toString()})()` })
    await context.route(`${origin}/__ui-bench-fill`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><meta charset="utf-8"><title>ui bench fill</title><script type="module" src="/__ui-bench-fill.js"></script>'
      })
    )
    await context.route(`${origin}/__ui-bench-fill.js`, (route) =>
      route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: fillJs })
    )
    return context
  }
  const fillPage = async (context: BrowserContext) => {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`${origin}/__ui-bench-fill`)
    await page.waitForFunction(() => document.title === 'ui bench fill ready')
    return page
  }
  let context: BrowserContext | undefined
  try {
    // 1. Fill the database.
    context = await launch()
    let page = await fillPage(context)
    const ua = await page.evaluate(() => navigator.userAgent)
    log(
      '# Carbon Ledger — dashboard and runs table benchmarks (built renderer, real Chromium, persistent profile on disk)'
    )
    log(machineLine())
    log(
      `browser: ${/(Headless)?Chrom(e|ium)\/[\d.]+/.exec(ua)?.[0] ?? ua}, headless, viewport 1280×900; load average at start: ${(await readFile('/proc/loadavg', 'utf8').catch(() => '?')).split(' ').slice(0, 3).join(' ')}`
    )
    const fill: FillSummary = reuse
      ? reuse
      : await (async () => {
          const endMs = Date.now()
          const startMs = endMs - 3 * YEAR_MS
          await page.evaluate(
            ([name, a, b]) => window.uiBenchFill.begin(name as string, a as number, b as number),
            [DB, startMs, endMs]
          )
          const runJsonBytes = await page.evaluate(() => window.uiBenchFill.sampleRunJsonBytes())
          const fillStart = performance.now()
          let computeMs = 0
          for (let from = 0; from < RUNS; from += CHUNK) {
            const r = await page.evaluate(
              ([f, n]) => window.uiBenchFill.chunk(f!, n!),
              [from, Math.min(CHUNK, RUNS - from)]
            )
            computeMs += r.computedMs
            if ((from / CHUNK) % 10 === 9 || from + CHUNK >= RUNS)
              progress(
                `filled ${fmt(Math.min(from + CHUNK, RUNS))} runs (${fmt((performance.now() - fillStart) / 1000)} s)`
              )
          }
          const filled = await page.evaluate(() => window.uiBenchFill.finish())
          const summary = {
            startMs,
            endMs,
            filled,
            fillMs: performance.now() - fillStart,
            computeMs,
            runJsonBytes,
            filledOn: new Date().toISOString(),
            port
          }
          if (process.env.UI_BENCH_PROFILE) await writeFile(`${profileDir}.fill.json`, JSON.stringify(summary))
          return summary
        })()
    const { startMs, endMs, filled } = fill
    log('')
    log(
      `## Ledger: ${fmt(filled.runs)} runs from ${new Date(startMs).toISOString().slice(0, 10)} to ${new Date(endMs).toISOString().slice(0, 10)}, 40 projects, 60 people, 7 hardware models, 6 locations; ${fmt(filled.rollupCells)} rollup cells`
    )
    log(
      `filled by direct bulk writes of ledger-shaped records, not through the import path: each run computed by the app's engine (estimateRun, bundled reference data, default lab defaults, the app's computeStamp), rollups built with shared/ledger/rollup.ts, written with Dexie bulkPut in transactions of ${fmt(CHUNK)} runs`
    )
    log(
      `fill${fill === reuse ? ` (kept profile, filled ${fill.filledOn})` : ''}: ${fmt(fill.fillMs / 1000, 1)} s (${fmt(filled.runs / (fill.fillMs / 1000))} runs/s; compute ${fmt(fill.computeMs / 1000, 1)} s of it); a run's input + result is ${fmt(fill.runJsonBytes)} bytes as JSON`
    )
    await context.close()
    context = undefined

    // 2. Cold first render of the dashboard: a new browser on the same profile each time.
    const dashboardUrl = `${origin}/?db=${DB}#/`
    const cold: { nodeTotalsMs: number; marks: Marks; dclMs: number }[] = []
    let currentCheck = ''
    for (let k = 0; k < COLD_REPEATS; k++) {
      context = await launch()
      page = context.pages()[0] ?? (await context.newPage())
      const t0 = performance.now()
      await page.goto(dashboardUrl, { waitUntil: 'commit' })
      await page.getByRole('heading', { level: 2, name: /^Totals for / }).waitFor({ timeout: TIMEOUT_MS })
      const nodeTotalsMs = performance.now() - t0
      await waitForMarks(page)
      const marks = await page.evaluate(() => window.__uiBenchMarks)
      const dclMs = await page.evaluate(
        () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd
      )
      cold.push({ nodeTotalsMs, marks, dclMs })
      progress(
        `cold ${k + 1}: totals ${fmt(marks.totals!)} ms, charts ${fmt(marks.charts!)} ms, top runs ${fmt(marks.top!)} ms`
      )
      if (k === 0) currentCheck = await checkQuarter(page, quarterOfMs(endMs), filled.quarters)
      await context.close()
      context = undefined
    }
    const pick = (f: (c: (typeof cold)[number]) => number) => cold.map(f)
    const line = (xs: number[]) =>
      `median ${fmt(median(xs))} ms (min ${fmt(Math.min(...xs))}, max ${fmt(Math.max(...xs))})`
    log('')
    log(`## Dashboard, cold (new browser on the same profile, new page; current quarter; median of ${COLD_REPEATS})`)
    log(
      `page.goto → "Totals for …" heading visible (Playwright locator): ${line(pick((c) => c.nodeTotalsMs))}   target < 1,000 ms`
    )
    log(`navigation start → period totals present (animation frame, in page): ${line(pick((c) => c.marks.totals!))}`)
    log(`navigation start → charts painted (all 5 canvases drawn): ${line(pick((c) => c.marks.charts!))}`)
    log(`navigation start → top runs list: ${line(pick((c) => c.marks.top!))}`)
    log(`navigation start → DOMContentLoaded: ${line(pick((c) => c.dclMs))}`)

    // Sanity check of the fill: the dashboard's figures against the generated runs (current and previous quarter).
    context = await launch()
    page = context.pages()[0] ?? (await context.newPage())
    const previous = quarterOfMs(
      Date.UTC(new Date(endMs).getUTCFullYear(), Math.floor(new Date(endMs).getUTCMonth() / 3) * 3 - 1, 15)
    )
    await page.goto(`${origin}/?db=${DB}#/?period=quarter&start=${previous.start}`)
    await page.getByRole('heading', { level: 2, name: /^Totals for / }).waitFor({ timeout: TIMEOUT_MS })
    log(`check ${currentCheck}`)
    log(`check ${await checkQuarter(page, previous, filled.quarters)}`)
    await context.close()
    context = undefined

    // Where the time goes: the dashboard's reads timed one by one on a fresh browser, and a CPU profile of a cold load.
    context = await launch()
    page = await fillPage(context)
    const current = quarterOfMs(endMs)
    const endMonth = `${current.start.slice(0, 5)}${String(Number(current.start.slice(5)) + 2).padStart(2, '0')}`
    const prevEnd = `${previous.start.slice(0, 5)}${String(Number(previous.start.slice(5)) + 2).padStart(2, '0')}`
    const reads = await page.evaluate(
      ([a, b, c, d]) => window.uiBenchFill.dashboardReads('ui-bench', a!, b!, c!, d!),
      [current.start, endMonth, previous.start, prevEnd]
    )
    await context.close()
    context = undefined
    log('')
    log(`## What the dashboard reads (fresh browser, ledger reads timed alone, current quarter ${current.key})`)
    log(
      `open ${fmt(reads.openMs, 1)} ms; rollup cells: project×month ${fmt(reads.pm.cells)} in ${fmt(reads.pm.ms, 1)} ms, previous quarter ${fmt(reads.pmPrevious.cells)} in ${fmt(reads.pmPrevious.ms, 1)} ms, fine ${fmt(reads.all.cells)} in ${fmt(reads.all.ms, 1)} ms`
    )
    log(
      `largest runs of the quarter: 10 per month by the [startMonth+emissionsKg] index (the app) ${fmt(reads.topByMonthIndexMs, 1)} ms; by reading every run started in it (schema 1) ${fmt(reads.periodRuns)} records in ${fmt(reads.topRunsMs)} ms (counting them alone: ${fmt(reads.countMs)} ms); top 10 of all time by the emissionsKg index: ${fmt(reads.topByIndexMs, 1)} ms`
    )

    context = await launch()
    page = context.pages()[0] ?? (await context.newPage())
    const cdp = await context.newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    await page.goto(dashboardUrl, { waitUntil: 'commit' })
    await waitForMarks(page)
    const { profile } = await cdp.send('Profiler.stop')
    const profiled = await page.evaluate(() => window.__uiBenchMarks)
    await context.close()
    context = undefined
    const sampledMs = (profile.timeDeltas ?? []).reduce((a, b) => a + b, 0) / 1000
    log(
      `CPU profile of one cold load (main thread of the page, until top runs ${fmt(profiled.top!)} ms; ${fmt(sampledMs)} ms sampled), self time:`
    )
    for (const [name, ms] of topSelfTimes(profile, 12)) log(`  ${fmt(ms, 1).padStart(8)} ms  ${name}`)

    // 3. Runs table: first rows, scrolling frame by frame, far jumps.
    context = await launch()
    page = context.pages()[0] ?? (await context.newPage())
    const t0 = performance.now()
    await page.goto(`${origin}/?db=${DB}#/runs`, { waitUntil: 'commit' })
    await page
      .getByRole('checkbox', { name: /^Select run / })
      .first()
      .waitFor({ timeout: TIMEOUT_MS })
    const firstRowsMs = performance.now() - t0
    await page
      .getByRole('status')
      .filter({ hasText: /^[\d,]+ runs?$/ })
      .waitFor({ timeout: TIMEOUT_MS })
    const total = filled.runs
    const pxPerRow = scrollTopForRow(1000, VIEWPORT_PX, ROW_PX, total) / 1000
    const scroll = (fromRow: number, rowsPerFrame: number, frames: number) =>
      page.evaluate(
        async ([fromTop, stepPx, n]) => {
          const el = document.querySelector<HTMLElement>('.vscroll')!
          const frame = () => new Promise<number>((ok) => requestAnimationFrame(ok))
          el.scrollTop = fromTop!
          // Let the starting position load before timing.
          for (let waited = 0; el.querySelector('.placeholder-row') && waited < 600; waited++) await frame()
          const times: number[] = []
          let blankFrames = 0
          let last = await frame()
          const view = el.getBoundingClientRect()
          for (let k = 0; k < n!; k++) {
            el.scrollTop = fromTop! + (k + 1) * stepPx!
            const now = await frame()
            times.push(now - last)
            last = now
            const blank = [...el.querySelectorAll('.placeholder-row')].some((r) => {
              const b = r.getBoundingClientRect()
              return b.bottom > view.top && b.top < view.bottom
            })
            if (blank) blankFrames++
          }
          return { times, blankFrames }
        },
        [fromRow * pxPerRow, rowsPerFrame * pxPerRow, frames]
      )
    const jump = (row: number) =>
      page.evaluate(
        async ([top, rowIndex]) => {
          const el = document.querySelector<HTMLElement>('.vscroll')!
          const frame = () => new Promise<number>((ok) => requestAnimationFrame(ok))
          const t = performance.now()
          el.scrollTop = top!
          const times: number[] = []
          let last = t
          for (;;) {
            const now = await frame()
            times.push(now - last)
            last = now
            const r = el.querySelector(`[aria-rowindex="${rowIndex! + 2}"]`)
            if (r && !r.classList.contains('placeholder-row')) return { ms: performance.now() - t, times }
            if (now - t > 120_000) return { ms: NaN, times }
          }
        },
        [scrollTopForRow(row, VIEWPORT_PX, ROW_PX, total), row]
      )
    const frameLine = (label: string, r: { times: number[]; blankFrames?: number }) => {
      const over = r.times.filter((t) => t > 17).length
      const missed = r.times.filter((t) => t > 25).length
      log(
        `${label}: ${fmt(r.times.length)} frames, median ${fmt(median(r.times), 1)} ms, p95 ${fmt(quantile(r.times, 0.95), 1)}, p99 ${fmt(quantile(r.times, 0.99), 1)}, max ${fmt(Math.max(...r.times), 1)}; over 16.7 ms (counted > 17 ms: rAF timestamps jitter around 16.7): ${fmt((over / r.times.length) * 100, 1)} %, at least one frame dropped (> 25 ms): ${fmt((missed / r.times.length) * 100, 1)} %` +
          (r.blankFrames === undefined
            ? ''
            : `; frames showing a not-yet-loaded row: ${fmt((r.blankFrames / r.times.length) * 100, 1)} %`)
      )
    }
    log('')
    log(`## Runs table (${fmt(total)} runs, newest first; frame = interval between requestAnimationFrame callbacks)`)
    log(`page.goto → first rows visible: ${fmt(firstRowsMs)} ms`)
    frameLine('scroll 3 rows per frame, rows 0 → 4,500', await scroll(0, 3, 1500))
    frameLine('scroll 30 rows per frame, rows 4,500 → 13,500', await scroll(4500, 30, 300))
    for (const row of [500_000, Math.floor(total * 0.75), total - 20, 100_000].filter((r) => r > 0 && r < total)) {
      const r = await jump(row)
      log(
        `jump to row ${fmt(row)}: its row shown after ${fmt(r.ms)} ms (${r.times.length} frames, longest ${fmt(Math.max(...r.times), 1)} ms)`
      )
    }
    if (total > 510_000) frameLine('scroll 3 rows per frame at rows 500,000 → 501,500', await scroll(500_000, 3, 500))
    await context.close()
    context = undefined

    // 4. Filtered views, as a user sets them (the 250 ms debounce of the filters included): time to the first
    // matching rows and to the complete count. Each on a fresh page of the runs table.
    log('')
    log(`## Runs table, filtered (${fmt(total)} runs; from the filter change, debounce included)`)
    const status = (p: Page) => p.getByRole('status').filter({ hasText: /runs?\b/ })
    const filtered = async (label: string, act: (p: Page) => Promise<unknown>) => {
      context = await launch()
      const p = context.pages()[0] ?? (await context.newPage())
      await p.goto(`${origin}/?db=${DB}#/runs`, { waitUntil: 'commit' })
      await p
        .getByRole('status')
        .filter({ hasText: /^[\d,]+ runs?$/ })
        .waitFor({ timeout: TIMEOUT_MS })
      const t = performance.now()
      await act(p)
      // First rows: a partial count above zero while scanning, or the final count (index views are final at once).
      await p
        .getByRole('status')
        .filter({ hasText: /^(Searching… [1-9][\d,]* runs? found so far|[\d,]+ runs?$)/ })
        .filter({ hasNotText: new RegExp(`^${fmt(total)} runs$`) })
        .waitFor({ timeout: TIMEOUT_MS })
      const firstMs = performance.now() - t
      await p
        .getByRole('status')
        .filter({ hasText: /^[\d,]+ runs?$/ })
        .filter({ hasNotText: new RegExp(`^${fmt(total)} runs$`) })
        .waitFor({ timeout: TIMEOUT_MS })
      const doneMs = performance.now() - t
      log(
        `${label}: first matching rows ${fmt(firstMs)} ms, complete ${fmt(doneMs)} ms (${(await status(p).textContent()) ?? ''})`
      )
      await context.close()
      context = undefined
    }
    await filtered('search "run 1234" (title, notes, tags of every run)', (p) =>
      p.getByLabel('Search title, notes, tags').fill('run 1234')
    )
    await filtered('kind = inference (a fifth of the runs)', (p) =>
      p.getByRole('combobox', { name: 'Kind', exact: true }).selectOption({ label: 'Inference' })
    )
    await filtered('project = project-7, newest first (index)', (p) =>
      p.getByRole('combobox', { name: 'Project', exact: true }).selectOption({ label: 'project-7' })
    )
    await filtered('project = project-7, largest first (index)', async (p) => {
      await p.getByRole('combobox', { name: 'Project', exact: true }).selectOption({ label: 'project-7' })
      await p.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Largest emissions first' })
    })
    await filtered('time range: the last 3 months, largest first (scan of the range)', async (p) => {
      const now = new Date(endMs)
      const month = (back: number) =>
        new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7)
      await p.getByLabel('From month').fill(month(2))
      await p.getByLabel('To month').fill(month(0))
      await p.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Largest emissions first' })
    })
  } finally {
    await context?.close()
    server.kill()
    await rm(work, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
