import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { readLines, tamper } from '../../db/archive-support'
import { startHarness } from '../harness/server'
import { launchOnProfile } from './profile-browser'

/**
 * A re-signed archive with the four tamperings of issue 15 (a duplicate run id, figures that disagree with the run,
 * a project that is nowhere, a non-finite number), restored in real Chromium onto a persistent profile: refused or
 * repaired with a report, and after a restart the totals are the sum of the runs stored.
 */
let harness: Awaited<ReturnType<typeof startHarness>>
let profile: string

test.beforeAll(async () => {
  harness = await startHarness()
})
test.afterAll(async () => {
  await harness.close()
})
test.beforeEach(async () => {
  profile = await mkdtemp(join(tmpdir(), 'ledger-tampered-'))
})
test.afterEach(async () => {
  await rm(profile, { recursive: true, force: true })
})

const launch = async () => {
  const opened = await launchOnProfile(profile, harness.url)
  await opened.page.evaluate(() => window.ledgerHarness.open())
  return opened
}

type Run = { id: string; emissionsKg: number; startMonth: string; projectId: string }

test('a tampered archive is refused or repaired with a report, and the totals stay the sum of the runs', async () => {
  let { context, page } = await launch()
  await page.evaluate(() => window.ledgerHarness.importSynthetic(0, 50, 'archived'))
  const bytes = Buffer.from(await page.evaluate(() => window.ledgerHarness.exportArchiveBase64()), 'base64')
  const runs = readLines(bytes).records.filter((r) => r.t === 'runs') as unknown as { r: Run }[]
  const [first, second, third] = [runs[0]!.r, runs[1]!.r, runs[2]!.r]
  const edited = tamper(bytes, ({ records }) => [
    ...records.map((rec) => {
      const r = rec.r as unknown as Run
      // Wrong sums: the run's emissions and month no longer follow from its input and result.
      if (r.id === first.id) return JSON.stringify({ ...rec, r: { ...r, emissionsKg: 1e6, startMonth: '1999-01' } })
      // A non-finite number (JSON cannot hold one; 1e999 reads as Infinity).
      if (r.id === second.id) return JSON.stringify(rec).replace(/"durationS":[0-9.e+]+/, '"durationS":1e999')
      return JSON.stringify(rec)
    }),
    // A duplicate id (its emissions would count twice) and a dangling project reference.
    JSON.stringify({ t: 'runs', r: { ...third, emissionsKg: third.emissionsKg * 2 } }),
    JSON.stringify({ t: 'runs', r: { ...third, id: 'orphan', projectId: 'no-such-project' } })
  ])
  const restored = await page.evaluate(([archive, mode]) => window.ledgerHarness.restoreBase64(archive, mode), [
    Buffer.from(edited).toString('base64'),
    'replace'
  ] as const)
  expect(restored.ok).toBe(true)
  if (!restored.ok) return
  const { report } = restored
  expect(report.refusedCount).toBe(3)
  expect(report.refused.map((n) => [n.id, n.reason])).toEqual(
    expect.arrayContaining([
      [second.id, expect.stringMatching(/durationS/)],
      [third.id, expect.stringMatching(/second record with this id/)],
      ['orphan', expect.stringMatching(/project no-such-project/)]
    ])
  )
  expect(report.repairedCount).toBe(1)
  expect(report.repaired[0]).toMatchObject({ id: first.id, reason: expect.stringMatching(/startMonth, emissionsKg/) })
  await context.close()

  ;({ context, page } = await launch())
  const check = await page.evaluate(() => window.ledgerHarness.consistency())
  expect(check.runs).toBe(49)
  expect(check.rollupRuns).toBe(49)
  expect(check.rollupKg).toBeCloseTo(check.kg, 6)
  // The original 50 runs less the refused non-finite one: the repaired run counts its own emissions, not 1e6.
  const originalKg = runs.filter((r) => r.r.id !== second.id).reduce((kg, r) => kg + r.r.emissionsKg, 0)
  expect(check.kg).toBeCloseTo(originalKg, 6)
  await context.close()
})
