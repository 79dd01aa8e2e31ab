/**
 * The import benchmark alone, repeated: each round imports N runs into a fresh ledger (real methodology), measures
 * the bytes on disk it added, re-imports the first 100,000 unchanged, puts the same records with raw IndexedDB (same
 * indexes as the ledger's runs table, one transaction), then undoes the import's batch. On a shared machine one pair
 * of timings is noise; the ratio within each round and the medians over rounds are the figures. Prints figures;
 * asserts nothing.
 *   npx tsx tests/bench/ledger/import-vs-raw.ts   (LEDGER_BENCH_RUNS=130000, LEDGER_BENCH_ROUNDS=3)
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { startHarness } from '../../e2e/harness/server'
import { chromiumArgs, chromiumPath } from '../../support/chromium'
import { machineLine } from '../support/machine'

const N = Number(process.env.LEDGER_BENCH_RUNS ?? 130_000)
const REIMPORT_N = Math.min(N, 100_000)
const ROUNDS = Number(process.env.LEDGER_BENCH_ROUNDS ?? 3)

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')

/** Bytes on disk under a folder (the profile's IndexedDB): navigator.storage.estimate lags behind compactions. */
async function diskBytes(dir: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
    // LevelDB compacts while we walk: a file listed a moment ago may be gone.
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name)).catch(() => ({ size: 0 }))).size
  }
  return total
}

async function main() {
  const harness = await startHarness()
  const profile = await mkdtemp(join(tmpdir(), 'ledger-bench-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: chromiumArgs,
    headless: true
  })
  const disk = () => diskBytes(join(profile, 'Default', 'IndexedDB'))
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(harness.url)
    await page.waitForFunction(() => document.title === 'ledger harness ready')
    console.log(machineLine())
    console.log(
      `# import of ${fmt(N)} runs vs raw IndexedDB put, re-import of ${fmt(REIMPORT_N)}, undo of ${fmt(N)}; ` +
        `${ROUNDS} rounds (load average at start ${load()})`
    )
    const ledgerMs: number[] = []
    const rawMs: number[] = []
    const ratios: number[] = []
    const againMs: number[] = []
    const undoMs: number[] = []
    const bytes: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const name = `bench-import-${round}`
      await page.evaluate((n) => window.ledgerHarness.open(n, 'real'), name)
      const diskBefore = await disk()
      const imported = await page.evaluate((n) => window.ledgerHarness.importSynthetic(0, n, 'imp', 2000), N)
      // Let LevelDB settle its log into tables before measuring what the import costs on disk.
      await new Promise((r) => setTimeout(r, 5000))
      const perRun = ((await disk()) - diskBefore) / N
      const again = await page.evaluate((n) => window.ledgerHarness.importSynthetic(0, n, 'imp', 2000), REIMPORT_N)
      await page.evaluate(() => window.ledgerHarness.close())
      const raw = await page.evaluate(([db, n]) => window.ledgerHarness.rawBulkPutOfLedgerRuns(db!, Number(n)), [
        name,
        N
      ] as const)
      await page.evaluate((n) => window.ledgerHarness.open(n, 'real'), name)
      const undo = await page.evaluate(async (id) => {
        const t0 = performance.now()
        const r = await window.ledgerHarness.undoImport(id)
        return { ms: performance.now() - t0, removed: r.removed }
      }, imported.batch.id)
      await page.evaluate(() => window.ledgerHarness.close())
      ledgerMs.push(imported.ms)
      rawMs.push(raw.ms)
      ratios.push(raw.ms / imported.ms)
      againMs.push(again.ms)
      undoMs.push(undo.ms)
      bytes.push(perRun)
      console.log(
        `round ${round + 1}: ledger ${fmt(imported.ms)} ms (${fmt(N / (imported.ms / 1000))} runs/s), raw ${fmt(raw.ms)} ms (${fmt(N / (raw.ms / 1000))} runs/s): ` +
          `${fmt((raw.ms / imported.ms) * 100)} % of raw; ${fmt(perRun)} bytes a run on disk; ` +
          `re-import (${fmt(again.batch.unchanged)} unchanged) ${fmt(again.ms)} ms; undo (${fmt(undo.removed)} removed) ${fmt(undo.ms)} ms; load ${load()}`
      )
      // A string, not a function: tsx's helpers would not exist in the page.
      await page.evaluate(
        `new Promise((resolve) => { const r = indexedDB.deleteDatabase(${JSON.stringify(name)}); r.onsuccess = r.onerror = () => resolve() })`
      )
    }
    console.log(
      `median: ledger ${fmt(N / (median(ledgerMs) / 1000))} runs/s, raw ${fmt(N / (median(rawMs) / 1000))} runs/s, ` +
        `median of the per-round ratios ${fmt(median(ratios) * 100)} %; re-import ${fmt(median(againMs))} ms; ` +
        `undo ${fmt(median(undoMs))} ms; ${fmt(median(bytes))} bytes a run (load average at end ${load()})`
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
