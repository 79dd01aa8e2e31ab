import { readFileSync } from 'node:fs'
import { expect, type Page, test } from '@playwright/test'
import { parseCsv } from '../../../shared/import/csv'

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
  await expect(card(page, 'codecarbon-repo-sample.csv').getByRole('button', { name: 'Import 18 runs' })).toBeVisible()
  await page.getByRole('button', { name: 'Import all: 2 files' }).click()
  await expect(card(page, 'codecarbon-repo-sample.csv').getByText(/^Imported: 18 new/)).toBeVisible()
  await expect(card(page, 'gap.csv').getByText(/^Imported: 1 new/)).toBeVisible()
  await expect(card(page, 'multi-gpu.csv').getByRole('button', { name: /^Import \d+ runs?$/ })).toBeVisible()
  await expect(card(page, 'rate-change.csv').getByRole('button', { name: /^Import \d+ runs?$/ })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Past imports' }).getByRole('row')).toHaveCount(3)
  await shot(page, 'import-all-latest-pick')

  // The sample's runs are from May 2024: the dashboard opens on Q2 2024 and counts them.
  await card(page, 'codecarbon-repo-sample.csv').getByRole('link', { name: 'Open the dashboard' }).click()
  await expect(page.getByRole('heading', { name: 'Totals for Q2 2024' })).toBeVisible()
  const runsTotal = page.locator('.total').filter({ has: page.getByRole('term').getByText('Runs', { exact: true }) })
  await expect(runsTotal.getByRole('definition').first()).toHaveText('18')
})

const importFiles = async (page: Page, files: string[], expected: string) => {
  await page.getByLabel('Choose files to import').setInputFiles(files)
  const all = page.getByRole('button', { name: `Import all: ${files.length} files` })
  await expect(all).toBeVisible({ timeout: 30_000 })
  await all.click()
  await expect(page.getByRole('table', { name: 'Past imports' }).getByRole('row')).toHaveCount(files.length + 1)
  await page.getByRole('link', { name: 'Runs', exact: true }).click()
  await expect(page.getByText(expected, { exact: true })).toBeVisible()
}

test('runs table: totals of the filtered runs, sort by any column, CSV export, full names on hover', async ({
  page
}) => {
  await page.setViewportSize({ width: 1920, height: 1100 })
  await open(page, 'e2e-runs-table')
  await importFiles(page, [SAMPLE, fixture('nvidia-smi/h100-training-power.csv')], '19 runs')
  const table = page.getByRole('table', { name: 'Runs table' })
  const totals = page.getByRole('definition')
  const rows = table.getByRole('row')
  const cellOf = (row: number, column: number) => rows.nth(row).getByRole('cell').nth(column)

  // Totals of the 22 runs, with their range; then of the one nvidia-smi run: its own figures.
  await expect(page.getByLabel('Totals of the filtered runs')).toContainText(
    /^Energy[\d.,]+ k?Wh \(range .+ – .+\)CO2e[\d.,]+ k?g \(range .+ – .+\)$/
  )
  const allEnergy = await totals.first().locator('strong').textContent()
  await page.getByLabel('Source').selectOption({ label: 'nvidia-smi log' })
  await expect(page.getByText('1 run', { exact: true })).toBeVisible()
  await expect(totals.first().locator('strong')).not.toHaveText(allEnergy!)
  await expect(totals.first().locator('strong')).toHaveText((await cellOf(1, 8).textContent())!)
  await expect(totals.nth(1).locator('strong')).toHaveText((await cellOf(1, 9).textContent())!)
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page.getByText('19 runs', { exact: true })).toBeVisible()
  await expect(totals.first().locator('strong')).toHaveText(allEnergy!)

  // Sort by title: A to Z, then Z to A, as the header says.
  const header = (name: string) => table.getByRole('columnheader', { name })
  await expect(header('Start')).toHaveAttribute('aria-sort', 'descending')
  await header('Title').getByRole('button').click()
  await expect(header('Title')).toHaveAttribute('aria-sort', 'ascending')
  await expect(header('Start')).toHaveAttribute('aria-sort', 'none')
  const titles = async () => {
    const shown: string[] = []
    for (let i = 1; i <= 10; i++) shown.push((await cellOf(i, 2).textContent()) ?? '')
    return shown
  }
  const collate = (a: string, b: string) =>
    a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0
  // Polled as a whole: the rows shown right after the click may still be the previous order's.
  const sorted = async () => {
    const shown = await titles()
    return shown.join('|') === [...shown].sort(collate).join('|')
  }
  await expect.poll(sorted).toBe(true)
  const ascending = await titles()
  await header('Title').getByRole('button').click()
  await expect(header('Title')).toHaveAttribute('aria-sort', 'descending')
  await expect.poll(async () => (await titles())[0]).not.toBe(ascending[0])
  const descending = await titles()
  expect(descending).toEqual([...descending].sort(collate).reverse())
  // Energy, largest first: the first row holds at least the second row's energy (same unit in this ledger).
  await header('Energy').getByRole('button').click()
  await expect(header('Energy')).toHaveAttribute('aria-sort', 'descending')
  await expect(header('Title')).toHaveAttribute('aria-sort', 'none')
  await expect
    .poll(async () => {
      const number = async (i: number) => Number((await cellOf(i, 8).textContent())!.replace(/[^\d.]/g, ''))
      return (await number(1)) >= (await number(2)) && (await number(2)) >= (await number(3))
    })
    .toBe(true)

  // Cut-short names keep their whole text on hover and as their accessible name.
  const location = cellOf(1, 7)
  const locationText = (await location.textContent())!
  await expect(location).toHaveAttribute('title', locationText)
  await expect(location).toHaveAccessibleName(locationText)
  const title = cellOf(1, 2).getByRole('button')
  await expect(title).toHaveAttribute('title', (await title.textContent())!)
  await shot(page, 'runs-table-1920')

  // Export: every run the filters keep, in the table's order.
  await page.getByLabel('Source').selectOption({ label: 'CodeCarbon' })
  await expect(page.getByText('18 runs', { exact: true })).toBeVisible()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export as CSV' }).click()
  ])
  expect(download.suggestedFilename()).toMatch(/^runs-\d{4}-\d{2}-\d{2}\.csv$/)
  const [head, ...exported] = parseCsv(readFileSync((await download.path())!, 'utf8')).map((r) => r.cells)
  expect(head!.slice(0, 7)).toEqual(['run_id', 'project_id', 'project', 'person', 'kind', 'title', 'started_at_utc'])
  expect(exported).toHaveLength(18)
  expect(new Set(exported.map((r) => r[head!.indexOf('source_kind')]))).toEqual(new Set(['codecarbon']))
  await expect(page.getByText('18 runs exported to runs-')).toBeVisible()

  await page.setViewportSize({ width: 1024, height: 900 })
  await shot(page, 'runs-table-1024')
  await page.getByLabel('Language').selectOption('de')
  await expect(page.getByLabel('Summen der gefilterten Läufe')).toContainText('Spanne')
  await expect(page.getByRole('columnheader', { name: 'Energie' })).toHaveAttribute('aria-sort', 'descending')
  await shot(page, 'runs-table-de')
})
