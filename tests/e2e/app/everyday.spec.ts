import { expect, type Page, test } from '@playwright/test'

// Issue 16 A (everyday use): each test opens its own ledger database (?db=…) and works as a user would.
const open = async (page: Page, db: string, route = '/import') => {
  await page.goto(`/?db=${db}-${Date.now()}#${route}`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 20_000 })
}
const shot = (page: Page, name: string) => page.screenshot({ path: `tests/artifacts/${name}.png`, fullPage: true })
const fixture = (path: string) => `tests/fixtures/import/${path}`
const SAMPLE = fixture('codecarbon/codecarbon-repo-sample.csv')
const card = (page: Page, file: string) => page.getByRole('region', { name: file, exact: true })

test('"Import all" takes only the latest pick; the dashboard opens on the imported runs\' period', async ({ page }) => {
  await open(page, 'e2e-import-all')
  const chooser = page.getByLabel('Choose files to import')
  await chooser.setInputFiles([fixture('nvidia-smi/multi-gpu.csv'), fixture('nvidia-smi/rate-change.csv')])
  // The first read loads the reference data: on a busy machine that takes a while.
  await expect(card(page, 'multi-gpu.csv').getByRole('button', { name: /^Import \d+ runs?$/ })).toBeVisible({
    timeout: 30_000
  })
  await expect(card(page, 'rate-change.csv').getByRole('button', { name: /^Import \d+ runs?$/ })).toBeVisible()

  // A second pick: its two files are the selection now; the earlier previews stay on the page, not imported.
  await chooser.setInputFiles([SAMPLE, fixture('nvidia-smi/gap.csv')])
  await expect(card(page, 'gap.csv').getByRole('button', { name: /^Import \d+ runs?$/ })).toBeVisible()
  await expect(card(page, 'codecarbon-repo-sample.csv').getByRole('button', { name: 'Import 21 runs' })).toBeVisible()
  await page.getByRole('button', { name: 'Import all: 2 files' }).click()
  await expect(card(page, 'codecarbon-repo-sample.csv').getByText(/^Imported: 21 new/)).toBeVisible()
  await expect(card(page, 'gap.csv').getByText(/^Imported: 1 new/)).toBeVisible()
  await expect(card(page, 'multi-gpu.csv').getByRole('button', { name: /^Import \d+ runs?$/ })).toBeVisible()
  await expect(card(page, 'rate-change.csv').getByRole('button', { name: /^Import \d+ runs?$/ })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Past imports' }).getByRole('row')).toHaveCount(3)
  await shot(page, 'import-all-latest-pick')

  // The sample's runs are from May 2024: the dashboard opens on Q2 2024 and counts them.
  await card(page, 'codecarbon-repo-sample.csv').getByRole('link', { name: 'Open the dashboard' }).click()
  await expect(page.getByRole('heading', { name: 'Totals for Q2 2024' })).toBeVisible()
  const runsTotal = page.locator('.total').filter({ has: page.getByRole('term').getByText('Runs', { exact: true }) })
  await expect(runsTotal.getByRole('definition').first()).toHaveText('21')
})
