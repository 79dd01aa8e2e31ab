// Runs every benchmark in tests/bench, one after another. Each prints its figures and the machine; nothing is
// asserted. Builds first: the CLI bundle and the app (the browser benchmarks drive the built renderer in Chromium).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const build = [
  ['node', ['scripts/build-cli.mjs']],
  ['npx', ['electron-vite', 'build']]
]
const benches = [
  ['npx', ['tsx', 'tests/bench/cli.bench.ts']],
  ['npx', ['tsx', 'tests/bench/import/import.bench.ts']],
  ['npx', ['tsx', 'tests/bench/planning/sweep.bench.ts']],
  ['node', ['tests/bench/ui/initial-js-size.mjs']],
  ['npx', ['tsx', 'tests/bench/ui/dashboard.bench.ts']],
  ['npx', ['tsx', 'tests/bench/ui/import-parse.bench.ts']],
  ['npx', ['tsx', 'tests/bench/report/report-pdf.bench.ts']],
  ['npx', ['tsx', 'tests/bench/ledger/bench.ts']]
].filter(([, args]) => existsSync(args.at(-1)))

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status === 0

for (const [command, args] of build) {
  if (!run(command, args)) process.exit(1)
}
let failed = 0
for (const [command, args] of benches) {
  console.log(`\n▶ ${args.join(' ')}`)
  if (!run(command, args)) failed += 1
}
process.exit(failed > 0 ? 1 : 0)
