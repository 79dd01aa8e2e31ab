// electron-builder.yml is read by electron-builder only at `npm run dist`; these are security settings and what a
// distribution asks of a package (icons, maintainer, desktop entry), so a change to them must fail here first.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Icns } from '@fiahfy/icns'
import { Resvg } from '@resvg/resvg-js'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

interface BuilderConfig {
  appId: string
  productName: string
  files: string[]
  asar: boolean
  npmRebuild: boolean
  electronFuses: Record<string, boolean>
  linux: {
    target: string[]
    icon: string
    maintainer: string
    vendor: string
    category: string
    synopsis: string
    description: string
  }
  deb: { packageCategory: string; priority: string }
  win: { target: string[]; icon: string }
  mac: { target: string[]; icon: string }
}

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { author: string }

/** The main categories of the freedesktop menu specification (a desktop entry must name one). */
const FREEDESKTOP_MAIN_CATEGORIES = [
  'AudioVideo',
  'Audio',
  'Video',
  'Development',
  'Education',
  'Game',
  'Graphics',
  'Network',
  'Office',
  'Science',
  'Settings',
  'System',
  'Utility'
]

/** Width and height from a PNG's IHDR chunk. */
function pngSize(data: Buffer): { width: number; height: number } {
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) }
}

/** The pixel sizes listed in an .ico file's directory (0 stands for 256). */
function icoSizes(data: Buffer): number[] {
  expect(data.readUInt16LE(2)).toBe(1)
  return Array.from({ length: data.readUInt16LE(4) }, (_, i) => data.readUInt8(6 + 16 * i) || 256)
}

describe('electron-builder.yml', () => {
  it('is a configuration electron-builder accepts', async () => {
    const require = createRequire(import.meta.url)
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>
    }
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined()
    // Loading electron-builder takes seconds on a busy machine.
  }, 60_000)

  it('fixes the identity of the app', () => {
    expect(config.appId).toBe('org.carbonledger.app')
    expect(config.productName).toBe('Carbon Ledger')
  })

  it('sets every fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('packs only the build into an asar, with no node_modules and no native rebuild', () => {
    expect(config.asar).toBe(true)
    expect(config.npmRebuild).toBe(false)
    expect(config.files).toEqual([
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'package.json',
      '!**/*.map',
      '!node_modules/**'
    ])
  })

  it('builds AppImage and deb, NSIS and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.win.target).toEqual(['nsis'])
    expect(config.mac.target).toEqual(['dmg'])
  })

  it('gives the deb a maintainer with an e-mail address, the same as package.json’s author', () => {
    expect(config.linux.maintainer).toMatch(/^[^<>]+ <[^<>\s@]+@[^<>\s@]+\.[a-z]+>$/)
    expect(packageJson.author).toBe(config.linux.maintainer)
    expect(config.deb).toEqual({ packageCategory: 'science', priority: 'optional' })
    expect(config.linux.synopsis.length).toBeLessThanOrEqual(80)
    expect(config.linux.description.length).toBeGreaterThan(config.linux.synopsis.length)
  })

  it('puts the desktop entry in a freedesktop main category', () => {
    const categories = config.linux.category.split(';').filter(Boolean)
    expect(categories.length).toBeGreaterThan(0)
    expect(FREEDESKTOP_MAIN_CATEGORIES).toContain(categories[0])
  })
})

describe('app icons', () => {
  const svg = readFileSync('build/icon.svg')
  const render = (size: number): Buffer =>
    Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng())

  it('Linux: a PNG for every size of the hicolor theme up to 1024 px, each rendered from build/icon.svg', () => {
    expect(config.linux.icon).toBe('build/icons')
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      const path = `build/icons/${size}x${size}.png`
      expect(existsSync(path), path).toBe(true)
      const png = readFileSync(path)
      expect(pngSize(png), path).toEqual({ width: size, height: size })
      // Generated from the one source image and up to date with it (`npm run icons` after changing the SVG).
      if (size <= 64) expect(png.equals(render(size)), `${path} is not build/icon.svg at ${size} px`).toBe(true)
    }
  })

  it('Windows: one .ico from 16 to 256 px', () => {
    expect(config.win.icon).toBe('build/icon.ico')
    expect(icoSizes(readFileSync('build/icon.ico'))).toEqual([16, 24, 32, 48, 64, 128, 256])
  })

  it('macOS: one .icns from 16 to 1024 px with the retina variants', () => {
    expect(config.mac.icon).toBe('build/icon.icns')
    const icns = Icns.from(readFileSync('build/icon.icns'))
    const sizes = new Map(icns.images.map((image) => [image.osType, pngSize(image.image).width]))
    expect(Object.fromEntries(sizes)).toEqual({
      icp4: 16,
      icp5: 32,
      icp6: 64,
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
      ic11: 32,
      ic12: 64,
      ic13: 256,
      ic14: 512
    })
  })
})
