import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test'
import type { HostApi } from '../../shared/host-api'

// As renderer/src/host/HostProvider.tsx declares it (both are in tsconfig.tests.json): present in the Electron shell.
declare global {
  interface Window {
    api?: HostApi
  }
}

export const root = resolve(__dirname, '../..')

export const SKIP_MESSAGE =
  'Electron binary not installed (`npm start` fetches it once, online): Electron end-to-end tests skipped'

/** The Electron executable from node_modules/electron, or null when its binary was never downloaded. */
export function electronBinary(): string | null {
  try {
    // require('electron') from Node returns the executable's path, and throws when the install left no binary.
    const path: unknown = createRequire(join(root, 'package.json'))('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

export function temporaryDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

/** Launches the built app with its own user-data folder (a fresh profile per test, or a shared one to relaunch). */
export async function launchApp(userDataDir: string): Promise<{ app: ElectronApplication; page: Page }> {
  const executablePath = electronBinary()
  if (!executablePath) throw new Error(SKIP_MESSAGE)
  if (!existsSync(join(root, 'out/main/index.js')))
    throw new Error('No build in out/: run `npx electron-vite build` before the Electron tests.')
  // Chromium refuses its OS sandbox as root (CI containers); the renderer's Electron sandbox stays on regardless.
  const args = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox', root] : [root]
  const app = await electron.launch({
    executablePath,
    args,
    cwd: root,
    env: { ...process.env, CARBON_LEDGER_USER_DATA_DIR: userDataDir, ELECTRON_ENABLE_LOGGING: '1' }
  })
  const page = await app.firstWindow()
  await page.waitForLoadState('domcontentloaded')
  return { app, page }
}

/** Replaces the save dialog in main by one that answers `filePath`, as a user would. */
export async function answerSaveDialog(app: ElectronApplication, filePath: string): Promise<void> {
  await app.evaluate(({ dialog }, path) => {
    dialog.showSaveDialog = (async () => ({
      canceled: false,
      filePath: path
    })) as unknown as typeof dialog.showSaveDialog
  }, filePath)
}
