import { describe, expect, it } from 'vitest'
import { exact, spread } from '../../../shared/domain/range'
import { type RunResult, runResultSchema } from '../../../shared/domain/result'
import { computeRun } from '../../../shared/emissions/compute'
import { traceStepText } from '../../../shared/emissions/trace-text'
import { factors, power, run } from './factors-fixture'

const check = (result: RunResult): RunResult => runResultSchema.parse(result)
const gpu = (name = 'GPU', count = 1, utilization = 1) => ({ kind: 'gpu' as const, name, count, utilization })

describe('computeRun: compatibility with mlco2 and Green Algorithms', () => {
  it('reproduces mlco2: 300 W × 100 h at 566.3 g/kWh → 30 kWh, 16.989 kg, unrounded', () => {
    const result = check(
      computeRun(
        run({ durationS: 100 * 3600, devices: [gpu('Tesla V100')] }),
        factors({
          devices: [power({ value: 300, low: 180, high: 330 }, 'catalogue')],
          location: { ...factors().location, intensityGPerKWh: spread(566.3, 0.1) }
        })
      )
    )
    expect(result.itEnergyKWh.value).toBe(30)
    expect(result.energyKWh.value).toBe(30)
    expect(result.emissionsKg.value).toBe(16.989)
  })

  it('reproduces Green Algorithms: 12 cores × 7.5 W, a 250 W GPU, 64 GB, PUE 1.56, 10 h, 51.28 g/kWh → 5.676 kWh, 291 g', () => {
    const result = check(
      computeRun(
        run({
          durationS: 10 * 3600,
          memoryGB: 64,
          devices: [{ kind: 'cpu', name: 'Xeon', count: 1, cores: 12 }, gpu('RTX')]
        }),
        factors({
          devices: [power(12 * 7.5, 'catalogue', 'cpu'), power(250, 'catalogue')],
          pue: { pue: exact(1.56), origin: 'run', sourceId: 'run-input' },
          location: { ...factors().location, intensityGPerKWh: exact(51.28) }
        })
      )
    )
    // 90 W + 250 W + 64 × 0.3725 W = 363.84 W over 10 h.
    expect(result.itEnergyKWh.value).toBe(3.6384)
    expect(result.energyKWh.value.toFixed(3)).toBe('5.676')
    expect(Math.round(result.emissionsKg.value * 1000)).toBe(291)
    expect(result.breakdownKWh).toEqual({
      cpu: 0.9,
      gpu: 2.5,
      tpu: 0,
      memory: 0.2384,
      overhead: result.energyKWh.value - 3.6384
    })
  })
})

describe('computeRun: energy', () => {
  it('applies utilisation and count to a TDP-based power, with the TDP range', () => {
    // 2 × 400 W × 0.5 × 3 h = 1.2 kWh; range 0.6 × and 1.1 × of that.
    const result = check(
      computeRun(
        run({ durationS: 3 * 3600, devices: [gpu('A100', 2, 0.5)] }),
        factors({ devices: [power({ value: 400, low: 240, high: 440 }, 'catalogue')] })
      )
    )
    expect(result.method).toBe('estimated')
    expect(result.itEnergyKWh.value).toBeCloseTo(1.2, 12)
    expect(result.itEnergyKWh.low).toBeCloseTo(0.72, 12)
    expect(result.itEnergyKWh.high).toBeCloseTo(1.32, 12)
  })

  it('does not apply utilisation again to a measured mean power, and says so', () => {
    const result = check(
      computeRun(
        run({ durationS: 3600, devices: [gpu('H100', 1, 0.5)] }),
        factors({ devices: [power(634, 'measured')] })
      )
    )
    expect(result.itEnergyKWh.value).toBeCloseTo(0.634, 12)
    expect(result.assumptions.join(' ')).toMatch(/mean over the run/)
  })

  it('charges a continuous service its working hours only: 30 days at 8 h a day = 240 h', () => {
    const result = check(
      computeRun(
        run({ durationS: 30 * 86400, hoursPerDay: 8, devices: [gpu('T4')] }),
        factors({ devices: [power(70)] })
      )
    )
    expect(result.trace[0]).toMatchObject({ value: 240, unit: 'h' })
    expect(result.itEnergyKWh.value).toBeCloseTo(16.8, 12) // 70 W × 240 h
  })

  it('counts a device of unknown power as 0 W with a loud assumption', () => {
    const result = check(
      computeRun(
        run({ durationS: 3600, devices: [gpu('Mystery card'), gpu('A100')] }),
        factors({ devices: [power(0, 'unknown'), power(400)] })
      )
    )
    expect(result.itEnergyKWh.value).toBeCloseTo(0.4, 12)
    expect(result.assumptions.some((a) => a.includes('Mystery card') && a.includes('understated'))).toBe(true)
  })
})

describe('computeRun: measured energy', () => {
  const estimateFactors = factors({
    devices: [power(300)],
    pue: { pue: { value: 1.5, low: 1.425, high: 1.575 }, origin: 'lab', sourceId: 'lab-defaults' }
  })

  it('replaces the estimate by the measured IT energy (±5 %) and multiplies it by the PUE', () => {
    const input = run({ durationS: 10 * 3600, devices: [gpu('V100')] })
    const estimated = check(computeRun(input, estimateFactors))
    const measured = check(computeRun({ ...input, measuredEnergyKWh: 2 }, estimateFactors))
    expect(estimated.method).toBe('estimated')
    expect(estimated.itEnergyKWh.value).toBeCloseTo(3, 12)
    expect(measured.method).toBe('measured')
    expect(measured.itEnergyKWh).toEqual({ value: 2, low: 1.9, high: 2.1 })
    expect(measured.energyKWh.value).toBeCloseTo(3, 12)
    expect(measured.energyKWh.low).toBeCloseTo(1.9 * 1.425, 12)
    expect(measured.energyKWh.high).toBeCloseTo(2.1 * 1.575, 12)
    // The estimate stays in the trace for comparison; the breakdown splits the measurement like the estimate.
    expect(
      measured.trace.some(
        (s) => traceStepText(s).label.startsWith('Estimated IT energy') && Math.abs(s.value - 3) < 1e-12
      )
    ).toBe(true)
    expect(measured.breakdownKWh.gpu).toBeCloseTo(2, 12)
    expect(measured.breakdownKWh.overhead).toBeCloseTo(1, 12)
  })

  it('does not multiply by the PUE again when the measurement includes it', () => {
    const result = check(
      computeRun(run({ measuredEnergyKWh: 3, measuredEnergyIncludesPue: true, devices: [gpu()] }), estimateFactors)
    )
    expect(result.energyKWh.value).toBe(3)
    expect(result.energyKWh.low).toBeCloseTo(2.85, 12)
    expect(result.energyKWh.high).toBeCloseTo(3.15, 12)
    expect(result.itEnergyKWh.value).toBeCloseTo(2, 12)
    expect(result.assumptions.join(' ')).toMatch(/not multiplied by the PUE again/)
  })

  it('splits a measurement evenly per device when no power is known, and raises no unknown-power alarm', () => {
    const result = check(
      computeRun(
        run({ measuredEnergyKWh: 3, devices: [gpu('a', 2), { kind: 'cpu', name: 'b', count: 1 }] }),
        factors({ devices: [power(0, 'unknown'), power(0, 'unknown', 'cpu')] })
      )
    )
    expect(result.breakdownKWh.gpu).toBeCloseTo(2, 12)
    expect(result.breakdownKWh.cpu).toBeCloseTo(1, 12)
    expect(result.assumptions.join(' ')).not.toMatch(/understated/)
  })
})

describe('computeRun: emissions', () => {
  const oneKWh = run({ durationS: 3600, devices: [gpu()] })

  it('multiplies facility energy by the intensity range', () => {
    const result = check(
      computeRun(
        oneKWh,
        factors({
          devices: [power(1000)],
          location: { ...factors().location, intensityGPerKWh: { value: 400, low: 360, high: 440 } }
        })
      )
    )
    expect(result.emissionsKg).toEqual({ value: 0.4, low: 0.36, high: 0.44 })
    expect(result.intensityGPerKWh).toEqual({ value: 400, low: 360, high: 440 })
  })

  it('reports market-based beside location-based, reduced by the renewable share, never changing location-based', () => {
    const withShare = (share: number) =>
      check(
        computeRun(
          oneKWh,
          factors({ devices: [power(1000)], renewable: { share, origin: 'lab', sourceId: 'lab-defaults' } })
        )
      )
    const none = withShare(0)
    const quarter = withShare(0.25)
    const all = withShare(1)
    expect(none.marketEmissionsKg).toEqual(none.emissionsKg)
    expect(quarter.emissionsKg).toEqual(none.emissionsKg)
    expect(quarter.marketEmissionsKg.value).toBeCloseTo(0.075, 12)
    expect(all.marketEmissionsKg).toEqual({ value: 0, low: 0, high: 0 })
    expect(all.emissionsKg.value).toBeCloseTo(0.1, 12)
  })

  it('computes embodied emissions (SCI): TE × time reserved / lifespan × devices reserved, range ×0.5 to ×2', () => {
    const result = check(
      computeRun(
        run({ durationS: 100 * 3600, devices: [gpu('A100', 2)] }),
        factors({
          devices: [power(400)],
          embodied: { gpu: { totalKg: 150, lifespanYears: 4, sourceId: 'embodied-test', note: 'GPU board' } }
        })
      )
    )
    const expected = (150 * 100 * 2) / (4 * 8760) // 0.856 kg
    expect(result.embodiedKg.value).toBeCloseTo(expected, 12)
    expect(result.embodiedKg.low).toBeCloseTo(expected / 2, 12)
    expect(result.embodiedKg.high).toBeCloseTo(expected * 2, 12)
    expect(result.sources.map((s) => s.id)).toContain('embodied-test')
    // Embodied emissions are separate: the operational figures do not include them.
    expect(result.emissionsKg.value).toBeCloseTo(8, 12) // 2 × 400 W × 100 h × 100 g/kWh
  })

  it('counts no embodied emissions, with an assumption, for a class without defaults', () => {
    const result = check(computeRun(run({ devices: [gpu('A100')] }), factors({ devices: [power(400)] })))
    expect(result.embodiedKg).toEqual({ value: 0, low: 0, high: 0 })
    expect(result.assumptions.join(' ')).toMatch(/No embodied emissions are known for the class 'gpu'/)
  })

  it('gives equivalents from the location-based figure: 175 g/km, 917 g per tree-month, the flight', () => {
    const result = check(
      computeRun(
        run({ durationS: 100 * 3600, devices: [gpu()] }),
        factors({ devices: [power(300)], location: { ...factors().location, intensityGPerKWh: exact(566.3) } })
      )
    )
    expect(result.equivalents.carKm).toBeCloseTo(16989 / 175, 9)
    expect(result.equivalents.treeMonths).toBeCloseTo(16989 / 917, 9)
    expect(result.equivalents.flights).toBeCloseTo(16.989 / 50, 9)
  })
})

describe('computeRun: trace and sources', () => {
  it('traces each step with its numbers and cites only the sources used', () => {
    const result = check(
      computeRun(run({ durationS: 7200, memoryGB: 16, devices: [gpu('A100')] }), factors({ devices: [power(400)] }))
    )
    const trace = result.trace.map((s) => ({ ...s, ...traceStepText(s) }))
    expect(trace.find((s) => s.label === 'Energy of 1 × A100')?.formula).toBe('1 × 400 W × 1 × 2 h / 1000')
    expect(trace.find((s) => s.label === 'Energy of memory')).toMatchObject({
      formula: '16 GB × 0.3725 W/GB × 2 h / 1000',
      sourceId: 'green-algorithms'
    })
    expect(result.sources.map((s) => s.id)).toEqual(['run-input', 'green-algorithms'])
    expect(result.dataVersion).toBe('test-1')
    expect(result.locationLabel).toBe('Test grid')
  })

  it('refuses a trace citing a source the factors do not list', () => {
    expect(() => computeRun(run(), factors({ sources: [] }))).toThrow(/cites source 'run-input'/)
  })

  it('refuses factors that do not match the devices', () => {
    expect(() => computeRun(run({ devices: [gpu()] }), factors())).toThrow(/1 devices but 0 resolved powers/)
  })
})
