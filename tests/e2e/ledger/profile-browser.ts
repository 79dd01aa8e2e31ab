import { type BrowserContext, type Page } from '@playwright/test'
import { chromium } from 'playwright-core'
import { chromiumArgs, chromiumPath } from '../../support/chromium'

/**
 * Debian's Chromium on a persistent profile directory (what Electron's userData is to the app), on the ledger
 * harness page once it is ready. `beforeLoad` runs on the context before the page loads (an exposed function).
 */
export const launchOnProfile = async (
  profile: string,
  harnessUrl: string,
  beforeLoad?: (context: BrowserContext) => Promise<void>
): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: chromiumArgs,
    headless: true
  })
  await beforeLoad?.(context)
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(harnessUrl)
  await page.waitForFunction(() => document.title === 'ledger harness ready')
  return { context, page }
}
