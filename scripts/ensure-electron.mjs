// Fetches Electron's binary the first time the app is started (`npm start`, `npm run dev`, `npm run dist`).
// `npm install` never downloads it (package.json's allowScripts denies electron's postinstall), so an install and
// `npm test` work without internet; only running the desktop app needs the binary, and this fetches it once with
// electron's own install.js (which checks the download against electron's checksums.json).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** node_modules/electron, or null when the package itself is missing (npm install was not run). */
function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
}

/** True when the binary of the installed electron version is in place (what electron's index.js resolves). */
function electronBinaryInstalled(dir) {
  try {
    const executable = readFileSync(join(dir, 'path.txt'), 'utf8')
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    const installedVersion = readFileSync(join(dir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '')
    return installedVersion === version && existsSync(join(dir, 'dist', executable))
  } catch {
    return false
  }
}

function main() {
  const dir = electronPackageDir()
  if (!dir) {
    console.error('Electron is not installed: run `npm install` first.')
    return 1
  }
  if (electronBinaryInstalled(dir)) return 0
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  console.log(`Downloading Electron ${version}'s binary (about 100 MB, once; needed only to run the desktop app)…`)
  // The variable that tells install.js to skip the download is meant for `npm install`, not for this explicit fetch.
  const env = { ...process.env }
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD
  // install.js prints a stack trace on failure: only its first line (the reason) is worth showing.
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], {
    cwd: dir,
    env,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8'
  })
  if (result.status === 0 && electronBinaryInstalled(dir)) return 0
  const reason = (result.stderr ?? '').trim().split('\n')[0] || result.error?.message || 'unknown error'
  console.error(
    [
      '',
      `Could not download Electron ${version}'s binary (is this machine offline?): ${reason}`,
      'The desktop app needs it once: connect to the internet and run the same command again.',
      'Without it, `npm test`, the command line (`npm run --silent cli -- --help`) and the browser version',
      '(`npm run build`, then `node scripts/serve-renderer.mjs 4173`) all work.'
    ].join('\n')
  )
  return 1
}

process.exitCode = main()
