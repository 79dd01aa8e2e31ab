import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

// The two large reference tables, imported only as a whole (renderer code imports manifest.json's fields by name).
const LARGE_DATA_JSON = /[\\/]data[\\/](hardware|locations)\.json$/

/**
 * data/hardware.json and data/locations.json as JSON.parse('…') instead of object literals: V8 parses a JSON string
 * several times faster than the same data as JavaScript (as scripts/build-cli.mjs does for the command line).
 */
const jsonAsParse = (): Plugin => ({
  name: 'json-as-parse',
  enforce: 'pre',
  load(id) {
    if (!LARGE_DATA_JSON.test(id)) return null
    const text = JSON.stringify(JSON.parse(readFileSync(id, 'utf8')))
    return { code: `export default JSON.parse(${JSON.stringify(text)})`, moduleType: 'js' }
  }
})

// One renderer build serves Electron (app://) and the plain-browser version (tests, labs that cannot install).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Bundle zod and the shared code: the package ships out/** only, no node_modules (electron-builder.yml).
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve('main/index.ts') } }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('main/preload/index.ts') },
        // A sandboxed preload may require only 'electron': it must be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react(), jsonAsParse()],
    // The Import screen's parse worker (screens/import/parse.worker.ts) loads the catalogue lazily: ES modules split.
    worker: { format: 'es', plugins: () => [jsonAsParse()] },
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves the renderer unminified by default; the initial JavaScript's size is a benchmarked target.
      minify: true,
      rollupOptions: {
        input: { index: resolve('renderer/index.html'), report: resolve('renderer/report.html') }
      }
    }
  }
})
