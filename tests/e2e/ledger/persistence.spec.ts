import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startHarness } from '../harness/server'
import { launchOnProfile } from './profile-browser'

let harness: Awaited<ReturnType<typeof startHarness>>
let profile: string

test.beforeAll(async () => {
  harness = await startHarness()
})
test.afterAll(async () => {
  await harness.close()
})
test.beforeEach(async () => {
  profile = await mkdtemp(join(tmpdir(), 'ledger-profile-'))
})
test.afterEach(async () => {
  await rm(profile, { recursive: true, force: true })
})

const launch = () => launchOnProfile(profile, harness.url)

test('data survives a reload and a browser restart', async () => {
  let { context, page } = await launch()
  await page.evaluate(() => window.ledgerHarness.open())
  await page.evaluate(() => window.ledgerHarness.createRun('survivor', 10))
  await page.evaluate(() => window.ledgerHarness.importSynthetic(0, 500, 'persist'))
  expect(await page.evaluate(() => window.ledgerHarness.runCount())).toBe(501)

  await page.reload()
  await page.waitForFunction(() => document.title === 'ledger harness ready')
  await page.evaluate(() => window.ledgerHarness.open())
  expect(await page.evaluate(() => window.ledgerHarness.runCount())).toBe(501)
  await context.close()

  ;({ context, page } = await launch())
  await page.evaluate(() => window.ledgerHarness.open())
  expect(await page.evaluate(() => window.ledgerHarness.runCount())).toBe(501)
  const check = await page.evaluate(() => window.ledgerHarness.consistency())
  expect(check.rollupRuns).toBe(501)
  expect(check.rollupKg).toBeCloseTo(check.kg, 6)
  // Re-importing the same runs after the restart changes nothing.
  const again = await page.evaluate(() => window.ledgerHarness.importSynthetic(0, 500, 'persist'))
  expect(again.batch).toMatchObject({ added: 0, updated: 0, unchanged: 500 })
  await context.close()
})

test('an import killed half-way leaves the whole batch or none of it', async () => {
  let { context, page } = await launch()
  await page.evaluate(() => window.ledgerHarness.open())
  await page.evaluate(() => window.ledgerHarness.createRun('before', 1))
  // 50,000 runs in chunks of 1,000; the page is closed once a fifth of the chunks are written.
  void page.evaluate(() => window.ledgerHarness.importSynthetic(0, 50_000, 'killed', 1000)).catch(() => undefined)
  await page.waitForFunction(() => window.ledgerHarness.progress.done >= 10_000, undefined, {
    timeout: 120_000,
    polling: 10
  })
  const doneWhenKilled = await page.evaluate(() => window.ledgerHarness.progress.done).catch(() => -1)
  await page.close({ runBeforeUnload: false })
  await context.close()

  ;({ context, page } = await launch())
  await page.evaluate(() => window.ledgerHarness.open())
  const runs = await page.evaluate(() => window.ledgerHarness.runCount())
  test.info().annotations.push({
    type: 'killed',
    description: `page closed at ${doneWhenKilled} of 50000 written; found ${runs - 1}`
  })
  expect([1, 50_001]).toContain(runs)
  const check = await page.evaluate(() => window.ledgerHarness.consistency())
  expect(check.rollupRuns).toBe(runs)
  expect(check.rollupKg).toBeCloseTo(check.kg, 4)
  await context.close()
})
