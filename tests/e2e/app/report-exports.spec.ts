import { readFileSync } from 'node:fs'
import { expect, type Page, test } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'

// Each test opens its own ledger database (?db=…); the report page opened from the screen reads the same one.
const open = async (page: Page, db: string, route: string): Promise<string> => {
  const name = `${db}-${Date.now()}`
  await page.goto(`/?db=${name}#${route}`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 20_000 })
  return name
}
const shot = (page: Page, name: string) => page.screenshot({ path: `tests/artifacts/${name}.png`, fullPage: true })
const SAMPLE = 'tests/fixtures/import/codecarbon/codecarbon-repo-sample.csv'

/** The CodeCarbon sample through the Import screen: 18 runs (three pairs of ranks merged), all on 31 May 2024 (Q2 2024). */
const importSample = async (page: Page) => {
  await page.getByRole('link', { name: 'Import', exact: true }).click()
  await page.getByLabel('Choose files to import').setInputFiles(SAMPLE)
  const card = page.getByRole('region', { name: 'codecarbon-repo-sample.csv', exact: true })
  await card.getByRole('button', { name: 'Import 18 runs' }).click()
  await expect(card.getByText('Imported: 18 new, 0 updated, 0 unchanged, 0 rows skipped.')).toBeVisible()
}

const toSampleQuarter = async (page: Page) => {
  await page.goto(page.url().replace(/#.*$/, '#/reports?period=quarter&start=2024-04'))
  await expect(page.getByRole('heading', { name: 'Key figures for Q2 2024' })).toBeVisible()
}

test('download all CSV files of a quarter as one zip, and copy its model-card block', async ({ page }) => {
  await open(page, 'e2e-report-zip', '/')
  await importSample(page)
  await toSampleQuarter(page)

  const downloadPromise = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download all CSV files (zip)' }).click()
  const download = await downloadPromise
  expect(download.suggestedFilename()).toBe('carbon-report-2024-Q2-csv.zip')
  await expect(page.getByRole('status').filter({ hasText: 'downloaded' })).toHaveText(
    'carbon-report-2024-Q2-csv.zip downloaded: 8 files, the CSV files and a README naming their columns.'
  )
  const zip = unzipSync(new Uint8Array(readFileSync(await download.path())))
  expect(Object.keys(zip).sort()).toEqual([
    'README.txt',
    'by-hardware.csv',
    'by-location.csv',
    'by-month.csv',
    'by-person.csv',
    'by-project.csv',
    'runs.csv',
    'summary.csv'
  ])
  const runs = strFromU8(zip['runs.csv']!).trim().split('\r\n')
  expect(runs).toHaveLength(1 + 18)
  expect(strFromU8(zip['README.txt']!)).toContain('by-project.csv')

  await page.getByRole('button', { name: 'Copy model-card block' }).click()
  const block = page.getByLabel('Hugging Face model card: co2_eq_emissions')
  await expect(block).toBeVisible()
  const yaml = await block.inputValue()
  expect(yaml).toMatch(/^co2_eq_emissions:\n {2}emissions: [\d.]+\n {2}source: "Carbon Ledger \d+\.\d+\.\d+"\n/)
  expect(yaml).toContain('  training_type: "pre-training"')
  expect(yaml).toContain('  geographical_location: ')
  expect(yaml).toContain('  hardware_used: ')
  await shot(page, 'reports-zip-model-card')
})

test('an asset added in Settings is counted in full in its quarter’s report', async ({ page }) => {
  await open(page, 'e2e-report-assets', '/')
  await importSample(page)
  await page.getByRole('link', { name: 'Settings' }).click()
  const form = page.getByRole('form', { name: 'Add hardware bought' })
  await expect(page.getByText('No hardware recorded yet.')).toBeVisible()

  // Bad input is answered at each field, and nothing is stored.
  await form.getByLabel('Units').fill('1.5')
  await form.getByRole('button', { name: 'Add to the register' }).click()
  await expect(form.getByLabel('Device')).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByText('Enter a whole number.')).toBeVisible()
  await expect(form.getByText('Name where the embodied figure comes from.')).toBeVisible()

  await form.getByLabel('Device').fill('NVIDIA DGX H100 (e2e)')
  await form.getByLabel('Units').fill('2')
  await form.getByLabel('Bought on').fill('2024-05-10')
  await form.getByLabel('Embodied kg CO2e per unit').fill('3,500')
  await form.getByLabel('Source of the embodied figure').fill('Manufacturer PCF 2024')
  await form.getByRole('button', { name: 'Add to the register' }).click()
  await expect(page.getByText('NVIDIA DGX H100 (e2e) saved in the asset register.')).toBeVisible()
  const table = page.getByRole('table', { name: 'Hardware bought (asset register)' })
  await expect(table.getByRole('row', { name: /NVIDIA DGX H100 \(e2e\)/ })).toContainText('7,000')

  // Deleting is undone from its notice.
  await table.getByRole('button', { name: 'Remove NVIDIA DGX H100 (e2e)' }).click()
  await expect(page.getByText('No hardware recorded yet.')).toBeVisible()
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(table.getByRole('row', { name: /NVIDIA DGX H100 \(e2e\)/ })).toBeVisible()
  await page.locator('#settings-assets').screenshot({ path: 'tests/artifacts/settings-assets.png' })

  await toSampleQuarter(page)
  const popupPromise = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Export PDF report' }).click()
  const popup = await popupPromise
  await popup.waitForFunction(() => document.body.dataset.reportReady !== undefined, undefined, { timeout: 30_000 })
  expect(await popup.evaluate(() => document.body.dataset.reportReady)).toBe('true')
  const section = popup.getByRole('region', { name: 'Hardware bought in the period' })
  await expect(section).toContainText('NVIDIA DGX H100 (e2e)')
  await expect(section).toContainText('Manufacturer PCF 2024')
  // 2 × 3,500 kg = 7 t in full, under Scope 3 category 2.
  await expect(section.getByRole('row', { name: /Scope 3 category 2/ })).toContainText('7')
  const scopes = popup.getByRole('region', { name: 'Emissions by scope and category' })
  await expect(scopes.getByRole('row', { name: /Scope 3 cat\. 2/ })).toContainText('devices bought in the period')
  await popup.locator('#hardware-bought').screenshot({ path: 'tests/artifacts/report-hardware-bought.png' })
})

test('the asset register in German: its words, messages at the fields and decimal commas, at 1,024 and 1,920 px', async ({
  page
}) => {
  await page.setViewportSize({ width: 1024, height: 900 })
  await open(page, 'e2e-assets-de', '/settings')
  await page.getByLabel('Language').selectOption('de')
  const form = page.getByRole('form', { name: 'Gekaufte Hardware hinzufügen' })
  await form.getByRole('button', { name: 'Ins Verzeichnis aufnehmen' }).click()
  await expect(form.getByText('Pflichtfeld.')).toHaveCount(3)
  await expect(form.getByText('Angeben, woher der Wert der Grauemissionen stammt.')).toBeVisible()
  await form.getByLabel('Gerät').fill('Workstation mit 2 × RTX 6000 Ada und einem sehr langen Namen für die Liste')
  await form.getByLabel('Gekauft am').fill('2025-03-02')
  await form.getByLabel('Grauemissionen je Stück, kg CO2e').fill('1.234,5')
  await form.getByLabel('Quelle der Grauemissionen').fill('Schätzung nach Herstellerangaben')
  await form.getByRole('button', { name: 'Ins Verzeichnis aufnehmen' }).click()
  const table = page.getByRole('table', { name: 'Gekaufte Hardware (Anlagenverzeichnis)' })
  await expect(table.getByRole('row', { name: /Workstation/ })).toContainText('1.234,5')
  await expect(table.getByRole('row', { name: /Workstation/ })).toContainText('02.03.2025')
  await page.locator('#settings-assets').screenshot({ path: 'tests/artifacts/settings-assets-de-1024.png' })
  await page.setViewportSize({ width: 1920, height: 900 })
  await page.locator('#settings-assets').screenshot({ path: 'tests/artifacts/settings-assets-de-1920.png' })
})
