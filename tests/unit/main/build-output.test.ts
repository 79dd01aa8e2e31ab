// Checks the built app (out/, from `npx electron-vite build`): skipped with a message when there is no build yet.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const out = resolve('out')
const preload = join(out, 'preload', 'index.cjs')
const rendererDir = join(out, 'renderer')
const built = existsSync(preload) && existsSync(join(rendererDir, 'index.html'))
const skipReason =
  'no build in out/: run `npx electron-vite build` first (scripts/test.mjs runs this check after its build step)'

/** Every module specifier a CommonJS bundle asks for: require('x'), and dynamic import('x') which a sandbox forbids too. */
function requiredModules(code: string): string[] {
  return [...code.matchAll(/\b(?:require|import)\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((match) => match[2] ?? '')
}

describe.skipIf(!built)(`build output${built ? '' : ` (skipped: ${skipReason})`}`, () => {
  it('the preload is one CommonJS file that requires nothing but electron', () => {
    const code = readFileSync(preload, 'utf8')
    expect(requiredModules(code)).toEqual(['electron'])
    expect(code).not.toMatch(/^\s*(import|export)\s/m)
    expect(
      readdirSync(join(out, 'preload')).filter(
        (name) => name.endsWith('.js') || name.endsWith('.cjs') || name.endsWith('.mjs')
      )
    ).toEqual(['index.cjs'])
  })

  it('the preload never hands ipcRenderer or a generic invoke to the page', () => {
    const code = readFileSync(preload, 'utf8')
    const exposed = [...code.matchAll(/exposeInMainWorld\(\s*"([^"]+)"/g)].map((match) => match[1])
    expect(exposed).toEqual(['api'])
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/)
    expect(code).not.toMatch(/\binvoke\s*:/)
  })

  it('the main bundle requires only electron and Node built-ins (the package ships no node_modules)', () => {
    const modules = requiredModules(readFileSync(join(out, 'main', 'index.js'), 'utf8'))
    // chokidar (bundled) requires built-ins without the node: prefix ('fs', 'events')
    const builtIn = (name: string) => name.startsWith('node:') || builtinModules.includes(name)
    expect(modules.filter((name) => name !== 'electron' && !builtIn(name))).toEqual([])
  })

  it('the built HTML pages have no inline script, no inline handler and nothing remote', () => {
    const pages = readdirSync(rendererDir).filter((name) => name.endsWith('.html'))
    expect(pages).toContain('index.html')
    for (const page of pages) {
      const html = readFileSync(join(rendererDir, page), 'utf8')
      for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
        expect(script, `${page}: ${script}`).toMatch(/^<script\b[^>]*\bsrc=["']\.?\/?[^"':]+["'][^>]*>\s*<\/script>$/i)
      }
      expect(html, page).not.toMatch(/\son[a-z]+\s*=/i)
      expect(html, page).not.toMatch(/(src|href)=["'](https?:)?\/\//i)
    }
  })
})
