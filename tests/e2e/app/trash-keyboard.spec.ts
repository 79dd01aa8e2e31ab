import { expect, type Page, test } from '@playwright/test'

const open = async (page: Page, db: string, route = '/') => {
  await page.goto(`/?db=${db}#${route}`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
}

/** A run with a long trace (GPU, CPU and memory), so the detail panel scrolls. */
const addRun = async (page: Page, title: string) => {
  await page.getByRole('link', { name: 'Add run' }).click()
  await page.getByLabel('Project', { exact: true }).fill('K')
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByLabel('Start (UTC)').fill('2026-02-10T09:00')
  await page.getByLabel('Duration (hours)').fill('10')
  await page.getByLabel('Power override (W)').fill('300')
  await page.getByLabel('Location given as').selectOption('custom')
  await page.getByLabel('Intensity (g CO2e/kWh)').fill('400')
  await page.getByRole('button', { name: 'Save run' }).click()
  await expect(page.getByRole('complementary', { name: 'Run details' })).toBeVisible()
}

test('the run detail from the keyboard: scrollable, closed by Escape, focus kept after Delete; the trash restores later', async ({
  page
}) => {
  await page.setViewportSize({ width: 1280, height: 640 })
  await open(page, 'e2e-trash-keyboard')
  await addRun(page, 'first')
  await addRun(page, 'second')
  await page.getByRole('link', { name: 'Runs' }).click()
  await expect(page.getByText('2 runs')).toBeVisible()

  // Enter on a title opens the panel on its heading; the panel itself takes focus and scrolls with the keyboard.
  await page.getByRole('table', { name: 'Runs table' }).getByRole('button', { name: 'first' }).focus()
  await page.keyboard.press('Enter')
  const panel = page.getByRole('complementary', { name: 'Run details' })
  await expect(page.getByRole('heading', { name: 'Run details' })).toBeFocused()
  await panel.focus()
  await expect(panel).toBeFocused()
  expect(await panel.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
  await page.keyboard.press('End')
  await expect.poll(() => panel.evaluate((el) => el.scrollTop)).toBeGreaterThan(0)

  // Focus fallen back to the page (past the panel's last control): Escape still closes it.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()

  // Delete from the panel: focus goes to the screen's title, not to nowhere.
  await page.getByRole('table', { name: 'Runs table' }).getByRole('button', { name: 'second' }).click()
  await panel.getByRole('button', { name: 'Delete', exact: true }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByText('1 run moved to the trash')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Runs' })).toBeFocused()
  await expect(page.getByText('1 run', { exact: true })).toBeVisible()

  // Long after the undo notice: Settings → Trash lists the deletion and puts the run back.
  await page.getByRole('link', { name: 'Settings' }).click()
  const trash = page.getByRole('region', { name: 'Trash' })
  await expect(trash.getByRole('cell', { name: /1 run: second/ })).toBeVisible()
  await page.screenshot({ path: 'tests/artifacts/settings-trash.png', fullPage: true })
  await trash.getByRole('button', { name: 'Restore second' }).click()
  await expect(trash.getByText('The trash is empty.')).toBeVisible()
  await page.getByRole('link', { name: 'Runs' }).click()
  await expect(page.getByText('2 runs')).toBeVisible()

  // Emptying asks first, and then the deletion is gone for good.
  await page.getByLabel('Select run first').check()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(page.getByText('1 run', { exact: true })).toBeVisible()
  await page.getByRole('link', { name: 'Settings' }).click()
  await trash.getByRole('button', { name: 'Empty the trash' }).click()
  await expect(trash.getByRole('alert')).toContainText('Delete 1 run for good?')
  await trash.getByRole('button', { name: 'Delete for good' }).click()
  await expect(trash.getByText('The trash is empty.')).toBeVisible()
  await page.getByRole('link', { name: 'Runs' }).click()
  await expect(page.getByText('1 run', { exact: true })).toBeVisible()
})
