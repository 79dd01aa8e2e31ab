// electron-builder.yml is read by electron-builder only at `npm run dist`; these lines are security settings, so a
// change to them must fail here first. (Plain line checks: the file is flat YAML and the project has no YAML parser.)
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const config = readFileSync('electron-builder.yml', 'utf8')
const lines = new Set(config.split(/\r?\n/).map((line) => line.replace(/\s+#.*$/, '').trimEnd()))

describe('electron-builder.yml', () => {
  it('fixes the identity of the app', () => {
    expect(lines).toContain('appId: org.carbonledger.app')
    expect(lines).toContain('productName: Carbon Ledger')
  })

  it.each([
    'runAsNode: false',
    'enableCookieEncryption: true',
    'enableNodeOptionsEnvironmentVariable: false',
    'enableNodeCliInspectArguments: false',
    'enableEmbeddedAsarIntegrityValidation: true',
    'onlyLoadAppFromAsar: true',
    'grantFileProtocolExtraPrivileges: false'
  ])('sets the fuse %s', (fuse) => {
    expect(config).toMatch(/^electronFuses:\s*$/m)
    expect(lines).toContain(`  ${fuse}`)
  })

  it('packs only the build into an asar, with no node_modules and no native rebuild', () => {
    expect(lines).toContain('asar: true')
    expect(lines).toContain('npmRebuild: false')
    const files = config
      .slice(config.indexOf('files:'), config.indexOf('asar:'))
      .split('\n')
      .filter((line) => line.startsWith('  - '))
      .map((line) => line.slice(4))
    expect(files).toEqual([
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'package.json',
      "'!**/*.map'",
      "'!node_modules/**'"
    ])
  })

  it('builds AppImage and deb, NSIS and dmg', () => {
    expect(config).toMatch(/linux:\n {2}target:\n {4}- AppImage\n {4}- deb\n/)
    expect(config).toMatch(/win:\n {2}target:\n {4}- nsis\n/)
    expect(config).toMatch(/mac:\n {2}target:\n {4}- dmg\n/)
  })
})
