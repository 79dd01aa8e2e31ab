import { readFileSync } from 'node:fs'
import { expect, type Page, test } from '@playwright/test'
import { shotsAt } from '../harness/shots'

// Issue 16 A, "Project hygiene" and "Long work": the project picker, the import's project plan, merging and
// deleting projects, cancelling a large import's write, and a reload in the middle of one. Each test opens its own
// ledger (?db=…); files go in through the file input as a user's pick.
const open = async (page: Page, db: string, route = '/import') => {
  await page.goto(`/?db=${db}-${Date.now()}#${route}`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 20_000 })
}
const shot = (page: Page, name: string) => page.screenshot({ path: `tests/artifacts/${name}.png`, fullPage: true })
const card = (page: Page, file: string) => page.getByRole('region', { name: file, exact: true })

// A real CodeCarbon row (the repository sample's) as the template: each generated row is its own run, an hour apart.
const SAMPLE = readFileSync('tests/fixtures/import/codecarbon/codecarbon-repo-sample.csv', 'utf8').split('\n')
const HEADER = SAMPLE[0]!
const TEMPLATE = SAMPLE[1]!.split(',')
const codecarbonCsv = (tag: string, projects: readonly string[]): Buffer =>
  Buffer.from(
    [
      HEADER,
      ...projects.map((project, i) => {
        const cells = [...TEMPLATE]
        cells[0] = new Date(Date.UTC(2024, 4, 1) + i * 3_600_000).toISOString().slice(0, 19)
        cells[1] = project
        cells[2] = `${tag}-${i}`
        return cells.join(',')
      })
    ].join('\n')
  )
const csvFile = (name: string, projects: readonly string[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: codecarbonCsv(name, projects)
})

const createProject = async (page: Page, name: string) => {
  await page.getByLabel('New project name').fill(name)
  await page.getByRole('button', { name: 'Create project' }).click()
  await expect(page.getByRole('link', { name: `Open ${name.trim()}` })).toBeVisible()
}

test('the run form offers "Vision inference" for "vision inference " and files the run there', async ({ page }) => {
  await open(page, 'e2e-picker', '/projects')
  await createProject(page, 'Vision inference')
  await createProject(page, 'Language models')
  await page.getByRole('link', { name: 'Add run' }).click()
  const project = page.getByRole('combobox', { name: 'Project', exact: true })
  await project.fill('vision inference ')
  const list = page.getByRole('listbox')
  await expect(list.getByRole('option')).toHaveText(['Vision inference'])
  await expect(page.getByText('Goes to the project “Vision inference”.')).toBeVisible()
  await shotsAt(page, 'project-picker')
  // Keyboard: down to the option, Enter takes it.
  await project.press('ArrowDown')
  await expect(project).toHaveAttribute('aria-activedescendant', /-0$/)
  await project.press('Enter')
  await expect(project).toHaveValue('Vision inference')
  await expect(list).toBeHidden()

  await page.getByLabel('Title', { exact: true }).fill('ViT eval')
  await page.getByLabel('Start (UTC)').fill('2026-02-10T09:00')
  await page.getByLabel('Duration (hours)').fill('10')
  await page.getByLabel('Power override (W)').fill('300')
  await page.getByRole('button', { name: 'Save run' }).click()
  await page.getByRole('navigation').first().getByRole('link', { name: 'Projects' }).click()
  await expect(page.getByRole('list', { name: 'Projects list' }).getByRole('listitem')).toHaveCount(2)
  const vision = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Open Vision inference' }) })
  await expect(vision.getByText('1 run', { exact: true })).toBeVisible()
})

test('an import of 12 project names goes to one project; undo removes the project it created', async ({ page }) => {
  await open(page, 'e2e-plan')
  const names = Array.from({ length: 12 }, (_, i) => `exp-${i}`)
  await page
    .getByLabel('Choose files to import')
    .setInputFiles([csvFile('sweep-a.csv', names), csvFile('sweep-b.csv', [...names].reverse())])
  // The first read loads the reference data: on a busy machine that takes a while.
  await expect(card(page, 'sweep-a.csv').getByTestId('import-counts')).toContainText('12 runs found', {
    timeout: 30_000
  })
  await expect(card(page, 'sweep-b.csv').getByTestId('import-counts')).toContainText('12 runs found', {
    timeout: 30_000
  })
  const plan = page.getByRole('group', { name: 'Projects of the chosen files' })
  await expect(plan.getByText('12 project names (files chosen: 2).')).toBeVisible()
  // One row per distinct name across both files, not one per file.
  await expect(plan.getByRole('combobox')).toHaveCount(12)
  await expect(plan.getByText('A project chosen for a name is remembered')).toBeVisible()
  await shotsAt(page, 'import-plan-each', { german: false })

  await plan.getByRole('radio', { name: 'All to one project' }).check()
  await plan.getByRole('combobox', { name: 'Project for all runs' }).fill('Hyper-parameter sweep')
  await expect(plan.getByText('A new project “Hyper-parameter sweep” will be created.')).toBeVisible()
  // All to one project holds for this import only: the 12 names are not remembered as mappings to it.
  await expect(plan.getByText('For this import only: later imports still send each project name')).toBeVisible()
  await shotsAt(page, 'import-plan-one')
  await page.getByRole('button', { name: 'Import all: 2 files' }).click()
  await expect(card(page, 'sweep-b.csv').getByText(/Imported: 12 new/)).toBeVisible()
  await expect(card(page, 'sweep-a.csv').getByText(/Imported: 12 new/)).toBeVisible()
  await expect(
    page
      .getByRole('region', { name: 'Remembered project mappings' })
      .getByText('None yet: the first import remembers them.')
  ).toBeVisible()

  await page.getByRole('navigation').first().getByRole('link', { name: 'Projects' }).click()
  const list = page.getByRole('list', { name: 'Projects list' })
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list.getByText('24 runs')).toBeVisible()

  await page.getByRole('navigation').first().getByRole('link', { name: 'Import', exact: true }).click()
  await page.getByRole('button', { name: 'Undo the import of sweep-a.csv' }).click()
  await page.getByRole('button', { name: 'Undo the import of sweep-b.csv' }).click()
  await page.getByRole('navigation').first().getByRole('link', { name: 'Projects' }).click()
  await expect(page.getByText('No projects yet')).toBeVisible()
})

test('merge two projects on the Projects screen, undo it, delete an empty project', async ({ page }) => {
  await open(page, 'e2e-merge')
  await page.getByLabel('Choose files to import').setInputFiles(csvFile('two.csv', ['Vision', 'vision-old', 'Vision']))
  await page.getByRole('button', { name: 'Import 3 runs' }).click()
  await expect(card(page, 'two.csv').getByText(/Imported: 3 new/)).toBeVisible()
  await page.getByRole('navigation').first().getByRole('link', { name: 'Projects' }).click()
  await createProject(page, 'Empty one')
  const list = page.getByRole('list', { name: 'Projects list' })
  await expect(list.getByRole('listitem')).toHaveCount(3)

  await page.getByRole('button', { name: 'Merge vision-old into…' }).click()
  const target = page.getByRole('combobox', { name: 'Project to merge vision-old into' })
  await target.fill('vis')
  await page.getByRole('option', { name: 'Vision', exact: true }).click()
  await shotsAt(page, 'projects-merge')
  await page.getByRole('button', { name: 'Merge', exact: true }).click()
  await expect(page.getByText('vision-old merged into Vision: 1 run moved.')).toBeVisible()
  await expect(list.getByRole('listitem')).toHaveCount(2)
  const vision = list.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Open Vision' }) })
  await expect(vision.getByText('3 runs')).toBeVisible()
  // Totals follow the runs: the dashboard of May 2024 still counts 3 runs.
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(3)
  await expect(vision.getByText('2 runs')).toBeVisible()

  // Only an empty project offers Delete.
  await expect(page.getByRole('button', { name: 'Delete Vision' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Delete Empty one' }).click()
  await expect(page.getByText('Project Empty one deleted.')).toBeVisible()
  await expect(list.getByRole('listitem')).toHaveCount(2)
})

/** Enough runs that their write takes a few seconds, in chunks the page can interrupt. */
const BIG = Array.from({ length: 12_000 }, (_, i) => `big-${i % 3}`)

test('cancel a large import: nothing of it stays', async ({ page }) => {
  test.setTimeout(120_000)
  await open(page, 'e2e-cancel')
  await page.getByLabel('Choose files to import').setInputFiles(csvFile('big.csv', BIG))
  const big = card(page, 'big.csv')
  await expect(big.getByTestId('import-counts')).toContainText('12,000 runs found', { timeout: 60_000 })
  await big.getByRole('button', { name: /Import 12,000 runs/ }).click()
  await expect(big.getByRole('progressbar', { name: /Writing/ })).toBeVisible()
  await shot(page, 'import-writing-1024')
  await big.getByRole('button', { name: 'Cancel import' }).click()
  await expect(page.getByText('The import of big.csv was cancelled: nothing of it was kept.')).toBeVisible()
  await expect(page.getByText('No imports yet.')).toBeVisible()
  await page.getByRole('navigation').first().getByRole('link', { name: 'Projects' }).click()
  await expect(page.getByText('No projects yet')).toBeVisible()
  await page.getByRole('navigation').first().getByRole('link', { name: 'Runs', exact: true }).click()
  await expect(page.getByText('0 runs')).toBeVisible()
})

test('a reload in the middle of an import says it was interrupted and kept nothing', async ({ page }) => {
  test.setTimeout(120_000)
  await open(page, 'e2e-reload')
  await page.getByLabel('Choose files to import').setInputFiles(csvFile('big.csv', BIG))
  const big = card(page, 'big.csv')
  await expect(big.getByTestId('import-counts')).toContainText('12,000 runs found', { timeout: 60_000 })
  await big.getByRole('button', { name: /Import 12,000 runs/ }).click()
  await expect(big.getByRole('progressbar', { name: /Writing/ })).toBeVisible()
  await expect(big.getByRole('progressbar', { name: /Writing/ })).not.toHaveAttribute('value', '0')
  await page.reload()
  const notice = page.getByRole('alert').filter({ hasText: 'interrupted' })
  await expect(notice).toHaveText(/The import of big\.csv was interrupted .*nothing of it was kept/)
  await expect(page.getByText('No imports yet.')).toBeVisible()
  await shotsAt(page, 'import-interrupted')
  await page.getByRole('navigation').first().getByRole('link', { name: 'Runs', exact: true }).click()
  await expect(page.getByText('0 runs')).toBeVisible()
  await page.getByRole('navigation').first().getByRole('link', { name: 'Projects' }).click()
  await expect(page.getByText('No projects yet')).toBeVisible()
})
