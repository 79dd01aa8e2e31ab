import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../../shared/domain/limits'
import { runResultSchema } from '../../../shared/domain/result'
import { runInputSchema } from '../../../shared/domain/run'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateRun } from '../../../shared/emissions/resolve'
import { loadReferenceData } from '../../../shared/refdata/index'

const ref = loadReferenceData()
const lab = labDefaultsSchema.parse({})

/** Any double, the absurd ones included: huge, tiny, negative, infinite, NaN. */
const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(Infinity, -Infinity, NaN, 1e308, 1e12, 0, 1, 100_001, 5_001),
  fc.double({ min: 0, max: 1e6, noNaN: true })
)
const anyYear = fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(99, 1899, 1999, 2000, 2100, 2101, 9999))

const draftArb = fc.record({
  year: anyYear,
  durationS: anyNumber,
  count: anyNumber,
  powerW: anyNumber,
  utilization: fc.double({ min: 0, max: 1, noNaN: true }),
  measuredEnergyKWh: fc.option(anyNumber, { nil: undefined }),
  memoryGB: fc.option(anyNumber, { nil: undefined }),
  intensity: anyNumber,
  location: fc.constantFrom('FR', 'gcp:europe-west3', 'custom')
})

describe('only finite, plausible numbers (LIMITS)', () => {
  it('every run the schema accepts gives finite figures; every run past a limit is refused (property)', () => {
    fc.assert(
      fc.property(draftArb, (d) => {
        const startedAt = `${String(d.year).padStart(4, '0')}-06-01T00:00:00Z`
        const parsed = runInputSchema.safeParse({
          startedAt,
          durationS: d.durationS,
          devices: [{ kind: 'gpu', name: 'GPU', count: d.count, powerW: d.powerW, utilization: d.utilization }],
          ...(d.measuredEnergyKWh !== undefined ? { measuredEnergyKWh: d.measuredEnergyKWh } : {}),
          ...(d.memoryGB !== undefined ? { memoryGB: d.memoryGB } : {}),
          location:
            d.location === 'custom'
              ? { kind: 'custom', intensityGPerKWh: d.intensity, label: 'x' }
              : d.location === 'FR'
                ? { kind: 'country', code: 'FR' }
                : { kind: 'cloud', provider: 'gcp', region: 'europe-west3' }
        })
        const within = (x: number, max: number) => Number.isFinite(x) && x >= 0 && x <= max
        const plausible =
          d.year >= LIMITS.minYear &&
          d.year <= LIMITS.maxYear &&
          within(d.durationS, LIMITS.maxDurationS) &&
          Number.isInteger(d.count) &&
          d.count >= 1 &&
          d.count <= LIMITS.maxDeviceCount &&
          within(d.powerW, LIMITS.maxPowerPerDeviceW) &&
          (d.measuredEnergyKWh === undefined || within(d.measuredEnergyKWh, LIMITS.maxEnergyKWh)) &&
          (d.memoryGB === undefined || within(d.memoryGB, LIMITS.maxMemoryGB)) &&
          (d.location !== 'custom' || within(d.intensity, LIMITS.maxIntensityGPerKWh))
        expect(parsed.success).toBe(plausible)
        if (!parsed.success) return
        const result = estimateRun(parsed.data, ref, lab)
        // the stored result's schema refuses non-finite numbers (zod 4); every range is ordered
        expect(runResultSchema.safeParse(result).success).toBe(true)
        for (const r of [result.energyKWh, result.emissionsKg, result.marketEmissionsKg, result.embodiedKg])
          for (const x of [r.low, r.value, r.high]) expect(Number.isFinite(x)).toBe(true)
      }),
      { numRuns: 400 }
    )
  })

  it('reads a year as written: 0099 and 1899 and 9999 are refused, never shifted into range', () => {
    for (const startedAt of [
      '0099-03-01T00:00:00Z',
      '1899-12-31T23:00:00Z',
      '9999-01-01T00:00:00Z',
      '2101-01-01T00:00:00Z'
    ])
      expect(runInputSchema.safeParse({ startedAt, durationS: 60 }).success).toBe(false)
    for (const startedAt of ['2000-01-01T00:00:00Z', '2100-12-31T23:00:00Z'])
      expect(runInputSchema.safeParse({ startedAt, durationS: 60 }).success).toBe(true)
  })
})
