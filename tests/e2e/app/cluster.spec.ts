import { expect, type Page, test } from '@playwright/test'

// A sacct export with partitions the lab has not set: the preview asks for the cluster's zone and each partition's
// hardware and location once, remembers them (Settings › Cluster partitions), and the runs and waste follow.
const open = async (page: Page, db: string, route = '/import') => {
  await page.goto(`/?db=${db}#${route}`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 20_000 })
}
const shot = (page: Page, name: string) => page.screenshot({ path: `tests/artifacts/${name}.png`, fullPage: true })

test('a sacct file with an unknown partition: zone and partition set in the preview, remembered, runs and waste read', async ({
  page
}) => {
  await page.setViewportSize({ width: 1024, height: 900 })
  const db = `e2e-cluster-${Date.now()}`
  await open(page, db)
  await page.getByLabel('Choose files to import').setInputFiles('tests/fixtures/import/slurm/sacct-energy-gpu.psv')
  const card = page.getByRole('region', { name: 'sacct-energy-gpu.psv', exact: true })
  const cluster = card.getByRole('region', { name: 'Cluster' })
  await expect(card.getByTestId('import-counts')).toContainText('10 runs found in 38 rows')
  // the UTC offset list of CodeCarbon files gives way to the cluster's IANA zone
  await expect(card.getByRole('combobox', { name: 'Time zone of the file’s timestamps' })).toHaveCount(0)
  await expect(cluster.getByText('None chosen: UTC is assumed.')).toBeVisible()
  await cluster.getByLabel('Time zone the cluster wrote its times in').fill('Europe/Berl')
  await expect(cluster.getByText('“Europe/Berl” is not a time zone name')).toBeVisible()
  await cluster.getByLabel('Time zone the cluster wrote its times in').fill('Europe/Berlin')
  await expect(card.getByTestId('import-counts')).toContainText('10 runs found in 38 rows')

  await cluster.getByRole('button', { name: 'Set hardware and location of gpu-a100' }).click()
  const form = cluster.getByRole('form', { name: 'Hardware and location of partition gpu-a100' })
  await form.getByLabel('GPU model of its nodes').fill('NVIDIA A100-SXM4-80GB')
  await form.getByLabel('CPU model of its nodes').fill('AMD EPYC 7742')
  await form.getByLabel('Location given as').selectOption('country')
  await form.getByLabel('Search locations').fill('Germany')
  await form.getByLabel('Location', { exact: true }).selectOption('country:DEU')
  await shot(page, 'cluster-partition-preview-1024')
  await form.getByRole('button', { name: 'Remember for gpu-a100' }).click()
  await expect(page.getByText('Partition gpu-a100 remembered')).toBeVisible()
  // read again with it: gpu-a100 is no longer asked for, the others still are
  await expect(cluster.getByRole('button', { name: 'Set hardware and location of gpu-l40s' })).toBeVisible()
  await expect(cluster.getByRole('button', { name: 'Set hardware and location of gpu-a100' })).toHaveCount(0)
  await expect(card.getByTestId('import-counts')).toContainText('10 runs found in 38 rows: 10 new')
  await card.getByRole('button', { name: 'Import 10 runs' }).click()
  await expect(card.getByText('Imported: 10 new, 0 updated, 0 unchanged, 0 rows skipped.')).toBeVisible()

  await page.getByRole('link', { name: 'Runs', exact: true }).click()
  await expect(page.getByText('10 runs', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'pretrain-7b' }).first().click()
  // the 2-day TIMEOUT job on gpu-a100: its GPUs and location as the lab set them, and the trace says so
  await expect(page.getByText('8 × NVIDIA A100-SXM4-80GB, 100%', { exact: true })).toBeVisible()
  // the partition's CPU model counts the CPUs the job was given, named as the lab set it
  await expect(page.getByText(/^1 × AMD EPYC 7742/)).toBeVisible()
  await expect(page.getByText('DEU → Germany', { exact: true })).toBeVisible()
  await expect(
    page.getByText(/GPU NVIDIA A100-SXM4-80GB, CPU AMD EPYC 7742, location from the lab's partition mapping/)
  ).toBeVisible()

  await open(page, db, '/?period=quarter&start=2025-01')
  const waste = page.getByRole('region', { name: 'Waste: unsuccessful jobs and idle GPUs' })
  await expect(waste.getByLabel('Unsuccessful jobs')).toContainText('3 runs')
  await expect(waste.getByLabel('Unsuccessful jobs')).toContainText('kWh')

  // the quarterly report's waste section: the same three unsuccessful jobs, per person and project, and the saving
  for (const [lang, title, person, saved] of [
    ['en', 'Waste', 'Waste per person', 'Without these runs the lab would have saved'],
    ['de', 'Verschwendung', 'Verschwendung je Person', 'Ohne diese Läufe hätte die Gruppe']
  ] as const) {
    await page.goto(`/report.html?period=2025-Q1&lab=Cluster+Lab&lang=${lang}&db=${db}`)
    await page.waitForFunction(() => document.body.dataset.reportReady === 'true', undefined, { timeout: 30_000 })
    const section = page.getByRole('region', { name: title, exact: true })
    await expect(section.getByRole('table', { name: title, exact: true }).getByRole('row')).toHaveCount(4)
    await expect(section.getByRole('table', { name: person }).getByRole('row', { name: /^anna / })).toBeVisible()
    await expect(section.getByText(saved)).toBeVisible()
    await section.scrollIntoViewIfNeeded()
    await section.screenshot({ path: `tests/artifacts/report-waste-${lang}.png` })
  }

  await open(page, db, '/settings?section=cluster')
  const settings = page.getByRole('region', { name: 'Cluster partitions' })
  const partitions = settings.getByRole('table', { name: 'Partitions' })
  await expect(partitions.getByRole('row', { name: /gpu-a100 NVIDIA A100-SXM4-80GB/ })).toBeVisible()
  await expect(settings.getByLabel('Time zone sacct runs in (offered first on import)')).toHaveValue('Europe/Berlin')
  await settings.getByRole('textbox', { name: 'Slurm user', exact: true }).fill('anna')
  await settings.getByRole('textbox', { name: 'Person', exact: true }).fill('Anna Schmidt')
  await settings.getByRole('button', { name: 'Map a Slurm user' }).click()
  await expect(settings.getByRole('table', { name: 'Slurm users and people' })).toContainText('Anna Schmidt')
  await settings.getByRole('button', { name: 'Remove partition gpu-a100' }).click()
  await expect(partitions).toHaveCount(0)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(settings.getByRole('table', { name: 'Partitions' }).getByRole('row', { name: /gpu-a100/ })).toBeVisible()
  await settings.scrollIntoViewIfNeeded()
  await shot(page, 'cluster-settings-1024')

  await page.getByLabel('Language').selectOption('de')
  await expect(page.getByRole('region', { name: 'Cluster-Partitionen' })).toBeVisible()
  await page.getByRole('region', { name: 'Cluster-Partitionen' }).scrollIntoViewIfNeeded()
  await shot(page, 'cluster-settings-de')
})

test('a multi-rank CodeCarbon file: merge the ranks or keep them apart, with the energy each stores', async ({
  page
}) => {
  await page.setViewportSize({ width: 1024, height: 900 })
  await open(page, `e2e-ranks-${Date.now()}`)
  await page.getByLabel('Choose files to import').setInputFiles('tests/fixtures/import/codecarbon/multi-rank.csv')
  const card = page.getByRole('region', { name: 'multi-rank.csv', exact: true })
  const ranks = card.getByRole('region', { name: 'Ranks of one distributed run' })
  const ddp = ranks.getByRole('group', { name: /llm-ddp: 4 ranks · each measured the whole machine/ })
  // merged by default: 7 rows, 3 + 1 of them folded into their groups
  await expect(card.getByTestId('import-counts')).toContainText('3 runs found in 7 rows')
  await expect(ddp.getByLabel(/Merge into one run: stores 5\.8\d* kWh/)).toBeChecked()
  await expect(ddp.getByLabel(/Keep them apart as 4 runs: stores 23\.2\d* kWh/)).not.toBeChecked()
  await shot(page, 'ranks-preview-1024')
  await ddp.getByLabel(/Keep them apart as 4 runs/).check()
  await expect(card.getByTestId('import-counts')).toContainText('6 runs found in 7 rows')
  await card.getByRole('button', { name: 'Import 6 runs' }).click()
  await expect(card.getByText('Imported: 6 new, 0 updated, 0 unchanged, 0 rows skipped.')).toBeVisible()
})
