/**
 * Ledger benchmarks in real Chromium (Debian's, persistent profile on disk). Prints figures; asserts nothing.
 * Run from the repository root:  npx tsx tests/bench/ledger/bench.ts   (LEDGER_BENCH_RUNS=1000000 by default)
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { cpus, release, tmpdir, totalmem, type as osType } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { startHarness } from '../../e2e/harness/server'
import { chromiumArgs, chromiumPath } from '../../support/chromium'

const LARGE = Number(process.env.LEDGER_BENCH_RUNS ?? 1_000_000)
const IMPORT_N = 100_000
const BATCH = 100_000

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const log = (line: string) => console.log(line)

/** Bytes on disk under a folder (the profile's IndexedDB): navigator.storage.estimate lags behind compactions. */
async function diskBytes(dir: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    // LevelDB compacts while we walk: a file listed a moment ago may be gone.
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name)).catch(() => ({ size: 0 }))).size
  }
  return total
}

async function ready(page: Page, url: string) {
  await page.goto(url)
  await page.waitForFunction(() => document.title === 'ledger harness ready')
}

async function main() {
  const harness = await startHarness()
  const profile = await mkdtemp(join(tmpdir(), 'ledger-bench-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: chromiumArgs,
    headless: true
  })
  try {
    let page = context.pages()[0] ?? (await context.newPage())
    await ready(page, harness.url)
    const ua = await page.evaluate(() => navigator.userAgent)
    const cpu = cpus()
    log('# Carbon Ledger — ledger benchmarks (real Chromium, persistent profile on disk)')
    log(
      `machine: ${osType()} ${release()}, ${cpu[0]?.model ?? 'unknown cpu'}, ${cpu.length} cores, ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM`
    )
    log(`browser: ${/Chrom(e|ium)\/[\d.]+/.exec(ua)?.[0] ?? ua}, headless`)
    const usage = async () => (await page.evaluate(() => window.ledgerHarness.storageEstimate()))?.usageBytes ?? 0
    const disk = () => diskBytes(join(profile, 'Default', 'IndexedDB'))

    // 1. Import of 100,000 runs with the real methodology, beside a raw bulk put of the same records.
    await page.evaluate(() => window.ledgerHarness.open('bench-import', 'real'))
    const before = await usage()
    const diskBefore = await disk()
    const compute = await page.evaluate((n) => window.ledgerHarness.computeOnly(0, n, 'imp'), IMPORT_N)
    const imported = await page.evaluate((n) => window.ledgerHarness.importSynthetic(0, n, 'imp', 2000), IMPORT_N)
    const importBytes = (await usage()) - before
    const importDisk = (await disk()) - diskBefore
    const raw = await page.evaluate((n) => window.ledgerHarness.rawBulkPutOfLedgerRuns('bench-import', n), IMPORT_N)
    const storeMs = imported.ms - compute.ms
    log('')
    log(
      `## Import of ${fmt(IMPORT_N)} runs (estimateRun on the bundled reference data; CodeCarbon-like synthetic runs)`
    )
    log(
      `ledger import (validate + compute + one transaction, chunks of 2,000, rollups): ${fmt(imported.ms)} ms = ${fmt(IMPORT_N / (imported.ms / 1000))} runs/s`
    )
    log(
      `  of which validation + estimateRun alone (measured separately): ${fmt(compute.ms)} ms; storage part ≈ ${fmt(storeMs)} ms = ${fmt(IMPORT_N / (storeMs / 1000))} runs/s`
    )
    log(
      `raw IndexedDB put of the same ${fmt(raw.records)} records (same indexes, one transaction): ${fmt(raw.ms)} ms = ${fmt(raw.records / (raw.ms / 1000))} runs/s`
    )
    log(
      `ledger storage part / raw put: ${fmt((raw.ms / storeMs) * 100)} % of the raw rate; whole import: ${fmt((raw.ms / imported.ms) * 100)} %`
    )
    log(
      `storage: ${fmt(importDisk / IMPORT_N)} bytes per run on disk (profile IndexedDB folder), ${fmt(importBytes / IMPORT_N)} by navigator.storage.estimate (full RunResult with trace and sources, rollups, indexes)`
    )
    await page.evaluate(() => window.ledgerHarness.close())

    // 2. A ledger of LARGE runs, written through the ledger's own import path in batches (compact results).
    await page.evaluate(() => window.ledgerHarness.open('bench-large', 'compact'))
    const beforeLarge = await usage()
    const diskBeforeLarge = await disk()
    const batchMs: number[] = []
    for (let from = 0; from < LARGE; from += BATCH) {
      const r = await page.evaluate(
        ([f, n]) => window.ledgerHarness.importSynthetic(f!, n!, 'large', 5000),
        [from, Math.min(BATCH, LARGE - from)]
      )
      batchMs.push(r.ms)
      process.stderr.write(`  inserted ${fmt(from + BATCH)} runs\n`)
    }
    const largeBytes = (await usage()) - beforeLarge
    const largeDisk = (await disk()) - diskBeforeLarge
    const total = batchMs.reduce((a, b) => a + b, 0)
    log('')
    log(
      `## A ledger of ${fmt(LARGE)} runs (written through imports.commit in batches of ${fmt(BATCH)}, compact test-engine results)`
    )
    log(
      `insert: ${fmt(total / 1000, 1)} s = ${fmt(LARGE / (total / 1000))} runs/s (first batch ${fmt(batchMs[0]!)} ms, last ${fmt(batchMs[batchMs.length - 1]!)} ms)`
    )
    log(
      `storage: ${fmt(largeDisk / LARGE)} bytes per run on disk, ${fmt(largeBytes / LARGE)} by navigator.storage.estimate (compact results + rollups + indexes)`
    )
    const count = await page.evaluate(() => window.ledgerHarness.runCount())
    log(`runs stored: ${fmt(count)}`)

    const q: number[] = []
    for (let i = 0; i < 7; i++)
      q.push((await page.evaluate(() => window.ledgerHarness.quarterTotalsByProject(2026, 2))).ms)
    const byPerson: number[] = []
    for (let i = 0; i < 5; i++) {
      byPerson.push(
        (
          await page.evaluate(() =>
            window.ledgerHarness.totals({
              period: { kind: 'quarter', start: '2026-04', end: '2026-06' },
              groupBy: ['person', 'hardwareModel']
            })
          )
        ).ms
      )
    }
    const yearByMonth: number[] = []
    for (let i = 0; i < 5; i++) {
      yearByMonth.push(
        (
          await page.evaluate(() =>
            window.ledgerHarness.totals({
              period: { kind: 'year', start: '2026-01', end: '2026-12' },
              groupBy: ['month', 'location', 'source']
            })
          )
        ).ms
      )
    }
    const scan = await page.evaluate(() => window.ledgerHarness.fullScanQuarterByProject('bench-large', 2026, 2))
    const answer = await page.evaluate(() => window.ledgerHarness.quarterTotalsByProject(2026, 2))
    log(
      `quarterly totals by project (rollups, ${answer.answer.rows.length} projects): first ${fmt(q[0]!, 1)} ms, median of 7 ${fmt(median(q), 1)} ms`
    )
    log(`quarterly totals by person × hardware (fine rollup cells): median of 5 ${fmt(median(byPerson), 1)} ms`)
    log(`year by month × location × source (fine rollup cells): median of 5 ${fmt(median(yearByMonth), 1)} ms`)
    log(
      `the same by-project totals by a full scan of the runs (cursor over ${fmt(scan.scanned)} runs): ${fmt(scan.ms)} ms`
    )
    await page.evaluate(() => window.ledgerHarness.close())

    // 3. Open + first query in a fresh page (new JS context, database already on disk).
    await page.close()
    page = await context.newPage()
    await ready(page, harness.url)
    const t = await page.evaluate(async () => {
      const t0 = performance.now()
      const opened = await window.ledgerHarness.open('bench-large', 'compact')
      const first = await window.ledgerHarness.quarterTotalsByProject(2026, 2)
      return { openMs: opened.ms, queryMs: first.ms, totalMs: performance.now() - t0 }
    })
    log(
      `open the database (fresh page) ${fmt(t.openMs, 1)} ms + first query ${fmt(t.queryMs, 1)} ms = ${fmt(t.totalMs, 1)} ms`
    )
  } finally {
    await context.close()
    await harness.close()
    await rm(profile, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
