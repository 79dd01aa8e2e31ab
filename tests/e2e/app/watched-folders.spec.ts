import { expect, test } from '@playwright/test'

// Watched folders need the desktop app's file system: the browser build says so instead of offering them.
test('the browser build explains why it cannot watch folders', async ({ page }) => {
  await page.goto(`/?db=e2e-watched-${Date.now()}#/settings`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 20_000 })
  const section = page.getByRole('region', { name: 'Watched folders' })
  await expect(section).toBeVisible()
  await expect(
    section.getByText(
      'Watched folders work in the desktop app only: a web page has no access to the folders on your disk'
    )
  ).toBeVisible()
  await expect(section.getByRole('button', { name: 'Watch a folder…' })).toHaveCount(0)
})
