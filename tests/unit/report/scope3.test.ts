import { describe, expect, it } from 'vitest'
import { runInputSchema } from '../../../shared/domain/run'
import { hourlyProfilesOfRun, preloadRunHourly } from '../../../shared/emissions/hourly-preload'
import { estimateRun } from '../../../shared/emissions/resolve'
import { upstreamGPerKWh } from '../../../shared/emissions/upstream'
import { quarterPeriod } from '../../../shared/ledger/period'
import { loadHourlyProfile } from '../../../shared/refdata/index'
import { buildReportModel, type ReportRun, totalsFromRuns } from '../../../shared/report'
import { type Asset, hardwareBoughtOf, purchasesIn } from '../../../shared/report/assets'
import { upstreamIntensities } from '../../../shared/report/upstream'
import { lab, ref, run, smallLab } from './small-lab'

const Q1_2024 = quarterPeriod(2024, 1)
const Q1_2025 = quarterPeriod(2025, 1)
const everyone = { projectIds: [], people: [] }

/** A 3-hour run on Germany's grid in 2024, computed on the bundled hourly profile as the ledger computes it. */
async function hourlyRun(id: string, startedAt: string): Promise<ReportRun> {
  const input = runInputSchema.parse({
    startedAt,
    durationS: 3 * 3600,
    person: 'Ada',
    devices: [{ kind: 'gpu', name: 'Lab GPU', count: 1, powerW: 400 }],
    pue: 1,
    location: { kind: 'zone', zone: 'DE-LU' }
  })
  await preloadRunHourly([input], ref, lab)
  const result = estimateRun(input, ref, lab, hourlyProfilesOfRun(input, ref, lab))
  return { id, projectId: 'p1', person: 'Ada', startedAtMs: Date.parse(startedAt), input, result }
}

const modelOf = (runs: ReportRun[], period = Q1_2024, extra: Partial<Parameters<typeof buildReportModel>[0]> = {}) =>
  buildReportModel({
    labName: 'Lab',
    period,
    scope: everyone,
    generatedAt: new Date('2025-04-02T09:00:00Z'),
    runs,
    projects: [{ id: 'p1', name: 'Vision' }],
    totals: totalsFromRuns(runs, period, everyone),
    ref,
    lab,
    ...extra
  })

describe('Scope 3 category 3: upstream of electricity (life-cycle minus direct)', () => {
  it("is the hours' life-cycle minus direct intensity, by hand from the profile", async () => {
    const profile = (await loadHourlyProfile('DE-LU', 2024))!
    const start = Date.parse(profile.startUtc) + 500 * 3_600_000
    const delta = upstreamGPerKWh({ startedAt: new Date(start).toISOString(), durationS: 2 * 3600 }, [profile])!
    const byHand =
      (profile.lifecycleGPerKWh[500]! -
        profile.directGPerKWh[500]! +
        profile.lifecycleGPerKWh[501]! -
        profile.directGPerKWh[501]!) /
      2
    expect(delta).toBeCloseTo(byHand, 9)
    expect(delta).toBeGreaterThan(0)
    // Hours no profile covers have no direct factor: nothing is separated for them.
    expect(upstreamGPerKWh({ startedAt: '2019-06-01T00:00:00Z', durationS: 3600 }, [profile])).toBeUndefined()
  })

  it('is computed for runs on hourly profiles, with a range, and sourced by the hourly lines of the register', async () => {
    const runs = [await hourlyRun('h1', '2024-02-10T08:00:00Z'), await hourlyRun('h2', '2024-03-01T20:00:00Z')]
    const upstream = await upstreamIntensities(runs, ref, lab)
    expect([...upstream.keys()].sort()).toEqual(['h1', 'h2'])
    const m = modelOf(runs, Q1_2024, { upstreamGPerKWh: upstream })
    const line = m.ghg.scopes.find((l) => l.id === 'scope3Cat3Upstream')!
    const byHand = runs.reduce((kg, r) => kg + (r.result.energyKWh.value * upstream.get(r.id)!) / 1000, 0)
    expect(line.method).toBe('computed')
    expect(line.runs).toBe(2)
    expect(line.coveredShare).toBeCloseTo(1, 9)
    expect(line.emissionsKg.value).toBeCloseTo(byHand, 12)
    expect(line.emissionsKg.value).toBeGreaterThan(0)
    expect(line.emissionsKg.low).toBeLessThan(line.emissionsKg.value)
    expect(line.emissionsKg.high).toBeGreaterThan(line.emissionsKg.value)
    // The upstream is a part of the life-cycle figure, never more.
    expect(line.emissionsKg.value).toBeLessThan(m.total.emissionsKg.value)
    // One register line per place and year for hourly factors, saying the direct factors were used too.
    const hourly = m.ghg.factors.filter((f) => f.granularity === 'hourly')
    expect(hourly).toHaveLength(1)
    expect(hourly[0]).toMatchObject({ year: 2024, runs: 2, basis: 'life-cycle', directToo: true })
    expect(hourly[0]!.sourceId).toBe(runs[0]!.result.trace!.find((t) => t.unit === 'gCO2e/kWh')!.sourceId)
    const [a, b] = runs.map((r) => r.result)
    const mean =
      (a!.intensityGPerKWh.value * a!.energyKWh.value + b!.intensityGPerKWh.value * b!.energyKWh.value) /
      (a!.energyKWh.value + b!.energyKWh.value)
    expect(hourly[0]!.intensityGPerKWh.value).toBeCloseTo(mean, 9)
    expect(hourly[0]!.intensityGPerKWh.low).toBe(Math.min(a!.intensityGPerKWh.low, b!.intensityGPerKWh.low))
  })

  it('says which share it covers when some runs use yearly (life-cycle only) factors', async () => {
    const hourly = await hourlyRun('h1', '2024-02-10T08:00:00Z')
    const yearly = run('y1', 'p1', 'Bob', {
      startedAt: '2024-02-11T08:00:00Z',
      durationS: 3 * 3600,
      devices: [{ kind: 'gpu', name: 'Lab GPU', count: 1, powerW: 400 }],
      pue: 1,
      location: { kind: 'custom', intensityGPerKWh: 300, label: 'grid 300' }
    })
    const runs = [hourly, yearly]
    const m = modelOf(runs, Q1_2024, { upstreamGPerKWh: await upstreamIntensities(runs, ref, lab) })
    const line = m.ghg.scopes.find((l) => l.id === 'scope3Cat3Upstream')!
    expect(line.method).toBe('partly')
    expect(line.runs).toBe(1)
    expect(line.coveredShare).toBeCloseTo(0.5, 9)
  })

  it('is not separable without hourly factors', () => {
    const line = modelOf(smallLab, Q1_2025).ghg.scopes.find((l) => l.id === 'scope3Cat3Upstream')!
    expect(line.method).toBe('not-separable')
    expect(line.emissionsKg.value).toBe(0)
  })
})

describe('hardware bought in the period (asset register, Scope 3 category 2)', () => {
  const asset = (id: string, purchasedOn: string, count: number, embodiedKgEach: number): Asset => ({
    id,
    device: `Server ${id}`,
    count,
    purchasedOn,
    embodiedKgEach,
    source: 'Manufacturer PCF 2024'
  })
  const register = [
    asset('a', '2025-02-14', 2, 1500),
    asset('b', '2025-01-03', 8, 150),
    asset('c', '2024-12-31', 1, 9999),
    asset('d', '2025-04-01', 1, 9999)
  ]

  it('takes the purchases of the quarter, oldest first, and nothing outside it', () => {
    expect(purchasesIn(register, Q1_2025).map((p) => p.device)).toEqual(['Server b', 'Server a'])
  })

  it('counts them in full in Scope 3 category 2 and keeps the amortised SCI share beside them', () => {
    const m = modelOf(smallLab, Q1_2025, { purchases: purchasesIn(register, Q1_2025) })
    const cat2 = m.ghg.scopes.find((l) => l.id === 'scope3Cat2Hardware')!
    expect(cat2.method).toBe('computed')
    expect(cat2.emissionsKg.value).toBe(2 * 1500 + 8 * 150)
    expect(m.hardwareBought.totalKg).toBe(4200)
    expect(m.hardwareBought.units).toBe(10)
    expect(m.hardwareBought.rows.map((r) => r.totalKg)).toEqual([1200, 3000])
    expect(m.hardwareBought.rows[0]!.source).toBe('Manufacturer PCF 2024')
    expect(m.hardwareBought.amortisedKg).toEqual(m.total.embodiedKg)
  })

  it('is empty, not zero-filled, for a quarter without purchases', () => {
    const b = hardwareBoughtOf([], { value: 1, low: 0.5, high: 2 })
    expect(b.rows).toEqual([])
    expect(b.totalKg).toBe(0)
    expect(modelOf(smallLab, Q1_2025).ghg.scopes.find((l) => l.id === 'scope3Cat2Hardware')!.method).toBe(
      'not-recorded'
    )
  })
})
