import { expect, type Locator, type Page, test } from '@playwright/test'

// Fixes from the new-user test. Each test opens its own ledger database (?db=…).
const open = async (page: Page, db: string, route = '/') => {
  await page.goto(`/?db=${db}-${Date.now()}#${route}`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 20_000 })
}
const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: `tests/artifacts/${name}.png`, fullPage })

/** 300 W for 100 h at a custom 566.3 g/kWh, PUE 1: 30 kWh and 16.989 kg (the mlco2 check of docs/methodology.md §2). */
const fillRun = async (page: Page, title: string, project: string, start = '2025-03-10T09:00') => {
  await page.getByRole('link', { name: 'Add run' }).click()
  await expect(page.getByRole('heading', { name: 'Add a run' })).toBeVisible()
  await page.getByLabel('Project', { exact: true }).fill(project)
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByLabel('Start (UTC)').fill(start)
  await page.getByLabel('Duration (hours)').fill('100')
  await page.getByLabel('Power override (W)').fill('300')
  await page.getByLabel('Location given as').selectOption('custom')
  await page.getByLabel('Intensity (g CO2e/kWh)').fill('566.3')
  await page.getByLabel('PUE').fill('1')
}

/**
 * Reads a description list as the eye does: each term with the definition drawn on its line. A term must sit on the
 * same line as the top of its definition, not merely next to it in the DOM (the bug was a hidden term that shifted
 * the grid so every later label sat next to the previous value).
 */
const readPairs = async (list: Locator): Promise<Record<string, string>> => {
  const terms = list.getByRole('term')
  const definitions = list.getByRole('definition')
  const count = await terms.count()
  expect(await definitions.count()).toBe(count)
  const pairs: Record<string, string> = {}
  for (let i = 0; i < count; i++) {
    const term = terms.nth(i)
    const definition = definitions.nth(i)
    const [termBox, defBox] = [await term.boundingBox(), await definition.boundingBox()]
    expect(termBox, `term ${i} is drawn`).not.toBeNull()
    expect(defBox, `definition ${i} is drawn`).not.toBeNull()
    const termMiddle = termBox!.y + termBox!.height / 2
    expect(termMiddle, `“${await term.innerText()}” sits on its value's line`).toBeGreaterThan(defBox!.y)
    expect(termMiddle).toBeLessThan(defBox!.y + defBox!.height)
    pairs[(await term.innerText()).trim()] = (await definition.innerText()).replace(/\s+/g, ' ').trim()
  }
  return pairs
}

test('run form result: every label sits with its own value', async ({ page }) => {
  await open(page, 'e2e-ux-form')
  await fillRun(page, 'LLaMA fine-tune', 'thesis')
  const result = page.getByRole('complementary', { name: 'Result' })
  await expect(result.getByTestId('result-emissions')).toHaveText('16.99 kg')
  const pairs = await readPairs(result.getByRole('definition').first().locator('xpath=ancestor::dl'))
  expect(pairs['Location-based']).toBe('16.99 kg range 13 kg – 22.57 kg')
  expect(pairs['Market-based']).toBe('16.99 kg')
  expect(pairs['Energy']).toBe('30 kWh')
  expect(pairs['PUE']).toBe('1')
  expect(pairs['Grid intensity (g CO2e/kWh)']).toBe('566')
  expect(pairs['Method']).toBe('estimated from power')
  await shot(page, 'ux-form-result', false)
})

test('run detail: keyboard opens it on its heading, Esc closes it back to the row; the headline comes first', async ({
  page
}) => {
  await open(page, 'e2e-ux-detail')
  await fillRun(page, 'Keyboard run', 'kbd')
  await page.getByRole('button', { name: 'Save run' }).click()
  const detail = page.getByRole('complementary', { name: 'Run details' })
  await expect(detail).toBeVisible()
  const headline = detail.getByRole('definition').first().locator('xpath=ancestor::dl')
  // The market-based figure reads the lab's instruments (none here: equal to location-based, and it says so).
  await expect(detail.getByTestId('detail-market')).toBeVisible()
  const pairs = await readPairs(headline)
  expect(pairs).toEqual({
    'Location-based emissions': '16.99 kg range 13 kg – 22.57 kg',
    Energy: expect.stringMatching(/^30 kWh/),
    'Market-based': '16.99 kg range 13 kg – 22.57 kg'
  })
  await expect(detail.getByTestId('detail-market-note')).toHaveText(/^Equal to location-based: the lab records no/)
  // The headline sits above the computation table.
  const headlineBox = await headline.boundingBox()
  const traceBox = await detail.getByRole('table', { name: 'Computation' }).boundingBox()
  expect(headlineBox!.y).toBeLessThan(traceBox!.y)
  await shot(page, 'ux-detail-headline', false)

  const row = page.getByRole('table', { name: 'Runs table' }).getByRole('button', { name: 'Keyboard run' })
  await page.keyboard.press('Escape')
  await expect(detail).toBeHidden()
  await expect(row).toBeFocused()

  await page.keyboard.press('Enter')
  await expect(detail).toBeVisible()
  await expect(detail.getByRole('heading', { name: 'Run details' })).toBeFocused()
  await expect(detail.getByTestId('detail-emissions')).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(detail.getByRole('button', { name: 'Close' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(detail.getByRole('link', { name: 'Edit' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(detail).toBeHidden()
  await expect(row).toBeFocused()

  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(detail).toBeHidden()
  await expect(row).toBeFocused()
})

const SAMPLE = 'tests/fixtures/import/codecarbon/codecarbon-repo-sample.csv'
const importSample = async (page: Page) => {
  await page.getByRole('link', { name: 'Import', exact: true }).click()
  await page.getByLabel('Choose files to import').setInputFiles([SAMPLE])
  const card = page.getByRole('region', { name: 'codecarbon-repo-sample.csv', exact: true })
  await card.getByRole('button', { name: 'Import 18 runs' }).click()
  await expect(card.getByText('Imported: 18 new')).toBeVisible()
}

test('charts: value axes carry the unit of the cards (g CO2e for this tiny quarter) and long location names are not clipped (screenshot)', async ({
  page
}) => {
  await page.setViewportSize({ width: 1366, height: 900 })
  await open(page, 'e2e-ux-charts', '/import')
  await importSample(page)
  await page.goto(page.url().replace(/#.*$/, '#/?period=quarter&start=2024-04'))
  await expect(page.getByRole('heading', { name: 'Totals for Q2 2024' })).toBeVisible()
  // 0.157 g in the quarter (France's hours of 31 May 2024): the axes read g like the cards, not 0.0002 kg.
  await expect(page.locator('.total').first()).toContainText('0.157 g')
  await expect(page.getByRole('img', { name: 'By location, g CO2e' })).toBeVisible()
  await expect(page.getByRole('img', { name: /per month, g CO2e$/ })).toBeVisible()
  await page.waitForTimeout(300)
  await shot(page, 'ux-dashboard-charts')
})

test('a project page opens on the period of its latest run, not on an empty current quarter', async ({ page }) => {
  await open(page, 'e2e-ux-project', '/import')
  await importSample(page)
  await page.getByRole('link', { name: 'Projects' }).click()
  await page.getByRole('link', { name: 'Open codecarbon' }).click()
  await expect(page.getByRole('heading', { name: 'codecarbon' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Totals for Q2 2024' })).toBeVisible()
  await expect(page.getByText('No runs in this period yet.')).toBeHidden()
  await shot(page, 'ux-project-latest', false)
})

test('first-run dashboard offers Import and Add run; the unknown-location hint links to those runs', async ({
  page
}) => {
  await open(page, 'e2e-ux-dash')
  await expect(page.getByText('No runs in this period yet.')).toBeVisible()
  await shot(page, 'ux-dashboard-empty', false)
  await page.getByRole('link', { name: 'Import runs from files' }).click()
  await expect(page.getByRole('heading', { name: 'Import runs' })).toBeVisible()
  await page.goBack()
  await page.getByRole('link', { name: 'Add a run by hand' }).click()
  await expect(page.getByRole('heading', { name: 'Add a run' })).toBeVisible()

  await fillRun(page, 'Known place', 'p')
  await page.getByRole('button', { name: 'Save run' }).click()
  await expect(page.getByRole('complementary', { name: 'Run details' })).toBeVisible()
  await fillRun(page, 'Nowhere', 'p')
  await page.getByLabel('Location given as').selectOption('unknown')
  await page.getByRole('button', { name: 'Save run' }).click()
  await expect(page.getByText('2 runs')).toBeVisible()

  await page.goto(page.url().replace(/#.*$/, '#/?period=quarter&start=2025-01'))
  const hints = page.getByRole('region', { name: 'Uncertain figures' })
  await expect(hints).toContainText('1 run has no known location')
  await hints.getByRole('link', { name: 'Show these runs' }).click()
  await expect(page.getByRole('heading', { name: 'Runs' })).toBeVisible()
  await expect(page.getByText('1 run', { exact: true })).toBeVisible()
  const table = page.getByRole('table', { name: 'Runs table' })
  await expect(table.getByRole('button', { name: 'Nowhere' })).toBeVisible()
  await expect(table.getByRole('button', { name: 'Known place' })).toBeHidden()
  await expect(page.getByLabel('Location', { exact: true })).toHaveValue('unknown')
  await expect(page.getByLabel('From month')).toHaveValue('2025-01')
})

test('import: chosen names, runs listed as warnings number them, time zone per file, Import all, Close names', async ({
  page
}) => {
  await open(page, 'e2e-ux-import', '/import')
  await expect(page.getByTestId('import-chosen')).toHaveText('No file chosen yet.')
  await page
    .getByLabel('Choose files to import')
    .setInputFiles([SAMPLE, 'tests/fixtures/import/nvidia-smi/h100-training-power.csv'])
  await expect(page.getByTestId('import-chosen')).toHaveText(
    'Chosen: codecarbon-repo-sample.csv, h100-training-power.csv'
  )

  const h100 = page.getByRole('region', { name: 'h100-training-power.csv', exact: true })
  const sample = page.getByRole('region', { name: 'codecarbon-repo-sample.csv', exact: true })
  await expect(h100.getByTestId('import-counts')).toHaveText('1 run found in 323 rows: 1 new, 0 updated, 0 unchanged.')
  await expect(sample.getByTestId('import-counts')).toContainText('18 runs found')
  // The Close button's name contains what it shows.
  const close = h100.getByRole('button', { name: 'Close h100-training-power.csv' })
  await expect(close).toHaveText('Close')

  // The runs by the file row they come from (a power log is one run of every row: no single row), with the energy
  // the ledger will store: the measured IT energy times the PUE.
  const runs = h100.getByRole('table', { name: 'Runs in h100-training-power.csv' })
  await expect(runs.getByRole('row')).toHaveCount(2)
  await expect(runs.getByRole('columnheader')).toHaveText(['Row', 'Title', 'Start', 'Project', 'Energy to store'])
  const firstRun = runs.getByRole('row').nth(1).getByRole('cell')
  await expect(firstRun.first()).toHaveText('–')
  await expect(firstRun.nth(4)).toContainText('measured →')
  // More than ten runs start folded.
  await sample.getByText('18 runs in the file').click()
  const sampleRuns = sample.getByRole('table', { name: 'Runs in codecarbon-repo-sample.csv' })
  await expect(sampleRuns.getByRole('row')).toHaveCount(19)

  // Zone-less timestamps: read as UTC until the file's zone is chosen; the warning points at the choice.
  const zone = h100.getByLabel('Time zone of the file’s timestamps')
  await expect(zone.locator('option:checked')).toHaveText('UTC (assumed, not stated)')
  await expect(h100.getByText(/read as UTC.*Time zone of the file’s timestamps/)).toBeVisible()
  const startUtc = await firstRun.nth(2).innerText()
  await shot(page, 'ux-import-preview')
  await zone.selectOption({ label: 'UTC+02:00' })
  await expect(h100.getByTestId('import-counts')).toHaveText('1 run found in 323 rows: 1 new, 0 updated, 0 unchanged.')
  await expect(h100.getByText(/read as UTC/)).toBeHidden()
  const startLocal = await firstRun.nth(2).innerText()
  // 2 h east of UTC: the same wall-clock time is two hours earlier in UTC.
  const hour = (text: string) => Number(/(\d{1,2}):\d{2}/.exec(text)![1])
  expect((hour(startUtc) - hour(startLocal) + 24) % 24).toBe(2)

  await page.getByRole('button', { name: 'Import all: 2 files' }).click()
  await expect(h100.getByText('Imported: 1 new')).toBeVisible()
  await expect(sample.getByText('Imported: 18 new')).toBeVisible()
  await expect(page.getByRole('button', { name: /^Import all/ })).toHaveCount(0)
})

test('layout: one-line navigation at 1024 px; energy and CO2e stay visible with the detail open at 1366 px', async ({
  page
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await open(page, 'e2e-ux-layout')
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link')
  const tops = new Set<number>()
  for (const box of await Promise.all((await links.all()).map((l) => l.boundingBox()))) tops.add(Math.round(box!.y))
  expect([...tops], 'all navigation links on one line').toHaveLength(1)
  await shot(page, 'ux-nav-1024', false)

  await page.setViewportSize({ width: 1366, height: 768 })
  await fillRun(page, 'Wide enough', 'layout')
  await page.getByRole('button', { name: 'Save run' }).click()
  await expect(page.getByRole('complementary', { name: 'Run details' })).toBeVisible()
  const table = page.getByRole('table', { name: 'Runs table' })
  const tableBox = (await table.boundingBox())!
  for (const name of ['Energy', 'CO2e']) {
    const box = (await table.getByRole('columnheader', { name, exact: true }).boundingBox())!
    expect(box.x + box.width, `${name} inside the table's visible width`).toBeLessThanOrEqual(
      tableBox.x + tableBox.width + 1
    )
  }
  await expect(table.getByRole('row').nth(1).getByRole('cell').last()).toHaveText('16.99 kg')
  await shot(page, 'ux-runs-detail-1366', false)

  // Narrower: the detail is a drawer over the table, still closed with Esc.
  await page.setViewportSize({ width: 1024, height: 768 })
  const detail = page.getByRole('complementary', { name: 'Run details' })
  await expect(detail).toBeVisible()
  expect((await detail.boundingBox())!.x + (await detail.boundingBox())!.width).toBeLessThanOrEqual(1024)
  await shot(page, 'ux-runs-detail-1024', false)
  await page.keyboard.press('Escape')
  await expect(detail).toBeHidden()
})
