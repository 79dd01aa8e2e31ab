/**
 * Where an import's renderer time goes: a CPU profile (Chrome DevTools protocol) of an import of N fresh runs, of a
 * re-import of the same N unchanged, and of the undo of the batch, summarised by self time per function. Prints
 * figures; asserts nothing.   npx tsx tests/bench/ledger/profile-import.ts   (LEDGER_BENCH_RUNS=30000)
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { type CDPSession, chromium } from 'playwright-core'
import { startHarness } from '../../e2e/harness/server'
import { chromiumArgs, chromiumPath } from '../../support/chromium'

const N = Number(process.env.LEDGER_BENCH_RUNS ?? 30_000)

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const summarise = (label: string, ms: number, profile: Profile) => {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  for (const [i, id] of profile.samples.entries()) {
    const f = byId.get(id)!.callFrame
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  }
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)
  console.log(`\n## ${label}: ${ms.toFixed(0)} ms (load ${loadavg()[0]!.toFixed(1)})`)
  for (const [k, v] of top) console.log(`${v.toFixed(0).padStart(7)} ms  ${k}`)
}

const profiled = async <T extends { ms: number }>(cdp: CDPSession, label: string, op: () => Promise<T>) => {
  await cdp.send('Profiler.start')
  const result = await op()
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
  summarise(label, result.ms, profile)
  return result
}

async function main() {
  const harness = await startHarness()
  const profile = await mkdtemp(join(tmpdir(), 'ledger-prof-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: chromiumArgs,
    headless: true
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(harness.url)
    await page.waitForFunction(() => document.title === 'ledger harness ready')
    const cdp = await context.newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
    await page.evaluate(() => window.ledgerHarness.open('prof', 'real'))
    const imported = await profiled(cdp, `import of ${N}`, () =>
      page.evaluate((n) => window.ledgerHarness.importSynthetic(0, n, 'imp', 2000), N)
    )
    await profiled(cdp, `re-import of ${N} unchanged`, () =>
      page.evaluate((n) => window.ledgerHarness.importSynthetic(0, n, 'imp', 2000), N)
    )
    await profiled(cdp, `undo of ${N}`, () =>
      page.evaluate(async (id) => {
        const t0 = performance.now()
        await window.ledgerHarness.undoImport(id)
        return { ms: performance.now() - t0 }
      }, imported.batch.id)
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
