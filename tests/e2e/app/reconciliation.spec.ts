import { expect, type Page, test } from '@playwright/test'

// Issue 11, reconciliation with the files: a real CodeCarbon file (the sample shipped in CodeCarbon's repository)
// goes in through the Import screen; its own figures stand beside the ledger's, with the reason for the gap, and
// the lab's setting switches which figure the ledger counts.
const open = async (page: Page, db: string, route = '/import') => {
  await page.goto(`/?db=${db}-${Date.now()}#${route}`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 20_000 })
}
const shot = (page: Page, name: string) => page.screenshot({ path: `tests/artifacts/${name}.png`, fullPage: true })
const SAMPLE = 'tests/fixtures/import/codecarbon/codecarbon-repo-sample.csv'
// Its first run: 3.4358e-05 kg from 0.00040479 kWh (84.88 g/kWh for France, PUE 1.0)
const RUN_TITLE = 'CodeCarbon run 2024-05-31T10:39:13'

test("a CodeCarbon file's own figures beside the ledger's, and the lab's choice of the counted figure", async ({
  page
}) => {
  await page.setViewportSize({ width: 1024, height: 900 })
  await open(page, 'e2e-reconcile')
  await page.getByLabel('Choose files to import').setInputFiles(SAMPLE)
  const card = page.getByRole('region', { name: 'codecarbon-repo-sample.csv', exact: true })
  const preview = card.getByRole('region', { name: 'Reported by the file, recomputed by the ledger' })
  await expect(preview).toBeVisible()
  await expect(preview.getByText('Runs with their own emissions: 17.')).toBeVisible()
  const reportedTotal = await preview.getByTestId('reconcile-reported').textContent()
  const recomputedTotal = await preview.getByTestId('reconcile-recomputed').textContent()
  expect(reportedTotal).not.toBe(recomputedTotal)
  // the file's PUE (1.0) is the ledger's: the whole difference is the grid intensity
  const reasons = preview.getByRole('list', { name: 'Main reasons' })
  await expect(reasons).toContainText(/Grid intensity: [−+][\d.]+ (g|mg) \(100% of the difference\)/)
  await expect(reasons).not.toContainText('PUE:')
  await expect(preview).toContainText(/the file used [\d.]+ g\/kWh for France \(FRA\), île-de-france; the ledger uses/)
  await card.screenshot({ path: 'tests/artifacts/reconcile-preview.png' })
  await card.getByRole('button', { name: 'Import 18 runs' }).click()
  await expect(card.getByText('Imported: 18 new, 0 updated, 0 unchanged, 0 rows skipped.')).toBeVisible()

  // The run detail: the file's figures and the ledger's side by side, the reason for the gap.
  await page.getByRole('link', { name: 'Runs', exact: true }).click()
  await page.getByRole('button', { name: RUN_TITLE }).click()
  const detail = page.getByRole('complementary', { name: 'Run details' })
  const reported = detail.getByRole('region', { name: 'What the file reported' })
  const table = reported.getByRole('table', { name: 'What the file reported' })
  await expect(table.getByRole('row', { name: /^Emissions/ })).toContainText('0.034 g')
  const ledgerKg = /^[\d.]+ \S+/.exec((await reported.getByTestId('reported-ledger-kg').textContent())!)![0]
  await expect(table.getByRole('row', { name: /^Grid intensity/ })).toContainText('84.9 g/kWh')
  await expect(table.getByRole('row', { name: /^PUE/ }).getByRole('cell')).toHaveText(['1', '1'])
  await expect(table.getByRole('row', { name: /^Location/ })).toContainText('France (FRA), île-de-france')
  const why = reported.getByRole('list', { name: 'Why they differ' })
  await expect(why).toContainText(
    /^Grid intensity: the file used 84\.88 g\/kWh for France \(FRA\), île-de-france; the ledger uses [\d.]+ g\/kWh \(France, 2024 yearly average; Carbon intensity of electricity generation \(Our World in Data\)\) \(100% of the gap\)$/
  )
  await expect(reported.getByTestId('reported-counted')).toContainText('The ledger counts its recomputed figure')
  await expect(detail.getByTestId('detail-emissions')).toHaveText(ledgerKg)
  await shot(page, 'reconcile-run-detail')
  await page.setViewportSize({ width: 1920, height: 1100 })
  await shot(page, 'reconcile-run-detail-1920')
  await page.setViewportSize({ width: 1024, height: 900 })

  // The lab counts the file's figure: the headline becomes the file's, both stay visible, the trace says so.
  await reported.getByRole('link', { name: 'Which figure the ledger counts' }).click()
  const setting = page.getByRole('form', { name: 'Which figure the ledger counts' })
  await setting.getByLabel('As measured and reported by the file').check()
  await setting.screenshot({ path: 'tests/artifacts/reconcile-setting.png' })
  await setting.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('The ledger now counts: As measured and reported by the file.')).toBeVisible()
  await page.getByRole('link', { name: 'Runs', exact: true }).click()
  await page.getByRole('button', { name: RUN_TITLE }).click()
  await expect(detail.getByTestId('detail-emissions')).toHaveText('0.034 g', { timeout: 20_000 })
  await expect(reported.getByTestId('reported-counted')).toContainText('The ledger counts the file’s figure (0.034 g)')
  await expect(reported.getByTestId('reported-ledger-kg')).toContainText(ledgerKg)
  await expect(detail.getByRole('table', { name: 'Computation' })).toContainText(
    'Emissions counted: as reported by the file (lab setting)'
  )
  await shot(page, 'reconcile-run-detail-counted')

  // In German, the same section.
  await page.getByLabel('Language').selectOption('de')
  const detailDe = page.getByRole('complementary', { name: 'Details des Laufs' })
  const reportedDe = detailDe.getByRole('region', { name: 'Was die Datei meldete' })
  await expect(reportedDe.getByRole('list', { name: 'Warum sie sich unterscheiden' })).toContainText(
    'Netzintensität: die Datei verwendet 84,88 g/kWh für France (FRA), île-de-france'
  )
  await shot(page, 'reconcile-run-detail-de')
})
