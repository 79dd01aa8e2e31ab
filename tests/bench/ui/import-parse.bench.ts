/**
 * How long the page stops answering while the Import screen reads a 50 MB CodeCarbon file, in the built app in
 * real Chromium (Debian's): the longest main-thread task (PerformanceObserver 'longtask', tasks over 50 ms) and their
 * sum, split at the moment the parse's outcome is on the page (the `import:parsed` mark; the preview, which computes
 * every run as the ledger will, follows on the page either way and is measured apart). Two ways of reading, each in a fresh page and database:
 *   worker: the app as shipped, the file parsed in a Web Worker (screens/import/parse.worker.ts);
 *   page:   the same build with `Worker` removed from the page before it loads, so the screen takes its fallback,
 *           the on-page parse in chunks (import-flow.ts parseChunks), which was the only way before the worker.
 * The file is picked once the page has opened and loaded its reference data (quiet for 1.5 s).
 * Prints figures and the machine; asserts nothing about time (a read that ends with a run count other than the
 * file's prints FAIL and exits 1).
 * Run from the repository root after `npx electron-vite build`:
 *   npx tsx tests/bench/ui/import-parse.bench.ts   (IMPORT_BENCH_MB=50, IMPORT_BENCH_REPEATS=2, UI_BENCH_PORT)
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { type AddressInfo, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { chromiumArgs, chromiumPath } from '../../support/chromium'
import { machineLine } from '../support/machine'

const TARGET_BYTES = Number(process.env.IMPORT_BENCH_MB ?? 50) * 2 ** 20
const REPEATS = Number(process.env.IMPORT_BENCH_REPEATS ?? 2)
const TIMEOUT_MS = Number(process.env.IMPORT_BENCH_TIMEOUT_MS ?? 600_000)
const FILE_NAME = 'emissions-50mb.csv'
const QUIET_MS = 1500

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const progress = (line: string) => process.stderr.write(`  ${line}\n`)

// CodeCarbon 2.x/3.x columns (the R2 layout of tests/bench/import), one run per row, an hour apart, seven projects.
const HEADER =
  'timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,country_name,country_iso_code,region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,cpu_utilization_percent,gpu_utilization_percent,ram_utilization_percent,ram_used_gb,on_cloud,pue,wue,cloud_provider,cloud_region\n'

/** A CodeCarbon file of at least TARGET_BYTES (UTF-8; every character is ASCII), and its number of runs. */
function generate(): { text: string; rows: number } {
  const lines = [HEADER]
  let bytes = HEADER.length
  let rows = 0
  while (bytes < TARGET_BYTES) {
    const t = new Date(Date.UTC(2025, 0, 1) + rows * 3_600_000).toISOString().slice(0, 19)
    const id = `00000000-0000-4000-8000-${String(rows).padStart(12, '0')}`
    const line =
      `${t},proj-${rows % 7},${id},5b0fa12a-3dd7-45bb-9766-cc326314d9f1,${3000 + (rows % 600)}.123456789,` +
      `1.2345678901234e-02,1.2e-06,42.5,250.0,11.9,0.0351234,0.2084567,0.0099123,0.2534924,0.0,Germany,DEU,berlin,` +
      `Linux-5.15.0-91-generic-x86_64-with-glibc2.35,3.11.4,3.2.2,16,AMD EPYC 7742 64-Core Processor,1,1 x NVIDIA A100-SXM4-40GB,` +
      `13.4,52.5,62.7,machine,35.0,90.0,20.0,12.5,N,1.0,0.0,,\n`
    lines.push(line)
    bytes += line.length
    rows++
  }
  return { text: lines.join(''), rows }
}

async function choosePort(): Promise<number> {
  if (process.env.UI_BENCH_PORT) return Number(process.env.UI_BENCH_PORT)
  const probe = createServer()
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok))
  const { port } = probe.address() as AddressInfo
  await new Promise((ok) => probe.close(ok))
  return port
}

/** Serves a copy of out/renderer (in `dir`), so that a rebuild during the benchmark cannot pull it away. */
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

interface Watch {
  tasks: { startMs: number; durationMs: number }[]
  /** When the file input reported the pick, and the preview's counts appeared. */
  pickedMs?: number
  previewMs?: number
}
declare global {
  interface Window {
    __importBench: Watch
  }
}

/** In the page from its first script: every long task, and the moments the Import screen's phases change. */
function watchImport(removeWorker: boolean) {
  if (removeWorker) Object.defineProperty(window, 'Worker', { value: undefined, configurable: true })
  const watch: Watch = { tasks: [] }
  window.__importBench = watch
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) watch.tasks.push({ startMs: e.startTime, durationMs: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  document.addEventListener('change', () => (watch.pickedMs ??= performance.now()), true)
  const look = () => {
    if (watch.previewMs === undefined && document.querySelector('[data-testid="import-counts"]'))
      watch.previewMs = performance.now()
  }
  new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true })
}

interface Figures {
  readMs: number
  previewMs: number
  longestReadMs: number
  longReadMs: number
  longestPreviewMs: number
  longPreviewMs: number
  runsFound: string
}

async function measure(browser: Browser, base: string, path: string, mode: 'worker' | 'page', i: number) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  page.setDefaultTimeout(TIMEOUT_MS)
  // As source text: tsx wraps named inner functions in its own __name helper, which the page lacks.
  await page.addInitScript({
    content: `var __name = (f) => f; (${watchImport.toString()})(${JSON.stringify(mode === 'page')})`
  })
  await page.goto(`${base}/?db=import-bench-${mode}-${i}-${Date.now()}#/import`)
  await page.getByLabel('Choose files to import').waitFor({ state: 'attached' })
  // The screen loads the reference data when it opens (the hardware matcher, the preview's method): a long task
  // of its own. The file is picked once the page has been quiet for QUIET_MS, so only the reading is measured.
  await page.waitForFunction(
    (quietMs) => {
      const last = window.__importBench.tasks.at(-1)
      const end = last ? last.startMs + last.durationMs : 0
      return performance.now() - end > quietMs && performance.now() > 2 * quietMs
    },
    QUIET_MS,
    { polling: 250 }
  )
  await page.getByLabel('Choose files to import').setInputFiles(path)
  const counts = page.getByTestId('import-counts')
  await counts.waitFor()
  // The observer's entries arrive after their task: one more frame and an idle moment let the last ones in.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 200))))
  const watch = await page.evaluate(() => window.__importBench)
  // The screen marks the moment the parse's outcome is on the page (screens/import/index.tsx).
  const parsedMs = await page.evaluate(() => performance.getEntriesByName('import:parsed')[0]?.startTime)
  const runsFound = (await counts.textContent()) ?? ''
  await context.close()
  const picked = watch.pickedMs ?? 0
  const readEnd = parsedMs ?? watch.previewMs ?? picked
  const previewEnd = watch.previewMs ?? readEnd
  // A task belongs to the reading when it ended before the parse's outcome arrived; the task that takes the outcome
  // in (the worker's last message, or the on-page parse's last chunk) goes on into the preview, so it counts there.
  const read = watch.tasks
    .filter((t) => t.startMs >= picked && t.startMs + t.durationMs <= readEnd)
    .map((t) => t.durationMs)
  const preview = watch.tasks
    .filter((t) => t.startMs + t.durationMs > readEnd && t.startMs <= previewEnd)
    .map((t) => t.durationMs)
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  return {
    readMs: readEnd - picked,
    previewMs: previewEnd - readEnd,
    longestReadMs: Math.max(0, ...read),
    longReadMs: sum(read),
    longestPreviewMs: Math.max(0, ...preview),
    longPreviewMs: sum(preview),
    runsFound
  } satisfies Figures
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'import-bench-'))
  const { text, rows } = generate()
  const path = join(dir, FILE_NAME)
  await writeFile(path, text)
  const port = await choosePort()
  const server = await startRenderer(port, dir)
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs })
  let failed = false
  try {
    console.log(machineLine())
    console.log(
      `file: ${fmt(rows)} CodeCarbon rows × 38 columns, ${fmt(text.length / 2 ** 20, 1)} MiB, picked on the Import screen`
    )
    const results: Record<'worker' | 'page', Figures[]> = { worker: [], page: [] }
    for (let i = 0; i < REPEATS; i++) {
      // Alternating, so that a busy moment of a shared machine does not fall on one way only.
      for (const mode of ['page', 'worker'] as const) {
        progress(`${mode} ${i + 1}/${REPEATS}`)
        const f = await measure(browser, `http://127.0.0.1:${port}`, path, mode, i)
        if (!f.runsFound.includes(fmt(rows))) {
          console.log(`FAIL ${mode}: the preview says "${f.runsFound}", the file holds ${fmt(rows)} runs`)
          failed = true
        }
        results[mode].push(f)
      }
    }
    const best = (fs: Figures[], key: keyof Omit<Figures, 'runsFound'>) => Math.min(...fs.map((f) => f[key]))
    const worst = (fs: Figures[], key: keyof Omit<Figures, 'runsFound'>) => Math.max(...fs.map((f) => f[key]))
    const line = (label: string, fs: Figures[]) =>
      console.log(
        `${label}: reading ${fmt(best(fs, 'readMs'))}–${fmt(worst(fs, 'readMs'))} ms, ` +
          `longest main-thread task while reading ${fmt(best(fs, 'longestReadMs'))}–${fmt(worst(fs, 'longestReadMs'))} ms ` +
          `(long tasks ${fmt(best(fs, 'longReadMs'))}–${fmt(worst(fs, 'longReadMs'))} ms in all); ` +
          `then the preview (every run computed on the page) ${fmt(best(fs, 'previewMs'))}–${fmt(worst(fs, 'previewMs'))} ms, ` +
          `longest task ${fmt(best(fs, 'longestPreviewMs'))}–${fmt(worst(fs, 'longestPreviewMs'))} ms`
      )
    console.log(`(best–worst of ${REPEATS}; a long task is one over 50 ms, in which the page cannot answer input)`)
    line('before, on the page (no Worker: parseChunks, yielding between chunks)', results.page)
    line('after, in the parse worker                                          ', results.worker)
  } finally {
    await browser.close()
    server.kill()
    await rm(dir, { recursive: true, force: true })
  }
  if (failed) process.exit(1)
}

void main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
