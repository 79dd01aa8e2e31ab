import { describe, expect, it } from 'vitest'
import { run } from '../../../main/cli/run'
import { findLocation, loadReferenceData, yearlyIntensity } from '../../../shared/refdata'

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { code, stdout, stderr }
}

const ref = loadReferenceData()
const franceGPerKWh = yearlyIntensity(findLocation(ref, 'FR')!, 2023).intensity.intensityGPerKWh

interface Row {
  rank: number
  hardwareId: string
  current: boolean
  emissionsKg: { value: number; low: number; high: number }
  savingKg: { value: number; low: number; high: number } | null
  wallHours: { value: number }
  peakTflops: number
}

describe('compare: GPU-hours on a V100 in France', () => {
  const args = [
    'compare',
    '--gpu',
    'Tesla V100-SXM2-32GB',
    '--gpu-hours',
    '100',
    '--location',
    'FR',
    '--year',
    '2023',
    '--json'
  ]

  it('ranks hardware by emissions, with the current row computed by hand', async () => {
    const { code, stdout, stderr } = await cli(...args)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const { hardware } = JSON.parse(stdout)
    expect(hardware.precision).toBe('fp16')
    expect(hardware.mfu).toEqual({ value: 0.4, low: 0.3, high: 0.5 })
    const rows: Row[] = hardware.rows
    const current = rows.find((r) => r.current)!
    expect(current.hardwareId).toBe('gpu:nvidia-tesla-v100-sxm2-32gb')
    // full load 0.9 × 300 W × 100 h = 27 kWh × unknown data centre PUE 1.56 × France 2023
    expect(current.emissionsKg.value).toBeCloseTo((27 * 1.56 * franceGPerKWh) / 1000, 9)
    expect(current.savingKg).toEqual({ value: 0, low: 0, high: 0 })
    const values = rows.map((r) => r.emissionsKg.value)
    expect(values).toEqual([...values].sort((x, y) => x - y))
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1))
    // a row better than the current saves exactly the difference; time scales with peak FLOPS (125 TFLOPS dense FP16 tensor on the V100 SXM2)
    expect(current.peakTflops).toBe(125)
    const best = rows[0]!
    expect(best.savingKg!.value).toBeCloseTo(current.emissionsKg.value - best.emissionsKg.value, 9)
    expect(best.wallHours.value).toBeCloseTo((100 * 125) / best.peakTflops, 9)
  })

  it('ranks locations, France the current one among countries', async () => {
    const { locations } = JSON.parse((await cli(...args)).stdout)
    expect(locations.current.locationId).toBe('country:FRA')
    expect(locations.rankings.map((r: { scope: string }) => r.scope)).toEqual(['cloud', 'country', 'zone'])
    const countries = locations.rankings[1].rows
    expect(countries.find((r: { current: boolean }) => r.current).locationId).toBe('country:FRA')
    expect(countries[0].emissionsKg.value).toBeLessThanOrEqual(countries[1].emissionsKg.value)
  })

  it('--top, --only and --scopes shape the output', async () => {
    const out = JSON.parse((await cli(...args, '--top', '3', '--scopes', 'country')).stdout)
    expect(out.hardware.rows.filter((r: Row) => !r.current).length).toBeLessThanOrEqual(3)
    expect(out.hardware.rows.some((r: Row) => r.current)).toBe(true)
    expect(out.locations.rankings.map((r: { scope: string }) => r.scope)).toEqual(['country'])
    // the first three, and the current location wherever it ranks
    const countries = out.locations.rankings[0].rows
    expect(countries.slice(0, 3).map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3])
    expect(countries.at(-1)).toMatchObject({ locationId: 'country:FRA', current: true })
    expect(countries.at(-1).rank).toBeGreaterThan(3)
    expect(Object.keys(JSON.parse((await cli(...args, '--only', 'hardware')).stdout))).toEqual(['hardware'])
    expect(Object.keys(JSON.parse((await cli(...args, '--only', 'locations')).stdout))).toEqual(['locations'])
  })

  it('prints a table without --json', async () => {
    const { code, stdout } = await cli(...args.slice(0, -1))
    expect(code).toBe(0)
    expect(stdout).toMatch(/Tesla V100-SXM2-32GB \[current\]/)
    expect(stdout).toContain('countries:')
  })
})

describe('compare: cloud regions and FLOPs', () => {
  it("ranks the same provider's regions for a cloud location", async () => {
    const { code, stdout } = await cli(
      'compare',
      '--gpu',
      'A100 SXM4 80 GB',
      '--hours',
      '10',
      '--gpus',
      '8',
      '--location',
      'aws:us-east-1',
      '--only',
      'locations',
      '--json'
    )
    expect(code).toBe(0)
    const { locations } = JSON.parse(stdout)
    const same = locations.rankings.find((r: { scope: string }) => r.scope === 'same-provider')
    expect(same.rows.every((r: { provider: string }) => r.provider === 'aws')).toBe(true)
    expect(same.rows.some((r: { current: boolean }) => r.current)).toBe(true)
  })

  it('turns FLOPs into time with the utilisation range, and ranks a custom GPU', async () => {
    const { code, stdout } = await cli(
      'compare',
      '--flops',
      '3.6e18',
      '--mfu',
      '0.3-0.5',
      '--custom-gpu',
      'Lab card:100:250',
      '--only',
      'hardware',
      '--json'
    )
    expect(code).toBe(0)
    const { hardware } = JSON.parse(stdout)
    const lab = hardware.rows.find((r: { hardwareId: string }) => r.hardwareId === 'custom:lab-card')
    // 3.6e18 / (100e12 × 0.4) s = 25 h; 20–33.3 h
    expect(lab.wallHours.value).toBeCloseTo(25, 9)
    expect(lab.wallHours.low).toBeCloseTo(20, 9)
    expect(lab.wallHours.high).toBeCloseTo(100 / 3, 9)
    expect(lab.custom).toBe(true)
    expect(hardware.current).toBeNull()
  })
})

describe('compare: bad input and usage', () => {
  it('bad input exits 1 with one line naming the flag', async () => {
    const unknown = await cli('compare', '--gpu', 'Imaginary 9000', '--gpu-hours', '10')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/^carbon-ledger compare: --gpu: 'Imaginary 9000' is not in the hardware catalogue/)
    expect((await cli('compare', '--flops', '1e18', '--mfu', '0.6-0.2')).stderr).toMatch(
      /--mfu: 0.6-0.2 has its low bound above/
    )
    expect((await cli('compare', '--flops', '1e18', '--mfu', 'lots')).code).toBe(1)
    expect((await cli('compare', '--flops', '1e18', '--precision', 'fp8')).stderr).toMatch(/--precision: 'fp8'/)
    expect((await cli('compare', '--flops', '1e18', '--custom-gpu', 'x:y')).stderr).toMatch(
      /--custom-gpu: 'x:y' is not NAME:TFLOPS:W/
    )
    expect((await cli('compare', '--flops', '1e18', '--scopes', 'moon')).stderr).toMatch(/--scopes: 'moon'/)
    expect((await cli('compare', '--flops', '1e18', '--location', 'Atlantis')).stderr).toMatch(
      /--location: unknown location 'Atlantis'/
    )
    const noFp16 = await cli('compare', '--gpu', 'Tesla K80', '--gpu-hours', '10')
    expect(noFp16.code).toBe(1)
    expect(noFp16.stderr).toMatch(/K80 has no fp16 FLOPS/)
  })

  it('bad usage exits 2', async () => {
    expect((await cli('compare')).code).toBe(2)
    expect((await cli('compare', '--gpu-hours', '10')).code).toBe(2)
    expect((await cli('compare', '--flops', '1e18', '--hours', '3')).code).toBe(2)
    expect((await cli('compare', '--flops', '1e18', '--only', 'locations')).code).toBe(2)
    expect((await cli('compare', '--flops', '1e18', '--only', 'both')).code).toBe(2)
    expect((await cli('compare', '--gpu', 'T4', '--gpu-hours', '1', '--gpus', '2')).code).toBe(2)
  })

  it('--help documents the flags', async () => {
    const { code, stdout } = await cli('compare', '--help')
    expect(code).toBe(0)
    for (const flag of [
      '--gpu',
      '--gpu-hours',
      '--flops',
      '--precision',
      '--mfu',
      '--location',
      '--only',
      '--scopes',
      '--top'
    ])
      expect(stdout).toContain(flag)
  })
})
