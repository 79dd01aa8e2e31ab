import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

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
    plugins: [react()],
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
