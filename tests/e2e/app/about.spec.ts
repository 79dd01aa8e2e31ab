import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'

const manifest = JSON.parse(readFileSync('data/manifest.json', 'utf8')) as {
  dataVersion: string
  sources: { id: string; title: string; licence?: string; attribution: string }[]
}
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }

test('About shows the versions and every dataset’s licence and attribution as the manifest gives them', async ({
  page
}) => {
  await page.goto(`/?db=e2e-about-${Date.now()}#/about`)
  await expect(page.getByRole('heading', { name: 'About Carbon Ledger' })).toBeVisible({ timeout: 20_000 })
  await expect(page.getByTestId('app-version')).toHaveText(`Carbon Ledger ${version}`)
  await expect(page.getByText(manifest.dataVersion, { exact: true })).toBeVisible()
  expect(manifest.sources.length).toBeGreaterThanOrEqual(9)
  for (const source of manifest.sources) {
    const item = page.getByRole('listitem', { name: source.title, exact: true })
    await expect(item.getByText(source.attribution, { exact: true })).toBeVisible()
    if (source.licence) await expect(item).toContainText(source.licence)
  }
  await expect(page.getByRole('heading', { name: 'Open Database License (Electricity Maps)' })).toBeVisible()
  await expect(page.getByText('any public use must attribute "Electricity Maps" and keep the ODbL terms')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Methodology' })).toBeVisible()
  await expect(page.getByText(/0\.3725 W\/GB/)).toBeVisible()
  await page.screenshot({ path: 'tests/artifacts/about.png', fullPage: true })

  // German: the same datasets, the messages translated.
  await page.getByLabel('Language').selectOption('de')
  await expect(page.getByRole('heading', { name: 'Über Carbon Ledger' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Referenzdaten: Lizenzen und Quellenangaben' })).toBeVisible()
  await expect(page.getByText(manifest.sources[0]!.attribution, { exact: true })).toBeVisible()
})
