import { expect, type Page, test } from '@playwright/test'
import { shotsAt } from '../harness/shots'

// Issue 16 A: forms that say their limits in the app's language, one location picker, unknown routes, page notices.
const open = async (page: Page, db: string, route = '/') => {
  await page.goto(`/?db=${db}-${Date.now()}#${route}`)
  await expect(page.getByRole('navigation').first()).toBeVisible({ timeout: 20_000 })
}

test('run form in German: limits at their fields, in German, and the input keeps to the limit', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 900 })
  await open(page, 'e2e-forms-de', '/runs/new')
  await page.getByLabel('Language').selectOption('de')
  await expect(page.getByRole('heading', { name: 'Lauf erfassen' })).toBeVisible()
  const title = page.getByLabel('Titel', { exact: true })
  await expect(title).toHaveAttribute('maxlength', '500')
  await title.fill('x'.repeat(600))
  await expect(title).toHaveValue('x'.repeat(500))
  const tags = page.getByLabel('Schlagwörter (durch Komma getrennt)')
  await tags.fill(`basis, ${'t'.repeat(101)}`)
  await page.getByRole('button', { name: 'Lauf speichern' }).click()
  await expect(tags).toHaveAttribute('aria-invalid', 'true')
  await expect(tags).toHaveAccessibleDescription('Höchstens 100 Zeichen.')
  await expect(page.getByText(/Too big|expected string/)).toHaveCount(0)
  await shotsAt(page, 'forms-de-limits', { german: false })
})

test('lab default location: countries named and sorted in German, the choice shown whole', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1000 })
  await open(page, 'e2e-forms-loc', '/settings')
  await page.getByLabel('Language').selectOption('de')
  const lab = page.getByRole('form', { name: 'Standardwerte der Gruppe' })
  await lab.getByLabel('Standard-Standort angeben als').selectOption('country')
  const choice = lab.getByLabel('Standort', { exact: true })
  await expect(choice.locator('option', { hasText: 'Deutschland' })).toHaveCount(1)
  const names = (await choice.locator('option').allInnerTexts()).slice(1).map((o) => o.replace(/ \(.*\)$/, ''))
  expect(names.length).toBeGreaterThan(100)
  expect(names).toEqual([...names].sort(new Intl.Collator('de').compare))
  await lab.getByLabel('Standorte durchsuchen').fill('Österreich')
  await choice.selectOption({ label: (await choice.locator('option', { hasText: 'Österreich' }).innerText()).trim() })
  const box = await choice.boundingBox()
  expect(box?.width ?? 0).toBeGreaterThan(400)
  await shotsAt(page, 'forms-de-settings-location', { german: false })
})

test('one location picker in the run form: cloud regions with their city, searchable; hardware by vendor', async ({
  page
}) => {
  await open(page, 'e2e-forms-cloud', '/runs/new')
  await page.getByLabel('Location given as').selectOption('cloud')
  const location = page.getByLabel('Location', { exact: true })
  await expect(location).toBeEnabled()
  await page.getByLabel('Search locations').fill('frankfurt')
  // Every region found is named with its city; the list holds cloud regions only.
  const regions = (await location.locator('option').allInnerTexts()).slice(1)
  expect(regions.length).toBeGreaterThan(0)
  for (const region of regions) expect(region).toMatch(/Frankfurt/)
  const aws = regions.find((r) => r.startsWith('AWS eu-central-1'))
  expect(aws).toBeDefined()
  await location.selectOption({ label: aws! })
  expect((await location.boundingBox())?.width ?? 0).toBeGreaterThan(300)

  const model = page.getByLabel('Model', { exact: true }).first()
  await expect(model).toBeEnabled()
  const vendors = await model.locator('optgroup').evaluateAll((groups) => groups.map((g) => g.getAttribute('label')))
  // A GPU's models, under their vendors.
  expect(vendors).toEqual(expect.arrayContaining(['AMD', 'NVIDIA']))
  await expect(model.locator('optgroup[label="NVIDIA"] option', { hasText: /^NVIDIA H100/ }).first()).toBeAttached()
  await shotsAt(page, 'forms-location-cloud')
})

test('unknown routes lead somewhere useful', async ({ page }) => {
  await open(page, 'e2e-routes', '/add')
  await expect(page.getByRole('heading', { name: 'Add a run' })).toBeVisible()
  expect(page.url()).toContain('#/runs/new')
  await page.goto(page.url().replace(/#.*$/, '#/dashboard'))
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  expect(page.url()).toMatch(/#\/$/)
  await page.goto(page.url().replace(/#.*$/, '#/nowhere'))
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('/nowhere')
  await page.getByRole('main').getByRole('link', { name: 'Runs' }).click()
  await expect(page.getByRole('heading', { name: 'Runs', level: 1 })).toBeVisible()
})

test('a notice stays with the page that raised it', async ({ page }) => {
  await open(page, 'e2e-notices', '/runs/new')
  await page.getByLabel('Title', { exact: true }).fill('notice check')
  await page.getByLabel('Duration (hours)').fill('1')
  await page.getByLabel('Power override (W)').fill('300')
  await page.getByRole('button', { name: 'Save run' }).click()
  const notice = page.getByRole('status').filter({ hasText: 'Run saved.' })
  await expect(notice).toBeVisible()
  await expect(notice.getByRole('button', { name: 'Undo' })).toBeVisible()
  // A language switch while it stands: the notice speaks the new language too.
  await page.getByLabel('Language', { exact: true }).selectOption('de')
  const hinweis = page.getByRole('status').filter({ hasText: 'Lauf gespeichert.' })
  await expect(hinweis.getByRole('button', { name: 'Rückgängig' })).toBeVisible()
  await page.screenshot({ path: 'tests/artifacts/notice-after-switch-de.png' })
  await page.getByLabel('Sprache', { exact: true }).selectOption('en')
  await expect(notice).toBeVisible()
  await page.getByRole('navigation').first().getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await expect(page.getByText('Run saved.')).toHaveCount(0)
})

test('dashboard: one unit per row, a small total never reads as 0 tree-months, market-based says its source', async ({
  page
}) => {
  await page.setViewportSize({ width: 1024, height: 900 })
  await open(page, 'e2e-dash-wording', '/runs/new')
  // 10 W for 1 h at 100 g/kWh, PUE 1: 1 g of CO2e, a small fraction of a tree-month.
  await page.getByLabel('Duration (hours)').fill('1')
  await page.getByLabel('Power override (W)').fill('10')
  await page.getByLabel('Location given as').selectOption('custom')
  await page.getByLabel('Intensity (g CO2e/kWh)').fill('100')
  await page.getByLabel('PUE').fill('1')
  await page.getByRole('button', { name: 'Save run' }).click()
  // Saving opens the runs with the new one; a click on Dashboard before that would be overtaken by it.
  await expect(page.getByText('1 run', { exact: true })).toBeVisible()
  await page.getByRole('navigation').first().getByRole('link', { name: 'Dashboard' }).click()
  const rows = page.getByRole('main').locator('dl.totals')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0).getByRole('term')).toHaveText(['Location-based', 'Market-based', 'Embodied'])
  await expect(rows.nth(1).getByRole('term')).toHaveText(['Energy', 'Runs'])
  for (const figure of await rows.nth(0).locator('.figure').allInnerTexts()) expect(figure).toMatch(/ (g|kg|t)$/)
  await expect(rows.nth(0).getByText(/contractual instruments/)).toBeVisible()
  const trees = page.getByText(/tree-months of absorption/)
  await expect(trees).toBeVisible()
  await expect(trees).not.toHaveText(/^0 tree-months/)
  await page.getByLabel('Language').selectOption('de')
  await expect(page.getByText(/Baum-Monate/)).not.toHaveText(/: 0 Baum-Monate/)
  await page.screenshot({ path: 'tests/artifacts/dashboard-wording-de-1024.png', fullPage: true })
  await page.setViewportSize({ width: 1920, height: 1000 })
  await page.screenshot({ path: 'tests/artifacts/dashboard-wording-de-1920.png', fullPage: true })
})

test('report scope over many long project names: search, select the shown, nothing wider than the screen', async ({
  page
}) => {
  await page.setViewportSize({ width: 1024, height: 900 })
  await open(page, 'e2e-scope', '/projects')
  const long = (i: number) => `Project ${String(i).padStart(2, '0')} ${'with a very long descriptive name '.repeat(5)}`
  for (let i = 1; i <= 24; i++) {
    await page.getByLabel('New project name').fill(i % 8 === 0 ? `Vision ${i}` : long(i))
    await page.getByRole('button', { name: 'Create project' }).click()
    await expect(page.getByText(`Project ${i % 8 === 0 ? `Vision ${i}` : long(i).trim()} created.`)).toBeVisible()
  }
  await page.getByRole('navigation').first().getByRole('link', { name: 'Reports' }).click()
  await page.getByRole('radio', { name: 'Some projects' }).check()
  const list = page.getByRole('list', { name: 'Projects in the report' })
  await expect(list.getByRole('checkbox')).toHaveCount(24)
  // A long name wraps beside its box; it does not squeeze the box away.
  expect((await list.getByRole('checkbox').first().boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(10)
  await page.getByLabel('Search Projects in the report').fill('vision')
  await expect(list.getByRole('checkbox')).toHaveCount(3)
  await page.getByRole('button', { name: 'Select the 3 shown' }).click()
  await expect(page.getByText('3 of 24 chosen')).toBeVisible()
  await page.getByLabel('Search Projects in the report').fill('')
  await expect(list.getByRole('checkbox', { checked: true })).toHaveCount(3)
  await expect(list.getByRole('checkbox', { name: 'Vision 16' })).toBeChecked()
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(1024)
  await shotsAt(page, 'reports-scope-long')
})

test('import page at 1,024 px: the preview of a real CodeCarbon file fits the screen', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 900 })
  await open(page, 'e2e-import-width', '/import')
  await page
    .getByLabel('Choose files to import')
    .setInputFiles('tests/fixtures/import/codecarbon/codecarbon-repo-sample.csv')
  const card = page.getByRole('region', { name: 'codecarbon-repo-sample.csv', exact: true })
  await expect(card.getByRole('button', { name: 'Import 18 runs' })).toBeVisible({ timeout: 30_000 })
  await card.getByText('18 runs in the file').click()
  await expect(card.getByRole('table', { name: 'Runs in codecarbon-repo-sample.csv' })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024)
  await shotsAt(page, 'import-preview')
})

test('a 200-character project name does not widen the runs page', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 900 })
  await open(page, 'e2e-move-long', '/projects')
  const name = `Long ${'x'.repeat(190)} end`
  await page.getByLabel('New project name').fill(name)
  await page.getByRole('button', { name: 'Create project' }).click()
  await page.getByRole('navigation').first().getByRole('link', { name: 'Runs' }).click()
  const target = page.getByRole('combobox', { name: 'Move to project' })
  await target.fill('long')
  await page.getByRole('listbox').getByRole('option', { name }).click()
  await expect(target).toHaveValue(name)
  expect((await target.boundingBox())?.width ?? 0).toBeLessThanOrEqual(400)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024)
  await shotsAt(page, 'runs-move-long')
})
