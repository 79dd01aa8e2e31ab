import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createReferenceData,
  findHardware,
  findLocation,
  profileOfStored,
  storedHourlyProfileSchema
} from '../../../shared/refdata/index'

/** scripts/build-data.ts run on a trimmed copy of the upstream files (tests/fixtures/refdata/upstream). */
const root = resolve(__dirname, '../../..')
const fixture = 'tests/fixtures/refdata/upstream'
const dirs: string[] = []
let log = ''

function build(): string {
  const out = mkdtempSync(join(tmpdir(), 'refdata-'))
  dirs.push(out)
  log = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', '--from', fixture, '--out', out], {
    cwd: root,
    encoding: 'utf8'
  })
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
    expect([...a.keys()].sort()).toEqual([
      'SOURCES.md',
      'defaults.json',
      'hardware.json',
      'hourly/DE-LU/2024.json',
      'hourly/GB/2024.json',
      'hourly/NO/2024.json',
      'hourly/US-MIDW-MISO/2023.json',
      'hourly/US-NW-PACW/2023.json',
      'locations.json',
      'manifest.json'
    ])
    for (const [name, content] of a) expect(b.get(name), name).toBe(content)
  })

  it('writes tables that validate, with upstream recorded as repository, commit and path', () => {
    const ref = createReferenceData({
      manifest: json(first, 'manifest.json'),
      hardware: json(first, 'hardware.json'),
      locations: json(first, 'locations.json'),
      defaults: json(first, 'defaults.json')
    })
    expect(ref.manifest.generatedFrom).toContainEqual({
      repository: 'mlco2/impact',
      commit: 'd0d3ee5a',
      path: 'data/gpus.csv'
    })
    expect(JSON.stringify(ref.manifest)).not.toContain(root)
    const stored = (name: string) => profileOfStored(storedHourlyProfileSchema.parse(json(first, name)))
    expect(stored('hourly/DE-LU/2024.json')).toMatchObject({ zone: 'DE-LU', zoneId: 'DE', name: 'Germany' })
    expect(ref.manifest.hourlyYears).toEqual({
      'DE-LU': [2024],
      GB: [2024],
      NO: [2024],
      'US-MIDW-MISO': [2023],
      'US-NW-PACW': [2023]
    })
    expect(readFileSync(join(first, 'SOURCES.md'), 'utf8')).toContain(ref.manifest.dataVersion)
  })

  it('handles the upstream quirks: the " TFLOPS16" header, ragged rows, two header lines, malformed values', () => {
    const ref = createReferenceData({
      manifest: json(first, 'manifest.json'),
      hardware: json(first, 'hardware.json'),
      locations: json(first, 'locations.json'),
      defaults: json(first, 'defaults.json')
    })
    // T4's 65.13 comes from the " TFLOPS16" column, untouched by the corrections.
    expect(findHardware(ref, 'gpu:nvidia-t4')).toMatchObject({ fp32Tflops: 8.141, fp16Tflops: 65.13 })
    expect(findHardware(ref, 'gpu:nvidia-t4')!.sourceIds).not.toContain('vendor-datasheets')
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

  it('reads both hourly header variants by position, quoted commas, and fills an empty day visibly (issue 12)', () => {
    const stored = (name: string) => profileOfStored(storedHourlyProfileSchema.parse(json(first, name)))
    // Header B ("Zone id", "(Life cycle)"): NO's first hour is 53.32 life-cycle, 27.32 direct.
    const no = stored('hourly/NO/2024.json')
    expect([no.lifecycleGPerKWh[0], no.directGPerKWh[0], no.lifecycleGPerKWh.length]).toEqual([53.3, 27.3, 48])
    // Header A with "Midcontinent Independent Transmission System Operator, Inc." quoted: 554.69 / 489.46.
    const miso = stored('hourly/US-MIDW-MISO/2023.json')
    expect(miso.name).toBe('Midcontinent Independent Transmission System Operator, Inc.')
    expect([miso.lifecycleGPerKWh[0], miso.directGPerKWh[0]]).toEqual([554.7, 489.5])
    // PACW: hours 24–47 empty; each is the mean of hour h−24 and h+24, counted as estimated and listed.
    const pacw = stored('hourly/US-NW-PACW/2023.json')
    expect(pacw.filled).toEqual([
      {
        fromUtc: '2023-01-02T00:00:00.000Z',
        hours: 24,
        method: expect.stringContaining('day before and the day after')
      }
    ])
    for (const h of [24, 30, 47]) {
      const expected = (pacw.lifecycleGPerKWh[h - 24]! + pacw.lifecycleGPerKWh[h + 24]!) / 2
      // Filled from the unrounded neighbours, then rounded to 0.1 like every stored value.
      expect(Math.abs(pacw.lifecycleGPerKWh[h]! - expected)).toBeLessThanOrEqual(0.1)
    }
    expect(pacw.estimatedHours).toBe(24)
    expect(log).toContain('US-NW-PACW/2023: 24 empty hours from 2023-01-02T00:00:00.000Z filled')
    const sources = readFileSync(join(first, 'SOURCES.md'), 'utf8')
    expect(sources).toContain('| US-NW-PACW | 2023 | 72 | 33.3 % | 24 h from 2023-01-02T00Z |')
    expect(sources).toContain('"Electricity Maps"')
  })

  it('puts FLOPS on one basis: datasheet corrections cited in sourceIds, printed and listed in SOURCES.md', () => {
    const ref = createReferenceData({
      manifest: json(first, 'manifest.json'),
      hardware: json(first, 'hardware.json'),
      locations: json(first, 'locations.json'),
      defaults: json(first, 'defaults.json')
    })
    // gpus.csv: 989 / 1979 (TF32 and FP16 tensor with sparsity) → FP32 67, dense FP16 1979 / 2.
    expect(findHardware(ref, 'gpu:nvidia-h100-sxm')).toMatchObject({
      tdpW: 700,
      fp32Tflops: 67,
      fp16Tflops: 989.5,
      sourceIds: ['mlco2', 'vendor-datasheets']
    })
    expect(findHardware(ref, 'gpu:nvidia-a100-sxm4-80-gb')).toMatchObject({ fp32Tflops: 19.5, fp16Tflops: 312 })
    // A TDP correction makes the datasheet the source of tdpW (sourceIds[0]).
    expect(findHardware(ref, 'gpu:nvidia-tesla-v100-sxm2-16gb')).toMatchObject({
      tdpW: 300,
      fp32Tflops: 15.7,
      fp16Tflops: 125,
      sourceIds: ['vendor-datasheets', 'mlco2']
    })
    const gtx750 = findHardware(ref, 'gpu:nvidia-gtx-750')!
    expect(gtx750).toMatchObject({ tdpW: 55, fp32Tflops: 1.111 })
    expect(gtx750.memoryGB).toBeUndefined()
    // Dropped, not kept on another basis: a TPU's FP32, the 3080 Ti's non-tensor FP16.
    expect(findHardware(ref, 'tpu:google-tpuv2-chip')!.fp32Tflops).toBeUndefined()
    expect(findHardware(ref, 'tpu:google-tpuv2-chip')!.fp16Tflops).toBe(45)
    expect(findHardware(ref, 'gpu:nvidia-rtx-3080-ti')).toMatchObject({ fp32Tflops: 34.1 })
    expect(findHardware(ref, 'gpu:nvidia-rtx-3080-ti')!.fp16Tflops).toBeUndefined()
    expect(ref.manifest.sources.map((s) => s.id)).toContain('vendor-datasheets')
    expect(log).toContain('hardware gpu:nvidia-h100-sxm: fp32Tflops 989 → 67, fp16Tflops 1979 → 989.5')
    expect(log).toContain('hardware tpu:google-tpuv2-chip: fp32Tflops 22 → dropped')
    expect(log).toMatch(/corrections for devices not in the upstream files, unused: .*gpu:nvidia-h100-nvl/)
    const sources = readFileSync(join(first, 'SOURCES.md'), 'utf8')
    expect(sources).toContain('## FLOPS basis')
    expect(sources).toContain(
      '| NVIDIA H100 SXM (`gpu:nvidia-h100-sxm`) | fp32Tflops 989 → 67; fp16Tflops 1979 → 989.5 |'
    )
    expect(sources).toContain('fp32Tflops 22 → —')
  })

  it('treats an intensity of exactly 0 as missing: the year skipped, a location left without years not shipped', () => {
    const locations = json(first, 'locations.json') as {
      id: string
      intensities: { year: number; intensityGPerKWh: number }[]
    }[]
    // OWID: Central African Republic 111.11 in 2011–2012, 0 in 2013–2014; Burundi only 0 (2008–2009).
    expect(locations.find((l) => l.id === 'country:CAF')!.intensities.map((i) => [i.year, i.intensityGPerKWh])).toEqual(
      [
        [2011, 111.11],
        [2012, 111.11]
      ]
    )
    expect(locations.find((l) => l.id === 'country:BDI')).toBeUndefined()
    // mlco2 impact.csv: Seeweb fro2 at 0, and no other source for it.
    expect(locations.find((l) => l.id === 'cloud:seeweb:fro2')).toBeUndefined()
    expect(locations.flatMap((l) => l.intensities).every((i) => i.intensityGPerKWh > 0)).toBe(true)
    expect(log).toContain(
      'Central African Republic (country:CAF) 0 g/kWh in 2013–2014 treated as missing; kept its other years (2011–2012)'
    )
    expect(log).toContain(
      'Burundi (country:BDI) 0 g/kWh in 2008–2009 treated as missing; no other value: location not shipped'
    )
    expect(log).toContain(
      'seeweb fro2 (cloud:seeweb:fro2) 0 g/kWh in 2019 treated as missing; no other value: location not shipped'
    )
    const sources = readFileSync(join(first, 'SOURCES.md'), 'utf8')
    expect(sources).toContain('## Intensities treated as missing')
    expect(sources).toContain('- mlco2-impact/impact.csv: seeweb fro2 (cloud:seeweb:fro2) 0 g/kWh in 2019')
  })

  it('fails naming the file when an input is missing', () => {
    expect(() =>
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/build-data.ts', '--from', 'tests/fixtures/refdata/missing', '--out', dirs[0]!],
        {
          cwd: root,
          stdio: 'pipe'
        }
      )
    ).toThrow(/gpus\.csv/)
  })
})
