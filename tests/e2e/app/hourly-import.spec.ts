import { expect, type Page, test } from '@playwright/test'

// Issue 12, item 7: a lab's own hourly file (two columns, time with an offset and gCO2eq/kWh) for a zone the app
// lacks, then planned in Compare & plan like a bundled zone.
const shot = (page: Page, name: string) => page.screenshot({ path: `tests/artifacts/${name}.png`, fullPage: true })

test('import a two-column time,g/kWh file: a local time without offset is named; the fixed file plans', async ({
  page
}) => {
  await page.goto('/?db=e2e-hourly-import#/compare')
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  const shift = page.getByRole('region', { name: 'Time shifting', exact: true })
  const importFile = async (name: string, text: string) => {
    const chooser = page.waitForEvent('filechooser')
    await shift.getByRole('button', { name: 'Import hourly profile (CSV)…' }).click()
    await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) })
  }
  // Six hours of 400, 300, 100, 100, 200, 400 g/kWh from 00:00 UTC, written in Central European Time.
  const values = [400, 300, 100, 100, 200, 400]
  const local = values.map((g, h) => `2024-01-01T0${h + 1}:00:00,${g}`).join('\n')
  await importFile('LAB-GRID.csv', `time,g/kWh\n${local}\n`)
  await expect(shift.getByRole('alert')).toContainText(
    'LAB-GRID.csv: row 2, field "time": "2024-01-01T01:00:00" is a local time without an offset; write it in UTC with Z or with its offset, such as 2024-03-01T15:00:00+01:00'
  )
  await importFile('LAB-GRID.csv', `time,g/kWh\n2024-01-01T00:00:00Z,400\n2024-01-01T00:00:00Z,300\n`)
  await expect(shift.getByRole('alert')).toContainText(
    'LAB-GRID.csv: row 3, field "time": 2024-01-01T00:00:00Z repeats row 2\'s hour'
  )

  const offset = values.map((g, h) => `2024-01-01T0${h + 1}:00:00+01:00,${g}`).join('\n')
  await importFile('LAB-GRID.csv', `time,g/kWh\n${offset}\n`)
  await expect(shift.getByRole('alert').filter({ hasText: 'LAB-GRID.csv' })).toHaveCount(0)
  await expect(shift.getByLabel('Grid zone')).toHaveValue('LAB-GRID')
  await shift.getByLabel('Start (UTC)').fill('2024-01-01T00:00')
  await shift.getByLabel('Hours of work').fill('2')
  await shift.getByLabel('Power (kW)').fill('1')
  // 2 h at 1 kW from 00:00 emit (400 + 300) g = 0.7 kg; Flexible Start W = 6 h finds 02:00 (100 + 100 g = 0.2 kg).
  const table = shift.getByRole('table', { name: 'Time-shifting strategies in LAB-GRID' })
  const w6 = table.getByRole('row', { name: /Flexible Start, W = 6 h/ })
  await expect(w6.getByRole('cell').nth(0)).toHaveText('0.7')
  await expect(w6.getByRole('cell').nth(1)).toHaveText('0.2')
  await expect(w6.getByRole('cell').nth(4)).toHaveText('1 Jan 2024, 02:00 UTC')
  await shot(page, 'hourly-import-two-column')

  // German: the same mistake, named in German.
  await page.getByLabel('Language').selectOption('de')
  const schicht = page.getByRole('region', { name: 'Zeitverschiebung', exact: true })
  const chooser = page.waitForEvent('filechooser')
  await schicht.getByRole('button', { name: /CSV/ }).click()
  await (
    await chooser
  ).setFiles({ name: 'lab.csv', mimeType: 'text/csv', buffer: Buffer.from('time,g/kWh\n2024-01-01T00:00:00Z,-5\n') })
  await expect(schicht.getByRole('alert')).toContainText(
    'lab.csv: Zeile 2, Feld „g/kWh“: -5 ist negativ; das kann eine Intensität nicht sein'
  )
  await shot(page, 'hourly-import-two-column-de')
})
