import { expect, type Page, test } from '@playwright/test'

// A cluster's accounting export goes in through the file input like any import; its jobs become runs, and the
// dashboard's waste section counts the failed, timed-out and out-of-memory ones.
const open = async (page: Page, route = '/import') => {
  await page.goto(`/?db=e2e-slurm-${Date.now()}#${route}`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 20_000 })
}

test('import a sacct export: one run per job, then its waste on the dashboard', async ({ page }) => {
  await open(page)
  await page.getByLabel('Choose files to import').setInputFiles('tests/fixtures/import/slurm/sacct-energy-gpu.psv')
  const card = page.getByRole('region', { name: 'sacct-energy-gpu.psv', exact: true })
  // 38 rows: 12 jobs with their steps; the two that never started make no run
  await expect(card.getByTestId('import-counts')).toHaveText(
    '10 runs found in 38 rows: 10 new, 0 updated, 0 unchanged.'
  )
  await expect(card.getByText('Slurm accounting (sacct)', { exact: true })).toBeVisible()
  // in the preview's folded list of warnings
  await expect(card.getByText('2 job(s) never started')).toBeAttached()
  await card.getByRole('button', { name: 'Import 10 runs' }).click()
  await expect(card.getByText('Imported: 10 new, 0 updated, 0 unchanged, 0 rows skipped.')).toBeVisible()

  await page.getByRole('link', { name: 'Runs', exact: true }).click()
  await expect(page).toHaveURL(/#\/runs/)
  await expect(page.getByText('10 runs', { exact: true })).toBeVisible()
  await expect(page.getByText('pretrain-7b')).toBeVisible()

  await page.goto(page.url().replace(/#.*$/, '#/?period=quarter&start=2025-01'))
  await expect(page.getByRole('heading', { name: 'Totals for Q1 2025' })).toBeVisible()
  const waste = page.getByRole('region', { name: 'Waste: unsuccessful jobs and idle GPUs' })
  await expect(waste.getByLabel('Unsuccessful jobs')).toContainText('3 runs')
  // the 2-day, 8-GPU TIMEOUT job alone measured 249.6 kWh
  await expect(waste.getByLabel('Unsuccessful jobs')).toContainText('kWh')
  const table = waste.getByRole('table', { name: 'Waste per person and project' })
  await expect(table.getByRole('row', { name: /Person: anna/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /Person: ben/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /Project: vision/ })).toBeVisible()
  await page.screenshot({ path: 'tests/artifacts/slurm-waste.png', fullPage: true })
})
