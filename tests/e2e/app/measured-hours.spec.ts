import { expect, type Page, test } from '@playwright/test'

const open = async (page: Page, db: string, route: string) => {
  await page.goto(`/?db=${db}#${route}`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 20_000 })
}

/**
 * An nvidia-smi log across 11:00 UTC on 10 March 2024: 60 W for the two minutes before, 600 W for the three after,
 * one sample every 10 s. Germany's hourly profile covers both hours, so the run's intensity weighs them by this energy.
 */
function powerLog(): string {
  const lines = ['timestamp, name, uuid, power.draw [W]']
  const start = Date.UTC(2024, 2, 10, 10, 58)
  for (let s = 0; s <= 300; s += 10) {
    const t = new Date(start + s * 1000).toISOString().replace('T', ' ').replace('Z', '').replace(/-/g, '/')
    lines.push(`${t}, NVIDIA H100 80GB HBM3, GPU-e2e, ${s < 120 ? 60 : 600} W`)
  }
  return `${lines.join('\n')}\n`
}

test("an nvidia-smi run's grid intensity is weighted by its measured power samples, in English and German", async ({
  page
}) => {
  const db = `e2e-measured-hours-${Date.now()}`
  await page.setViewportSize({ width: 1024, height: 900 })
  await open(page, db, '/settings')
  const lab = page.getByRole('form', { name: 'Lab defaults' })
  await lab.getByLabel('Default location given as').selectOption('zone')
  await lab.getByLabel('Search locations').fill('Germany')
  await lab.getByLabel('Location', { exact: true }).selectOption('zone:DE')
  await lab.getByRole('button', { name: 'Save lab defaults' }).click()
  await expect(page.getByText('Every run is computed with the current defaults and data.')).toBeVisible()

  await page.getByRole('link', { name: 'Import', exact: true }).click()
  await page
    .getByLabel('Choose files to import')
    .setInputFiles({ name: 'hour-boundary.csv', mimeType: 'text/csv', buffer: Buffer.from(powerLog()) })
  await page.getByRole('button', { name: 'Import 1 run', exact: true }).click()
  await expect(page.getByText(/^Imported: 1 new/)).toBeVisible()

  await page.getByRole('link', { name: 'Runs', exact: true }).click()
  await page.getByRole('button', { name: 'nvidia-smi power log hour-boundary.csv' }).first().click()
  const detail = page.getByRole('complementary', { name: 'Run details' })
  const trace = detail.getByRole('table', { name: 'Computation' })
  await expect(trace).toContainText(
    "mean of the hourly profile over the run's hours, weighted by the run's measured power samples"
  )
  // Germany (DE-LU) 2024: 158 g/kWh at 10:00 UTC, 159.9 at 11:00. The log put 2.75 Wh before 11:00 (60 W, then the
  // ramp to 600 W) and 30 Wh after: (2.75 × 158 + 30 × 159.9) / 32.75 = 159.7405 (uniform power would give 159.14).
  await expect(trace.getByRole('row', { name: /^Grid intensity/ })).toContainText('159.7405')
  await trace.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'tests/artifacts/measured-hours-detail-1024.png', fullPage: true })
  await page.setViewportSize({ width: 1920, height: 1000 })
  await page.screenshot({ path: 'tests/artifacts/measured-hours-detail-1920.png', fullPage: true })

  await page.getByLabel('Language').selectOption('de')
  const german = page
    .getByRole('complementary', { name: 'Details des Laufs' })
    .getByRole('table', { name: 'Berechnung' })
  await expect(german).toContainText(
    'Mittel des Stundenprofils über die Stunden des Laufs, gewichtet mit den gemessenen Leistungswerten des Laufs'
  )
  await german.screenshot({ path: 'tests/artifacts/measured-hours-trace-de.png' })
})

test("the run form shows the intensity of the run's hours, the figure the ledger then stores", async ({ page }) => {
  await open(page, `e2e-form-hours-${Date.now()}`, '/')
  await page.getByRole('link', { name: 'Add run' }).click()
  await page.getByLabel('Title', { exact: true }).fill('Two hours in Germany')
  await page.getByLabel('Start (UTC)').fill('2024-03-10T10:00')
  await page.getByLabel('Duration (hours)').fill('2')
  await page.getByLabel('Power override (W)').fill('300')
  await page.getByLabel('Location given as').selectOption('zone')
  await page.getByLabel('Search locations').fill('Germany')
  await page.getByLabel('Location', { exact: true }).selectOption('zone:DE')
  // DE-LU 2024 at 10:00 and 11:00 UTC: (158 + 159.9) / 2 = 158.95 g/kWh (Germany's 2024 yearly average: 341)
  const result = page.getByRole('complementary', { name: 'Result' })
  const intensity = result
    .getByRole('term')
    .filter({ hasText: /^Grid intensity/ })
    .locator('xpath=following-sibling::dd[1]')
  await expect(intensity).toHaveText('159')
  await page.getByRole('button', { name: 'Save run' }).click()
  const trace = page.getByRole('complementary', { name: 'Run details' }).getByRole('table', { name: 'Computation' })
  const row = trace.getByRole('row', { name: /^Grid intensity/ })
  await expect(row).toContainText("mean of the hourly profile over the run's hours")
  await expect(row).toContainText('158.95')
})
