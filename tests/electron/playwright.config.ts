// The packaged shell end to end: Playwright drives the real Electron binary on the built app (out/). Every spec skips
// itself, saying why, when there is no Electron binary (`npm install` never fetches it; `npm start` does).
import { defineConfig } from '@playwright/test'
import { electronBinary, SKIP_MESSAGE } from './support'

if (electronBinary() === null) console.warn(SKIP_MESSAGE)

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Printing waits up to 60 s for the report's ready signal; leave room for it.
  timeout: 120_000
})
