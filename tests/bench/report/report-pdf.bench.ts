// The quarterly report of a 10,000-run and a 100,000-run quarter: time from opening report.html to the ready
// signal (ledger reads, hourly profiles for Scope 3 category 3, model with what-ifs, React, Chart.js), then
// Chromium's page.pdf (A4 with main's options), and the file size. Electron's printToPDF is Chromium's printing
// too; this measures it through Playwright's page.pdf in Debian's Chromium, the closest stand-in without Electron.
// Targets from opening to PDF: 3 s (10,000 runs) and 6 s (100,000 runs). Prints figures; asserts nothing.
// The quarter is Q4 2024, whose runs in Germany, France and the cloud regions are computed on hourly profiles
// (REPORT_BENCH_YEARLY=1: on yearly factors only, as a lab without hourly data). The runs are stored compact, as the
// app's imports store them (REPORT_BENCH_WHOLE=1: with their whole results, as an old archive restores them).
// Run: npx electron-vite build && npx tsx tests/bench/report/report-pdf.bench.ts [runs …]
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { REPORT_PDF_OPTIONS } from '../../../main/report/print-report'
import { startReportServer } from '../../e2e/report/server'
import { chromiumArgs, chromiumPath } from '../../support/chromium'
import { machineLine } from '../support/machine'

const HOURLY = process.env.REPORT_BENCH_YEARLY !== '1'
/** Runs stored compact (figures only), as the app's imports store them; REPORT_BENCH_WHOLE=1: whole results, as an
 * archive written before compact runs restores them (the page then rebuilds nothing). */
const COMPACT = process.env.REPORT_BENCH_WHOLE !== '1'
const SIZES = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0)
const QUARTER = { text: '2024-Q4', fromMs: Date.UTC(2024, 9, 1), toMs: Date.UTC(2025, 0, 1) }
const TARGET_MS: Record<number, number> = { 10_000: 3000, 100_000: 6000 }
/** Runs restored per part: an archive of 100,000 runs is too long for one string in the page. */
const PART = 10_000
const ASSETS = [
  {
    key: 'assetRegister',
    value: [
      {
        id: 'bench-1',
        device: 'NVIDIA DGX H100',
        count: 2,
        purchasedOn: '2024-11-05',
        embodiedKgEach: 3500,
        source: 'bench'
      }
    ]
  }
]
const out = resolve('tests/artifacts/report-bench')
/**
 * REPORT_BENCH_BEFORE=<dir>: another build of the renderer (e.g. main's out/renderer copied aside), measured round by
 * round beside this one, so that before and after share the machine's load. Each reads its own ledger (its own
 * server, so its own origin) of the same runs; the baseline's compact runs are stored as it stored them, figures only
 * (REPORT_BENCH_BEFORE_CITES=1: with their cites, issue 13).
 */
const BEFORE = process.env.REPORT_BENCH_BEFORE ? resolve(process.env.REPORT_BENCH_BEFORE) : undefined
const BUILDS = BEFORE ? (['before', 'after'] as const) : (['after'] as const)
type Build = (typeof BUILDS)[number]

/** Main's printToPDF options (A4, backgrounds, tagged, outline, page-number footer) in Playwright's words. */
const PDF_OPTIONS = (() => {
  const o = REPORT_PDF_OPTIONS
  const m = o.margins as { top: number; bottom: number; left: number; right: number }
  return {
    format: 'A4',
    printBackground: o.printBackground,
    tagged: o.generateTaggedPDF,
    outline: o.generateDocumentOutline,
    displayHeaderFooter: o.displayHeaderFooter,
    headerTemplate: o.headerTemplate,
    footerTemplate: o.footerTemplate,
    margin: { top: `${m.top}in`, bottom: `${m.bottom}in`, left: `${m.left}in`, right: `${m.right}in` }
  }
})()

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

async function fill(page: Page, url: string, runs: number, build: Build): Promise<void> {
  const compact =
    COMPACT && build === 'before' && process.env.REPORT_BENCH_BEFORE_CITES !== '1' ? 'figures-only' : COMPACT
  await page.goto(`${url}/__fixture.html`)
  await page.waitForFunction(() => document.title === 'report fixture ready')
  const t0 = performance.now()
  let added = 0
  for (let part = 0; part * PART < runs; part++)
    added += await page.evaluate(([options, mode]) => window.reportFixture.restoreLab(options, mode), [
      {
        runs: Math.min(PART, runs - part * PART),
        seed: 7 + part,
        idPrefix: `p${part}`,
        fromMs: QUARTER.fromMs,
        toMs: QUARTER.toMs,
        hourly: HOURLY,
        compact,
        settings: ASSETS
      },
      part === 0 ? 'replace' : 'merge'
    ] as const)
  console.log(
    `${build}: ledger filled: ${added} records in ${((performance.now() - t0) / 1000).toFixed(1)} s (not timed below)`
  )
}

interface Timings {
  ready: number[]
  printed: number[]
  bytes: number
  pages: number
}

/** One round: open report.html of this build, wait for its ready signal, print. */
async function round(page: Page, url: string, build: Build, runs: number, t: Timings): Promise<void> {
  const file = join(out, `report-${runs / 1000}k-${build}.pdf`)
  const t0 = performance.now()
  await page.goto(`${url}/report.html?period=${QUARTER.text}&lab=Bench%20Lab`)
  await page.waitForFunction(() => document.body.dataset.reportReady !== undefined, undefined, {
    timeout: 300_000,
    polling: 20
  })
  const state = await page.evaluate(() => document.body.dataset.reportReady)
  if (state !== 'true')
    throw new Error(`report failed: ${await page.evaluate(() => document.body.dataset.reportError)}`)
  const t1 = performance.now()
  const marks = await page.evaluate(() =>
    performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)] as const)
  )
  console.log(
    `  ${build}: ${marks.map(([name, ms]) => `${name} at ${ms} ms`).join(', ')}, ready at ${Math.round(t1 - t0)} ms`
  )
  const pdf = await page.pdf(PDF_OPTIONS)
  const t2 = performance.now()
  t.ready.push(t1 - t0)
  t.printed.push(t2 - t1)
  t.bytes = pdf.length
  writeFileSync(file, pdf)
  t.pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1])
}

async function measure(pages: Record<Build, { page: Page; url: string }>, runs: number): Promise<void> {
  const rounds = Number(process.env.ROUNDS ?? (runs >= 100_000 ? 3 : 5))
  const timings = Object.fromEntries(
    BUILDS.map((b) => [b, { ready: [], printed: [], bytes: 0, pages: 0 } as Timings])
  ) as Record<(typeof BUILDS)[number], Timings>
  for (let r = 0; r < rounds; r++) {
    console.log(`  round ${r + 1}`)
    // Alternating which build goes first, so neither always reads a ledger the other has just warmed.
    for (const build of r % 2 === 0 ? BUILDS : [...BUILDS].reverse())
      await round(pages[build].page, pages[build].url, build, runs, timings[build])
  }
  const inQuarter = await pages.after.page.evaluate(
    () => document.querySelector('.cover-facts dd:nth-of-type(5)')?.textContent
  )
  console.log(`quarter ${QUARTER.text}: ${inQuarter ?? '?'} runs`)
  for (const build of BUILDS) {
    const { ready, printed, bytes, pages } = timings[build]
    console.log(`${build}:`)
    console.log(
      `  open → ready (ledger + model + render): median ${median(ready).toFixed(0)} ms  [${ready.map((x) => x.toFixed(0)).join(', ')}]`
    )
    console.log(`  page.pdf: median ${median(printed).toFixed(0)} ms  [${printed.map((x) => x.toFixed(0)).join(', ')}]`)
    console.log(
      `  open → PDF: median ${median(ready.map((x, i) => x + (printed[i] ?? 0))).toFixed(0)} ms (target < ${TARGET_MS[runs] ?? '?'} ms)`
    )
    console.log(`  PDF: ${(bytes / 1024).toFixed(0)} KiB, ${pages} pages`)
  }
}

async function main(): Promise<void> {
  const servers = Object.fromEntries(
    await Promise.all(BUILDS.map(async (b) => [b, await startReportServer(b === 'before' ? BEFORE : undefined)]))
  ) as Record<Build, Awaited<ReturnType<typeof startReportServer>>>
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true })
  try {
    mkdirSync(out, { recursive: true })
    console.log(machineLine())
    for (const runs of SIZES.length > 0 ? SIZES : [10_000, 100_000]) {
      console.log(
        `\n${runs.toLocaleString('en-GB')} runs in ${QUARTER.text}, ${HOURLY ? 'hourly' : 'yearly'} factors, ${COMPACT ? 'compact' : 'whole'} runs`
      )
      const pages = {} as Record<Build, { page: Page; url: string }>
      for (const b of BUILDS) {
        const page = await (await browser.newContext()).newPage()
        await fill(page, servers[b].url, runs, b)
        pages[b] = { page, url: servers[b].url }
      }
      await measure(pages, runs)
      console.log(
        `load average ${loadavg()
          .map((x) => x.toFixed(2))
          .join(' ')} (1, 5, 15 min)`
      )
      for (const b of BUILDS) await pages[b].page.context().close()
    }
  } finally {
    await browser.close()
    for (const b of BUILDS) await servers[b].close()
  }
}

void main()
