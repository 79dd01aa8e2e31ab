import { describe, expect, it } from 'vitest'
import { runResultSchema } from '../../../shared/domain/result'
import { type RunInputDraft, runInputSchema } from '../../../shared/domain/run'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateRun } from '../../../shared/emissions/resolve'
import { traceStepText } from '../../../shared/emissions/trace-text'
import { loadHourlyProfile, loadReferenceData } from '../../../shared/refdata/index'

/** The method against the data the app ships (data/): every table must give a valid, fully sourced result. */
const ref = loadReferenceData()
const lab = labDefaultsSchema.parse({})
const run = (draft: Partial<RunInputDraft>) =>
  runInputSchema.parse({ startedAt: '2024-03-01T12:00:00Z', durationS: 7200, ...draft })
const h100 = { kind: 'gpu' as const, hardwareId: 'gpu:nvidia-h100-sxm', name: 'H100 SXM', count: 8 }

describe('estimateRun on the bundled reference data', () => {
  it('gives a valid result citing only the manifest’s sources for every location', () => {
    const known = new Set([...ref.manifest.sources.map((s) => s.id), 'run-input', 'lab-defaults'])
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

  it('estimates 8 × H100 SXM for 2 h in France: 700 W TDP each, 1.56 unknown PUE', () => {
    const result = runResultSchema.parse(
      estimateRun(run({ devices: [h100], location: { kind: 'country', code: 'FR' } }), ref, lab)
    )
    const france = ref.locations.find((l) => l.id === 'country:FRA')!
    const intensity = france.intensities.find((i) => i.year === 2024)!.intensityGPerKWh
    expect(result.itEnergyKWh.value).toBeCloseTo(11.2, 12) // 8 × 700 W × 2 h
    expect(result.emissionsKg.value).toBeCloseTo((11.2 * 1.56 * intensity) / 1000, 12)
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
    expect(power.value).toBe(325)
    // IT energy: 325 W × 1 h; its range from 250 W × 0.6 to 400 W × 1.1 (the TDP-to-draw bounds of catalogue powers).
    expect(result.itEnergyKWh.value).toBeCloseTo(0.325, 12)
    expect(result.itEnergyKWh.low).toBeCloseTo(0.15, 12)
    expect(result.itEnergyKWh.high).toBeCloseTo(0.44, 12)
    expect(result.assumptions.join(' ')).toContain(
      'A100 could be any of NVIDIA A100 80GB PCIe, NVIDIA A100 PCIe 40/80GB, NVIDIA A100 SXM4 80 GB'
    )
    expect(result.assumptions.join(' ')).not.toMatch(/counts as 0 W/)
  })
})
