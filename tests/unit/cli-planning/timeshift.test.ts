import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run } from '../../../main/cli/run'
import { dodgeStudy } from '../../../shared/planning/study'
import { loadHourlyProfile } from '../../../shared/refdata/index'

const PROFILE = 'tests/fixtures/planning/XX-TEST_hourly.csv'

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { code, stdout, stderr }
}

// XX-TEST: life-cycle 200 g for hours 0–5, 300 for 6–9, 50 for 10–13, 250 for 14–29 (from 2025-02-01T00:00Z)
const job = ['--profile', PROFILE, '--start', '2025-02-01T06:00:00Z', '--hours', '4', '--power-kw', '2.5']

describe('timeshift on an imported Electricity Maps profile', () => {
  it('flexible: the JSON the issue names, computed by hand', async () => {
    const { code, stdout, stderr } = await cli(
      'timeshift',
      ...job,
      '--strategy',
      'flexible',
      '--window-hours',
      '6',
      '--json'
    )
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    // baseline hours 6–9 at 300 g: 2.5 kW × 1200 / 1000 = 3 kg; best start within 6…12 is 10 (4 × 50 g): 0.5 kg
    expect(out.baselineKg).toBeCloseTo(3, 12)
    expect(out.optimizedKg).toBeCloseTo(0.5, 12)
    expect(out.savingsPct).toBeCloseTo((2.5 / 3) * 100, 10)
    expect(out.firstHour).toBe('2025-02-01T10:00:00Z')
    expect(out.hours).toEqual([
      '2025-02-01T10:00:00Z',
      '2025-02-01T11:00:00Z',
      '2025-02-01T12:00:00Z',
      '2025-02-01T13:00:00Z'
    ])
    expect(out.zone).toBe('XX-TEST')
  })

  it('pause-resume: n cheapest hours of floor(4 × 1.25) = 5 hours, in time order', async () => {
    const { code, stdout } = await cli(
      'timeshift',
      ...job,
      '--strategy',
      'pause-resume',
      '--extra-percent',
      '25',
      '--json'
    )
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    // hours 6–10: 300, 300, 300, 300, 50 → 6, 7, 8, 10
    expect(out.hours).toEqual([
      '2025-02-01T06:00:00Z',
      '2025-02-01T07:00:00Z',
      '2025-02-01T08:00:00Z',
      '2025-02-01T10:00:00Z'
    ])
    expect(out.optimizedKg).toBeCloseTo((2.5 * 950) / 1000, 12)
    expect(out.firstHour).toBe('2025-02-01T06:00:00Z')
  })

  it("without --strategy, the paper's eight settings", async () => {
    const { code, stdout } = await cli('timeshift', ...job, '--json')
    expect(code).toBe(0)
    const plans = JSON.parse(stdout).plans
    expect(plans.map((p: { windowHours?: number; extraPercent?: number }) => p.windowHours ?? p.extraPercent)).toEqual([
      6, 12, 18, 24, 25, 50, 75, 100
    ])
    const text = await cli('timeshift', ...job)
    expect(text.stdout).toContain('flexible W=24 h')
  })

  it('clips a window at the end of the data with a note', async () => {
    const { code, stdout } = await cli(
      'timeshift',
      '--profile',
      PROFILE,
      '--start',
      '2025-02-02T00:00:00Z',
      '--hours',
      '4',
      '--power-kw',
      '1',
      '--strategy',
      'flexible',
      '--window-hours',
      '24',
      '--json'
    )
    expect(code).toBe(0)
    expect(JSON.parse(stdout).notes[0]).toContain('cut to 2 hours')
  })
})

describe('timeshift on bundled zones', () => {
  it('DE-LU: a 4-hour job with W = 24 saves something and never more than the baseline', async () => {
    const { code, stdout } = await cli(
      'timeshift',
      '--zone',
      'DE-LU',
      '--start',
      '2024-03-01T08:00:00Z',
      '--hours',
      '4',
      '--power-kw',
      '2',
      '--strategy',
      'flexible',
      '--window-hours',
      '24',
      '--json'
    )
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(out.optimizedKg).toBeLessThan(out.baselineKg)
    expect(out.savingsPct).toBeGreaterThan(0)
    expect(out.savingsPct).toBeLessThan(100)
    expect(out.firstHour).toMatch(/^2024-03-0[12]T\d\d:00:00Z$/)
  })

  it('accepts a location that has a bundled hourly zone', async () => {
    const { code, stdout } = await cli(
      'timeshift',
      '--zone',
      'de-lu',
      '--start',
      '2024-06-01T00:00:00Z',
      '--hours',
      '2',
      '--power-kw',
      '1',
      '--json'
    )
    expect(code).toBe(0)
    expect(JSON.parse(stdout).zone).toBe('DE-LU')
  })
})

describe('timeshift: bad input and usage', () => {
  it('a zone without hourly data says so (exit 1)', async () => {
    const { code, stderr } = await cli(
      'timeshift',
      '--zone',
      'AT',
      '--start',
      '2024-03-01T08:00:00Z',
      '--hours',
      '4',
      '--power-kw',
      '1'
    )
    expect(code).toBe(1)
    expect(stderr).toMatch(/--zone: .*no hourly data bundled.*--profile FILE/)
    expect(stderr.trim().split('\n')).toHaveLength(1)
  })

  it('n beyond the data is bad input naming --hours (exit 1)', async () => {
    const { code, stderr } = await cli(
      'timeshift',
      '--profile',
      PROFILE,
      '--start',
      '2025-02-01T00:00:00Z',
      '--hours',
      '31',
      '--power-kw',
      '1',
      '--strategy',
      'flexible',
      '--window-hours',
      '0'
    )
    expect(code).toBe(1)
    expect(stderr).toBe(
      'carbon-ledger timeshift: --hours: A job of 31 hours is longer than the 30 hours of hourly data of XX-TEST.\n'
    )
  })

  it('a start outside the data names --start', async () => {
    const { code, stderr } = await cli(
      'timeshift',
      '--profile',
      PROFILE,
      '--start',
      '2025-03-01T00:00:00Z',
      '--hours',
      '1',
      '--power-kw',
      '1'
    )
    expect(code).toBe(1)
    expect(stderr).toMatch(/--start: The start 2025-03-01T00:00:00Z is outside the data/)
  })

  it("plans on a lab's two-column time,g/kWh file as on the same hours from Electricity Maps", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cl-two-column-'))
    const file = join(dir, 'LAB.csv')
    // The XX-TEST hours, written in Central European Time: 200 g ×6, 300 ×4, 50 ×4, 250 ×16 from 2025-02-01T00:00Z.
    const values = [...Array(6).fill(200), ...Array(4).fill(300), ...Array(4).fill(50), ...Array(16).fill(250)]
    const rows = values.map((g, h) => `${new Date(Date.UTC(2025, 1, 1, h + 1)).toISOString().slice(0, 19)}+01:00,${g}`)
    await writeFile(file, ['time,g/kWh', ...rows].join('\n'))
    const args = ['--start', '2025-02-01T06:00:00Z', '--hours', '4', '--power-kw', '2.5', '--strategy', 'flexible']
    const own = await cli('timeshift', '--profile', file, ...args, '--window-hours', '6', '--json')
    expect(own.stderr).toBe('')
    const out = JSON.parse(own.stdout)
    expect(out).toMatchObject({ zone: 'LAB', firstHour: '2025-02-01T10:00:00Z' })
    expect(out.baselineKg).toBeCloseTo(3, 12)
    expect(out.optimizedKg).toBeCloseTo(0.5, 12)

    await writeFile(file, 'time,g/kWh\n2025-02-01T01:00:00,200\n')
    const bad = await cli('timeshift', '--profile', file, ...args, '--window-hours', '6')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain(
      'LAB.csv: row 2, field "time": "2025-02-01T01:00:00" is a local time without an offset'
    )
  })

  it('a bad profile names the file, row and field', async () => {
    const { code, stderr } = await cli(
      'timeshift',
      '--profile',
      'tests/fixtures/planning/XX-BAD_hourly.csv',
      '--start',
      '2025-02-01T00:00:00Z',
      '--hours',
      '1',
      '--power-kw',
      '1'
    )
    expect(code).toBe(1)
    expect(stderr).toMatch(/XX-BAD_hourly\.csv: row 3, field .*LCA/)
  })

  it('a missing profile file, a bad date and a bad number are bad input', async () => {
    expect(
      (
        await cli(
          'timeshift',
          '--profile',
          'nope.csv',
          '--start',
          '2025-02-01T00:00:00Z',
          '--hours',
          '1',
          '--power-kw',
          '1'
        )
      ).stderr
    ).toMatch(/--profile: nope\.csv: no such file/)
    expect(
      (await cli('timeshift', ...job.slice(0, 2), '--start', 'yesterday', '--hours', '1', '--power-kw', '1')).code
    ).toBe(1)
    expect((await cli('timeshift', ...job.slice(0, 4), '--hours', '2.5', '--power-kw', '1')).stderr).toMatch(
      /--hours: '2.5' is not a whole number/
    )
  })

  it('bad usage exits 2', async () => {
    expect((await cli('timeshift', ...job, '--strategy', 'flexible')).code).toBe(2)
    expect((await cli('timeshift', ...job, '--strategy', 'flexible', '--extra-percent', '50')).code).toBe(2)
    expect((await cli('timeshift', ...job, '--strategy', 'sometimes', '--window-hours', '2')).code).toBe(2)
    expect((await cli('timeshift', ...job, '--zone', 'DE-LU')).code).toBe(2)
    expect((await cli('timeshift', '--start', '2025-02-01T00:00:00Z', '--hours', '1', '--power-kw', '1')).code).toBe(2)
    expect((await cli('timeshift', ...job, '--colour', 'blue')).stderr).toMatch(/unknown option --colour/)
  })

  it('--help shows the usage and exits 0', async () => {
    const { code, stdout } = await cli('timeshift', '--help')
    expect(code).toBe(0)
    expect(stdout).toMatch(/^usage: timeshift/)
  })
})

describe('timeshift --study (issue 12)', () => {
  it('gives the mean saving of the eight settings per zone and the region saving, as the library computes it', async () => {
    const { code, stdout, stderr } = await cli(
      'timeshift',
      '--study',
      '--hours',
      '24',
      '--power-kw',
      '1',
      '--year',
      '2024',
      '--zones',
      'FR,US-MIDW-MISO:2023',
      '--json'
    )
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(out.referenceZone).toBe('US-MIDW-MISO')
    expect(out.rows.map((r: { zone: string; year: number }) => [r.zone, r.year])).toEqual([
      ['FR', 2024],
      ['US-MIDW-MISO', 2023]
    ])
    const france = (await loadHourlyProfile('FR', 2024))!
    const miso = (await loadHourlyProfile('US-MIDW-MISO', 2023))!
    const study = dodgeStudy(
      [
        { zone: 'FR', label: 'France', year: 2024, intensitiesGPerKWh: france.lifecycleGPerKWh },
        { zone: 'US-MIDW-MISO', label: 'MISO', year: 2023, intensitiesGPerKWh: miso.lifecycleGPerKWh }
      ],
      { hours: 24, powerKW: 1 }
    )
    expect(out.rows[0].meanBaselineKg).toBeCloseTo(study.rows[0]!.meanBaselineKg, 12)
    expect(out.rows[0].strategies[7]).toMatchObject({ strategy: 'pause-resume', extraPercent: 100 })
    expect(out.rows[0].strategies[7].meanSavingsPct).toBeCloseTo(study.rows[0]!.strategies[7]!.meanSavingsPct, 9)
    // Dodge et al.: France saves over 70 % against the central US by moving alone.
    expect(out.rows[0].regionSavingPct).toBeGreaterThan(70)
  })

  it('names the zone and year it has no data for (exit 1)', async () => {
    const { code, stderr } = await cli(
      'timeshift',
      '--study',
      '--hours',
      '24',
      '--power-kw',
      '1',
      '--year',
      '2024',
      '--zones',
      'NL'
    )
    expect(code).toBe(1)
    expect(stderr).toMatch(/--zones: NL has no hourly data for 2024 \(bundled: 2021, 2022\)/)
  })
})

describe('timeshift on any date (issue 12)', () => {
  it('plans a start beyond the bundled years on the median of the same weeks and hours, marked projected', async () => {
    const args = ['--zone', 'FR', '--start', '2027-03-03T10:00:00Z', '--hours', '3', '--power-kw', '1']
    const { code, stdout, stderr } = await cli(
      'timeshift',
      ...args,
      '--strategy',
      'flexible',
      '--window-hours',
      '0',
      '--json'
    )
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(out).toMatchObject({ zone: 'FR', projected: true, years: [2021, 2022, 2023, 2024] })
    // By hand: each year shifted by whole weeks to 2027 (weekdays line up), the median of the four years' hours.
    let expected = 0
    const lows: number[] = []
    for (let h = 0; h < 3; h++) {
      const t = Date.UTC(2027, 2, 3, 10 + h)
      const samples: number[] = []
      for (const year of [2021, 2022, 2023, 2024]) {
        const p = (await loadHourlyProfile('FR', year))!
        const shift = Math.round((Date.UTC(year, 0, 1) - Date.UTC(2027, 0, 1)) / (7 * 86_400_000)) * 7 * 86_400_000
        samples.push(p.lifecycleGPerKWh[(t + shift - Date.parse(p.startUtc)) / 3_600_000]!)
      }
      samples.sort((a, b) => a - b)
      expected += (samples[1]! + samples[2]!) / 2
      lows.push(samples[0]!)
    }
    expect(out.baselineKg).toBeCloseTo(expected / 1000, 9)
    expect(out.projectedRangeKg.baseline[0]).toBeCloseTo(lows.reduce((a, b) => a + b, 0) / 1000, 9)
    expect(out.projectedRangeKg.baseline[1]).toBeGreaterThanOrEqual(out.baselineKg)
    const text = await cli('timeshift', ...args)
    expect(text.stdout).toMatch(/^Projected from 2021, 2022, 2023, 2024/)
  })

  it('plans on actual hours across a year boundary of the bundled data, not projected', async () => {
    const { stdout } = await cli(
      'timeshift',
      '--zone',
      'DE-LU',
      '--start',
      '2022-12-31T22:00:00Z',
      '--hours',
      '4',
      '--power-kw',
      '1',
      '--json'
    )
    const out = JSON.parse(stdout)
    expect(out.projected).toBeUndefined()
    const y2022 = (await loadHourlyProfile('DE-LU', 2022))!.lifecycleGPerKWh
    const y2023 = (await loadHourlyProfile('DE-LU', 2023))!.lifecycleGPerKWh
    expect(out.plans[0].baselineKg).toBeCloseTo((y2022.at(-2)! + y2022.at(-1)! + y2023[0]! + y2023[1]!) / 1000, 9)
  })
})
