// Bundles the headless command line (main/cli) into one CommonJS file for plain Node: no Electron, fast cold start.
import { build } from 'esbuild'

await build({
  entryPoints: ['main/cli/index.ts'],
  outfile: 'out/cli/carbon-ledger.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning'
})
