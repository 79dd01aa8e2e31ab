// Runs every benchmark in tests/bench, one after another (they print figures and the machine; nothing is asserted).
// Needs the builds: the CLI bundle (npm install builds it) and, for browser benchmarks, `npm run build`.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const benches = [
  ['npx', ['tsx', 'tests/bench/cli.bench.ts']],
  ['npx', ['tsx', 'tests/bench/import/import.bench.ts']]
].filter(([, args]) => existsSync(args[1]))

let failed = 0
for (const [command, args] of benches) {
  console.log(`\n▶ ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit' })
  if (result.status !== 0) failed += 1
}
process.exit(failed > 0 ? 1 : 0)
