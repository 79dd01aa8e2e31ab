import { describe, expect, it } from 'vitest'
import { type RunInput, runInputSchema } from '../../../shared/domain/run'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateFigures, yearlyFiguresEstimator } from '../../../shared/emissions/resolve'
import { hardwareCandidates, hardwareOptionsSchema, rankHardware } from '../../../shared/planning/hardware'
import { loadReferenceData } from '../../../shared/refdata/index'
import { LAB_DEFAULTS, labTables } from '../report/fixture-lab'

const ref = loadReferenceData()
const lab = labDefaultsSchema.parse(LAB_DEFAULTS)
const runs = labTables({ runs: 120, fromMs: Date.UTC(2024, 10, 1), toMs: Date.UTC(2025, 2, 1) }).runs.map(
  (r) => r.input
)

/** Each run and variants that share its factors' key or just miss it: what the what-ifs estimate. */
const variants = (input: RunInput, i: number): RunInput[] => {
  const gpu = input.devices[0]!
  const drafts: unknown[] = [
    input,
    { ...input, durationS: input.durationS * 3 + 1 },
    { ...input, devices: input.devices.map((d) => ({ ...d, count: d.count + 1, utilization: 0.2 })) },
    { ...input, measuredEnergyKWh: 1.5, measuredEnergyIncludesPue: i % 2 === 0 },
    { ...input, memoryGB: 512 },
    { ...input, devices: [{ ...gpu, powerW: 250 + i }] },
    { ...input, devices: [{ ...gpu, measuredPowerW: 180 }] },
    {
      ...input,
      devices: [{ kind: 'cpu', name: 'AMD EPYC 7742', hardwareId: 'cpu:amd-epyc-7742', count: 1, cores: 16 }]
    },
    { ...input, devices: [{ kind: 'gpu', name: 'A100', count: 2 }] },
    { ...input, pue: 1.1 + (i % 3) / 10 },
    { ...input, renewableShare: (i % 4) / 4 },
    { ...input, startedAt: '2023-06-01T00:00:00.000Z' },
    { ...input, location: { kind: 'unknown' } },
    { ...input, location: { kind: 'custom', intensityGPerKWh: 100 + i, label: `PPA ${i}` } },
    { ...input, location: { kind: 'cloud', provider: 'aws', region: 'eu-north-1' } },
    { ...input, location: { kind: 'country', code: 'SE' } }
  ]
  return drafts.map((d) => runInputSchema.parse(d))
}

describe('yearlyFiguresEstimator', () => {
  it('gives exactly the figures of estimateFigures, whatever it resolved before', () => {
    const estimate = yearlyFiguresEstimator(ref, lab)
    const inputs = runs.flatMap(variants)
    // Twice over, so that the second pass reads only factors resolved for other runs.
    for (const input of [...inputs, ...inputs]) expect(estimate(input)).toEqual(estimateFigures(input, ref, lab))
  })

  it('tells apart what the factors depend on: a stated power, cores, a place, a year', () => {
    const estimate = yearlyFiguresEstimator(ref, lab)
    const base = runs[0]!
    const a = estimate({ ...base, devices: [{ ...base.devices[0]!, powerW: 100 }] })
    const b = estimate({ ...base, devices: [{ ...base.devices[0]!, powerW: 300 }] })
    expect(b.energyKWh.value).toBeGreaterThan(a.energyKWh.value)
    const here = estimate({ ...base, location: { kind: 'country', code: 'FR' } })
    const there = estimate({ ...base, location: { kind: 'country', code: 'PL' } })
    expect(there.emissionsKg.value).toBeGreaterThan(here.emissionsKg.value)
  })
})

describe('rankHardware with one estimator for many runs', () => {
  it('ranks exactly as with estimateFigures run by run', () => {
    const candidates = hardwareCandidates(ref, lab)
    const options = hardwareOptionsSchema.parse({})
    const estimate = yearlyFiguresEstimator(ref, lab)
    for (const run of runs.slice(0, 30)) {
      const workload = { kind: 'run' as const, run }
      expect(rankHardware(workload, options, ref, lab, candidates, estimate)).toEqual(
        rankHardware(workload, options, ref, lab, candidates)
      )
    }
  })
})
