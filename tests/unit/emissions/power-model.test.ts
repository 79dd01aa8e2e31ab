import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Range } from '../../../shared/domain/range'
import { runInputSchema } from '../../../shared/domain/run'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateRun } from '../../../shared/emissions/resolve'
import { createImporter } from '../../../shared/import/index'
import { loadReferenceData } from '../../../shared/refdata/index'

/**
 * The power model against a real device: tests/fixtures/import/nvidia-smi/h100-training-power.csv, an H100 80GB HBM3
 * (TDP 700 W) logged every 0.5 s through idle, full-load training and a half duty cycle. Whatever utilisation a user
 * would enter for a stretch of it, the estimate's range must hold what the device measured.
 */
const FIXTURE = new URL('../../fixtures/import/nvidia-smi/h100-training-power.csv', import.meta.url)
const text = readFileSync(FIXTURE, 'utf8')
const samples = text
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const cells = line.split(',').map((c) => c.trim())
    const [date, time] = cells[0]!.split(' ')
    return {
      ms: Date.parse(`${date!.replaceAll('/', '-')}T${time}Z`),
      powerW: parseFloat(cells[4]!),
      utilPct: parseFloat(cells[6]!),
      memoryMiB: parseFloat(cells[8]!)
    }
  })

type Stretch = 'bare-idle' | 'idle' | 'half' | 'full' | 'other'
/** What a user would call each sample: idle (with or without a CUDA context), a half duty cycle, full load. */
const stretchOf = (s: (typeof samples)[number]): Stretch =>
  s.utilPct === 0 && s.memoryMiB === 0
    ? 'bare-idle'
    : s.utilPct === 0 && s.powerW < 200
      ? 'idle'
      : s.utilPct >= 90
        ? 'full'
        : s.utilPct >= 25 && s.utilPct <= 60 && s.powerW < 450
          ? 'half'
          : 'other'

/** Seconds and kWh of each stretch, by the trapezoid rule over intervals whose both ends are in it. */
function measured(stretch: Stretch): { durationS: number; energyKWh: number; meanW: number } {
  let seconds = 0
  let joules = 0
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!
    const b = samples[i]!
    if (stretchOf(a) !== stretch || stretchOf(b) !== stretch) continue
    const dtS = (b.ms - a.ms) / 1000
    seconds += dtS
    joules += ((a.powerW + b.powerW) / 2) * dtS
  }
  return { durationS: seconds, energyKWh: joules / 3.6e6, meanW: joules / seconds }
}

const ref = loadReferenceData()
const lab = labDefaultsSchema.parse({})
const estimateH100 = (durationS: number, utilization: number): Range =>
  estimateRun(
    runInputSchema.parse({
      startedAt: '2026-11-23T03:34:06Z',
      durationS,
      pue: 1,
      location: { kind: 'country', code: 'FR' },
      devices: [{ kind: 'gpu', name: 'NVIDIA H100 80GB HBM3', count: 1, utilization }]
    }),
    ref,
    lab
  ).itEnergyKWh

const expectWithin = (range: Range, kWh: number) => {
  expect(range.low).toBeLessThanOrEqual(kWh)
  expect(range.high).toBeGreaterThanOrEqual(kWh)
}

describe('the power model holds a real H100 at every utilisation', () => {
  it('reads the stretches a user would name (idle 131 W, full load 634 W of 700 W)', () => {
    expect(measured('idle').meanW).toBeGreaterThan(120)
    expect(measured('idle').meanW).toBeLessThan(140)
    expect(measured('full').meanW).toBeGreaterThan(620)
    expect(measured('half').meanW).toBeGreaterThan(350)
    for (const s of ['bare-idle', 'idle', 'half', 'full'] as const) expect(measured(s).durationS).toBeGreaterThan(2)
  })

  it.each([
    ['bare-idle', 0],
    ['idle', 0],
    ['half', 0.5],
    ['full', 1]
  ] as const)('the %s stretch at utilisation %s', (stretch, u) => {
    const { durationS, energyKWh } = measured(stretch)
    expectWithin(estimateH100(durationS, u), energyKWh)
  })

  it('an idle hour at utilisation 0 (the idle stretch’s mean draw for 3600 s)', () => {
    expectWithin(estimateH100(3600, 0), measured('idle').meanW / 1000)
    expect(estimateH100(3600, 0).value).toBeGreaterThan(0.1) // 0.19 × 700 W, not 0 W
  })

  it('the whole measured run at utilisation 0.5, 1 and its logged mean utilisation', async () => {
    const importer = createImporter('nvidia-smi', { fileName: 'h100.csv' })
    importer.push(text)
    const [run] = importer.finish().runs
    const { durationS, measuredEnergyKWh } = run!.input
    const meanUtil = samples.reduce((sum, s) => sum + s.utilPct, 0) / samples.length / 100
    for (const u of [0.5, 1, meanUtil]) expectWithin(estimateH100(durationS, u), measuredEnergyKWh!)
  })
})
