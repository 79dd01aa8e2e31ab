import { expect, type Page, test } from '@playwright/test'

const open = async (page: Page, db: string, route: string) => {
  await page.goto(`/?db=${db}-${Date.now()}#${route}`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 20_000 })
}
const shot = (page: Page, name: string) => page.screenshot({ path: `tests/artifacts/${name}.png`, fullPage: true })
// A real H100 log of November 2026 (the dashboard's current quarter while this was written is found from the run).
const H100 = 'tests/fixtures/import/nvidia-smi/h100-training-power.csv'

/** The dashboard's market-based key figure: its value and the note naming where it comes from. */
const marketTotal = (page: Page) =>
  page
    .locator('.total')
    .filter({ has: page.getByRole('term').filter({ hasText: /^Market-based$/ }) })
    .first()

test('a certificate added in Settings changes the market-based figure, which names it; delete is undone', async ({
  page
}) => {
  await page.setViewportSize({ width: 1024, height: 900 })
  await open(page, 'e2e-instruments', '/settings')
  // The lab's machines are in Germany, so the run's place matches a German certificate.
  const lab = page.getByRole('form', { name: 'Lab defaults' })
  await lab.getByLabel('Default location given as').selectOption('country')
  await lab.getByLabel('Location', { exact: true }).selectOption('country:DEU')
  await lab.getByRole('button', { name: 'Save lab defaults' }).click()
  await expect(page.getByText('Every run is computed with the current defaults and data.')).toBeVisible()

  await page.getByRole('link', { name: 'Import', exact: true }).click()
  await page.getByLabel('Choose files to import').setInputFiles(H100)
  await page.getByRole('button', { name: 'Import 1 run', exact: true }).click()
  await expect(page.getByText(/^Imported: 1 new/)).toBeVisible()

  // The dashboard's period is the quarter of the run (November 2026).
  await page.goto(page.url().replace(/#.*$/, '#/?period=quarter&start=2026-11'))
  const before = marketTotal(page)
  await expect(before.getByRole('definition').first()).not.toHaveText('0 kg')
  const beforeText = await before.getByRole('definition').first().innerText()
  await expect(before).not.toContainText('GO-DE-2026-001')

  await page.getByRole('link', { name: 'Settings' }).click()
  const section = page.getByRole('region', { name: 'Contractual instruments' })
  const add = section.getByRole('form', { name: 'Add a certificate' })
  // Refused fields get their message where they are.
  await add.getByLabel('Volume (MWh)').fill('-1')
  await add.getByLabel('From month (YYYY-MM)').fill('2026-13')
  await add.getByRole('button', { name: 'Add a certificate' }).click()
  await expect(add.getByLabel('Volume (MWh)')).toHaveAttribute('aria-invalid', 'true')
  await expect(add.getByText('Enter a number above 0.')).toBeVisible()
  await expect(add.getByText('Enter a month as YYYY-MM, between 2000 and 2100.')).toBeVisible()
  await expect(add.getByLabel('Certificate id')).toHaveAttribute('aria-invalid', 'true')
  // 1 MWh of German guarantees of origin for 2026: more than the run used, so it is all covered at 0 g/kWh.
  await add.getByLabel('Type').selectOption('GO')
  await add.getByLabel('Volume (MWh)').fill('1')
  await add.getByLabel('Place (country or zone, e.g. DE, DEU, DE-LU)').fill('de')
  await add.getByLabel('From month (YYYY-MM)').fill('2026-01')
  await add.getByLabel('To month (YYYY-MM)').fill('2026-12')
  await add.getByLabel('Certificate id').fill('GO-DE-2026-001')
  await add.getByRole('button', { name: 'Add a certificate' }).click()
  await expect(section.getByText('GO GO-DE-2026-001: 1 MWh, DE, 0 g/kWh')).toBeVisible()
  await shot(page, 'instruments-settings-1024')

  await page.getByRole('link', { name: 'Dashboard' }).click()
  await page.goto(page.url().replace(/#.*$/, '#/?period=quarter&start=2026-11'))
  const after = marketTotal(page)
  await expect(after).toContainText('GO GO-DE-2026-001 (1 MWh, DE)')
  await expect(after.getByRole('definition').first()).toHaveText('0 kg')
  expect(beforeText).not.toBe('0 kg')
  await after.screenshot({ path: 'tests/artifacts/instruments-dashboard-market-1024.png' })

  // Deleting the certificate puts the market-based figure back; Undo restores the certificate.
  await page.getByRole('link', { name: 'Settings' }).click()
  await section.getByRole('button', { name: 'Remove GO GO-DE-2026-001: 1 MWh, DE, 0 g/kWh' }).click()
  await expect(section.getByText('GO GO-DE-2026-001: 1 MWh, DE, 0 g/kWh')).toHaveCount(0)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(section.getByText('GO GO-DE-2026-001: 1 MWh, DE, 0 g/kWh')).toBeVisible()

  // The section in German, at 1,024 px.
  await page.getByLabel('Language').selectOption('de')
  const de = page.getByRole('region', { name: 'Vertragliche Instrumente' })
  await expect(de.getByRole('heading', { name: 'Zertifikate und Herkunftsnachweise' })).toBeVisible()
  const addDe = de.getByRole('form', { name: 'Zertifikat hinzufügen' })
  await addDe.getByLabel('Ort (Land oder Zone, z. B. DE, DEU, DE-LU)').fill('x')
  await addDe.getByRole('button', { name: 'Zertifikat hinzufügen' }).click()
  await expect(de.getByText('Ländercode (DE, DEU) oder Zone (DE-LU) eingeben.').first()).toBeVisible()
  await de.scrollIntoViewIfNeeded()
  await shot(page, 'instruments-settings-de-1024')
  await de.screenshot({ path: 'tests/artifacts/instruments-section-de-1024.png' })
})
