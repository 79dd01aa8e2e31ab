import { describe, expect, it } from 'vitest'
import { runResultSchema } from '../../../shared/domain/result'
import { type RunInputDraft, runInputSchema } from '../../../shared/domain/run'
import { hourlyProfilesOfRun, preloadRunHourly } from '../../../shared/emissions/hourly-preload'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateRun, resolveFactors } from '../../../shared/emissions/resolve'
import { traceStepText } from '../../../shared/emissions/trace-text'
import { findLocation, loadHourlyProfile, loadReferenceData, yearlyIntensity } from '../../../shared/refdata/index'

/** The method against the data the app ships (data/): every table must give a valid, fully sourced result. */
const ref = loadReferenceData()
const lab = labDefaultsSchema.parse({})
const run = (draft: Partial<RunInputDraft>) =>
  runInputSchema.parse({ startedAt: '2024-03-01T12:00:00Z', durationS: 7200, ...draft })
const h100 = { kind: 'gpu' as const, hardwareId: 'gpu:nvidia-h100-sxm', name: 'H100 SXM', count: 8 }

describe('estimateRun on the bundled reference data', { timeout: 60_000 }, () => {
  it('gives a valid result citing only the manifest’s sources for every location', () => {
    const known = new Set([...ref.manifest.sources.map((s) => s.id), 'run-input', 'lab-defaults', 'power-model'])
    for (const location of ref.locations) {
      const locationInput =
        location.kind === 'cloud'
          ? { kind: 'cloud' as const, provider: location.provider!, region: location.region! }
          : location.kind === 'country'
            ? { kind: 'country' as const, code: location.iso3! }
            : { kind: 'zone' as const, zone: location.id.slice('zone:'.length) }
      const result = runResultSchema.parse(
        estimateRun(run({ devices: [h100], memoryGB: 512, location: locationInput }), ref, lab)
      )
      expect(result.locationId, JSON.stringify(locationInput)).toBe(location.id)
      for (const source of result.sources) expect(known.has(source.id), `${location.id} cites ${source.id}`).toBe(true)
      expect(result.dataVersion).toBe(ref.manifest.dataVersion)
    }
  })

  it('estimates 8 × H100 SXM for 2 h in France: 0.9 × 700 W TDP each at full load, 1.56 unknown PUE', () => {
    const result = runResultSchema.parse(
      estimateRun(run({ devices: [h100], location: { kind: 'country', code: 'FR' } }), ref, lab)
    )
    const france = ref.locations.find((l) => l.id === 'country:FRA')!
    const intensity = france.intensities.find((i) => i.year === 2024)!.intensityGPerKWh
    expect(result.itEnergyKWh.value).toBeCloseTo(10.08, 12) // 8 × 630 W × 2 h
    expect(result.emissionsKg.value).toBeCloseTo((10.08 * 1.56 * intensity) / 1000, 12)
    expect(result.embodiedKg.value).toBeCloseTo((150 * 2 * 8) / (4 * 8760), 12)
    expect(result.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['owid-ember', 'green-algorithms', 'ccf']))
  })

  it("uses the bundled hourly profile of Germany over the run's hours", async () => {
    const profile = (await loadHourlyProfile('DE-LU'))!
    const startMs = Date.parse(profile.startUtc) + 100 * 3_600_000
    const expected = (profile.lifecycleGPerKWh[100]! + profile.lifecycleGPerKWh[101]!) / 2
    const result = runResultSchema.parse(
      estimateRun(
        run({ startedAt: new Date(startMs).toISOString(), devices: [h100], location: { kind: 'zone', zone: 'DE-LU' } }),
        ref,
        lab,
        profile
      )
    )
    expect(result.intensityGPerKWh.value).toBeCloseTo(expected, 9)
    expect(traceStepText(result.trace.find((s) => s.unit === 'gCO2e/kWh')!).label).toMatch(/hourly profile/)
  })

  it('crosses from 2023 into 2024 on the two zone-years of France, preloaded as the ledger does (issue 12)', async () => {
    // 2023-12-31T23:30 for 1 h: half of 2023's last hour, half of 2024's first.
    const input = run({
      startedAt: '2023-12-31T23:30:00Z',
      durationS: 3600,
      devices: [h100],
      location: { kind: 'country', code: 'FRA' }
    })
    await preloadRunHourly([input], ref, lab)
    const profiles = hourlyProfilesOfRun(input, ref, lab)
    expect(profiles.map((p) => p.startUtc)).toEqual(['2023-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'])
    const last2023 = (await loadHourlyProfile('FR', 2023))!.lifecycleGPerKWh.at(-1)!
    const first2024 = (await loadHourlyProfile('FR', 2024))!.lifecycleGPerKWh[0]!
    const result = estimateRun(input, ref, lab, profiles)
    expect(result.intensityGPerKWh.value).toBeCloseTo((last2023 + first2024) / 2, 9)
    expect(
      resolveFactors(input, ref, lab, profiles).location.hourlySpans!.map((s) => [s.year, s.origin, s.energyShare])
    ).toEqual([
      [2023, 'hourly', 0.5],
      [2024, 'hourly', 0.5]
    ])
  })

  it("uses France's yearly 2025 value for a run's hours past the bundled data, and says so (issue 12)", async () => {
    const input = run({
      startedAt: '2024-12-31T23:00:00Z',
      durationS: 4 * 3600,
      devices: [h100],
      location: { kind: 'country', code: 'FRA' }
    })
    await preloadRunHourly([input], ref, lab)
    const lastHour = (await loadHourlyProfile('FR', 2024))!.lifecycleGPerKWh.at(-1)!
    const france = findLocation(ref, 'FRA')!
    const yearly2025 = yearlyIntensity(france, 2025).intensity.intensityGPerKWh
    const factors = resolveFactors(input, ref, lab, hourlyProfilesOfRun(input, ref, lab))
    expect(factors.location.intensityGPerKWh.value).toBeCloseTo((lastHour + 3 * yearly2025) / 4, 9)
    expect(factors.location.hourlySpans!.map((s) => [s.year, s.origin, s.energyShare])).toEqual([
      [2024, 'hourly', 0.25],
      [2025, 'yearly', 0.75]
    ])
    expect(factors.assumptions.join(' ')).toContain('covers 25 % of the run')
  })
})

describe('a device named by its family only', () => {
  it('counts "A100" with the span of the A100 models’ TDPs (250–400 W), not 0 W, and says which models it could be', () => {
    const result = estimateRun(
      run({
        durationS: 3600,
        devices: [{ kind: 'gpu', name: 'A100', count: 1, utilization: 1 }],
        location: { kind: 'country', code: 'FR' },
        pue: 1
      }),
      ref,
      lab
    )
    const power = result.trace.find((s) => traceStepText(s).label.startsWith('Power of A100'))!
    expect(power.value).toBeCloseTo(292.5, 12) // full load: 0.9 × the span's midpoint 325 W
    // IT energy at utilisation 1: 292.5 W × 1 h; its range from 250 W × 0.6 to 400 W × 1.1 (the full-load bounds).
    expect(result.itEnergyKWh.value).toBeCloseTo(0.2925, 12)
    expect(result.itEnergyKWh.low).toBeCloseTo(0.15, 12)
    expect(result.itEnergyKWh.high).toBeCloseTo(0.44, 12)
    expect(result.assumptions.join(' ')).toContain(
      'A100 could be any of NVIDIA A100 80GB PCIe, NVIDIA A100 PCIe 40/80GB, NVIDIA A100 SXM4 80 GB'
    )
    expect(result.assumptions.join(' ')).not.toMatch(/counts as 0 W/)
  })
})

describe('one intensity per place and time (the cases of issue 11, bundled data)', () => {
  const oneHour = (location: RunInputDraft['location'], day: string) =>
    estimateRun(
      run({
        startedAt: `${day}T00:00:00Z`,
        durationS: 3600,
        pue: 1,
        devices: [{ kind: 'gpu', name: 'GPU', count: 1, powerW: 1000 }],
        location
      }),
      ref,
      lab
    )
  const cloud = (provider: string, region: string) => ({ kind: 'cloud' as const, provider, region })

  it("a cloud region takes its grid zone's value for the run's year, as the zone itself does", () => {
    const frankfurt = oneHour(cloud('gcp', 'europe-west3'), '2025-03-01')
    expect(frankfurt.intensityGPerKWh.value).toBe(342) // Electricity Maps DE 2025, not mlco2's 615 of 2019
    expect(oneHour({ kind: 'zone', zone: 'DE' }, '2025-03-01').intensityGPerKWh.value).toBe(342)
    expect(oneHour(cloud('azure', 'uksouth'), '2024-03-01').intensityGPerKWh.value).toBe(175)
    expect(oneHour(cloud('aws', 'eu-west-3'), '2024-03-01').intensityGPerKWh.value).toBe(33)
  })

  it("past every series, takes the grid entry with the nearest year: Germany in 2026 is the zone's 2025, not the country's 2024", () => {
    const germany = oneHour({ kind: 'country', code: 'DEU' }, '2026-11-03')
    const zone2025 = yearlyIntensity(
      ref.locations.find((l) => l.id === 'zone:DE')!,
      2025
    ).intensity
    expect(zone2025.year).toBe(2025)
    expect(germany.intensityGPerKWh.value).toBe(zone2025.intensityGPerKWh)
    const step = germany.trace.find((s) => s.labelMsg?.id === 'trace.intensity')!
    expect(step.sourceId).toBe(zone2025.sourceId)
    expect(germany.assumptions.join(' ')).toMatch(/2025/)
  })

  it("traces the provider's own factor as a comparison, and a lab may choose it", () => {
    const frankfurt = oneHour(cloud('gcp', 'europe-west3'), '2025-03-01')
    const comparison = frankfurt.trace.find((s) => s.labelMsg?.id === 'trace.providerIntensity')!
    expect(comparison).toMatchObject({ value: 615, sourceId: 'mlco2' })
    expect(frankfurt.emissionsKg.value).toBeCloseTo(0.342, 12)
    const chosen = estimateRun(
      run({
        startedAt: '2025-03-01T00:00:00Z',
        durationS: 3600,
        pue: 1,
        devices: [{ kind: 'gpu', name: 'GPU', count: 1, powerW: 1000 }],
        location: cloud('gcp', 'europe-west3')
      }),
      ref,
      labDefaultsSchema.parse({ cloudIntensity: 'provider' })
    )
    expect(chosen.intensityGPerKWh.value).toBe(615)
    expect(chosen.assumptions.join(' ')).toContain("chose the cloud provider's published factor")
  })

  it("cites a region's PUE to where it comes from: Green Algorithms' tables, not the region's intensity dataset", () => {
    const frankfurt = estimateRun(
      run({
        startedAt: '2025-03-01T00:00:00Z',
        durationS: 3600,
        devices: [],
        memoryGB: 8,
        location: cloud('gcp', 'europe-west3')
      }),
      ref,
      lab
    )
    expect(frankfurt.trace.find((s) => s.labelMsg?.id === 'trace.pue')).toMatchObject({
      value: 1.12,
      sourceId: 'green-algorithms'
    })
  })

  it('widens the range where the sources for the same place and year disagree, and says so', () => {
    // Great Britain 2024: Electricity Maps 175 g/kWh, OWID/Ember 210.89 g/kWh
    const london = oneHour(cloud('azure', 'uksouth'), '2024-03-01')
    expect(london.intensityGPerKWh.low).toBeCloseTo(175 * 0.9, 9)
    expect(london.intensityGPerKWh.high).toBeCloseTo(210.89 * 1.1, 9)
    expect(london.assumptions.join(' ')).toMatch(/disagree/)
    const gb = oneHour({ kind: 'country', code: 'GB' }, '2024-03-01')
    // the country keeps its own series first, with the same range
    expect(gb.intensityGPerKWh.value).toBe(210.89)
    expect(gb.intensityGPerKWh.low).toBeCloseTo(london.intensityGPerKWh.low, 9)
    expect(gb.intensityGPerKWh.high).toBeCloseTo(london.intensityGPerKWh.high, 9)
  })
})
