import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createReferenceData, findHardware, findLocation, hourlyProfileSchema } from '../../../shared/refdata/index'

/** scripts/build-data.ts run on a trimmed copy of the upstream files (tests/fixtures/refdata/upstream). */
const root = resolve(__dirname, '../../..')
const fixture = 'tests/fixtures/refdata/upstream'
const dirs: string[] = []
let log = ''

function build(): string {
  const out = mkdtempSync(join(tmpdir(), 'refdata-'))
  dirs.push(out)
  log = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', '--from', fixture, '--out', out], { cwd: root, encoding: 'utf8' })
  return out
}

function files(dir: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name)
      found.set(path.slice(dir.length + 1), readFileSync(path, 'utf8'))
    }
  }
  return found
}

const json = (dir: string, name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'))

describe('scripts/build-data.ts', () => {
  let first = ''
  let second = ''
  beforeAll(() => {
    first = build()
    second = build()
  }, 60_000)
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('writes byte-identical output from the same input', () => {
    const a = files(first)
    const b = files(second)
    expect([...a.keys()].sort()).toEqual(['SOURCES.md', 'defaults.json', 'hardware.json', 'hourly/DE-LU.json', 'hourly/GB.json', 'locations.json', 'manifest.json'])
    for (const [name, content] of a) expect(b.get(name), name).toBe(content)
  })

  it('writes tables that validate, with upstream recorded as repository, commit and path', () => {
    const ref = createReferenceData({
      manifest: json(first, 'manifest.json'),
      hardware: json(first, 'hardware.json'),
      locations: json(first, 'locations.json'),
      defaults: json(first, 'defaults.json')
    })
    expect(ref.manifest.generatedFrom).toContainEqual({ repository: 'mlco2/impact', commit: 'd0d3ee5a', path: 'data/gpus.csv' })
    expect(JSON.stringify(ref.manifest)).not.toContain(root)
    expect(hourlyProfileSchema.parse(json(first, 'hourly/DE-LU.json'))).toMatchObject({ zone: 'DE-LU', zoneId: 'DE', name: 'Germany' })
    expect(readFileSync(join(first, 'SOURCES.md'), 'utf8')).toContain(ref.manifest.dataVersion)
  })

  it('handles the upstream quirks: the " TFLOPS16" header, ragged rows, two header lines, malformed values', () => {
    const ref = createReferenceData({
      manifest: json(first, 'manifest.json'),
      hardware: json(first, 'hardware.json'),
      locations: json(first, 'locations.json'),
      defaults: json(first, 'defaults.json')
    })
    expect(findHardware(ref, 'gpu:nvidia-h100-sxm')!.fp16Tflops).toBe(1979)
    expect(findHardware(ref, 'gpu:nvidia-a10g')!.memoryGB).toBe(24)
    expect(findHardware(ref, 'cpu:intel-xeon-gold-6248')).toMatchObject({ cores: 20, tdpPerCoreW: 7.5 })
    expect(ref.hardware.find((h) => h.name.includes('Celeron 1000A'))).toBeUndefined()
    expect(ref.hardware.find((h) => h.name === 'Any')).toBeUndefined()
    expect(findLocation(ref, 'azure:germanywestcentral')).toBeUndefined()
    expect(ref.defaults.worldIntensityGPerKWh).toBe(475)
    expect(log).toContain('A10G')
    expect(log).toContain('malformed factor "000402"')
    expect(log).toContain('"27.29.5"')
  })

  it('fails naming the file when an input is missing', () => {
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', '--from', 'tests/fixtures/refdata/missing', '--out', dirs[0]!], {
        cwd: root,
        stdio: 'pipe'
      })
    ).toThrow(/gpus\.csv/)
  })
})
