import { expect, type Page, test } from '@playwright/test'

// Each test opens its own ledger database (?db=…), so tests do not see each other's runs.
const open = async (page: Page, db: string, route = '/') => {
  await page.goto(`/?db=${db}#${route}`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
}

const shot = (page: Page, name: string) => page.screenshot({ path: `tests/artifacts/${name}.png`, fullPage: true })

/** 300 W for 100 h at a custom 566.3 g/kWh, PUE 1: 30 kWh and 16.989 kg (the mlco2 check of docs/methodology.md §2). */
const addRun = async (page: Page, title: string, project: string) => {
  await page.getByRole('link', { name: 'Add run' }).click()
  await expect(page.getByRole('heading', { name: 'Add a run' })).toBeVisible()
  await page.getByLabel('Project', { exact: true }).fill(project)
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByLabel('Start (UTC)').fill('2026-02-10T09:00')
  await page.getByLabel('Duration (hours)').fill('100')
  await page.getByLabel('Power override (W)').fill('300')
  await page.getByLabel('Location given as').selectOption('custom')
  await page.getByLabel('Intensity (g CO2e/kWh)').fill('566.3')
  await page.getByLabel('PUE').fill('1')
}

test('create a project, add and edit a run, see its figures and its trace', async ({ page }) => {
  await open(page, 'e2e-run', '/projects')
  await expect(page.getByText('No projects yet')).toBeVisible()
  await page.getByLabel('New project name').fill('Vision')
  await page.getByRole('button', { name: 'Create project' }).click()
  await expect(page.getByRole('link', { name: 'Open Vision' })).toBeVisible()
  await shot(page, 'projects')

  await addRun(page, 'ResNet baseline', 'Vision')
  const result = page.getByRole('complementary', { name: 'Result' })
  await expect(result.getByText('16.99 kg').first()).toBeVisible()
  await expect(result.getByText('30 kWh')).toBeVisible()
  await shot(page, 'run-form')
  await page.getByRole('button', { name: 'Save run' }).click()

  // The detail panel shows the trace with the numbers.
  const detail = page.getByRole('complementary', { name: 'Run details' })
  await expect(detail.getByText('ResNet baseline')).toBeVisible()
  await expect(detail.getByRole('table', { name: 'Computation' })).toContainText('566.3')
  await expect(detail.getByRole('table', { name: 'Computation' })).toContainText('16.98')
  await shot(page, 'runs-detail')

  // Edit: twice the duration doubles the figures.
  await detail.getByRole('link', { name: 'Edit' }).click()
  await expect(page.getByRole('heading', { name: 'Edit run' })).toBeVisible()
  await page.getByLabel('Duration (hours)').fill('200')
  await expect(page.getByRole('complementary', { name: 'Result' }).getByText('33.98 kg').first()).toBeVisible()
  await page.getByRole('button', { name: 'Save run' }).click()
  await expect(page.getByRole('table', { name: 'Runs table' }).getByText('33.98 kg').first()).toBeVisible()

  // The project page and the dashboard show it.
  await page.goto('/?db=e2e-run#/?period=quarter&start=2026-01')
  await expect(page.getByRole('heading', { name: 'Totals for Q1 2026' })).toBeVisible()
  await expect(page.getByText('33.98 kg').first()).toBeVisible()
  await shot(page, 'dashboard')
  await page.getByRole('link', { name: 'Projects' }).click()
  await page.getByRole('link', { name: 'Open Vision' }).click()
  await expect(page.getByRole('heading', { name: 'Vision' })).toBeVisible()
  await shot(page, 'project')
})

test('validation messages appear at the field', async ({ page }) => {
  await open(page, 'e2e-valid', '/runs/new')
  await page.getByLabel('Duration (hours)').fill('abc')
  await page.getByRole('button', { name: 'Save run' }).click()
  await expect(page.getByLabel('Duration (hours)')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('Enter a number.')).toBeVisible()
})

test('filter the runs table, delete and undo', async ({ page }) => {
  await open(page, 'e2e-filter')
  for (const [title, project] of [
    ['alpha', 'A'],
    ['beta', 'B'],
    ['gamma', 'A']
  ] as const) {
    await addRun(page, title, project)
    await page.getByRole('button', { name: 'Save run' }).click()
    await expect(page.getByRole('complementary', { name: 'Run details' })).toBeVisible()
  }
  await page.getByRole('link', { name: 'Runs' }).click()
  const table = page.getByRole('table', { name: 'Runs table' })
  await expect(page.getByText('3 runs')).toBeVisible()
  await page.getByLabel('Project', { exact: true }).selectOption({ label: 'A' })
  await expect(page.getByText('2 runs')).toBeVisible()
  await expect(table.getByRole('button', { name: 'beta' })).toHaveCount(0)
  await page.getByLabel('Project', { exact: true }).selectOption({ label: 'All' })
  await page.getByLabel('Search title, notes, tags').fill('gam')
  await expect(page.getByText('1 run', { exact: true })).toBeVisible()
  await page.getByLabel('Search title, notes, tags').fill('')
  await expect(page.getByText('3 runs')).toBeVisible()
  await shot(page, 'runs')

  await page.getByLabel('Select run beta').check()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(page.getByText('1 run moved to the trash (Settings → Trash).')).toBeVisible()
  await expect(page.getByText('2 runs')).toBeVisible()
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByText('3 runs')).toBeVisible()
  await expect(table.getByRole('button', { name: 'beta' })).toBeVisible()
})

test('switch the language to German: labels and number formatting', async ({ page }) => {
  await open(page, 'e2e-lang', '/runs/new')
  await page.getByLabel('Language').selectOption('de')
  await expect(page.getByRole('heading', { name: 'Lauf erfassen' })).toBeVisible()
  await page.getByLabel('Dauer (Stunden)').fill('100')
  await page.getByLabel('Eigene Leistung (W)').fill('300')
  await page.getByLabel('Standort angeben als').selectOption('custom')
  await page.getByLabel('Intensität (g CO2e/kWh)').fill('566,3')
  await page.getByLabel('PUE').fill('1')
  await expect(page.getByRole('complementary', { name: 'Ergebnis' }).getByText('16,99 kg').first()).toBeVisible()
  await expect(page.getByRole('link', { name: 'Übersicht' })).toBeVisible()
  await shot(page, 'run-form-de')
  await page.getByLabel('Projekt', { exact: true }).fill('Vision')
  await page.getByRole('button', { name: 'Lauf speichern' }).click()
  // The trace made in shared/ reads as German, its numbers with German decimals.
  const trace = page
    .getByRole('complementary', { name: 'Details des Laufs' })
    .getByRole('table', { name: 'Berechnung' })
  await expect(trace).toContainText('Emissionen, standortbasiert')
  await expect(trace).toContainText('30 kWh × 566,3 g/kWh / 1000')
  await expect(trace).not.toContainText('566.3')
  await shot(page, 'runs-detail-de')
  await trace.screenshot({ path: 'tests/artifacts/runs-detail-trace-de.png' })
  await page.getByRole('link', { name: 'Übersicht' }).click()
  await expect(page.getByRole('heading', { name: 'Übersicht' })).toBeVisible()
  await shot(page, 'dashboard-de')
})
