import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { expect, type Page, test } from '@playwright/test'

// Issue 13: a quarter closed through its sign-off form keeps its filed figures; an edit of one of its runs is a
// restatement (old and new figure, cause) on the dashboard and in the next quarter's report; reopening asks a reason.
const ARTIFACTS = 'tests/artifacts'
const open = async (page: Page, db: string, route: string) => {
  await page.goto(`/?db=${db}#${route}`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 20_000 })
}

/** 300 W for `hours` at a custom 566.3 g/kWh, PUE 1: 100 h are 30 kWh and 16.989 kg (docs/methodology.md §2). */
const addRun = async (page: Page, title: string, start: string, hours: string) => {
  await page.getByRole('link', { name: 'Add run' }).click()
  await expect(page.getByRole('heading', { name: 'Add a run' })).toBeVisible()
  await page.getByLabel('Project', { exact: true }).fill('Vision')
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByLabel('Start (UTC)').fill(start)
  await page.getByLabel('Duration (hours)').fill(hours)
  await page.getByLabel('Power override (W)').fill('300')
  await page.getByLabel('Location given as').selectOption('custom')
  await page.getByLabel('Intensity (g CO2e/kWh)').fill('566.3')
  await page.getByLabel('PUE').fill('1')
  await page.getByRole('button', { name: 'Save run' }).click()
  await expect(page.getByRole('complementary', { name: 'Run details' }).getByText(title)).toBeVisible()
}

/** The report page the screen opens, printed as Chromium prints it, as text (pdftotext). */
const reportPdfText = async (page: Page, file: string): Promise<string> => {
  const popupPromise = page.waitForEvent('popup')
  await page.getByRole('button', { name: /^(Export PDF report|PDF-Bericht exportieren)$/ }).click()
  const popup = await popupPromise
  // The tab opened with print=1 shows the print dialog; the same page without it is printed here.
  const url = new URL(popup.url())
  await popup.close()
  url.searchParams.delete('print')
  const report = await page.context().newPage()
  await report.goto(url.toString())
  await report.waitForFunction(() => document.body.dataset.reportReady !== undefined, undefined, { timeout: 30_000 })
  expect(await report.evaluate(() => document.body.dataset.reportReady)).toBe('true')
  mkdirSync(ARTIFACTS, { recursive: true })
  const path = `${ARTIFACTS}/${file}`
  await report.pdf({ path, format: 'A4', printBackground: true })
  await report.close()
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
}

test('close a quarter, edit one of its runs, find the restatement in the next report and on the dashboard, reopen', async ({
  page
}) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1024, height: 900 })
  const db = `e2e-closed-${Date.now()}`
  await open(page, db, '/runs')
  await addRun(page, 'ResNet baseline', '2026-02-10T09:00', '100')
  await addRun(page, 'ResNet ablation', '2026-03-03T09:00', '100')
  // Q3: the next quarter, Q2, has no runs of its own and is still filed for its restatement
  await addRun(page, 'ViT pretraining', '2026-07-14T09:00', '100')

  // Close 2026 Q1 (two runs: 33.98 kg) through the sign-off form; a missing name is named at its field.
  await page.goto(`/?db=${db}#/reports?period=quarter&start=2026-01`)
  await page.getByLabel('Lab name').fill('Vision Lab')
  const closing = page.getByRole('region', { name: 'Sign-off of 2026 Q1' })
  await expect(closing.getByText(/Closing files the report as it is now/)).toBeVisible()
  await closing.getByRole('button', { name: 'Close 2026 Q1' }).click()
  await expect(closing.getByLabel('Prepared by')).toHaveAttribute('aria-invalid', 'true')
  await expect(closing.getByLabel('Prepared by')).toBeFocused()
  await expect(closing.getByText('Sign-off, “Prepared by”: enter who prepared the report.')).toBeVisible()
  await page.locator('.report-side').screenshot({ path: `${ARTIFACTS}/closed-quarter-form-1024.png` })
  await closing.getByLabel('Prepared by').fill('Ada Lovelace')
  await closing.getByLabel('Reviewed by').fill('Grace Hopper')
  await closing.getByLabel('Date signed').fill('2026-04-02')
  await closing.getByLabel('Notes').fill('Filed with the sustainability office.')
  await closing.getByRole('button', { name: 'Close 2026 Q1' }).click()
  await expect(
    closing.getByText(/2026 Q1 was closed on .* by Ada Lovelace: its report prints as filed\./)
  ).toBeVisible()
  await expect(closing.getByRole('definition').filter({ hasText: 'Grace Hopper' })).toBeVisible()
  await expect(closing.getByRole('listitem').filter({ hasText: 'closed by Ada Lovelace' })).toHaveCount(1)
  await page.locator('.report-side').screenshot({ path: `${ARTIFACTS}/closed-quarter-closed-1024.png` })
  await page.setViewportSize({ width: 1920, height: 1000 })
  await page.locator('.report-side').screenshot({ path: `${ARTIFACTS}/closed-quarter-closed-1920.png` })
  await page.setViewportSize({ width: 1024, height: 900 })

  // Edit one of its runs: twice the duration.
  await page.getByRole('link', { name: 'Runs' }).click()
  await page.getByRole('table', { name: 'Runs table' }).getByRole('button', { name: 'ResNet ablation' }).click()
  await page.getByRole('complementary', { name: 'Run details' }).getByRole('link', { name: 'Edit' }).click()
  await expect(page.getByRole('heading', { name: 'Edit run' })).toBeVisible()
  await expect(page.getByRole('note')).toHaveText(
    'This run is in 2026 Q1, which is closed: saving changes no filed figure; the change is listed as a restatement in the next report.'
  )
  await page.getByLabel('Duration (hours)').fill('200')
  await page.getByRole('button', { name: 'Save run' }).click()
  await expect(page.getByRole('table', { name: 'Runs table' }).getByText('33.98 kg').first()).toBeVisible()

  // The dashboard names the quarter, the filed and the new figure and the cause, and links to the next report.
  await page.getByRole('link', { name: 'Dashboard' }).click()
  const notice = page.getByRole('region', { name: 'Restatements of closed quarters' })
  const table = notice.getByRole('table', { name: 'Quarter 2026 Q1' })
  await expect(table.getByRole('row', { name: /Emissions, location-based/ })).toHaveText(
    /Emissions, location-based\s*33\.98 kg\s*50\.97 kg\s*edit \(1 run\)/
  )
  await expect(table.getByRole('row', { name: /Energy/ })).toHaveText(/60 kWh\s*90 kWh\s*edit \(1 run\)/)
  await expect(table.getByRole('row', { name: /^Runs/ })).toHaveCount(0)
  await notice.screenshot({ path: `${ARTIFACTS}/closed-quarter-dashboard-1024.png` })
  await page.setViewportSize({ width: 1920, height: 1000 })
  await notice.screenshot({ path: `${ARTIFACTS}/closed-quarter-dashboard-1920.png` })
  await page.setViewportSize({ width: 1024, height: 900 })

  // The closed quarter still prints as filed; the next quarter's report lists the restatement.
  await page.goto(`/?db=${db}#/reports?period=quarter&start=2026-01`)
  const filed = await reportPdfText(page, 'closed-quarter-2026-Q1.pdf')
  // As filed (printed to three significant digits): two runs of 100 h, 34 kg from 60 kWh, not the 51 kg of 90 kWh now.
  expect(filed).toContain('Runs 2 34 kg CO2e location-based (range 26 – 45.1), from 60 kWh of electricity.')
  expect(filed).toContain('Prepared by Ada Lovelace Reviewed by Grace Hopper Date 2 Apr 2026')
  expect(filed).not.toContain('90 kWh')
  await page.goto(`/?db=${db}#/`)
  await notice.getByRole('link', { name: 'See the restatement in the 2026 Q2 report' }).click()
  await expect(page.getByRole('heading', { name: 'Reports' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Key figures for Q2 2026' })).toBeVisible()
  await expect(
    page.getByText(
      'No runs in Q2 2026 for this scope; its report lists 5 restated figures of earlier closed quarters, so it can be filed.'
    )
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Export PDF report' })).toBeEnabled()
  const next = await reportPdfText(page, 'closed-quarter-2026-Q2.pdf')
  expect(next).toMatch(/Restatements/)
  expect(next).toMatch(/2026 Q1 Emissions, location-based, kg CO2e 34 51 edit \(1 run\)/)
  expect(next).toMatch(/2026 Q1 Energy \(facility\), kWh 60 90 edit \(1 run\)/)

  // In German: the notice, the closed quarter's sign-off and history.
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByLabel('Language').selectOption('de')
  await page.goto(`/?db=${db}#/`)
  const hinweis = page.getByRole('region', { name: 'Korrekturen abgeschlossener Quartale' })
  await expect(hinweis.getByRole('table', { name: 'Quartal 2026 Q1' })).toContainText('50,97 kg')
  await expect(hinweis).toContainText('Bearbeitung (1 Lauf)')
  await hinweis.screenshot({ path: `${ARTIFACTS}/closed-quarter-dashboard-de.png` })
  await hinweis.getByRole('link', { name: 'Die Korrektur im Bericht 2026 Q2 ansehen' }).click()
  const naechster = await reportPdfText(page, 'closed-quarter-2026-Q2-de.pdf')
  expect(naechster).toMatch(/Korrekturen früherer Berichte/)
  expect(naechster).toMatch(/2026 Q1 Emissionen, standortbasiert, kg CO2e 34 51 Bearbeitung \(1 Lauf\)/)
  expect(naechster).toMatch(/2026 Q1 GPU-Stunden, h 200 300 Bearbeitung \(1 Lauf\)/)
  await page.goto(`/?db=${db}#/reports?period=quarter&start=2026-01`)
  const de = page.getByRole('region', { name: 'Freigabe von 2026 Q1' })
  await expect(de.getByText(/wurde am .* von Ada Lovelace abgeschlossen/)).toBeVisible()
  // The preview above reads the ledger now (50,97 kg); the card keeps the figures as filed.
  const filedFigures = de.getByRole('table', { name: /Werte wie eingereicht/ })
  await expect(filedFigures.getByRole('row', { name: /Standortbasiert/ })).toHaveText(/33,98 kg/)
  await expect(de.getByRole('definition').filter({ hasText: '02.04.2026' })).toBeVisible()
  await de.getByRole('button', { name: '2026 Q1 wieder öffnen' }).click()
  await expect(de.getByText('Wiederöffnen: Bitte den Grund angeben; er bleibt im Verlauf des Quartals.')).toBeVisible()
  await page.locator('.report-side').screenshot({ path: `${ARTIFACTS}/closed-quarter-reopen-de.png` })
  await page.goto(`/?db=${db}#/settings`)
  await page.getByLabel('Sprache').selectOption('en')

  // Reopen: a reason is required and logged; the form to close is back and the dashboard notice is gone.
  await page.goto(`/?db=${db}#/reports?period=quarter&start=2026-01`)
  const reopening = page.getByRole('region', { name: 'Sign-off of 2026 Q1' })
  await reopening.getByRole('button', { name: 'Reopen 2026 Q1' }).click()
  await expect(reopening.getByLabel('Reason for reopening')).toHaveAttribute('aria-invalid', 'true')
  await expect(reopening.getByLabel('Reason for reopening')).toBeFocused()
  await reopening.getByLabel('Reason for reopening').fill('ResNet ablation ran 200 h, not 100 h.')
  await reopening.getByRole('button', { name: 'Reopen 2026 Q1' }).click()
  await expect(reopening.getByRole('button', { name: 'Close 2026 Q1' })).toBeVisible()
  const history = reopening.getByRole('listitem')
  await expect(history).toHaveCount(2)
  await expect(history.first()).toHaveText(/reopened by Ada Lovelace — ResNet ablation ran 200 h, not 100 h\./)
  await expect(history.nth(1)).toHaveText(/closed by Ada Lovelace/)
  await page.locator('.report-side').screenshot({ path: `${ARTIFACTS}/closed-quarter-reopened-1024.png` })
  await page.getByRole('link', { name: 'Dashboard' }).click()
  await expect(page.getByRole('heading', { name: /Totals for/ })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Restatements of closed quarters' })).toHaveCount(0)
})
