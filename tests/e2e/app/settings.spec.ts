import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { expect, type Page, test } from '@playwright/test'

const open = async (page: Page, db: string, route: string) => {
  await page.goto(`/?db=${db}-${Date.now()}#${route}`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 20_000 })
}
const shot = (page: Page, name: string) => page.screenshot({ path: `tests/artifacts/${name}.png`, fullPage: true })
const H100 = 'tests/fixtures/import/nvidia-smi/h100-training-power.csv'
const SAMPLE = 'tests/fixtures/import/codecarbon/codecarbon-repo-sample.csv'

const importFile = async (page: Page, path: string, runs: number) => {
  await page.getByRole('link', { name: 'Import', exact: true }).click()
  await page.getByLabel('Choose files to import').setInputFiles(path)
  await page.getByRole('button', { name: `Import ${runs} ${runs === 1 ? 'run' : 'runs'}`, exact: true }).click()
  await expect(page.getByText(new RegExp(`^Imported: ${runs} new`))).toBeVisible()
}

test('changing the lab defaults recomputes the runs', async ({ page }) => {
  await open(page, 'e2e-settings-lab', '/')
  await importFile(page, H100, 1)
  // The log measured 21.159 Wh of GPU energy. Lab defaults at first: an unknown data centre (PUE 1.56) at an
  // unknown location (world average 475 g/kWh): 21.159 Wh × 1.56 × 475 g/kWh = 15.68 g.
  await page.getByRole('link', { name: 'Runs', exact: true }).click()
  const table = page.getByRole('table', { name: 'Runs table' })
  await expect(table.getByText('15.68 g')).toBeVisible()

  await page.getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Lab defaults' })).toBeVisible()
  await expect(page.getByText('Every run is computed with the current defaults and data.')).toBeVisible()
  const lab = page.getByRole('form', { name: 'Lab defaults' })
  // Personal computers (PUE 1) at a custom 1,000 g/kWh: 21.159 Wh → 21.16 g.
  await lab.getByLabel('Default location given as').selectOption('custom')
  await lab.getByLabel('Intensity (g CO2e/kWh)').fill('abc')
  await lab.getByRole('button', { name: 'Save lab defaults' }).click()
  await expect(lab.getByLabel('Intensity (g CO2e/kWh)')).toHaveAttribute('aria-invalid', 'true')
  await expect(lab.getByText('Enter a number.')).toBeVisible()
  await lab.getByLabel('Intensity (g CO2e/kWh)').fill('1000')
  await lab.getByLabel('Personal computers (no facility overhead, PUE 1)').check()
  await lab.getByLabel('Renewable share of the contract (%)').fill('150')
  await lab.getByRole('button', { name: 'Save lab defaults' }).click()
  await expect(lab.getByText('Must be at most 100.')).toBeVisible()
  await lab.getByLabel('Renewable share of the contract (%)').fill('25')
  await lab.getByRole('button', { name: 'Save lab defaults' }).click()
  await expect(page.getByText('Every run is computed with the current defaults and data.')).toBeVisible()
  await shot(page, 'settings')

  await page.getByRole('link', { name: 'Runs', exact: true }).click()
  await expect(table.getByText('21.16 g')).toBeVisible()
  await table
    .getByRole('button', { name: /H100|h100|nvidia/i })
    .first()
    .click()
  await expect(page.getByRole('complementary', { name: 'Run details' })).toContainText('1,000')

  // The saved defaults come back in the form.
  await page.getByRole('link', { name: 'Settings' }).click()
  await expect(lab.getByLabel('Personal computers (no facility overhead, PUE 1)')).toBeChecked()
  await expect(lab.getByLabel('Renewable share of the contract (%)')).toHaveValue('25')
})

test('custom hardware and locations: messages at the field, add, edit, remove', async ({ page }) => {
  await open(page, 'e2e-settings-custom', '/settings')
  const hardware = page.getByRole('form', { name: 'Add hardware' })
  await hardware.getByLabel('Power (TDP, W)').fill('abc')
  await hardware.getByRole('button', { name: 'Add hardware' }).click()
  await expect(hardware.getByLabel('Model name')).toHaveAttribute('aria-invalid', 'true')
  await expect(hardware.getByText('Required.')).toBeVisible()
  await expect(hardware.getByText('Enter a number.')).toBeVisible()
  await hardware.getByLabel('Model name').fill('Lab FPGA board')
  await hardware.getByLabel('Power (TDP, W)').fill('0')
  await hardware.getByRole('button', { name: 'Add hardware' }).click()
  await expect(hardware.getByText('Must be more than 0.')).toBeVisible()
  await hardware.getByLabel('Power (TDP, W)').fill('75')
  await hardware.getByRole('button', { name: 'Add hardware' }).click()
  const list = page.getByRole('table', { name: 'Custom hardware' })
  await expect(list.getByRole('row', { name: /Lab FPGA board/ })).toContainText('75 W')
  await list.getByRole('button', { name: 'Edit Lab FPGA board' }).click()
  const edit = page.getByRole('form', { name: 'Edit hardware' })
  await edit.getByLabel('Power (TDP, W)').fill('90')
  await edit.getByRole('button', { name: 'Save' }).click()
  await expect(list.getByRole('row', { name: /Lab FPGA board/ })).toContainText('90 W')

  const location = page.getByRole('form', { name: 'Add a location' })
  await location.getByLabel('Kind of location').selectOption('cloud')
  await location.getByLabel('Provider:region (e.g. gcp:europe-west3)').fill('onprem')
  await location.getByLabel('Name').fill('Campus cluster')
  await location.getByLabel('Intensity (g CO2e/kWh)').fill('120')
  await location.getByRole('button', { name: 'Add location' }).click()
  await expect(
    location.getByText('Enter provider and region separated by a colon, e.g. gcp:europe-west3.')
  ).toBeVisible()
  await location.getByLabel('Provider:region (e.g. gcp:europe-west3)').fill('campus:hpc-1')
  await location.getByRole('button', { name: 'Add location' }).click()
  const locations = page.getByRole('table', { name: 'Custom locations' })
  await expect(locations.getByRole('row', { name: /Campus cluster/ })).toContainText('cloud:campus:hpc-1')
  await shot(page, 'settings-custom')
  await locations.getByRole('button', { name: 'Remove Campus cluster' }).click()
  await expect(page.getByText('None: the reference data is used as it is.')).toBeVisible()
})

test('back up, then restore (replace) after the runs are gone, and merge', async ({ page }) => {
  await open(page, 'e2e-settings-backup', '/')
  await importFile(page, SAMPLE, 18)
  await page.getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByText('Automatic backups are only available in the desktop app.')).toBeVisible()
  await expect(page.getByText(/MB used of/)).toBeVisible()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export a backup' }).click()
  ])
  expect(download.suggestedFilename()).toMatch(/^carbon-ledger-backup-\d{4}-\d{2}-\d{2}\.jsonl\.gz$/)
  const archivePath = test.info().outputPath('backup.jsonl.gz')
  await download.saveAs(archivePath)
  // A version-3 archive: gzip-compressed JSON lines, header first, trailer with the counts last.
  const lines = gunzipSync(readFileSync(archivePath)).toString('utf8').trim().split('\n')
  expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'carbon-ledger-backup', archiveVersion: 3 })
  expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: true, counts: { runs: 18 } })

  // Undo the import: the ledger has no runs left.
  await page.getByRole('link', { name: 'Import', exact: true }).click()
  await page.getByRole('button', { name: 'Undo the import of codecarbon-repo-sample.csv' }).click()
  await page.getByRole('link', { name: 'Runs', exact: true }).click()
  await expect(page.getByText('0 runs', { exact: true })).toBeVisible()

  // A foreign file is refused and changes nothing.
  await page.getByRole('link', { name: 'Settings' }).click()
  await page
    .getByLabel('Choose a backup to restore')
    .setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') })
  await page.getByRole('button', { name: 'Merge into the ledger' }).click()
  await expect(page.getByRole('alert')).toContainText('other.json was not restored and the ledger is unchanged')

  // Replace asks first; cancelling keeps the ledger.
  await page.getByLabel('Choose a backup to restore').setInputFiles(archivePath)
  await expect(page.getByText('Backup chosen: backup.jsonl.gz.')).toBeVisible()
  await page.getByRole('button', { name: 'Replace the ledger…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Replace the whole ledger?' })
  await expect(dialog).toBeVisible()
  await shot(page, 'settings-restore-confirm')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await page.getByRole('button', { name: 'Replace the ledger…' }).click()
  await dialog.getByRole('button', { name: 'Replace the ledger', exact: true }).click()
  await expect(page.getByText(/^Ledger replaced: \d+ records restored\.$/)).toBeVisible()
  await page.getByRole('link', { name: 'Runs', exact: true }).click()
  await expect(page.getByText('18 runs', { exact: true })).toBeVisible()

  // Merging the same archive again adds nothing.
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByLabel('Choose a backup to restore').setInputFiles(archivePath)
  await page.getByRole('button', { name: 'Merge into the ledger' }).click()
  await expect(page.getByText(/^Merged: 0 added, 0 updated, \d+ kept as they were\.$/)).toBeVisible()
  await shot(page, 'settings-backups')
})
