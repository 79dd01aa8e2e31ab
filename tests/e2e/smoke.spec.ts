import { expect, test } from '@playwright/test'

test('the built renderer opens in Chromium and shows the app', async ({ page }) => {
  await page.goto('/?db=e2e-smoke')
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible()
})
