import { describe, expect, it } from 'vitest'
import { runInputSchema } from '../../../shared/domain/run'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { PlanningError } from '../../../shared/planning/errors'
import { compareHardware, sortHardwareRows } from '../../../shared/planning/hardware'
import { planningRef } from './refdata-fixture'

const ref = planningRef()
const noLab = labDefaultsSchema.parse({})
// France 50 g/kWh in 2024 (±10 %), PUE 1 (run's, ±5 % above only)
const where = { location: { kind: 'country' as const, code: 'FR' }, startedAt: '2024-05-01T00:00:00Z', pue: 1 }

describe('compareHardware: GPU-hours on a reference GPU', () => {
  const comparison = compareHardware({ kind: 'gpu-hours', hardwareId: 'gpu:old', gpuHours: 100, ...where }, ref, noLab)
  const row = (id: string) => comparison.rows.find((r) => r.hardwareId === id)!

  it('scales the time by peak FLOPS: utilisation cancels, the time is exact', () => {
    // 100 h × 100 / 200 = 50 h on New; × 100 / 50 = 200 h on Small
    expect(row('gpu:new').deviceHours).toEqual({ value: 50, low: 50, high: 50 })
    expect(row('gpu:small').deviceHours.value).toBe(200)
    expect(row('gpu:old').deviceHours.value).toBe(100)
  })

  it('estimates energy and emissions from TDP for that time, by hand', () => {
    // at full load a GPU draws 0.9 × TDP (the power model):
    // Old: 360 W × 100 h = 36 kWh × PUE 1 → × 50 g = 1.8 kg ; New: 360 W × 50 h = 18 kWh → 0.9 kg ; Small: 90 W × 200 h → 0.9 kg
    expect(row('gpu:old').energyKWh.value).toBeCloseTo(36, 10)
    expect(row('gpu:old').emissionsKg.value).toBeCloseTo(1.8, 10)
    expect(row('gpu:new').emissionsKg.value).toBeCloseTo(0.9, 10)
    expect(row('gpu:small').emissionsKg.value).toBeCloseTo(0.9, 10)
    // full load 0.6–1.1 × TDP, PUE 1–1.05, intensity 45–55
    expect(row('gpu:new').emissionsKg.low).toBeCloseTo((20 * 0.6 * 1 * 45) / 1000, 10)
    expect(row('gpu:new').emissionsKg.high).toBeCloseTo((20 * 1.1 * 1.05 * 55) / 1000, 10)
    expect(row('gpu:new').gflopsPerW).toBe(500)
  })

  it('ranks by emissions, faster first on a tie, and gives the saving against the current choice', () => {
    expect(comparison.rows.map((r) => r.hardwareId)).toEqual(['gpu:new', 'gpu:small', 'gpu:old'])
    expect(comparison.current).toEqual({ hardwareId: 'gpu:old', name: 'Old GPU' })
    expect(row('gpu:old').current).toBe(true)
    expect(row('gpu:old').savingKg).toEqual({ value: 0, low: 0, high: 0 })
    const saving = row('gpu:new').savingKg!
    expect(saving.value).toBeCloseTo(0.9, 10)
    // same scenario: low = 2 kg × 0.6 × 1 × 0.9 − 1 kg × same = 0.54 ; high = 1 × 1.1 × 1.05 × 1.1 = 1.2705
    expect(saving.low).toBeCloseTo(0.54, 10)
    expect(saving.high).toBeCloseTo(1.2705, 10)
  })

  it('leaves out CPUs and hardware without FLOPS at the precision, and says which', () => {
    expect(comparison.rows.some((r) => r.kind === 'cpu')).toBe(false)
    expect(comparison.withoutFlops).toEqual(['Unrated GPU'])
    const fp32 = compareHardware({ kind: 'gpu-hours', hardwareId: 'gpu:old', gpuHours: 100, ...where }, ref, noLab, {
      precision: 'fp32'
    })
    expect(fp32.withoutFlops).toEqual(['Small GPU', 'Unrated GPU'])
    expect(fp32.precision).toBe('fp32')
  })

  it('gives the current choice as a run for the location comparison', () => {
    expect(comparison.currentRun).toMatchObject({
      durationS: 100 * 3600,
      devices: [{ hardwareId: 'gpu:old', count: 1 }],
      location: where.location
    })
  })

  it('re-sorts by time', () => {
    expect(sortHardwareRows(comparison.rows, 'time').map((r) => r.hardwareId)).toEqual([
      'gpu:new',
      'gpu:old',
      'gpu:small'
    ])
  })
})

describe('compareHardware: total FLOPs', () => {
  it('turns FLOPs into time with the utilisation range', () => {
    // 3.6e18 FLOPs on 100 TFLOPS at MFU 0.4 → 3.6e18 / (1e14 × 0.4) s = 90 000 s = 25 h ; at 0.5 → 20 h ; at 0.3 → 33.3 h
    const c = compareHardware({ kind: 'flops', totalFlops: 3.6e18, count: 2, ...where }, ref, noLab)
    const old = c.rows.find((r) => r.hardwareId === 'gpu:old')!
    expect(old.deviceHours.value).toBeCloseTo(25, 10)
    expect(old.deviceHours.low).toBeCloseTo(20, 10)
    expect(old.deviceHours.high).toBeCloseTo(100 / 3, 10)
    expect(old.wallHours.value).toBeCloseTo(12.5, 10)
    expect(old.emissionsKg.value).toBeCloseTo((0.9 * 0.4 * 25 * 50) / 1000, 10) // full load 0.9 × 400 W
    expect(c.current).toBeUndefined()
    expect(old.savingKg).toBeUndefined()
    expect(c.notes.join(' ')).toContain('No current hardware was given')
  })

  it('ranks custom lab hardware beside the catalogue', () => {
    const lab = labDefaultsSchema.parse({
      hardware: [
        { id: 'custom:lab', kind: 'gpu', name: 'Lab card', tdpW: 100, fp16Tflops: 100, aliases: [], sourceIds: ['lab'] }
      ]
    })
    const c = compareHardware({ kind: 'flops', totalFlops: 3.6e18, hardwareId: 'gpu:old', ...where }, ref, lab)
    expect(c.rows[0]).toMatchObject({ hardwareId: 'custom:lab', custom: true })
    expect(c.rows[0]!.savingKg!.value).toBeCloseTo((0.9 * (0.4 * 25 * 50 - 0.1 * 25 * 50)) / 1000, 10)
  })
})

describe('compareHardware: a logged run', () => {
  const run = runInputSchema.parse({
    startedAt: '2024-05-01T00:00:00Z',
    durationS: 10 * 3600,
    devices: [
      { kind: 'cpu', hardwareId: 'cpu:xeon', name: 'Xeon', count: 1, utilization: 0.5 },
      { kind: 'gpu', name: 'Old GPU', count: 4, utilization: 0.5 }
    ],
    location: { kind: 'country', code: 'FR' },
    pue: 1,
    measuredEnergyKWh: 12
  })

  it('takes its catalogue accelerator as current, scales the whole run with the time, and drops the measurement', () => {
    const c = compareHardware({ kind: 'run', run }, ref, noLab)
    expect(c.current?.hardwareId).toBe('gpu:old')
    expect(c.deviceCount).toBe(4)
    const neu = c.rows.find((r) => r.hardwareId === 'gpu:new')!
    // 40 device-hours on Old → 20 on New = 5 h wall on 4 GPUs; at utilisation 0.5 a GPU draws 0.19 × 400 W idle
    // + 0.5 × (0.9 − 0.19) × 400 W = 218 W: 4 × 218 W × 5 h = 4.36 kWh; the CPU 0.3 × 150 + 0.5 × 0.7 × 150 = 97.5 W × 5 h
    expect(neu.wallHours.value).toBe(5)
    expect(neu.energyKWh.value).toBeCloseTo(4.36 + 0.4875, 10)
    const old = c.rows.find((r) => r.current)!
    expect(old.energyKWh.value).toBeCloseTo(2 * (4.36 + 0.4875), 10)
    expect(c.notes.join(' ')).toContain('measured energy is not used')
    expect(c.currentRun).toEqual(run)
  })

  it('says so when the run has no accelerator of the catalogue', () => {
    const bare = runInputSchema.parse({
      startedAt: '2024-05-01T00:00:00Z',
      durationS: 3600,
      devices: [{ kind: 'gpu', name: 'Mystery 9000', count: 1 }]
    })
    expect(() => compareHardware({ kind: 'run', run: bare }, ref, noLab)).toThrow(PlanningError)
  })

  it('rejects bad input naming the field', () => {
    expect(() => compareHardware({ kind: 'gpu-hours', hardwareId: 'gpu:old', gpuHours: -1 }, ref, noLab)).toThrow(
      /workload gpuHours/
    )
    expect(() => compareHardware({ kind: 'gpu-hours', hardwareId: 'gpu:nope', gpuHours: 1 }, ref, noLab)).toThrow(
      /'gpu:nope' is not in the catalogue/
    )
    expect(() =>
      compareHardware({ kind: 'gpu-hours', hardwareId: 'gpu:small', gpuHours: 1 }, ref, noLab, { precision: 'fp32' })
    ).toThrow(/Small GPU has no fp32 FLOPS/)
    expect(() =>
      compareHardware({ kind: 'flops', totalFlops: 1e18, hardwareId: 'gpu:small' }, ref, noLab, { precision: 'fp32' })
    ).toThrow(/Small GPU has no fp32 FLOPS/)
  })
})
