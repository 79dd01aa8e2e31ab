import { readFileSync } from 'node:fs'
import { expect, type Page, test } from '@playwright/test'
import { shotsAt } from '../harness/shots'

// Each test opens its own ledger database (?db=…). The files go in through the browser's file input, as a user
// picking them would; the renderer reads them in chunks with File.stream().
const open = async (page: Page, db: string, route = '/import') => {
  await page.goto(`/?db=${db}-${Date.now()}#${route}`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 20_000 })
}
const shot = (page: Page, name: string) => page.screenshot({ path: `tests/artifacts/${name}.png`, fullPage: true })
const fixture = (path: string) => `tests/fixtures/import/${path}`
const SAMPLE = fixture('codecarbon/codecarbon-repo-sample.csv')
const H100 = fixture('nvidia-smi/h100-training-power.csv')
const card = (page: Page, file: string) => page.getByRole('region', { name: file, exact: true })

test('import the CodeCarbon sample and the H100 log, re-import unchanged, undo a batch', async ({ page }) => {
  await open(page, 'e2e-import')
  await expect(page.getByRole('heading', { name: 'Import runs' })).toBeVisible()
  await expect(page.getByText('No imports yet.')).toBeVisible()
  await page.getByLabel('Choose files to import').setInputFiles([SAMPLE, H100])

  // Preview: 28 rows of the sample hold 21 runs (7 earlier snapshots of the same runs); three pairs of them ran at once on one machine in CodeCarbon's machine mode, so the preview merges each pair into one run (18); the log is one run.
  const sample = card(page, 'codecarbon-repo-sample.csv')
  const h100 = card(page, 'h100-training-power.csv')
  await expect(sample.getByTestId('import-counts')).toHaveText(
    '18 runs found in 28 rows: 18 new, 0 updated, 0 unchanged.'
  )
  await expect(h100.getByTestId('import-counts')).toHaveText('1 run found in 323 rows: 1 new, 0 updated, 0 unchanged.')
  await expect(sample.getByText('CodeCarbon', { exact: true })).toBeVisible()
  await expect(h100.getByText('nvidia-smi log', { exact: true })).toBeVisible()
  // The projects of the pick are chosen once, above the files: left empty, the file's own name makes a new project.
  const plan = page.getByRole('group', { name: 'Projects of the chosen files' })
  const mapping = plan.getByRole('combobox', { name: 'Ledger project for codecarbon' })
  await expect(mapping).toHaveValue('')
  await expect(mapping).toHaveAttribute('placeholder', 'New project “codecarbon”')
  await expect(sample.getByText('7 row(s) were earlier cumulative snapshots')).toBeVisible()
  await shot(page, 'import-preview')

  await sample.getByRole('button', { name: 'Import 18 runs' }).click()
  await expect(sample.getByText('Imported: 18 new, 0 updated, 0 unchanged, 0 rows skipped.')).toBeVisible()
  await h100.getByRole('button', { name: 'Import 1 run' }).click()
  await expect(h100.getByText('Imported: 1 new, 0 updated, 0 unchanged, 0 rows skipped.')).toBeVisible()
  const batches = page.getByRole('table', { name: 'Past imports' })
  await expect(batches.getByRole('row')).toHaveCount(3)
  await expect(page.getByRole('table', { name: 'Remembered project mappings' })).toContainText('codecarbon')
  await shot(page, 'import-done')

  // The runs and the dashboard show them: the sample's runs are from May 2024.
  await page.getByRole('link', { name: 'Runs', exact: true }).click()
  await expect(page.getByText('19 runs')).toBeVisible()
  await page.goto(page.url().replace(/#.*$/, '#/?period=quarter&start=2024-04'))
  await expect(page.getByRole('heading', { name: 'Totals for Q2 2024' })).toBeVisible()
  const runsTotal = page.locator('.total').filter({ has: page.getByRole('term').getByText('Runs', { exact: true }) })
  await expect(runsTotal.getByRole('definition').first()).toHaveText('18')
  await shot(page, 'import-dashboard')

  // The same file again: nothing new, nothing duplicated.
  await page.getByRole('link', { name: 'Import', exact: true }).click()
  await page.getByLabel('Choose files to import').setInputFiles(SAMPLE)
  const again = card(page, 'codecarbon-repo-sample.csv')
  await expect(again.getByTestId('import-counts')).toHaveText(
    '18 runs found in 28 rows: 0 new, 0 updated, 18 unchanged.'
  )
  await expect(again.getByText('Everything in this file is already in the ledger.')).toBeVisible()
  await expect(plan.getByRole('combobox', { name: 'Ledger project for codecarbon' })).toHaveAttribute(
    'placeholder',
    'codecarbon'
  )
  // Nothing to write, so no import is offered.
  await expect(again.getByRole('button', { name: /^Import/ })).toHaveCount(0)
  await again.getByRole('button', { name: 'Close codecarbon-repo-sample.csv' }).click()
  await page.getByRole('link', { name: 'Runs', exact: true }).click()
  await expect(page.getByText('19 runs')).toBeVisible()

  // Undo the H100 batch from the list of past imports.
  await page.getByRole('link', { name: 'Import', exact: true }).click()
  await page.getByRole('button', { name: 'Undo the import of h100-training-power.csv' }).click()
  await expect(
    page.getByText('Import of h100-training-power.csv undone: 1 run removed, 0 put back as they were.')
  ).toBeVisible()
  await expect(batches.getByRole('row')).toHaveCount(2)
  await page.getByRole('link', { name: 'Runs', exact: true }).click()
  await expect(page.getByText('18 runs')).toBeVisible()
})

test('a binary file is refused naming it, and nothing is written', async ({ page }) => {
  await open(page, 'e2e-import-binary')
  await page
    .getByLabel('Choose files to import')
    .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: readFileSync(fixture('detect/binary.png')) })
  const refused = card(page, 'photo.png').getByRole('alert')
  await expect(refused).toContainText(
    'Not imported: photo.png is a binary file, not a text export (it holds NUL bytes).'
  )
  await expect(refused).toContainText('Nothing was written to the ledger.')
  await page
    .getByLabel('Choose files to import')
    .setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('name,value\nx,1\n') })
  await expect(card(page, 'notes.csv').getByRole('alert')).toContainText('notes.csv: unknown layout')
  await expect(page.getByText('No imports yet.')).toBeVisible()
  await shot(page, 'import-refused')
  await page.getByRole('link', { name: 'Runs', exact: true }).click()
  await expect(page.getByText('0 runs')).toBeVisible()
})

test('bad rows are listed with row, field and reason, and can be downloaded as CSV', async ({ page }) => {
  await open(page, 'e2e-import-errors')
  await page.getByLabel('Choose files to import').setInputFiles(fixture('codecarbon/oddity-bad-values.csv'))
  const file = card(page, 'oddity-bad-values.csv')
  await expect(file.getByTestId('import-counts')).toContainText('2 new, 0 updated, 0 unchanged.')
  const skipped = file.getByRole('table', { name: /Rows skipped/ })
  await expect(skipped.getByRole('row', { name: /cpu_energy/ })).toContainText(
    'oddity-bad-values.csv row 3: cpu_energy -0.5 is negative'
  )
  await expect(skipped.getByRole('row', { name: /duration/ })).toContainText(
    'oddity-bad-values.csv row 4: duration "abc" is not a number'
  )
  await shot(page, 'import-row-errors')

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    file.getByRole('button', { name: 'Download row errors (CSV)' }).click()
  ])
  expect(download.suggestedFilename()).toMatch(/^import-errors-oddity-bad-values-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = readFileSync((await download.path())!, 'utf8')
  const lines = csv.trimEnd().split('\r\n')
  expect(lines[0]).toBe('file,row,field,message')
  expect(lines[1]).toBe('oddity-bad-values.csv,3,cpu_energy,oddity-bad-values.csv row 3: cpu_energy -0.5 is negative')
  expect(lines.length - 1).toBe((await skipped.getByRole('row').count()) - 1)

  // The good rows still import; the batch counts the skipped rows.
  await file.getByRole('button', { name: 'Import 2 runs' }).click()
  await expect(
    file.getByText(`Imported: 2 new, 0 updated, 0 unchanged, ${lines.length - 1} rows skipped.`)
  ).toBeVisible()
})

test('a large log dropped on the page is read in chunks with a progress bar', async ({ page }) => {
  await open(page, 'e2e-import-drop')
  // A 10-hour H100 log sampled every 0.5 s: 72,000 rows, about 11 MB.
  const [header, first] = readFileSync(H100, 'utf8').split('\n')
  const rest = first!.slice(first!.indexOf(','))
  const startMs = Date.UTC(2026, 10, 20, 8)
  const rows: string[] = [header!]
  for (let i = 0; i < 72_000; i++) {
    const t = new Date(startMs + i * 500).toISOString().replace('T', ' ').replace(/-/g, '/').replace('Z', '')
    rows.push(`${t}${rest.replace(' 72.46 W', ' 500.00 W')}`)
  }
  const text = rows.join('\n') + '\n'
  await page.getByRole('region', { name: 'Files to import' }).evaluate((zone, content) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([content], 'long-run.csv', { type: 'text/csv' }))
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
  }, text)
  const file = card(page, 'long-run.csv')
  await expect(file.getByRole('progressbar', { name: 'Reading long-run.csv' })).toBeVisible()
  await expect(file.getByTestId('import-counts')).toHaveText(
    '1 run found in 72,000 rows: 1 new, 0 updated, 0 unchanged.',
    { timeout: 30_000 }
  )
  await file.getByRole('button', { name: 'Import 1 run' }).click()
  await expect(file.getByText('Imported: 1 new')).toBeVisible()
  // 72,000 samples 0.5 s apart at 500 W: 500 W × 35,999.5 s / 3.6e6 = 5.0 kWh measured, × PUE 1.56 = 7.8 kWh.
  await page.getByRole('link', { name: 'Runs', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Runs table' }).getByText('7.8 kWh')).toBeVisible()
})

test('the time zone chosen for a file is offered again when it is imported again, and reads it the same way', async ({
  page
}) => {
  await open(page, 'e2e-import-zone')
  await page.getByLabel('Choose files to import').setInputFiles(SAMPLE)
  let sample = card(page, 'codecarbon-repo-sample.csv')
  await expect(sample.getByTestId('import-counts')).toContainText('18 new', { timeout: 30_000 })
  await sample.getByLabel('Time zone of the file’s timestamps').selectOption({ label: 'UTC+02:00' })
  await expect(sample.getByTestId('import-counts')).toContainText('18 new', { timeout: 30_000 })
  await sample.getByRole('button', { name: 'Import 18 runs' }).click()
  await expect(sample.getByText(/^Imported: 18 new/)).toBeVisible()

  // Picked again (a week later, say): the same clock, so the same runs, unchanged rather than moved by two hours.
  await page.getByLabel('Choose files to import').setInputFiles(SAMPLE)
  sample = card(page, 'codecarbon-repo-sample.csv').first()
  await expect(sample.getByTestId('import-counts')).toHaveText(
    '18 runs found in 28 rows: 0 new, 0 updated, 18 unchanged.',
    { timeout: 30_000 }
  )
  await expect(sample.getByLabel('Time zone of the file’s timestamps')).toHaveValue('120')
  await expect(sample.getByText('The time zone chosen when a file of this name was last imported.')).toBeVisible()
  await shotsAt(page, 'import-zone-remembered')
})
