import { describe, expect, it } from 'vitest'
import { cli, cliJson } from './support'

interface EstimateJson {
  energyKWh: number
  emissionsKg: number
  range: { energyKWh: [number, number]; emissionsKg: [number, number] }
  breakdown: { gpu: number; cpu: number; tpu: number; memory: number; overhead: number }
  intensityGPerKWh: number
  pue: number
  marketEmissionsKg: number
  embodiedKg: number
  assumptions: string[]
  dataVersion: string
  trace: { label: string; value: number; unit: string }[]
}

const estimate = async (...argv: string[]) => (await cliJson('estimate', ...argv)) as unknown as EstimateJson

describe('cli estimate', () => {
  it('matches the ML CO2 Impact calculator: 300 W × 100 h at 566.3 g/kWh, PUE 1 → 30 kWh, 16.989 kg', async () => {
    const r = await estimate('--gpu-power-w', '300', '--hours', '100', '--intensity', '566.3', '--pue', '1')
    expect(r.energyKWh).toBeCloseTo(30, 12)
    expect(r.emissionsKg).toBeCloseTo(16.989, 12)
    expect(r.breakdown.gpu).toBeCloseTo(30, 12)
    expect(r.intensityGPerKWh).toBe(566.3)
    expect(r.pue).toBe(1)
    expect(r.range.emissionsKg[0]).toBeLessThan(r.emissionsKg)
    expect(r.range.emissionsKg[1]).toBeGreaterThan(r.emissionsKg)
    expect(r.dataVersion).toMatch(/^\d{4}\.\d+\.\d+/)
  })

  it('matches Green Algorithms: 12 cores × 7.5 W, a 250 W GPU, 64 GB, PUE 1.56, 10 h, 51.28 g/kWh → 5.676 kWh, 291 g', async () => {
    const r = await estimate(
      '--cpu-cores',
      '12',
      '--cpu-core-power-w',
      '7.5',
      '--gpu-power-w',
      '250',
      '--memory-gb',
      '64',
      '--pue',
      '1.56',
      '--hours',
      '10',
      '--intensity',
      '51.28'
    )
    expect(r.energyKWh).toBeCloseTo(5.676, 3)
    expect(r.emissionsKg * 1000).toBeCloseTo(291, 0)
    expect(r.breakdown.cpu).toBeCloseTo(0.9, 12)
    expect(r.breakdown.memory).toBeCloseTo((64 * 0.3725 * 10) / 1000, 12)
    expect(r.breakdown.overhead).toBeCloseTo(3.6384 * 0.56, 10)
  })

  it('finds a GPU by its nvidia-smi name and uses its catalogue TDP’s full-load draw', async () => {
    const r = await estimate(
      '--gpu',
      'NVIDIA H100 80GB HBM3',
      '--gpus',
      '8',
      '--hours',
      '1',
      '--pue',
      '1',
      '--intensity',
      '100'
    )
    // utilisation 1 (the default): full load, 0.9 × the 700 W TDP
    expect(r.breakdown.gpu).toBeCloseTo((8 * 0.9 * 700) / 1000, 12)
    expect(r.emissionsKg).toBeCloseTo(0.504, 12)
  })

  it('takes the time from --start and --end and the intensity from a country', async () => {
    const r = await estimate(
      '--gpu-power-w',
      '1000',
      '--start',
      '2024-03-01T00:00:00Z',
      '--end',
      '2024-03-01T02:30:00Z',
      '--location',
      'FRA',
      '--pue',
      '1'
    )
    expect(r.energyKWh).toBeCloseTo(2.5, 12)
    expect(r.emissionsKg).toBeCloseTo((2.5 * r.intensityGPerKWh) / 1000, 12)
    expect(r.trace.some((s) => /France/.test(s.label))).toBe(true)
  })

  it('says which default it used when location and PUE are not given', async () => {
    const r = await estimate('--gpu-power-w', '300', '--hours', '1')
    expect(r.pue).toBe(1.56)
    expect(r.assumptions.join(' ')).toMatch(/location/i)
    expect(r.range.emissionsKg[1] / r.range.emissionsKg[0]).toBeGreaterThan(5)
  })

  it('prints a readable summary without --json', async () => {
    const out = await cli('estimate', '--gpu-power-w', '300', '--hours', '100', '--intensity', '566.3', '--pue', '1')
    expect(out.code).toBe(0)
    expect(out.stdout).toMatch(/Emissions\s+17\.0 kg CO2eq|Emissions\s+16\.99 kg CO2eq/)
    expect(out.stdout).toMatch(/How it was computed/)
    // One run has no contractual instruments: its market-based figure says it equals location-based.
    expect(out.stdout).toMatch(/Market-based\s+.*equal to location-based: no contractual instruments/)
  })

  it.each([
    [['--gpu-power-w', 'abc', '--hours', '1'], 1, /--gpu-power-w: 'abc' is not a number/],
    [['--gpu-power-w', '300', '--hours', '-1'], 1, /--hours: -1 is out of range/],
    [['--gpu-power-w', '300', '--hours', '1', '--gpu-utilization', '150'], 1, /between 0 and 1/],
    [['--gpu', 'Zorglub 9000', '--hours', '1'], 1, /not in the hardware catalogue/],
    [['--gpu-power-w', '300', '--hours', '1', '--location', 'Narnia'], 1, /unknown location 'Narnia'/],
    [
      ['--gpu-power-w', '300', '--start', '2024-03-02T00:00:00Z', '--end', '2024-03-01T00:00:00Z'],
      1,
      /is before --start/
    ],
    [['--gpu-power-w', '300'], 2, /give --hours \(with or without --start\), or both --start and --end/],
    [['--hours', '1'], 2, /give at least one of/],
    [['--gpu-power-w', '300', '--hours', '1', '--colour', 'red'], 2, /unknown option --colour/],
    [['--gpu-power-w', '300', '--gpu', 'A100', '--hours', '1'], 2, /exclude each other/],
    [['--gpu-power-w', '300', '--hours', '1', '--location', 'FR', '--intensity', '5'], 2, /exclude each other/]
  ])('rejects %j with exit %i and one clear line', async (argv, code, message) => {
    const out = await cli('estimate', ...(argv as string[]))
    expect(out.code).toBe(code)
    expect(out.stderr).toMatch(message as RegExp)
    expect(out.stderr).not.toMatch(/\n\s+at /)
    expect(out.stdout).toBe('')
  })
})

describe('cli', () => {
  it('lists its commands with --help and exits 0', async () => {
    const out = await cli('--help')
    expect(out.code).toBe(0)
    for (const name of ['estimate', 'import', 'data', 'timeshift', 'compare']) expect(out.stdout).toContain(name)
  })
  it('exits 2 on an unknown command', async () => {
    const out = await cli('frobnicate')
    expect(out.code).toBe(2)
    expect(out.stderr).toMatch(/unknown command 'frobnicate'/)
  })
  it('reports an unknown option as unknown, even without a value', async () => {
    const out = await cli('data', '--bogus')
    expect(out.code).toBe(2)
    expect(out.stderr).toMatch(/unknown option --bogus/)
  })
  it('reports a known option given without its value', async () => {
    const out = await cli('estimate', '--gpu', '--hours', '3')
    expect(out.code).toBe(2)
    expect(out.stderr).toMatch(/--gpu needs a value/)
  })
  it('says so when a catalogue search finds nothing', async () => {
    const out = await cli('data', '--hardware', 'zzzz')
    expect(out.code).toBe(0)
    expect(out.stdout).toBe("Nothing matches 'zzzz'.\n")
  })
  it("shows a command's options with --help", async () => {
    const out = await cli('estimate', '--help')
    expect(out.code).toBe(0)
    expect(out.stdout).toMatch(/--gpu-power-w/)
  })
})

describe('cli estimate: issue 11', () => {
  it('estimates TPUs with --tpu and --tpus, as compare accepts them', async () => {
    const r = await estimate('--tpu', 'TPU v3', '--tpus', '8', '--hours', '1', '--pue', '1', '--intensity', '100')
    expect(r.breakdown.tpu).toBeGreaterThan(0)
    expect(r.breakdown.gpu).toBe(0)
    expect(r.range.energyKWh[0]).toBeLessThan(r.energyKWh)
  })

  it('reads utilisation as 0.8, 80 % or 80, and refuses 120', async () => {
    const at = async (u: string) =>
      (await estimate('--gpu-power-w', '100', '--gpu-utilization', u, '--hours', '1', '--intensity', '100')).energyKWh
    const expected = await at('0.8')
    expect(await at('80%')).toBeCloseTo(expected, 12)
    expect(await at('80')).toBeCloseTo(expected, 12)
    expect((await cli('estimate', '--gpu-power-w', '100', '--gpu-utilization', '120', '--hours', '1')).code).toBe(1)
  })

  it('counts a family name ("V100") with the span of its models, named in the assumptions, as the app does', async () => {
    const r = await estimate('--gpu', 'V100', '--hours', '1', '--pue', '1', '--intensity', '100')
    expect(r.assumptions.join(' ')).toMatch(/V100 could be any of .*V100-PCIE-16GB/)
    // 250–300 W TDPs: the full-load low of the 250 W model to the full-load high of the 300 W ones
    expect(r.range.energyKWh[0]).toBeCloseTo(0.25 * 0.6, 12)
    expect(r.range.energyKWh[1]).toBeCloseTo(0.3 * 1.1 * 1.05, 12)
  })

  it('lists the defaults it applies as assumptions: utilisation 1, GPU only, --hours dated now', async () => {
    const r = await estimate('--gpu-power-w', '300', '--hours', '2', '--intensity', '100')
    const text = r.assumptions.join(' ')
    expect(text).toContain('utilisation 1')
    expect(text).toContain('no CPU or memory power')
    expect(text).toContain('--hours without --start dates the run now')
  })

  it('dates a run given by --start and --hours from its start, with no "dated now" assumption', async () => {
    const r = await estimate(
      '--gpu-power-w',
      '1000',
      '--start',
      '2025-03-01T00:00:00Z',
      '--hours',
      '24',
      '--pue',
      '1',
      '--intensity',
      '100'
    )
    expect(r.energyKWh).toBeCloseTo(24, 9)
    expect(r.assumptions.join(' ')).not.toContain('dates the run now')
    const gcp = await estimate(
      '--gpu-power-w',
      '1000',
      '--start',
      '2025-03-01T00:00:00Z',
      '--hours',
      '1',
      '--pue',
      '1',
      '--location',
      'gcp:europe-west3'
    )
    const byEnd = await estimate(
      '--gpu-power-w',
      '1000',
      '--start',
      '2025-03-01T00:00:00Z',
      '--end',
      '2025-03-01T01:00:00Z',
      '--pue',
      '1',
      '--location',
      'gcp:europe-west3'
    )
    expect(gcp.emissionsKg).toBe(byEnd.emissionsKg)
  })

  it('refuses a start outside 2000–2100 with exit 1, read as written', async () => {
    for (const year of ['0099', '1899', '9999']) {
      const out = await cli(
        'estimate',
        '--gpu-power-w',
        '100',
        '--start',
        `${year}-03-01T00:00:00Z`,
        '--end',
        `${year}-03-01T01:00:00Z`
      )
      expect(out.code).toBe(1)
      expect(out.stderr).toContain('the year must be between 2000 and 2100')
    }
  })
})
