// Runs every test suite the way CI does and ends with one line "N passed, N failed[, N skipped]".
// Suites: lint, typecheck, electronegativity, unit + db (vitest), app build and its output checks (the files, and the
// main bundle run with a stand-in electron), end-to-end in Chromium, Electron (skips without a binary).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'

const resultsDir = resolve('out', 'test-results')
rmSync(resultsDir, { recursive: true, force: true })
mkdirSync(resultsDir, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
const lines = []

function run(command, args, env = {}) {
  console.log(`\n▶ ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: false })
  return result.status === 0
}

/** A suite that is one check: it passes or fails as a whole (lint, typecheck, build). */
function check(name, command, args) {
  const ok = run(command, args)
  totals[ok ? 'passed' : 'failed'] += 1
  lines.push(`${name}: ${ok ? '1 passed' : '1 failed'}`)
  return ok
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

function vitest(name, args) {
  const file = join(resultsDir, `${name.replace(/\W+/g, '-')}.json`)
  const ok = run('npx', [
    'vitest',
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`
  ])
  const report = readJson(file)
  if (!report) {
    totals.failed += 1
    lines.push(`${name}: the runner produced no report (1 failed)`)
    return
  }
  const passed = report.numPassedTests
  const failed = report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1)
  const skipped = report.numPendingTests + report.numTodoTests
  totals.passed += passed
  totals.failed += failed
  totals.skipped += skipped
  lines.push(`${name}: ${passed} passed, ${failed} failed, ${skipped} skipped`)
}

function playwright(name, config) {
  const file = join(resultsDir, `${name}.json`)
  const ok = run('npx', ['playwright', 'test', '-c', config, '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: file
  })
  const report = readJson(file)
  if (!report) {
    totals.failed += 1
    lines.push(`${name}: the runner produced no report (1 failed)`)
    return
  }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {}
  const failed = unexpected + flaky + (ok || unexpected + flaky > 0 ? 0 : 1)
  totals.passed += expected
  totals.failed += failed
  totals.skipped += skipped
  lines.push(`${name}: ${expected} passed, ${failed} failed, ${skipped} skipped`)
}

check('lint', 'npx', ['eslint', '.'])
check('format', 'npx', ['prettier', '--check', '.'])
check('typecheck', 'npm', ['run', '--silent', 'typecheck'])
check('electronegativity', 'node', ['scripts/electronegativity.mjs'])
check('cli build', 'node', ['scripts/build-cli.mjs'])
// The checks of the built app read out/: they run after the fresh build, not on a stale one.
const buildChecks = ['tests/unit/main/build-output.test.ts', 'tests/unit/main/main-bundle.test.ts']
vitest(
  'unit + db',
  buildChecks.flatMap((file) => ['--exclude', file])
)
if (check('app build', 'npx', ['electron-vite', 'build'])) {
  vitest('build output', buildChecks)
  if (existsSync('tests/e2e/playwright.config.ts')) playwright('e2e', 'tests/e2e/playwright.config.ts')
  if (existsSync('tests/electron/playwright.config.ts')) playwright('electron', 'tests/electron/playwright.config.ts')
}

console.log('\nSuites:')
for (const line of lines) console.log(`  ${line}`)
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed > 0 ? 1 : 0)
