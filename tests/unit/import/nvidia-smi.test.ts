import { describe, expect, it } from 'vitest'
import { createImporter, importText } from '../../../shared/import'
import { importFixture } from './support'

describe('nvidia-smi power logs', () => {
  it('integrates the H100 training log to about 76.2 kJ (trapezoids over 323 samples)', () => {
    const result = importFixture('nvidia-smi/h100-training-power.csv')
    expect(result.format).toBe('nvidia-smi')
    expect(result.errors).toEqual([])
    expect(result.rows).toBe(323)
    expect(result.runs).toHaveLength(1)
    const run = result.runs[0]
    const energyKJ = (run?.input.measuredEnergyKWh ?? 0) * 3600
    expect(energyKJ).toBeCloseTo(76.171, 2)
    expect(run?.input.startedAt).toBe('2026-11-23T03:34:06.825Z')
    expect(run?.input.durationS).toBeCloseTo(161.264, 6)
    expect(run?.input.devices).toHaveLength(1)
    expect(run?.input.devices[0]).toMatchObject({ kind: 'gpu', name: 'NVIDIA H100 80GB HBM3', count: 1 })
    // the mean power is the energy over the integrated time
    expect(run?.input.devices[0]?.measuredPowerW).toBeCloseTo((energyKJ * 1000) / 161.264, 6)
    expect(run?.emissionsSource).toBe('computed')
    expect(run?.externalId).toMatch(/^nvidia-smi:[0-9a-f]{16}:2026-11-23T03:34:06.825Z$/)
    expect(result.warnings.map((w) => w.message)).toEqual([
      "h100-training-power.csv: the timestamps carry no time zone; they were read as UTC (set the file's time zone to correct them)"
    ])
    // 03:34–03:36 UTC: one hour, holding the whole energy (to the six digits kept)
    expect(run?.input.energyByHourKWh).toHaveLength(1)
    const energyKWh = run?.input.measuredEnergyKWh ?? 0
    expect(run?.input.energyByHourKWh).toEqual([Number(energyKWh.toPrecision(6))])
    expect(Math.abs(run!.input.energyByHourKWh![0]! - energyKWh)).toBeLessThanOrEqual(5e-7 * energyKWh)
  })

  it('splits the H100 log between two hours when read 35 minutes ahead of UTC (03:35 local is 03:00 UTC)', () => {
    const result = importFixture('nvidia-smi/h100-training-power.csv', { timeZoneOffsetMinutes: 35 })
    const input = result.runs[0]!.input
    expect(input.startedAt).toBe('2026-11-23T03:34:06.825+00:35')
    const byHour = input.energyByHourKWh ?? []
    expect(byHour).toHaveLength(2)
    expect(byHour.every((kWh) => kWh > 0)).toBe(true)
    const total = input.measuredEnergyKWh ?? 0
    // six significant digits each: the sum is the energy to within 5e-7 of it per hour
    expect(Math.abs(byHour[0]! + byHour[1]! - total)).toBeLessThanOrEqual(2 * 5e-7 * total)
    // the same log read as UTC holds the same energy in its one hour
    const utc = importFixture('nvidia-smi/h100-training-power.csv').runs[0]!.input
    expect(utc.measuredEnergyKWh).toBeCloseTo(total, 12)
  })

  it("gives the run's energy per UTC hour: trapezoids split at the hour, GPUs summed (hand-computed)", () => {
    const importer = createImporter('nvidia-smi', { fileName: 'hour.csv' })
    importer.push(
      [
        'timestamp, uuid, power.draw [W]',
        // GPU A: 100 → 300 W over 10:59:58–11:00:00 (400 J in 10 h), then 300 W for 2 s (600 J in 11 h)
        '2026/11/20 10:59:58.000, GPU-a, 100 W',
        // GPU B: 200 → 400 W over 10:59:59–11:00:01, 300 W at 11:00: 250 J before, 350 J after
        '2026/11/20 10:59:59.000, GPU-b, 200 W',
        '2026/11/20 11:00:00.000, GPU-a, 300 W',
        '2026/11/20 11:00:01.000, GPU-b, 400 W',
        '2026/11/20 11:00:02.000, GPU-a, 300 W',
        ''
      ].join('\n')
    )
    const input = importer.finish().runs[0]!.input
    expect((input.measuredEnergyKWh ?? 0) * 3.6e6).toBeCloseTo(1600, 9)
    expect(input.energyByHourKWh).toEqual([650 / 3.6e6, 950 / 3.6e6].map((kWh) => Number(kWh.toPrecision(6))))
  })

  it('puts no energy in the hours of a gap', () => {
    const importer = createImporter('nvidia-smi', { fileName: 'gap.csv' })
    // 10 s at 360 W in 10 h, nothing logged for 2 h, 10 s at 720 W in 13 h: 1 Wh, 0, 0, 2 Wh
    importer.push(
      [
        'timestamp, power.draw [W]',
        '2026/11/20 10:59:40.000, 360 W',
        '2026/11/20 10:59:50.000, 360 W',
        '2026/11/20 13:00:00.000, 720 W',
        '2026/11/20 13:00:10.000, 720 W',
        ''
      ].join('\n')
    )
    const result = importer.finish()
    expect(result.warnings.some((w) => w.row === 4)).toBe(true)
    expect(result.runs[0]!.input.energyByHourKWh).toEqual([0.001, 0, 0, 0.002])
  })

  it('tells GPUs apart by uuid and groups them by name, each with its own trapezoids', () => {
    const result = importFixture('nvidia-smi/multi-gpu.csv')
    expect(result.errors).toEqual([])
    const input = result.runs[0]?.input
    // GPU 0: 100→500 W over 4 s = 1200 J; GPU 1: 200 W × 4 s = 800 J; L4: 70 W × 4 s = 280 J
    expect((input?.measuredEnergyKWh ?? 0) * 3.6e6).toBeCloseTo(2280, 9)
    expect(input?.durationS).toBe(4)
    expect(input?.devices.map((d) => [d.name, d.count, d.measuredPowerW])).toEqual([
      ['NVIDIA A100-SXM4-80GB', 2, 250],
      ['NVIDIA L4', 1, 70]
    ])
  })

  it('reads a noheader log with the documented default columns, and says so', () => {
    const result = importFixture('nvidia-smi/noheader.csv')
    expect(result.rows).toBe(3)
    expect(result.errors).toEqual([])
    // (100 + 100) / 2 × 2 s + (100 + 200) / 2 × 2 s = 500 J
    expect((result.runs[0]?.input.measuredEnergyKWh ?? 0) * 3.6e6).toBeCloseTo(500, 9)
    expect(result.warnings[0]?.message).toBe(
      'noheader.csv has no header: its columns were taken to be timestamp, name, index, uuid, power.draw'
    )
  })

  it('reads a noheader log with columns given by the caller', () => {
    const importer = createImporter('nvidia-smi', { fileName: 'x.csv', nvidiaSmiColumns: ['timestamp', 'power.draw'] })
    importer.push('2026/11/20 10:00:00.000, 10 W\n2026/11/20 10:00:10.000, 30 W\n')
    const result = importer.finish()
    expect((result.runs[0]?.input.measuredEnergyKWh ?? 0) * 3.6e6).toBeCloseTo(200, 9)
    expect(result.runs[0]?.input.devices).toEqual([
      { kind: 'gpu', name: 'GPU', count: 1, utilization: 1, measuredPowerW: 20 }
    ])
  })

  it('reads a nounits log with CRLF line ends, GPUs told apart by index', () => {
    const result = importFixture('nvidia-smi/nounits.csv')
    expect(result.errors).toEqual([])
    const input = result.runs[0]?.input
    // GPU 0: (50 + 150) / 2 × 1 s = 100 J; GPU 1: 30 J
    expect((input?.measuredEnergyKWh ?? 0) * 3.6e6).toBeCloseTo(130, 9)
    expect(input?.devices.map((d) => [d.name, d.count, d.measuredPowerW])).toEqual([['Tesla T4', 2, 65]])
  })

  it('does not integrate across a gap and reports its row and length', () => {
    const result = importFixture('nvidia-smi/gap.csv')
    const input = result.runs[0]?.input
    // 5 s + 2 s at 100 W; the 60 s gap is left out
    expect((input?.measuredEnergyKWh ?? 0) * 3.6e6).toBeCloseTo(700, 9)
    expect(input?.durationS).toBe(67)
    expect(input?.devices[0]?.measuredPowerW).toBeCloseTo(100, 9)
    const gap = result.warnings.find((w) => w.row !== undefined)
    expect(gap).toMatchObject({
      row: 8,
      message:
        'gap.csv row 8: GPU NVIDIA H100 80GB HBM3 logged nothing for 60.0 s (more than 5 × the median interval of 1.000 s): this gap is not counted in the energy'
    })
  })

  it('names every gap of a log whose sampling went from 1 s to 100 ms, GPU by GPU', () => {
    // per GPU: 3 intervals of 1 s, then 10 (GPU 1: 8 of 0.1 s and one of 0.2 s, a sample missing) of 100 ms.
    // The median is 0.1 s, so each 1 s interval is a gap; 1 s of each GPU is integrated: 100 J + 200 J.
    const result = importFixture('nvidia-smi/rate-change.csv')
    expect(result.errors).toEqual([])
    const input = result.runs[0]?.input
    expect((input?.measuredEnergyKWh ?? 0) * 3.6e6).toBeCloseTo(300, 9)
    expect(input?.durationS).toBe(4)
    expect(input?.devices.map((d) => [d.name, d.count, d.measuredPowerW])).toEqual([['NVIDIA L4', 2, 150]])
    const gap = (row: number, gpu: number) => ({
      row,
      message: `rate-change.csv row ${row}: GPU GPU-rate-change-${gpu} logged nothing for 1.0 s (more than 5 × the median interval of 0.100 s): this gap is not counted in the energy`
    })
    expect(result.warnings.filter((w) => w.row !== undefined)).toMatchObject([
      gap(4, 0),
      gap(6, 0),
      gap(8, 0),
      gap(5, 1),
      gap(7, 1),
      gap(9, 1)
    ])
  })

  it('reports unreadable power as row errors and integrates the other samples', () => {
    const result = importFixture('nvidia-smi/not-available.csv')
    expect(result.errors).toMatchObject([
      { row: 3, field: 'power.draw', message: 'not-available.csv row 3: power.draw "[N/A]" is not a power in watts' },
      {
        row: 5,
        field: 'power.draw',
        message: 'not-available.csv row 5: power.draw "[Not Supported]" is not a power in watts'
      }
    ])
    // samples at 0 s (60 W), 2 s (80 W), 4 s (80 W): 140 J + 160 J
    expect((result.runs[0]?.input.measuredEnergyKWh ?? 0) * 3.6e6).toBeCloseTo(300, 9)
  })

  it('reads power.draw.average when the log has no plain power.draw', () => {
    const text =
      'timestamp, index, power.draw.average [W], power.draw.instant [W]\n2026/11/20 10:00:00.000, 0, 100.00 W, 90.00 W\n2026/11/20 10:00:01.000, 0, 300.00 W, 310.00 W\n'
    const result = importText(text, 'average.csv')
    if ('error' in result) throw new Error(result.error)
    expect((result.runs[0]?.input.measuredEnergyKWh ?? 0) * 3.6e6).toBeCloseTo(200, 9)
  })

  it('reads the log at the offset given', () => {
    const result = importFixture('nvidia-smi/noheader.csv', { timeZoneOffsetMinutes: -300 })
    expect(result.runs[0]?.input.startedAt).toBe('2026-11-20T10:00:00-05:00')
    expect(result.warnings.some((w) => /time zone/.test(w.message))).toBe(false)
  })

  it('rejects a log without a power column, and a time going backwards', () => {
    const noPower = createImporter('nvidia-smi', { fileName: 'p.csv' })
    noPower.push('timestamp, name, power.limit [W]\n2026/11/20 10:00:00.000, T4, 70 W\n')
    expect(noPower.finish().errors).toMatchObject([
      { row: 1, field: 'power.draw', message: 'p.csv: the log has no "power.draw" column' }
    ])
    const backwards = createImporter('nvidia-smi', { fileName: 'b.csv' })
    backwards.push('timestamp, power.draw [W]\n2026/11/20 10:00:05.000, 70 W\n2026/11/20 10:00:01.000, 70 W\n')
    expect(backwards.finish().errors).toMatchObject([
      { row: 3, field: 'timestamp', message: 'b.csv row 3: the time goes backwards (GPU 0)' }
    ])
  })
})
