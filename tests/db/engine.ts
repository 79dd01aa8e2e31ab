import { z } from 'zod'
import type { LedgerEngine } from '../../renderer/db/api'
import { exact, type Range, spread } from '../../shared/domain/range'
import type { RunResult } from '../../shared/domain/result'
import type { RunInput } from '../../shared/domain/run'

/**
 * A small engine with figures easy to compute by hand: 300 W per device unless powerW is given, PUE 1 unless set,
 * intensity from a custom location or the lab's default intensity, ±10 % on every figure, embodied 0.01 kg per
 * device-hour. The ledger's behaviour is independent of the methodology; the real estimateRun is exercised by
 * tests/db/real-engine.test.ts.
 */
export const testLabSchema = z.object({
  intensityGPerKWh: z.number().nonnegative().default(500),
  renewableShare: z.number().min(0).max(1).default(0)
})
export type TestLab = z.infer<typeof testLabSchema>

const around = (value: number): Range => spread(value, 0.1)

export const testCompute = (input: RunInput, lab: TestLab): RunResult => {
  const hours = input.durationS / 3600
  const itKWh = input.devices.reduce((kwh, d) => kwh + (d.count * (d.powerW ?? 300) * d.utilization * hours) / 1000, 0)
  const pue = input.pue ?? 1
  const energyKWh = (input.measuredEnergyKWh ?? itKWh) * pue
  const intensity = input.location.kind === 'custom' ? input.location.intensityGPerKWh : lab.intensityGPerKWh
  const emissionsKg = (energyKWh * intensity) / 1000
  const deviceHours = input.devices.reduce((n, d) => n + d.count * hours, 0)
  return {
    method: input.measuredEnergyKWh === undefined ? 'estimated' : 'measured',
    itEnergyKWh: around(itKWh),
    energyKWh: around(energyKWh),
    breakdownKWh: { gpu: itKWh, cpu: 0, tpu: 0, memory: 0, overhead: energyKWh - itKWh },
    pue: exact(pue),
    intensityGPerKWh: around(intensity),
    emissionsKg: around(emissionsKg),
    marketEmissionsKg: around(emissionsKg * (1 - lab.renewableShare)),
    embodiedKg: around(deviceHours * 0.01),
    equivalents: { carKm: emissionsKg / 0.175, treeMonths: emissionsKg / 0.917, flights: 0 },
    locationId: input.location.kind === 'custom' ? `custom:${input.location.label}` : 'lab-default',
    locationLabel: input.location.kind === 'custom' ? input.location.label : 'Lab default',
    trace: [{ label: 'energy', value: energyKWh, unit: 'kWh' }],
    assumptions: [],
    sources: [{ id: 'test', title: 'Test engine' }],
    dataVersion: 'test-1'
  }
}

export const testEngine = (dataVersion = 'test-1'): LedgerEngine<TestLab> => ({
  dataVersion,
  labDefaultsSchema: testLabSchema,
  defaultLabDefaults: testLabSchema.parse({}),
  compute: testCompute
})
