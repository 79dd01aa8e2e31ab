import { describe, expect, it } from 'vitest'
import { run } from '../../../main/cli/run'

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
