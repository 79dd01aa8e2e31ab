import { describe, expect, it } from 'vitest'
import { recommendationMessage } from '../../../renderer/src/components/recommendation-message'
import { spanHours } from '../../../renderer/src/components/shift-hours'
import {
  fieldFromUtc,
  readNumber,
  savingShown,
  sortRows,
  utcFromField,
  type WorkloadFields,
  workloadRequest
} from '../../../renderer/src/screens/compare/compare-form'
import type { HardwareRow, ShiftPlan } from '../../../shared/planning/index'

const parse = (text: string): number | undefined => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined)

const fields = (patch: Partial<WorkloadFields>): WorkloadFields => ({
  kind: 'gpu-hours',
  hardwareId: 'gpu:nvidia-a100-sxm4-80-gb',
  gpuHours: '1000',
  count: '1',
  totalFlops: '',
  location: { kind: 'unknown' },
  precision: 'fp16',
  mfuPct: '40',
  mfuLowPct: '30',
  mfuHighPct: '50',
  ...patch
})

describe('workloadRequest', () => {
  it('reads GPU-hours on a reference GPU with the MFU range as shares', () => {
    const { request, errors } = workloadRequest(fields({ count: '8' }), parse)
    expect(errors).toEqual({})
    expect(request).toEqual({
      workload: {
        kind: 'gpu-hours',
        hardwareId: 'gpu:nvidia-a100-sxm4-80-gb',
        gpuHours: 1000,
        location: { kind: 'unknown' },
        count: 8
      },
      options: { precision: 'fp16', mfu: { value: 0.4, low: 0.3, high: 0.5 } }
    })
  })

  it('reads FLOPs written with an exponent, the current GPU optional', () => {
    const { request } = workloadRequest(fields({ kind: 'flops', hardwareId: '', totalFlops: '3.14e23' }), parse)
    expect(request?.workload).toEqual({ kind: 'flops', totalFlops: 3.14e23, location: { kind: 'unknown' }, count: 1 })
  })

  it('names each bad field', () => {
    expect(workloadRequest(fields({ hardwareId: '', gpuHours: '-3', count: '1.5' }), parse).errors).toEqual({
      hardwareId: 'required',
      gpuHours: 'positive',
      count: 'whole'
    })
    expect(workloadRequest(fields({ gpuHours: 'lots' }), parse).errors).toEqual({ gpuHours: 'notNumber' })
    expect(workloadRequest(fields({ kind: 'flops', totalFlops: '' }), parse).errors).toEqual({ totalFlops: 'required' })
  })

  it('refuses an MFU outside its own range or above 100 %', () => {
    expect(workloadRequest(fields({ mfuPct: '60' }), parse).errors).toEqual({ mfu: 'mfuRange' })
    expect(workloadRequest(fields({ mfuHighPct: '120' }), parse).errors).toEqual({ mfu: 'mfuRange' })
    expect(workloadRequest(fields({ mfuLowPct: '0' }), parse).errors).toEqual({ mfu: 'mfuRange' })
  })

  it('leaves the workload of a logged run to the screen', () => {
    const { request, errors } = workloadRequest(fields({ kind: 'run', gpuHours: '' }), parse)
    expect(errors).toEqual({})
    expect(request).toEqual({
      workload: undefined,
      options: { precision: 'fp16', mfu: { value: 0.4, low: 0.3, high: 0.5 } }
    })
  })
})

describe('numbers and times', () => {
  it('reads exponents and locale numbers', () => {
    expect(readNumber('1E+21', parse)).toBe(1e21)
    expect(readNumber(' 12.5 ', parse)).toBe(12.5)
    expect(readNumber('', parse)).toBeUndefined()
  })

  it('reads the datetime-local field as UTC and refuses impossible dates', () => {
    expect(utcFromField('2024-03-01T08:00')).toBe(Date.UTC(2024, 2, 1, 8))
    expect(utcFromField('2024-02-30T08:00')).toBeUndefined()
    expect(utcFromField('')).toBeUndefined()
    expect(fieldFromUtc(Date.UTC(2024, 2, 1, 8))).toBe('2024-03-01T08:00')
  })
})

describe('spanHours', () => {
  it('marks the baseline and the chosen hours on the considered span', () => {
    const h = (n: number) => Date.UTC(2024, 0, 1, n)
    const plan: ShiftPlan = {
      strategy: { kind: 'flexible', windowHours: 2 },
      zone: 'AT',
      baselineKg: 0.7,
      optimizedKg: 0.2,
      savedKg: 0.5,
      savingsPct: 71.4,
      firstHourUtcMs: h(2),
      baselineHoursUtcMs: [h(0), h(1)],
      chosenHoursUtcMs: [h(2), h(3)],
      span: { startUtcMs: h(0), intensitiesGPerKWh: [400, 300, 100, 100] },
      notes: [],
      noteMsgs: []
    }
    expect(spanHours(plan)).toEqual([
      { hourUtcMs: h(0), intensityGPerKWh: 400, baseline: true, chosen: false },
      { hourUtcMs: h(1), intensityGPerKWh: 300, baseline: true, chosen: false },
      { hourUtcMs: h(2), intensityGPerKWh: 100, baseline: false, chosen: true },
      { hourUtcMs: h(3), intensityGPerKWh: 100, baseline: false, chosen: true }
    ])
  })
})

describe('recommendationMessage', () => {
  it('gives each kind its message and parameters', () => {
    const rec = {
      kind: 'start-time' as const,
      title: '',
      from: 'Germany',
      to: 'up to 24 h later',
      runCount: 3,
      runIds: [],
      savedKg: { value: 1, low: 1, high: 1 },
      emissionsKg: { value: 5, low: 5, high: 5 }
    }
    expect(recommendationMessage(rec, 24)).toEqual({
      key: 'rec.startTime',
      params: { count: 3, from: 'Germany', to: 'up to 24 h later', hours: 24 }
    })
    expect(recommendationMessage({ ...rec, kind: 'region' }, 24).key).toBe('rec.region')
    expect(recommendationMessage({ ...rec, kind: 'hardware' }, 24).key).toBe('rec.hardware')
  })
})

describe('sortRows', () => {
  const r = (v: number): { value: number; low: number; high: number } => ({ value: v, low: v, high: v })
  const row = (name: string, hours: number, kWh: number, kg: number, gflopsPerW: number): HardwareRow => ({
    hardwareId: name,
    name,
    kind: 'gpu',
    peakTflops: 1,
    tdpW: 1,
    gflopsPerW,
    deviceHours: r(hours),
    wallHours: r(hours),
    energyKWh: r(kWh),
    emissionsKg: r(kg),
    marketEmissionsKg: r(kg),
    current: false,
    custom: false
  })
  const rows = [row('a', 3, 10, 5, 100), row('b', 1, 30, 4, 300), row('c', 2, 20, 6, 200)]
  it('sorts by each column, most efficient first for GFLOPS/W', () => {
    expect(sortRows(rows, 'time').map((x) => x.name)).toEqual(['b', 'c', 'a'])
    expect(sortRows(rows, 'energy').map((x) => x.name)).toEqual(['a', 'c', 'b'])
    expect(sortRows(rows, 'emissions').map((x) => x.name)).toEqual(['b', 'a', 'c'])
    expect(sortRows(rows, 'efficiency').map((x) => x.name)).toEqual(['b', 'c', 'a'])
  })
})

describe('savingShown', () => {
  it('shows a saving as it is', () => {
    expect(savingShown({ value: 2, low: 1, high: 3 })).toEqual({ more: false, amount: { value: 2, low: 1, high: 3 } })
    expect(savingShown({ value: 0, low: 0, high: 0 })).toEqual({ more: false, amount: { value: 0, low: 0, high: 0 } })
  })
  it('shows worse hardware as the amount more, its range turned round', () => {
    // −4.29 kg (range −5.5 … −3.1) is "4.29 kg more (range 3.1 – 5.5)".
    expect(savingShown({ value: -4.29, low: -5.5, high: -3.1 })).toEqual({
      more: true,
      amount: { value: 4.29, low: 3.1, high: 5.5 }
    })
  })
})
