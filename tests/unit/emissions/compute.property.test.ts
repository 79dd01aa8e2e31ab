import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Range } from '../../../shared/domain/range'
import { type RunResult, runResultSchema } from '../../../shared/domain/result'
import type { RunInput } from '../../../shared/domain/run'
import { computeRun } from '../../../shared/emissions/compute'
import type { ResolvedFactors } from '../../../shared/emissions/factors'
import { factors, run } from './factors-fixture'

/** A positive range built from a value and two relative spreads. */
const rangeArb = (min: number, max: number) =>
  fc
    .record({
      value: fc.double({ min, max, noNaN: true }),
      down: fc.double({ min: 0, max: 0.9, noNaN: true }),
      up: fc.double({ min: 0, max: 1, noNaN: true })
    })
    .map(({ value, down, up }): Range => ({ value, low: value * (1 - down), high: value * (1 + up) }))

const deviceArb = fc.record({
  kind: fc.constantFrom('gpu' as const, 'cpu' as const, 'tpu' as const),
  count: fc.integer({ min: 1, max: 64 }),
  utilization: fc.double({ min: 0, max: 1, noNaN: true }),
  powerW: rangeArb(0, 1000),
  origin: fc.constantFrom('catalogue' as const, 'user' as const, 'measured' as const)
})

const caseArb = fc.record({
  devices: fc.array(deviceArb, { minLength: 0, maxLength: 4 }),
  durationS: fc.double({ min: 0, max: 1e7, noNaN: true }),
  hoursPerDay: fc.option(fc.double({ min: 0.5, max: 24, noNaN: true }), { nil: undefined }),
  memoryGB: fc.double({ min: 0, max: 2048, noNaN: true }),
  pue: rangeArb(1, 3).map((r) => ({ ...r, low: Math.max(1, r.low) })),
  intensity: rangeArb(0, 1200),
  renewableShare: fc.double({ min: 0, max: 1, noNaN: true })
})
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never

function build(c: Case): [RunInput, ResolvedFactors] {
  const input = run({
    durationS: c.durationS,
    hoursPerDay: c.hoursPerDay,
    memoryGB: c.memoryGB,
    devices: c.devices.map((d, i) => ({
      kind: d.kind,
      name: `device ${i}`,
      count: d.count,
      utilization: d.utilization
    }))
  })
  const base = factors()
  return [
    input,
    factors({
      devices: c.devices.map((d) => ({
        powerW: d.powerW,
        origin: d.origin,
        detail: 'test',
        embodiedClass: d.kind,
        sourceId: 'run-input'
      })),
      pue: { pue: c.pue, origin: 'run', sourceId: 'run-input' },
      location: { ...base.location, intensityGPerKWh: c.intensity },
      renewable: { share: c.renewableShare, origin: 'lab', sourceId: 'lab-defaults' },
      embodied: {
        gpu: { totalKg: 150, lifespanYears: 4, sourceId: 'embodied-test', note: 'test' },
        cpu: { totalKg: 30, lifespanYears: 5, sourceId: 'embodied-test', note: 'test' },
        tpu: { totalKg: 200, lifespanYears: 4, sourceId: 'embodied-test', note: 'test' }
      }
    })
  ]
}

const compute = (c: Case): RunResult => runResultSchema.parse(computeRun(...build(c)))

const FIGURES = ['itEnergyKWh', 'energyKWh', 'emissionsKg', 'marketEmissionsKg', 'embodiedKg'] as const
const BOUNDS = ['low', 'value', 'high'] as const

/** Every bound of every figure of b is at least a's (a tiny relative slack for rounding of unequal sums). */
function expectNotLess(input: string, a: RunResult, b: RunResult): void {
  for (const figure of FIGURES) {
    for (const bound of BOUNDS) {
      const before = a[figure][bound]
      const after = b[figure][bound]
      expect(after, `${figure}.${bound} when the ${input} grows`).toBeGreaterThanOrEqual(
        before - Math.abs(before) * 1e-12
      )
    }
  }
}

const grow = (r: Range, factor: number): Range => ({
  value: r.value * factor,
  low: r.low * factor,
  high: r.high * factor
})
const factorArb = fc.double({ min: 1, max: 10, noNaN: true })

describe('computeRun properties', () => {
  it('keeps low ≤ value ≤ high in every figure, and market-based ≤ location-based', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const result = compute(c)
        for (const figure of FIGURES) {
          expect(result[figure].low).toBeLessThanOrEqual(result[figure].value)
          expect(result[figure].value).toBeLessThanOrEqual(result[figure].high)
        }
        for (const bound of BOUNDS)
          expect(result.marketEmissionsKg[bound]).toBeLessThanOrEqual(result.emissionsKg[bound])
      })
    )
  })

  it('is non-decreasing in power, count, utilisation, hours, memory, PUE and intensity', () => {
    const changes: [string, (c: Case, k: number) => Case][] = [
      ['power', (c, k) => ({ ...c, devices: c.devices.map((d) => ({ ...d, powerW: grow(d.powerW, k) })) })],
      ['count', (c, k) => ({ ...c, devices: c.devices.map((d) => ({ ...d, count: Math.ceil(d.count * k) })) })],
      [
        'utilisation',
        (c, k) => ({ ...c, devices: c.devices.map((d) => ({ ...d, utilization: Math.min(1, d.utilization * k) })) })
      ],
      ['duration', (c, k) => ({ ...c, durationS: c.durationS * k })],
      [
        'hours a day',
        (c, k) => ({ ...c, hoursPerDay: c.hoursPerDay === undefined ? undefined : Math.min(24, c.hoursPerDay * k) })
      ],
      ['memory', (c, k) => ({ ...c, memoryGB: c.memoryGB * k })],
      ['PUE', (c, k) => ({ ...c, pue: grow(c.pue, k) })],
      ['intensity', (c, k) => ({ ...c, intensity: grow(c.intensity, k) })]
    ]
    for (const [input, change] of changes) {
      fc.assert(fc.property(caseArb, factorArb, (c, k) => expectNotLess(input, compute(c), compute(change(c, k)))))
    }
  })

  it('gives, for a run split in two, results that sum to the whole run', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 0, max: 1, noNaN: true }), (c, cut) => {
        const whole = compute(c)
        const first = compute({ ...c, durationS: c.durationS * cut })
        const second = compute({ ...c, durationS: c.durationS - c.durationS * cut })
        for (const figure of FIGURES) {
          for (const bound of BOUNDS) {
            const sum = first[figure][bound] + second[figure][bound]
            expect(Math.abs(sum - whole[figure][bound])).toBeLessThanOrEqual(
              Math.abs(whole[figure][bound]) * 1e-9 + 1e-12
            )
          }
        }
        expect(first.equivalents.carKm + second.equivalents.carKm).toBeCloseTo(whole.equivalents.carKm, 6)
      })
    )
  })
})
