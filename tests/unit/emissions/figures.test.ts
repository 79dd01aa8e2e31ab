import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Range } from '../../../shared/domain/range'
import type { RunResult } from '../../../shared/domain/result'
import { type RunInput, type RunInputDraft, runInputSchema } from '../../../shared/domain/run'
import { computeFigures, computeRun, type RunFigures } from '../../../shared/emissions/compute'
import type { ResolvedFactors } from '../../../shared/emissions/factors'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateFigures, estimateRun, resolveFactors } from '../../../shared/emissions/resolve'
import { traceStepText } from '../../../shared/emissions/trace-text'
import { loadReferenceData } from '../../../shared/refdata/index'
import { LAB_DEFAULTS, labTables } from '../report/fixture-lab'
import { factors, run } from './factors-fixture'
import { testRef } from './refdata-fixture'

/** The RunResult fields a RunFigures carries: they must be the very same numbers as computeRun's. */
const FIELDS = [
  'method',
  'itEnergyKWh',
  'energyKWh',
  'breakdownKWh',
  'pue',
  'intensityGPerKWh',
  'emissionsKg',
  'marketEmissionsKg',
  'embodiedKg',
  'equivalents',
  'locationId',
  'locationLabel'
] as const

const resultPart = (r: RunResult | RunFigures) => Object.fromEntries(FIELDS.map((k) => [k, r[k]]))

const rangeArb = (min: number, max: number) =>
  fc
    .record({
      value: fc.double({ min, max, noNaN: true }),
      down: fc.double({ min: 0, max: 0.9, noNaN: true }),
      up: fc.double({ min: 0, max: 1, noNaN: true })
    })
    .map(({ value, down, up }): Range => ({ value, low: value * (1 - down), high: value * (1 + up) }))

const kindArb = fc.constantFrom('gpu' as const, 'cpu' as const, 'tpu' as const)

/** A run and hand-built factors, measured or not, with embodied classes sometimes missing. */
const caseArb = fc
  .record({
    devices: fc.array(
      fc.record({
        kind: kindArb,
        count: fc.integer({ min: 1, max: 64 }),
        utilization: fc.double({ min: 0, max: 1, noNaN: true }),
        powerW: rangeArb(0, 1000),
        origin: fc.constantFrom('catalogue' as const, 'user' as const, 'measured' as const, 'unknown' as const)
      }),
      { maxLength: 4 }
    ),
    durationS: fc.double({ min: 0, max: 1e7, noNaN: true }),
    hoursPerDay: fc.option(fc.double({ min: 0.5, max: 24, noNaN: true }), { nil: undefined }),
    memoryGB: fc.double({ min: 0, max: 2048, noNaN: true }),
    measuredEnergyKWh: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true }), { nil: undefined }),
    includesPue: fc.boolean(),
    pue: rangeArb(1, 3).map((r) => ({ ...r, low: Math.max(1, r.low) })),
    intensity: rangeArb(0, 1200),
    renewableShare: fc.double({ min: 0, max: 1, noNaN: true }),
    embodiedKinds: fc.subarray(['gpu', 'cpu', 'tpu'] as const)
  })
  .map((c): [RunInput, ResolvedFactors] => [
    run({
      durationS: c.durationS,
      hoursPerDay: c.hoursPerDay,
      memoryGB: c.memoryGB,
      ...(c.measuredEnergyKWh === undefined
        ? {}
        : { measuredEnergyKWh: c.measuredEnergyKWh, measuredEnergyIncludesPue: c.includesPue }),
      devices: c.devices.map((d, i) => ({
        kind: d.kind,
        name: `device ${i}`,
        count: d.count,
        utilization: d.utilization
      }))
    }),
    factors({
      devices: c.devices.map((d) => ({
        powerW: d.powerW,
        origin: d.origin,
        detail: 'test',
        embodiedClass: d.kind,
        sourceId: 'run-input'
      })),
      pue: { pue: c.pue, origin: 'run', sourceId: 'run-input' },
      location: { ...factors().location, intensityGPerKWh: c.intensity },
      renewable: { share: c.renewableShare, origin: 'lab', sourceId: 'lab-defaults' },
      embodied: Object.fromEntries(
        c.embodiedKinds.map((k) => [k, { totalKg: 150, lifespanYears: 4, sourceId: 'embodied-test', note: 'test' }])
      )
    })
  ])

describe('computeFigures: the arithmetic computeRun describes', () => {
  it('gives exactly computeRun’s figures for any run and factors', () => {
    fc.assert(
      fc.property(caseArb, ([input, f]) => {
        expect(resultPart(computeFigures(input, f))).toStrictEqual(resultPart(computeRun(input, f)))
      }),
      { numRuns: 300 }
    )
  })

  it('keeps the terms the trace shows: 2 × 300 W × 0.5 × 10 h = 3 kWh, 64 GB × 0.3725 W/GB × 10 h = 0.2384 kWh', () => {
    const input = run({
      durationS: 36_000,
      memoryGB: 64,
      devices: [{ kind: 'gpu', name: 'GPU', count: 2, utilization: 0.5 }]
    })
    const f = factors({
      devices: [
        { powerW: { value: 300, low: 180, high: 330 }, origin: 'catalogue', detail: 'test', embodiedClass: 'gpu' }
      ]
    })
    const figures = computeFigures(input, f)
    expect(figures.hours).toBe(10)
    expect(figures.devices).toEqual([
      { utilization: 0.5, energyKWh: { value: 3, low: 1.8, high: 3.3 }, embodiedKg: undefined }
    ])
    expect(figures.memoryKWh.value).toBeCloseTo(0.2384, 12)
    expect(figures.estimatedITKWh.value).toBeCloseTo(3.2384, 12)
    expect(figures.measuredKWh).toBeUndefined()
    const trace = computeRun(input, f).trace.map((s) => ({ ...s, ...traceStepText(s) }))
    expect(trace.find((s) => s.label === 'Energy of 2 × GPU')?.value).toBe(3)
    expect(trace.find((s) => s.label === 'IT energy')?.value).toBe(figures.estimatedITKWh.value)
  })
})

describe('estimateFigures: estimateRun without the text', () => {
  const ref = testRef()
  const lab = labDefaultsSchema.parse({
    location: { kind: 'country', code: 'FR' },
    ownMachines: { kind: 'data-centre', pue: 1.2 }
  })
  const locations: RunInputDraft['location'][] = [
    { kind: 'country', code: 'FR' },
    { kind: 'zone', zone: 'DE-LU' },
    { kind: 'cloud', provider: 'gcp', region: 'europe-west1' },
    { kind: 'cloud', provider: 'AWS', region: 'eu-west-1' },
    { kind: 'cloud', provider: 'azure', region: 'nowhere' },
    { kind: 'country', code: 'XX' },
    { kind: 'unknown' },
    { kind: 'custom', intensityGPerKWh: 42, label: 'Own grid' }
  ]
  const deviceArb = fc.record({
    kind: kindArb,
    hardwareId: fc.constantFrom(undefined, 'gpu:tesla-v100', 'gpu:rtx-3090', 'cpu:xeon-gold-6148', 'gpu:not-there'),
    name: fc.constantFrom('Tesla V100', 'RTX 3090', 'Xeon Gold 6148', 'Mystery board'),
    count: fc.integer({ min: 1, max: 8 }),
    utilization: fc.double({ min: 0, max: 1, noNaN: true }),
    cores: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
    powerW: fc.option(fc.double({ min: 1, max: 800, noNaN: true }), { nil: undefined }),
    measuredPowerW: fc.option(fc.double({ min: 1, max: 800, noNaN: true }), { nil: undefined })
  })
  const inputArb = fc
    .record({
      devices: fc.array(deviceArb, { maxLength: 3 }),
      year: fc.integer({ min: 2015, max: 2030 }),
      durationS: fc.integer({ min: 0, max: 1_000_000 }),
      memoryGB: fc.option(fc.integer({ min: 0, max: 512 }), { nil: undefined }),
      location: fc.constantFrom(...locations),
      pue: fc.option(fc.double({ min: 1, max: 3, noNaN: true }), { nil: undefined }),
      renewableShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      measuredEnergyKWh: fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: undefined })
    })
    .map(({ year, devices, ...rest }) =>
      runInputSchema.parse({
        ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
        startedAt: `${year}-06-01T00:00:00Z`,
        devices: devices.map((d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)))
      })
    )

  it('gives exactly estimateRun’s figures for any run of the test data', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(resultPart(estimateFigures(input, ref, lab))).toStrictEqual(resultPart(estimateRun(input, ref, lab)))
      }),
      { numRuns: 300 }
    )
  })

  it('gives exactly estimateRun’s figures for the fixture lab’s runs on the bundled data', () => {
    const bundled = loadReferenceData()
    for (const record of labTables({ runs: 300 }).runs) {
      expect(resultPart(estimateFigures(record.input, bundled, LAB_DEFAULTS))).toStrictEqual(resultPart(record.result))
    }
  })

  it('makes the same factors as resolveFactors apart from the assumptions it does not write', () => {
    const input = run({ devices: [{ kind: 'gpu', name: 'Mystery board', count: 1 }], location: { kind: 'unknown' } })
    const full = resolveFactors(input, ref, labDefaultsSchema.parse({}))
    expect(full.assumptions.length).toBeGreaterThan(0)
    expect(resultPart(estimateFigures(input, ref, labDefaultsSchema.parse({})))).toStrictEqual(
      resultPart(computeRun(input, full))
    )
  })
})
