/**
 * The import benchmark alone, repeated: each round imports N runs into a fresh ledger (real methodology), then puts
 * the same records with raw IndexedDB (same indexes, one transaction). On a shared machine one pair of timings is
 * noise; the ratio within each round and the medians over rounds are the figures. Prints figures; asserts nothing.
 *   npx tsx tests/bench/ledger/import-vs-raw.ts   (LEDGER_BENCH_RUNS=100000, LEDGER_BENCH_ROUNDS=3)
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { startHarness } from '../../e2e/harness/server'
import { chromiumArgs, chromiumPath } from '../../support/chromium'

const N = Number(process.env.LEDGER_BENCH_RUNS ?? 100_000)
const ROUNDS = Number(process.env.LEDGER_BENCH_ROUNDS ?? 3)

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')

async function main() {
  const harness = await startHarness()
  const profile = await mkdtemp(join(tmpdir(), 'ledger-bench-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: chromiumArgs,
    headless: true
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(harness.url)
    await page.waitForFunction(() => document.title === 'ledger harness ready')
    console.log(`# import of ${fmt(N)} runs vs raw IndexedDB put, ${ROUNDS} rounds (load average at start ${load()})`)
    const ledgerMs: number[] = []
    const rawMs: number[] = []
    const ratios: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const name = `bench-import-${round}`
      await page.evaluate((n) => window.ledgerHarness.open(n, 'real'), name)
      const imported = await page.evaluate((n) => window.ledgerHarness.importSynthetic(0, n, 'imp', 2000), N)
      const again = await page.evaluate((n) => window.ledgerHarness.importSynthetic(0, n, 'imp', 2000), N)
      await page.evaluate(() => window.ledgerHarness.close())
      const raw = await page.evaluate(([db, n]) => window.ledgerHarness.rawBulkPutOfLedgerRuns(db!, Number(n)), [
        name,
        N
      ] as const)
      ledgerMs.push(imported.ms)
      rawMs.push(raw.ms)
      ratios.push(raw.ms / imported.ms)
      console.log(
        `round ${round + 1}: ledger ${fmt(imported.ms)} ms (${fmt(N / (imported.ms / 1000))} runs/s), raw ${fmt(raw.ms)} ms (${fmt(N / (raw.ms / 1000))} runs/s): ` +
          `${fmt((raw.ms / imported.ms) * 100)} % of raw; re-import (${fmt(again.batch.unchanged)} unchanged) ${fmt(again.ms)} ms; load ${load()}`
      )
      // A string, not a function: tsx's helpers would not exist in the page.
      await page.evaluate(
        `new Promise((resolve) => { const r = indexedDB.deleteDatabase(${JSON.stringify(name)}); r.onsuccess = r.onerror = () => resolve() })`
      )
    }
    console.log(
      `median: ledger ${fmt(N / (median(ledgerMs) / 1000))} runs/s, raw ${fmt(N / (median(rawMs) / 1000))} runs/s, ` +
        `median of the per-round ratios ${fmt(median(ratios) * 100)} % (load average at end ${load()})`
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
