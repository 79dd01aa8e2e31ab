// Only the thin adapters may import electron at run time: every other main/ module must load in plain Node, where
// importing electron would try to download its binary. Type-only imports are erased and allowed.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ADAPTERS = ['main/index.ts', 'main/preload/index.ts', 'main/protocol/register.ts']

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'cli' ? [] : sources(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

describe('electron stays in the adapters', () => {
  it('no other main/ module imports electron at run time', () => {
    const offenders = sources('main')
      .map((path) => relative('.', path).split('\\').join('/'))
      .filter((path) => !ADAPTERS.includes(path))
      .filter(
        (path) =>
          /^\s*import\s+(?!type\b)[^;]*from\s+['"]electron['"]/m.test(readFileSync(path, 'utf8')) ||
          /require\(['"]electron['"]\)/.test(readFileSync(path, 'utf8'))
      )
    expect(offenders).toEqual([])
  })

  it('the adapters exist where this test expects them', () => {
    for (const path of ADAPTERS) expect(readFileSync(path, 'utf8')).toMatch(/from 'electron'/)
  })
})
