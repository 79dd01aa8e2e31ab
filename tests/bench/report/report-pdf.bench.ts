// The quarterly report of a quarter with 10,000 runs: time from opening report.html to the ready signal (ledger
// reads, model with what-ifs, React, Chart.js), then Chromium's page.pdf (A4, as main prints), and the file size.
// Target: under 3 s from open to PDF. Prints figures; asserts nothing.
// Run: npx electron-vite build && npx tsx tests/bench/report/report-pdf.bench.ts
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { startReportServer } from '../../e2e/report/server'
import { chromiumArgs, chromiumPath } from '../../support/chromium'
import { machineLine } from '../support/machine'

const RUNS = 10_000
const ROUNDS = 5
const out = resolve('tests/artifacts/report-bench')

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

async function main(): Promise<void> {
  const server = await startReportServer()
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true })
  try {
    mkdirSync(out, { recursive: true })
    const page = await (await browser.newContext()).newPage()
    await page.goto(`${server.url}/__fixture.html`)
    await page.waitForFunction(() => document.title === 'report fixture ready')
    const setup = performance.now()
    // 10,000 runs in 2025 Q1, computed with the real method in the page.
    const added = await page.evaluate(
      (runs) => window.reportFixture.restoreLab({ runs, fromMs: Date.UTC(2025, 0, 1), toMs: Date.UTC(2025, 3, 1) }),
      RUNS
    )
    console.log(
      `ledger filled: ${added} records in ${((performance.now() - setup) / 1000).toFixed(1)} s (not timed below)`
    )

    const ready: number[] = []
    const printed: number[] = []
    let bytes = 0
    let pages = 0
    for (let round = 0; round < ROUNDS; round++) {
      const t0 = performance.now()
      await page.goto(`${server.url}/report.html?period=2025-Q1&lab=Bench%20Lab`)
      await page.waitForFunction(() => document.body.dataset.reportReady !== undefined, undefined, {
        timeout: 120_000,
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
        `  round ${round + 1}: ${marks.map(([name, ms]) => `${name} at ${ms} ms`).join(', ')}, ready at ${Math.round(t1 - t0)} ms`
      )
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '0.6in', bottom: '0.7in', left: '0.6in', right: '0.6in' }
      })
      const t2 = performance.now()
      ready.push(t1 - t0)
      printed.push(t2 - t1)
      bytes = pdf.length
      const file = join(out, 'report-10k.pdf')
      writeFileSync(file, pdf)
      pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1])
    }
    const runsInQuarter = await page.evaluate(
      () => document.querySelector('.cover-facts dd:nth-of-type(5)')?.textContent ?? '?'
    )
    console.log(
      `${machineLine()}; load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')} (1, 5, 15 min)`
    )
    console.log(`quarter 2025 Q1: ${runsInQuarter} runs`)
    console.log(
      `open → ready (ledger + model + render): median ${median(ready).toFixed(0)} ms  [${ready.map((x) => x.toFixed(0)).join(', ')}]`
    )
    console.log(`page.pdf: median ${median(printed).toFixed(0)} ms  [${printed.map((x) => x.toFixed(0)).join(', ')}]`)
    console.log(
      `open → PDF: median ${median(ready.map((r, i) => r + (printed[i] ?? 0))).toFixed(0)} ms (target < 3000 ms)`
    )
    console.log(`PDF: ${(bytes / 1024).toFixed(0)} KiB, ${pages} pages → ${join(out, 'report-10k.pdf')}`)
  } finally {
    await browser.close()
    await server.close()
  }
}

void main()
