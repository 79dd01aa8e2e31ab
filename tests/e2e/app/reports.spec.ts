import { readFileSync } from 'node:fs'
import { type Download, expect, type Page, test } from '@playwright/test'
import { parseCsv } from '../../../shared/import/csv'

// Each test opens its own ledger database (?db=…); the report page opened from the screen reads the same one.
const open = async (page: Page, db: string, route: string): Promise<string> => {
  const name = `${db}-${Date.now()}`
  await page.goto(`/?db=${name}#${route}`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 20_000 })
  return name
}
const shot = (page: Page, name: string) => page.screenshot({ path: `tests/artifacts/${name}.png`, fullPage: true })
const SAMPLE = 'tests/fixtures/import/codecarbon/codecarbon-repo-sample.csv'
const H100 = 'tests/fixtures/import/nvidia-smi/h100-training-power.csv'

/** The CodeCarbon sample through the Import screen: 18 runs (three pairs of ranks merged), all on 31 May 2024 (Q2 2024), project "codecarbon". */
const importSample = async (page: Page) => {
  await page.getByRole('link', { name: 'Import', exact: true }).click()
  await page.getByLabel('Choose files to import').setInputFiles(SAMPLE)
  const card = page.getByRole('region', { name: 'codecarbon-repo-sample.csv', exact: true })
  await card.getByRole('button', { name: 'Import 18 runs' }).click()
  await expect(card.getByText('Imported: 18 new, 0 updated, 0 unchanged, 0 rows skipped.')).toBeVisible()
}

/** Q3 2024 is empty; one step back is Q2 2024, the sample's quarter. */
const chooseSampleQuarter = async (page: Page) => {
  await page.goto(page.url().replace(/#.*$/, '#/reports?period=quarter&start=2024-07'))
  await expect(page.getByRole('heading', { name: 'Key figures for Q3 2024' })).toBeVisible()
  await page.getByRole('button', { name: 'Previous period' }).click()
  await expect(page.getByRole('heading', { name: 'Key figures for Q2 2024' })).toBeVisible()
}

const csvOf = async (download: Download): Promise<string[][]> =>
  parseCsv(readFileSync(await download.path(), 'utf8')).map((r) => r.cells)

test('export the quarter as CSV: the runs and the key figures, with the figures of the ledger', async ({ page }) => {
  await open(page, 'e2e-reports-csv', '/reports?period=quarter&start=2024-04')
  await expect(page.getByRole('heading', { name: 'Reports' })).toBeVisible()
  // Empty ledger: the empty state, and nothing to export.
  await expect(page.getByText('No runs in Q2 2024 for this scope')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Export PDF report' })).toBeDisabled()
  await shot(page, 'reports-empty')

  await importSample(page)
  await page.getByRole('link', { name: 'Reports' }).click()
  await chooseSampleQuarter(page)
  const runsFigure = page
    .locator('.report-preview .total')
    .filter({ has: page.getByRole('term').getByText('Runs', { exact: true }) })
  await expect(runsFigure.locator('.figure')).toHaveText('18')
  await expect(
    page.locator('.report-preview .total').filter({ has: page.getByRole('term').getByText('GPU-hours') })
  ).toBeVisible()
  const locationKg = await page.locator('.report-preview .total').first().locator('.figure').textContent()

  const downloads: Download[] = []
  page.on('download', (d) => downloads.push(d))
  await page.getByRole('button', { name: 'Export CSV' }).click()
  await expect(page.getByRole('status').filter({ hasText: '2 CSV files saved' })).toHaveText(
    '2 CSV files saved: carbon-report-2024-Q2-runs.csv, carbon-report-2024-Q2-summary.csv'
  )
  await expect.poll(() => downloads.length).toBe(2)
  const byName = new Map(downloads.map((d) => [d.suggestedFilename(), d]))
  expect([...byName.keys()].sort()).toEqual(['carbon-report-2024-Q2-runs.csv', 'carbon-report-2024-Q2-summary.csv'])

  const runs = await csvOf(byName.get('carbon-report-2024-Q2-runs.csv')!)
  const header = runs[0]!
  expect(runs).toHaveLength(1 + 18)
  // Run b9e7def2's last snapshot measured 0.0035945400822377 kWh (the sample's energy_consumed column).
  const external = header.indexOf('source_external_id')
  const measured = header.indexOf('measured_energy_kwh')
  const b9 = runs.find((r) => r[external]?.startsWith('codecarbon:b9e7def2'))
  expect(Number(b9?.[measured])).toBeCloseTo(0.0035945400822377, 15)
  expect(new Set(runs.slice(1).map((r) => r[header.indexOf('project')]))).toEqual(new Set(['codecarbon']))

  const summary = await csvOf(byName.get('carbon-report-2024-Q2-summary.csv')!)
  const col = (name: string) => summary[0]!.indexOf(name)
  const figure = (id: string) => summary.find((r) => r[col('figure')] === id)!
  expect(figure('runs')[col('value')]).toBe('18')
  expect(figure('runs')[col('period')]).toBe('Q2 2024')
  // The CSV's location-based total is the preview's figure (shown in g: under 1 kg).
  const emissionsG = Number(figure('emissions')[col('value')]) * 1000
  expect(locationKg).toBe(
    `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: emissionsG >= 100 ? 0 : emissionsG >= 1 ? 2 : 3 }).format(emissionsG)} g`
  )
  const sumKg = runs.slice(1).reduce((s, r) => s + Number(r[header.indexOf('emissions_kg')]), 0)
  expect(Number(figure('emissions')[col('value')])).toBeCloseTo(sumKg, 12)
  await shot(page, 'reports-csv')
})

test('export the PDF report in the browser: the report page opens with the lab and the quarter', async ({ page }) => {
  const db = await open(page, 'e2e-reports-pdf', '/')
  await importSample(page)
  await page.getByRole('link', { name: 'Reports' }).click()
  await chooseSampleQuarter(page)
  await page.getByLabel('Lab name').fill('Vision Lab')

  // A scope needs a choice: "Some projects" with none ticked says so and exports nothing.
  await page.getByRole('radio', { name: 'Some projects' }).check()
  await expect(page.getByText('Tick at least one project.').first()).toBeVisible()
  await page.getByRole('list', { name: 'Projects in the report' }).getByRole('checkbox', { name: 'codecarbon' }).check()
  await expect(page.locator('.report-preview .total .figure').nth(4)).toHaveText('18')
  await shot(page, 'reports')

  const popupPromise = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Export PDF report' }).click()
  const popup = await popupPromise
  await expect(page.getByRole('status').filter({ hasText: 'new tab' })).toHaveText(
    'The report opened in a new tab: its print dialog saves it as PDF.'
  )
  const url = new URL(popup.url())
  expect(url.pathname).toBe('/report.html')
  expect(Object.fromEntries(url.searchParams)).toMatchObject({ period: '2024-Q2', lab: 'Vision Lab', db, print: '1' })
  expect(url.searchParams.get('pageNumbers')).toBeNull()
  expect(JSON.parse(url.searchParams.get('projects') ?? '[]')).toHaveLength(1)
  await popup.waitForFunction(() => document.body.dataset.reportReady !== undefined, undefined, { timeout: 30_000 })
  expect(await popup.evaluate(() => document.body.dataset.reportReady)).toBe('true')
  await expect(popup.getByText('Vision Lab').first()).toBeVisible()
  await expect(popup.getByText('Q2 2024').first()).toBeVisible()
  // The report read this test's ledger, not the default one: the cover counts the sample's runs.
  await expect(popup.locator('body')).toContainText('codecarbon')
  await popup.screenshot({ path: 'tests/artifacts/reports-popup.png' })

  // The lab's name is remembered.
  await page.reload()
  await expect(page.getByLabel('Lab name')).toHaveValue('Vision Lab')
})

test('counts read in the singular and the plural, in English and German', async ({ page }) => {
  await open(page, 'e2e-plural', '/import')
  await page.getByLabel('Choose files to import').setInputFiles(H100)
  const card = page.getByRole('region', { name: 'h100-training-power.csv', exact: true })
  await expect(card.getByTestId('import-counts')).toHaveText('1 run found in 323 rows: 1 new, 0 updated, 0 unchanged.')
  await card.getByRole('button', { name: 'Import 1 run', exact: true }).click()
  await page.getByRole('link', { name: 'Runs', exact: true }).click()
  await expect(page.getByText('1 run', { exact: true })).toBeVisible()
  await page.getByLabel('Language').selectOption('de')
  await expect(page.getByText('1 Lauf', { exact: true })).toBeVisible()
  await page.getByRole('link', { name: 'Berichte' }).click()
  await expect(page.getByRole('heading', { name: 'Berichte' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'PDF-Bericht exportieren' })).toBeVisible()
  await shot(page, 'reports-de')
})
