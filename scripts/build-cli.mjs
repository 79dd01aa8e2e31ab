// Bundles the headless command line (main/cli) for plain Node: no Electron, fast cold start.
// ESM with code splitting keeps each zone's hourly profile in its own chunk, loaded only when used; JSON data is
// emitted as JSON.parse('…'), which V8 parses several times faster than the same data as a JavaScript literal.
import { readFile } from 'node:fs/promises'
import { build } from 'esbuild'

const jsonAsParse = {
  name: 'json-as-parse',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, async (args) => {
      const text = JSON.stringify(JSON.parse(await readFile(args.path, 'utf8')))
      return { contents: `export default JSON.parse(${JSON.stringify(text)})`, loader: 'js' }
    })
  }
}

await build({
  entryPoints: { 'carbon-ledger': 'main/cli/index.ts' },
  outdir: 'out/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [jsonAsParse]
})
