// Makes every app icon electron-builder needs from the one source image, build/icon.svg: each size is rendered from
// the vector (crisp at 16 px, not scaled down from a large bitmap). The results are committed; run this after
// changing the SVG: node scripts/make-icons.mjs
//   build/icons/<n>x<n>.png  Linux (AppImage and deb install them into the hicolor theme)
//   build/icon.ico           Windows (NSIS installer, the .exe, the taskbar): 16 to 256 px
//   build/icon.icns          macOS (the .app and the dmg): 16 to 1024 px, with the @2x variants
//   build/icon.png           1024 px, the fallback electron-builder reads when a platform's own file is missing
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Icns, IcnsImage } from '@fiahfy/icns'
import { Resvg } from '@resvg/resvg-js'
import pngToIco from 'png-to-ico'

const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
const WINDOWS_SIZES = [16, 24, 32, 48, 64, 128, 256]
/** Apple's icon types holding PNG data, with their pixel size (ic11 to ic14 are the @2x of 16 to 256 pt). */
const MAC_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512]
]

const buildDir = resolve('build')
const svg = readFileSync(join(buildDir, 'icon.svg'))
const rendered = new Map()
const png = (size) => {
  if (!rendered.has(size))
    rendered.set(size, new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng())
  return rendered.get(size)
}

const linuxDir = join(buildDir, 'icons')
rmSync(linuxDir, { recursive: true, force: true })
mkdirSync(linuxDir)
for (const size of LINUX_SIZES) writeFileSync(join(linuxDir, `${size}x${size}.png`), png(size))

writeFileSync(join(buildDir, 'icon.ico'), await pngToIco(WINDOWS_SIZES.map(png)))

const icns = new Icns()
for (const [type, size] of MAC_TYPES) icns.append(IcnsImage.fromPNG(png(size), type))
writeFileSync(join(buildDir, 'icon.icns'), icns.data)

writeFileSync(join(buildDir, 'icon.png'), png(1024))
console.log(`Icons written to ${buildDir}: icons/ (${LINUX_SIZES.length} PNGs), icon.ico, icon.icns, icon.png`)
