import { expect, type Page, test } from '@playwright/test'

const open = async (page: Page, db: string, route: string) => {
  await page.goto(`/?db=${db}-${Date.now()}#${route}`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 20_000 })
}
const shot = (page: Page, name: string) => page.screenshot({ path: `tests/artifacts/${name}.png`, fullPage: true })
// A real H100 log of November 2026.
const H100 = 'tests/fixtures/import/nvidia-smi/h100-training-power.csv'
const marketTotal = (page: Page, name: RegExp) =>
  page
    .locator('.total')
    .filter({ has: page.getByRole('term').filter({ hasText: name }) })
    .first()

test("a run's market-based figure is its share of the lab's instruments, explained in German; places are checked", async ({
  page
}) => {
  await page.setViewportSize({ width: 1024, height: 900 })
  await open(page, 'e2e-market-run', '/')
  // An empty ledger: no note about where a market-based figure would come from.
  await expect(page.getByText('No runs in this period yet.')).toBeVisible()
  await expect(marketTotal(page, /^Market-based$/).locator('.note')).toHaveCount(0)

  await page.getByRole('link', { name: 'Settings' }).click()
  const lab = page.getByRole('form', { name: 'Lab defaults' })
  await lab.getByLabel('Default location given as').selectOption('country')
  await lab.getByLabel('Location', { exact: true }).selectOption('country:DEU')
  await lab.getByRole('button', { name: 'Save lab defaults' }).click()
  await expect(page.getByText('Every run is computed with the current defaults and data.')).toBeVisible()
  // The run form names what a run without a location takes: the lab's default, Germany.
  await page.getByRole('link', { name: 'Add run' }).click()
  await expect(page.getByLabel('Location given as').locator('option:checked')).toHaveText('The lab’s default (Germany)')
  await page.getByRole('link', { name: 'Settings' }).click()

  const section = page.getByRole('region', { name: 'Contractual instruments' })
  // A supplier factor for a place no location answers to is refused at its field.
  const supplier = section.getByRole('form', { name: 'Add a supplier factor' })
  await supplier.getByLabel('Place (country or zone, e.g. DE, DEU, DE-LU)').fill('Atlantis')
  await supplier.getByLabel('From month (YYYY-MM)').fill('2026-01')
  await supplier.getByLabel('To month (YYYY-MM)').fill('2026-12')
  await supplier.getByLabel('Factor (gCO2e/kWh)').fill('100')
  await supplier.getByLabel('Source').fill('Contract 2026')
  await supplier.getByRole('button', { name: 'Add a supplier factor' }).click()
  await expect(
    supplier.getByText('“ATLANTIS” is not a known country, zone or grid zone.', { exact: false })
  ).toBeVisible()
  await expect(supplier.getByLabel('Place (country or zone, e.g. DE, DEU, DE-LU)')).toHaveAttribute(
    'aria-invalid',
    'true'
  )
  await expect(section.getByText('None. No residual mix is bundled with the app.')).toBeVisible()

  // The lab enters Germany's residual mix for 2026 with its source.
  const residual = section.getByRole('form', { name: 'Add a residual-mix factor' })
  await residual.getByLabel('Place (country or zone, e.g. DE, DEU, DE-LU)').fill('DE')
  await residual.getByLabel('Year').fill('2026')
  await residual.getByLabel('Factor (gCO2e/kWh)').fill('650')
  await residual.getByLabel('Source').fill('AIB European Residual Mix 2026')
  await residual.getByRole('button', { name: 'Add a residual-mix factor' }).click()
  await expect(section.getByText('DE 2026 residual mix 650 g/kWh (AIB European Residual Mix 2026)')).toBeVisible()
  // Saving an instrument recomputes no run (there are none yet, and the status stays settled).
  await expect(page.getByText('Every run is computed with the current defaults and data.')).toBeVisible()

  await page.getByRole('link', { name: 'Import', exact: true }).click()
  await page.getByLabel('Choose files to import').setInputFiles(H100)
  await page.getByRole('button', { name: 'Import 1 run', exact: true }).click()
  await expect(page.getByText(/^Imported: 1 new/)).toBeVisible()

  // The dashboard: charts and their tables in g for a total of a few grams, like the cards; the note names the mix.
  await page.goto(page.url().replace(/#.*$/, '#/?period=year&start=2026-01'))
  await expect(page.getByRole('heading', { name: 'Totals for 2026' })).toBeVisible()
  await expect(page.getByRole('img', { name: /per month, g CO2e$/ })).toBeVisible()
  await expect(page.getByRole('img', { name: 'By location, g CO2e' })).toBeVisible()
  const market = marketTotal(page, /^Market-based$/)
  await expect(market).toContainText('residual mix 650 g/kWh (AIB European Residual Mix 2026 2026)')
  const dashboardMarket = (await market.getByRole('definition').first().innerText()).trim()
  await shot(page, 'market-run-dashboard-1024')

  // The Dashboard link from another screen keeps the year chosen, rather than jumping to the current quarter.
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('link', { name: 'Dashboard' }).click()
  await expect(page.getByRole('heading', { name: 'Totals for 2026' })).toBeVisible()

  // The run detail in German: its market-based figure is its share of the instruments (the dashboard's, as it is
  // the only run), with the sentence saying so; the reference data's embodied note is in German.
  await page.getByLabel('Language').selectOption('de')
  await page.getByRole('link', { name: 'Läufe', exact: true }).click()
  await page.getByRole('button', { name: 'nvidia-smi power log h100-training-power.csv' }).click()
  const detail = page.getByRole('complementary', { name: 'Details des Laufs' })
  await expect(detail.getByTestId('detail-market-note')).toHaveText(
    /^Sein Anteil an den vertraglichen Instrumenten des Labors/
  )
  const runMarket = (await detail.getByTestId('detail-market').innerText()).trim()
  expect(runMarket).not.toBe((await detail.getByTestId('detail-emissions').innerText()).trim())
  await expect(detail.getByRole('table', { name: 'Berechnung' })).toContainText('additional_gpus eines GPU-Servers')
  await expect(detail.getByRole('table', { name: 'Berechnung' })).not.toContainText('divided by its GPU count')
  await shot(page, 'market-run-detail-de-1024')
  await page.setViewportSize({ width: 1920, height: 1000 })
  await shot(page, 'market-run-detail-de-1920')
  // The German dashboard reads the same market-based figure (one run: its share is the whole).
  await page.getByRole('link', { name: 'Übersicht' }).click()
  await expect(page.getByRole('heading', { name: 'Summen für 2026' })).toBeVisible()
  const deMarket = marketTotal(page, /^Marktbasiert$/)
  await expect(deMarket).toContainText('Residualmix 650 g/kWh')
  expect(runMarket.replace(',', '.')).toBe(dashboardMarket)
  await shot(page, 'market-run-dashboard-de-1920')
})
