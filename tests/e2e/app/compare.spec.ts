import { expect, type Page, test } from '@playwright/test'

// Each test opens its own ledger database (?db=…), so tests do not see each other's runs.
const open = async (page: Page, db: string, route = '/compare') => {
  await page.goto(`/?db=${db}#${route}`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
}

const shot = (page: Page, name: string) => page.screenshot({ path: `tests/artifacts/${name}.png`, fullPage: true })

/** "2.5 t", "812 kg", "950 g" (the first line of a cell; the range sits below it) → kg. */
const kgOf = (text: string): number => {
  const match = /^([\d,.]+)\s*(g|kg|t)\b/.exec(text.trim())
  if (!match) throw new Error(`not a mass: ${text}`)
  const value = Number(match[1]!.replace(/,/g, ''))
  return match[2] === 't' ? value * 1000 : match[2] === 'g' ? value / 1000 : value
}

const planJob = async (page: Page) => {
  const shift = page.getByRole('region', { name: 'Time shifting', exact: true })
  await shift.getByLabel('Grid zone').selectOption('DE-LU')
  await shift.getByLabel('Start (UTC)').fill('2024-03-01T08:00')
  await shift.getByLabel('Hours of work').fill('4')
  await shift.getByLabel('Power (kW)').fill('2')
  return shift
}

test('plan a 4-hour 2 kW job in DE-LU: the eight settings of the paper and the intensity chart', async ({ page }) => {
  await open(page, 'e2e-compare-shift')
  const shift = await planJob(page)
  const table = shift.getByRole('table', { name: 'Time-shifting strategies in DE-LU' })
  await expect(table.getByRole('row')).toHaveCount(9)
  for (const w of [6, 12, 18, 24])
    await expect(table.getByRole('rowheader', { name: `Flexible Start, W = ${w} h` })).toBeVisible()
  for (const p of [25, 50, 75, 100])
    await expect(table.getByRole('rowheader', { name: `Pause and Resume, p = ${p} %` })).toBeVisible()
  // The planning tests' figures: 2.804 kg from 08:00, 2.145 kg at the cleanest block within 24 h, 23.5 % saved.
  const w24 = table.getByRole('row', { name: /Flexible Start, W = 24 h/ })
  await expect(w24.getByRole('cell').nth(0)).toHaveText('2.804')
  await expect(w24.getByRole('cell').nth(1)).toHaveText('2.145')
  await expect(w24.getByRole('cell').nth(3)).toHaveText('23.5 %')

  // The chart of the chosen setting is drawn (a canvas with pixels), and its figures are there as a table.
  const chart = shift.getByRole('img', { name: /Flexible Start, W = 24 h/ })
  await expect(chart).toBeVisible()
  await expect
    .poll(() =>
      chart.evaluate((c: HTMLCanvasElement) => {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
        let painted = 0
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++
        return painted
      })
    )
    .toBeGreaterThan(1000)
  await shift.getByText('The hours as a table').click()
  const hours = shift.getByRole('table', { name: 'Hours considered by Flexible Start, W = 24 h' })
  await expect(hours.getByRole('row')).toHaveCount(1 + 28)
  await expect(hours.getByRole('row', { name: /1 Mar 2024, 08:00 UTC/ })).toBeVisible()

  // Another setting from the keyboard: its chart replaces the first.
  await table.getByRole('button', { name: 'Show Pause and Resume, p = 100 % on the chart' }).focus()
  await page.keyboard.press('Enter')
  await expect(shift.getByRole('img', { name: /Pause and Resume, p = 100 %/ })).toBeVisible()

  // A job running past the end of the bundled data: planned on a projection for the hours beyond, and it says so.
  // (Early January 2025 shifted by whole weeks lands before 2021 and 2022's first hours: only 2023 and 2024 reach it.)
  await shift.getByLabel('Start (UTC)').fill('2024-12-31T22:00')
  await expect(shift.getByText(/projected from 2023–2024/)).toBeVisible()
  await expect(table.getByRole('row')).toHaveCount(9)
  await shift.getByLabel('Start (UTC)').fill('2024-03-01T08:00')
  await shot(page, 'compare-timeshift')
})

test('a zone without hourly data says so; a bad imported profile shows its row error; a good one plans', async ({
  page
}) => {
  await open(page, 'e2e-compare-import')
  const shift = page.getByRole('region', { name: 'Time shifting', exact: true })
  await shift.getByLabel('Grid zone').selectOption('AT')
  await expect(shift.getByText('There is no hourly data for AT')).toBeVisible()
  await expect(shift.getByRole('table')).toHaveCount(0)

  const header =
    'Datetime (UTC),Country,Zone Name,Zone Id,Carbon Intensity gCO₂eq/kWh (direct),Carbon Intensity gCO₂eq/kWh (LCA),Data Estimated\n'
  const importFile = async (name: string, text: string) => {
    const chooser = page.waitForEvent('filechooser')
    await shift.getByRole('button', { name: 'Import hourly profile (CSV)…' }).click()
    await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) })
  }
  await importFile(
    'bad.csv',
    `${header}2024-01-01 00:00:00,Austria,Austria,AT,100,120,false\n2024-01-01 01:00:00,Austria,Austria,AT,100,abc,false\n`
  )
  await expect(shift.getByRole('alert')).toContainText(
    'bad.csv: row 3, field "Carbon Intensity gCO₂eq/kWh (LCA)": "abc" is not a number (a missing hour?)'
  )
  await shot(page, 'compare-import-error')

  // Six hours of 400, 300, 100, 100, 200, 400 g/kWh: 2 h at 1 kW from 00:00 emit 0.7 kg; Flexible Start finds 02:00 (0.2 kg).
  const rows = [400, 300, 100, 100, 200, 400]
    .map((g, h) => `2024-01-01 0${h}:00:00,Austria,Austria,AT,${g},${g},false`)
    .join('\n')
  await importFile('at.csv', `${header}${rows}\n`)
  await expect(shift.getByLabel('Grid zone')).toHaveValue('AT')
  await shift.getByLabel('Start (UTC)').fill('2024-01-01T00:00')
  await shift.getByLabel('Hours of work').fill('2')
  await shift.getByLabel('Power (kW)').fill('1')
  const table = shift.getByRole('table', { name: 'Time-shifting strategies in AT' })
  const w6 = table.getByRole('row', { name: /Flexible Start, W = 6 h/ })
  await expect(w6.getByRole('cell').nth(0)).toHaveText('0.7')
  await expect(w6.getByRole('cell').nth(1)).toHaveText('0.2')
  await expect(w6.getByRole('cell').nth(4)).toHaveText('1 Jan 2024, 02:00 UTC')
})

test('rank hardware for 1000 GPU-hours on an A100: sorted by emissions, the A100 marked current, locations ranked', async ({
  page
}) => {
  await open(page, 'e2e-compare-hw')
  const form = page.getByRole('form', { name: 'Workload' })
  await form.getByLabel('GPU-hours on a reference GPU').check()
  await form.getByLabel('Search hardware').fill('A100 SXM4')
  await form
    .getByLabel('Reference GPU', { exact: true })
    .selectOption({ label: 'NVIDIA A100 SXM4 80 GB (400 W, 312 TFLOPS fp16)' })
  await form.getByLabel('GPU-hours', { exact: true }).fill('1000')
  await form.getByLabel('Search locations').fill('Germany')
  await form.getByLabel('Location', { exact: true }).selectOption('country:DEU')
  await form.getByRole('button', { name: 'Compare' }).click()

  const table = page.getByRole('table', { name: 'Hardware ranking' })
  await expect(table).toBeVisible()
  await expect(page.getByText('Peak FLOPS at fp16, utilisation (MFU) 40%')).toBeVisible()
  const emissions = async (): Promise<number[]> =>
    (
      await table
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => (tr.children[7] as HTMLElement).innerText.split('\n')[0]!))
    ).map(kgOf)
  const kg = await emissions()
  expect(kg.length).toBeGreaterThan(5)
  expect(kg).toEqual([...kg].sort((a, b) => a - b))
  const current = table.getByRole('row', { name: /NVIDIA A100 SXM4 80 GB current/ })
  await expect(current).toBeVisible()
  await expect(table.getByRole('columnheader', { name: 'Emissions' })).toHaveAttribute('aria-sort', 'ascending')

  // Sorting by time puts the fastest first.
  await table.getByRole('button', { name: 'Time' }).click()
  await expect(table.getByRole('columnheader', { name: 'Time' })).toHaveAttribute('aria-sort', 'ascending')
  const times = (
    await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => (tr.children[5] as HTMLElement).innerText.split('\n')[0]!))
  ).map((t) => Number(t.replace(/[^\d.]/g, '')))
  expect(times).toEqual([...times].sort((a, b) => a - b))

  // Locations: countries ranked with location- and market-based emissions; Germany is the current one.
  const locations = page.getByRole('region', { name: 'Location ranking' })
  await locations.getByRole('button', { name: 'Countries' }).click()
  const countries = locations.getByRole('table', { name: 'Location ranking: Countries' })
  await expect(countries.getByRole('row', { name: /Germany current/ })).toBeVisible()
  await expect(countries.getByRole('columnheader', { name: 'Market-based', exact: true })).toBeVisible()
  await shot(page, 'compare-hardware')
})

test('invalid workload fields are named at the field', async ({ page }) => {
  await open(page, 'e2e-compare-valid')
  const form = page.getByRole('form', { name: 'Workload' })
  await form.getByLabel('GPU-hours on a reference GPU').check()
  await form.getByLabel('GPU-hours', { exact: true }).fill('-3')
  await form.getByRole('button', { name: 'Compare' }).click()
  await expect(form.getByLabel('GPU-hours', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByText('Must be more than 0.')).toBeVisible()
  await expect(form.getByLabel('Reference GPU', { exact: true })).toHaveAttribute('aria-invalid', 'true')
})

test('a logged run in DE-LU: what it would have saved, in its detail panel, on the compare screen and on the dashboard', async ({
  page
}) => {
  await open(page, 'e2e-compare-run', '/runs/new')
  await page.getByLabel('Project', { exact: true }).fill('Vision')
  await page.getByLabel('Title', { exact: true }).fill('Night job')
  await page.getByLabel('Start (UTC)').fill('2024-03-01T08:00')
  await page.getByLabel('Duration (hours)').fill('4')
  await page.getByLabel('Search the catalogue').fill('A100 SXM4')
  await page.getByLabel('Model', { exact: true }).selectOption('gpu:nvidia-a100-sxm4-80-gb')
  await page.getByLabel('Location given as').selectOption('zone')
  await page.getByLabel('Search locations').fill('DE')
  await page.getByLabel('Location', { exact: true }).selectOption('zone:DE')
  await page.getByRole('button', { name: 'Save run' }).click()

  const detail = page.getByRole('complementary', { name: 'Run details' })
  await expect(detail.getByRole('heading', { name: 'What if it had started later?' })).toBeVisible()
  const table = detail.getByRole('table', { name: 'What the run would have saved in DE-LU' })
  await expect(table.getByRole('row')).toHaveCount(9)
  // Same hours as the planned job above, so Flexible Start with W = 24 h saves the same share.
  await expect(
    table
      .getByRole('row', { name: /Flexible Start, W = 24 h/ })
      .getByRole('cell')
      .nth(3)
  ).toHaveText('23.5 %')
  await expect(detail.getByText(/count as 4 whole hours from 1 Mar 2024, 08:00 UTC/)).toBeVisible()
  // The what-if speaks in the run's own kilograms: every setting's baseline is what the run emitted.
  const baselineOf = async (t: typeof table) =>
    Number((await t.getByRole('row').nth(1).getByRole('cell').first().innerText()).replace(/,/g, ''))
  const detailBaselineKg = await baselineOf(table)
  await table.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'tests/artifacts/runs-detail-whatif.png' })

  await detail.getByRole('link', { name: 'When and where could this have run?' }).click()
  await expect(page.getByRole('heading', { name: 'What “Night job” would have saved by starting later' })).toBeVisible()
  // The planner is filled in with the run: its zone, start, whole hours and mean power; the saving is in kg and %
  // of what the run emitted (the same 23.5 % as its own hours above).
  const shift = page.getByRole('region', { name: 'Time shifting', exact: true })
  await expect(shift.getByLabel('Grid zone')).toHaveValue('DE-LU')
  await expect(shift.getByLabel('Start (UTC)')).toHaveValue('2024-03-01T08:00')
  await expect(shift.getByLabel('Hours of work')).toHaveValue('4')
  await expect(shift.getByLabel('Power (kW)')).not.toHaveValue('2')
  const against = shift.getByRole('status', { name: 'Saving against the run' })
  await expect(against).toContainText('Flexible Start, W = 24 h')
  await expect(against).toContainText('(23.5 %)')
  const emittedKg = kgOf((await against.textContent())!.replace(/^The run emitted /, ''))
  const savedKg = kgOf((await against.textContent())!.replace(/^.* would have saved /, ''))
  expect(savedKg / emittedKg).toBeCloseTo(0.235, 2)
  const seeded = shift.getByRole('table', { name: 'Time-shifting strategies in DE-LU' })
  expect(await baselineOf(seeded)).toBe(detailBaselineKg)
  expect(detailBaselineKg).toBeCloseTo(emittedKg, 2)
  // Any date: a start beyond the bundled years is planned on a projection, and says so.
  await shift.getByLabel('Start (UTC)').fill('2027-03-01T08:00')
  await expect(shift.getByText(/projected from 2021–2024/)).toBeVisible()
  await expect(shift.getByRole('table', { name: 'Time-shifting strategies in DE-LU' }).getByRole('row')).toHaveCount(9)
  await shot(page, 'compare-tied-to-run')
  const form = page.getByRole('form', { name: 'Workload' })
  await expect(form.getByLabel('A logged run')).toBeChecked()
  await form.getByRole('button', { name: 'Compare' }).click()
  await expect(
    page.getByRole('table', { name: 'Hardware ranking' }).getByRole('row', { name: /NVIDIA A100 SXM4 80 GB current/ })
  ).toBeVisible()

  await page.goto('/?db=e2e-compare-run#/?period=quarter&start=2024-01')
  const panel = page.getByRole('region', { name: 'Recommendations' })
  // The run's 23.5 % would save about 0.1 kg: below the 1 kg a change must save to be recommended, as in the report.
  await expect(
    panel.getByText('No change of region, hardware or start time would have saved at least 1 kg and 1 % of')
  ).toBeVisible()
  await expect(panel.getByText('From the one run of the period.')).toBeVisible()

  // A week on eight GPUs in the same quarter is worth shifting: the dashboard recommends it.
  await page.goto('/?db=e2e-compare-run#/runs/new')
  await page.getByLabel('Project', { exact: true }).fill('Vision')
  await page.getByLabel('Title', { exact: true }).fill('Week-long job')
  await page.getByLabel('Start (UTC)').fill('2024-03-04T08:00')
  await page.getByLabel('Duration (hours)').fill('168')
  await page.getByLabel('Search the catalogue').fill('A100 SXM4')
  await page.getByLabel('Model', { exact: true }).selectOption('gpu:nvidia-a100-sxm4-80-gb')
  await page.getByLabel('Count', { exact: true }).fill('8')
  await page.getByLabel('Location given as').selectOption('zone')
  await page.getByLabel('Search locations').fill('DE')
  await page.getByLabel('Location', { exact: true }).selectOption('zone:DE')
  await page.getByRole('button', { name: 'Save run' }).click()
  await expect(page.getByRole('complementary', { name: 'Run details' })).toBeVisible()
  await page.goto('/?db=e2e-compare-run#/?period=quarter&start=2024-01')
  await expect(panel.getByText('Start the runs in Germany up to 24 h later, at the cleanest hours')).toBeVisible()
  await expect(panel.getByText('From the 2 runs of the period.')).toBeVisible()
  await shot(page, 'dashboard-recommendations')
})

test("Dodge et al.'s study for a 6-hour 1 kW job in 2024: progress, then one row per zone with the eight settings", async ({
  page
}) => {
  await open(page, 'e2e-compare-study')
  const study = page.getByRole('region', { name: 'Time shifting across zones (Dodge et al. 2022)' })
  await study.getByLabel('Hours of work').fill('6')
  await study.getByLabel('Power (kW)').fill('1')
  await study.getByLabel('Year').selectOption('2024')
  await study.getByRole('button', { name: 'Run the study' }).click()
  const table = study.getByRole('table', { name: 'Average saving by zone, 2024' })
  await expect(table).toBeVisible({ timeout: 60_000 })
  const de = table.getByRole('row', { name: /^DE-LU/ })
  const cells = de.getByRole('cell')
  await expect(cells).toHaveCount(9)
  const pct = async (i: number) => Number((await cells.nth(i).textContent())!.replace(/\s*%$/, ''))
  // Each strategy saves more as its room widens; moving region saves something in DE-LU (IN-WE is dirtier).
  const [w6, w24] = [await pct(0), await pct(3)]
  expect(w6).toBeGreaterThan(0)
  expect(w24).toBeGreaterThanOrEqual(w6)
  expect(await pct(7)).toBeGreaterThanOrEqual(await pct(4))
  expect(await pct(8)).toBeGreaterThan(0)
  await expect(study.getByRole('img', { name: 'Average saving by zone, 2024' })).toBeVisible()
  await shot(page, 'compare-study')
})
