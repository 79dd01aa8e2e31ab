import { execFile } from 'node:child_process'
import { mkdtemp, rm, statfs, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, type Page, test } from '@playwright/test'
import { bytesNeeded } from '../../../renderer/db/space'
import { startHarness } from '../harness/server'
import { launchOnProfile } from './profile-browser'

/**
 * The ledger on a nearly full disk, in real Chromium: the browser profile (what Electron's userData is to the app)
 * on a 48 MB tmpfs, 200 runs stored, then imports that do not fit. Mounting needs root, which CI and the dev
 * machine have; elsewhere each test skips saying why. What Chromium did here is written up in docs/ledger.md.
 */
const execute = promisify(execFile)
const MB = 1024 * 1024
const STORED = 200
/** The issue's import (issue 15): far more than 48 MB can hold. */
const TOO_MANY = 8_986

// Imports of thousands of runs with a browser restart: more than the app suite's 90 s on a loaded 2-core machine.
test.describe.configure({ timeout: 180_000 })

let harness: Awaited<ReturnType<typeof startHarness>>
let profile: string
let mounted = false
let skipReason: string | undefined

const freeBytes = async (): Promise<number> => {
  const s = await statfs(profile)
  return s.bavail * s.bsize
}

test.beforeAll(async () => {
  harness = await startHarness()
})
test.afterAll(async () => {
  await harness.close()
})
test.beforeEach(async () => {
  profile = await mkdtemp(join(tmpdir(), 'ledger-full-disk-'))
  skipReason = undefined
  if (process.getuid?.() !== 0) {
    skipReason = 'mounting the small tmpfs this test fills needs root (CI and the dev machine run as root)'
    return
  }
  try {
    await execute('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', profile])
    mounted = true
  } catch (err) {
    skipReason = `mount -t tmpfs failed, so there is no small disk to fill: ${(err as Error).message}`
  }
})
test.afterEach(async () => {
  // Lazy: a Chromium that has not quite exited yet must not keep the mount.
  if (mounted) await execute('umount', ['-l', profile])
  mounted = false
  await rm(profile, { recursive: true, force: true })
})

/**
 * A browser on the tmpfs profile. With a disk hook the page's ledger learns the free space from it, as the desktop
 * app learns it from main (statfs); without, it knows the origin's quota only, as in a browser.
 */
const launch = async (diskHook?: () => Promise<number>) => {
  const { context, page } = await launchOnProfile(profile, harness.url, async (c) => {
    if (diskHook) await c.exposeFunction('hostDiskFreeBytes', diskHook)
  })
  await page.evaluate((desktop) => window.ledgerHarness.open('carbon-ledger', 'real', desktop), diskHook !== undefined)
  return { context, page }
}

const storeEarlierRuns = async (page: Page) => {
  await page.evaluate((n) => window.ledgerHarness.importSynthetic(0, n, 'before'), STORED)
  return page.evaluate(() => window.ledgerHarness.consistency())
}

/** After a browser restart on the same profile: the runs there are, and the totals against their sum. */
const afterRestart = async (diskHook?: () => Promise<number>) => {
  const { context, page } = await launch(diskHook)
  const check = await page.evaluate(() => window.ledgerHarness.consistency())
  await context.close()
  expect(check.rollupRuns).toBe(check.runs)
  expect(check.rollupKg).toBeCloseTo(check.kg, 6)
  return check
}

test('desktop: an import the disk cannot hold is refused before it starts, naming the sizes', async () => {
  test.skip(skipReason !== undefined, skipReason)
  const { context, page } = await launch(freeBytes)
  const before = await storeEarlierRuns(page)
  const attempt = await page.evaluate(([from, n]) => window.ledgerHarness.tryImportSynthetic(from, n, 'big'), [
    STORED,
    TOO_MANY
  ] as const)
  expect(attempt.ok).toBe(false)
  if (attempt.ok) return
  expect(attempt.error.code).toBe('quota')
  expect(attempt.error.message).toMatch(
    /Not enough space for this: it needs about \d+ MB and only \d+ MB are free \(the disk holding the ledger\)/
  )
  expect(attempt.written).toBe(0)
  expect(await page.evaluate(() => window.ledgerHarness.consistency())).toEqual(before)
  await context.close()
})

test('desktop: an import just inside the check is written whole or refused cleanly, never costs the ledger', async () => {
  test.skip(skipReason !== undefined, skipReason)
  const { context, page } = await launch(freeBytes)
  const before = await storeEarlierRuns(page)
  // About the most runs the check lets through (ensureSpace: the transaction plus the ledger's size for compaction),
  // 2 MB short of it: Chromium's own writes after the first import go on changing the free space a little.
  const usage = (await page.evaluate(() => window.ledgerHarness.storageEstimate()))!.usageBytes
  const free = (await freeBytes()) - 2 * MB
  let count = Math.floor((free - usage) / bytesNeeded({ runs: 1 }))
  while (bytesNeeded({ runs: count }) + usage > free) count--
  const attempt = await page.evaluate(([from, n]) => window.ledgerHarness.tryImportSynthetic(from, n, 'edge'), [
    STORED,
    count
  ] as const)
  test.info().annotations.push({
    type: 'outcome',
    description: `${count} runs with ${Math.round(free / MB)} MB free: ${attempt.ok ? 'written' : `${attempt.error.code}: ${attempt.error.message}`}`
  })
  if (!attempt.ok) {
    expect(attempt.error.code).toBe('quota')
    expect(attempt.error.message).toMatch(/nothing of this change was saved/)
  }
  await context.close()
  const after = await afterRestart(freeBytes)
  expect(after.runs).toBe(attempt.ok ? STORED + count : STORED)
  if (!attempt.ok) expect(after.kg).toBeCloseTo(before.kg, 6)
})

test('browser: an import too large for the disk is refused by Chromium when it commits; the ledger may not survive', async () => {
  test.skip(skipReason !== undefined, skipReason)
  const { context, page } = await launch()
  const before = await storeEarlierRuns(page)
  // On this 48 MB disk Chromium's estimate reports a quota of usage + 1 GiB, so the ledger's own check lets the
  // import through: what stops it is Chromium's check when the transaction commits, after it has written ~40 MB.
  const attempt = await page.evaluate(({ from, n }) => window.ledgerHarness.tryImportSynthetic(from, n, 'big'), {
    from: STORED,
    // three times the desktop case: schema 5's smaller runs let 8,986 fit on the 48 MB disk
    n: 3 * TOO_MANY
  })
  expect(attempt.ok).toBe(false)
  if (attempt.ok) return
  expect(attempt.error.code).toBe('quota')
  // Chromium refuses the commit over its quota, or the disk fills first: either way the user is told which.
  expect(attempt.error.message).toMatch(
    /nothing of this change was saved|disk filled up while the ledger was being written/
  )
  await context.close()
  const after = await afterRestart()
  test.info().annotations.push({
    type: 'outcome',
    description: `${attempt.written} of ${TOO_MANY} written when ${attempt.error.cause} (${attempt.error.causeMessage}); ${after.runs} of ${STORED} runs after restart`
  })
  // Chromium 156 kept the earlier runs in some tries and deleted the whole database in others (docs/ledger.md):
  // the browser build has no protection on a disk this small, which the quota message says.
  expect([0, STORED]).toContain(after.runs)
  if (after.runs === STORED) expect(after.kg).toBeCloseTo(before.kg, 6)
})

test('a disk filled by another program during the import: the user is told the ledger may be gone', async () => {
  test.skip(skipReason !== undefined, skipReason)
  // The check passes; right after it, another program takes all but half a megabyte of the disk.
  let fill = false
  const hook = async () => {
    const free = await freeBytes()
    if (fill) await writeFile(join(profile, 'another-program'), Buffer.alloc(Math.max(0, free - MB / 2)))
    fill = false
    return free
  }
  const { context, page } = await launch(hook)
  await storeEarlierRuns(page)
  fill = true
  const attempt = await page.evaluate((from) => window.ledgerHarness.tryImportSynthetic(from, 2_000, 'filled'), STORED)
  expect(attempt.ok).toBe(false)
  if (attempt.ok) return
  expect(attempt.error.code).toBe('quota')
  expect(attempt.error.message).toMatch(/disk filled up while the ledger was being written/)
  await context.close()
  await rm(join(profile, 'another-program'))
  const after = await afterRestart(hook)
  // Chromium 156 deleted the origin's whole IndexedDB here every time (docs/ledger.md); the totals still match.
  test.info().annotations.push({ type: 'outcome', description: `${after.runs} of ${STORED} runs left after restart` })
  expect([0, STORED]).toContain(after.runs)
})
