import { expect, test } from '@playwright/test'

test('the built renderer opens in Chromium and shows the app', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Carbon Ledger' })).toBeVisible()
})
