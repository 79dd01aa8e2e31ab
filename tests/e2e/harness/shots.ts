import { expect, type Page } from '@playwright/test'

/** The widths every screen of issue 16 is looked at: a small laptop and a wide monitor. */
const WIDTHS = [1024, 1920] as const

/**
 * Full-page screenshots of the page as it stands, at 1,024 and 1,920 px wide, then (unless german is false) the same
 * in German: `tests/artifacts/<name>-1024.png`, `-1920`, `-de-1024`, `-de-1920`. Each width is also checked: the
 * page is never wider than its window. The language and the viewport are put back afterwards.
 */
export async function shotsAt(page: Page, name: string, { german = true }: { german?: boolean } = {}) {
  const before = page.viewportSize() ?? { width: 1280, height: 720 }
  const take = async (file: string) => {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: before.height })
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: `${file} at ${width} px` })
        .toBeLessThanOrEqual(width)
      // From the top: a full-page shot of a scrolled page draws the sticky top bar in the middle.
      await page.evaluate(() => window.scrollTo(0, 0))
      await page.screenshot({ path: `tests/artifacts/${file}-${width}.png`, fullPage: true })
    }
  }
  await take(name)
  if (german) {
    await page.getByLabel('Language', { exact: true }).selectOption('de')
    await expect(page.locator('html')).toHaveAttribute('lang', 'de')
    await take(`${name}-de`)
    await page.getByLabel('Sprache', { exact: true }).selectOption('en')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  }
  await page.setViewportSize(before)
}
