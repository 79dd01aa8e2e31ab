import { expect, test } from '@playwright/test'

const shot = (page: import('@playwright/test').Page, name: string) =>
  page.screenshot({ path: `tests/artifacts/${name}.png`, fullPage: true })

test('in German: countries named, sorted and found in German; the runs table and its filter; the planner in German', async ({
  page
}) => {
  await page.goto('/?db=e2e-german-display#/runs/new')
  await page.getByLabel('Language').selectOption('de')
  await expect(page.getByRole('heading', { name: 'Lauf erfassen' })).toBeVisible()
  // At 1,024 px the German navigation keeps to one line, the language choice beside it.
  await page.setViewportSize({ width: 1024, height: 768 })
  const links = page.getByRole('navigation', { name: 'Hauptmenü' }).getByRole('link')
  await expect(links).toHaveCount(9)
  const [first, last, language] = await Promise.all([
    links.first().boundingBox(),
    links.last().boundingBox(),
    page.getByLabel('Sprache', { exact: true }).boundingBox()
  ])
  expect(last!.y).toBe(first!.y)
  expect(last!.x + last!.width).toBeLessThan(language!.x)
  expect(language!.x + language!.width).toBeLessThanOrEqual(1024)
  await page.screenshot({ path: 'tests/artifacts/nav-de-1024.png' })
  await expect(page.getByRole('group', { name: 'Angaben zum Lauf' })).toBeVisible()
  await page.getByLabel('Projekt', { exact: true }).fill('Vision')
  await page.getByLabel('Titel', { exact: true }).fill('Land-Lauf')
  await page.getByLabel('Dauer (Stunden)').fill('10')
  await page.getByLabel('Eigene Leistung (W)').fill('300')
  await page.getByLabel('Standort angeben als').selectOption('country')
  const location = page.getByLabel('Standort', { exact: true })
  await expect(location).toBeEnabled()
  // Every country, by its German name: Afghanistan first (not Aruba), Deutschland in the list without searching.
  await expect(location.locator('option').nth(1)).toHaveText(/^Afghanistan \(/)
  await expect(location.locator('option', { hasText: /^Deutschland \(/ })).toHaveCount(1)
  await page.getByLabel('Standorte durchsuchen').fill('Deutschland')
  await expect(location.locator('option').nth(1)).toHaveText(/^Deutschland \(/)
  await location.selectOption('country:DEU')
  await page.getByRole('button', { name: 'Lauf speichern' }).click()

  const table = page.getByRole('table', { name: 'Tabelle der Läufe' })
  await expect(table.getByRole('row').nth(1)).toContainText('Deutschland')
  await page.getByLabel('Standort', { exact: true }).fill('deutsch')
  await expect(table.getByRole('button', { name: 'Land-Lauf' })).toBeVisible()
  await shot(page, 'runs-table-de')

  await page.goto('/?db=e2e-german-display#/compare')
  const shift = page.getByRole('region', { name: 'Zeitverschiebung', exact: true })
  const plans = shift.getByRole('table', { name: 'Strategien der Zeitverschiebung in DE-LU' })
  await expect(plans.getByRole('rowheader', { name: 'Flexibler Start, W = 24 h' })).toBeVisible()
  await expect(
    plans
      .getByRole('row', { name: /Flexibler Start, W = 24 h/ })
      .getByRole('cell')
      .nth(4)
  ).toHaveText(/^\d\d\.03\.2024, \d\d:00 UTC$/)
  await shot(page, 'compare-de')
})
