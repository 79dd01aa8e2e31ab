import { defineConfig } from '@playwright/test'

/**
 * The ledger's browser tests: renderer/db in real Chromium with persistent profiles. Each spec starts its own
 * harness server and browser (tests/e2e/harness), so no webServer here.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../../test-results/e2e-ledger',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000
})
