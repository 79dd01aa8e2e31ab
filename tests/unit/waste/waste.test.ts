import { describe, expect, it } from 'vitest'
import { exact } from '../../../shared/domain/range'
import { type RunInputDraft, runInputSchema } from '../../../shared/domain/run'
import { buildWasteModel, wasteReasonOf, type WasteRun } from '../../../shared/waste/waste'
import { importFixture } from '../import/support'

const run = (person: string, project: string, kg: number, draft: Partial<RunInputDraft> = {}): WasteRun => ({
  person,
  project,
  input: runInputSchema.parse({ startedAt: '2025-01-01T00:00:00Z', durationS: 3600, ...draft }),
  result: { energyKWh: { value: kg * 2, low: kg, high: kg * 3 }, emissionsKg: exact(kg) }
})
const gpu = (utilization?: number) => ({
  devices: [{ kind: 'gpu' as const, name: 'A100', count: 2, ...(utilization === undefined ? {} : { utilization }) }]
})
const failed = { outcome: { state: 'FAILED', successful: false } }

describe('waste', () => {
  it('counts unsuccessful jobs, and idle GPUs only where the utilisation was given', () => {
    expect(wasteReasonOf(run('a', 'p', 1, failed).input)).toBe('unsuccessful')
    expect(wasteReasonOf(run('a', 'p', 1, gpu(0.1)).input)).toBe('low-utilisation')
    expect(wasteReasonOf(run('a', 'p', 1, gpu()).input)).toBeUndefined()
    expect(wasteReasonOf(run('a', 'p', 1, { outcome: { state: 'COMPLETED', successful: true } }).input)).toBeUndefined()
  })

  it('sums waste per person and project, each run once, with what the lab would have saved', () => {
    const model = buildWasteModel([
      run('anna', 'vision', 10, failed),
      run('anna', 'vision', 30),
      run('ben', 'nlp', 4, { ...gpu(0.1), ...failed }),
      run('ben', 'nlp', 6, gpu(0.2))
    ])
    expect(model.unsuccessful).toEqual({ runs: 2, energyKWh: { value: 28, low: 14, high: 42 }, emissionsKg: exact(14) })
    expect(model.lowUtilisation.runs).toBe(1)
    expect(model.saved.emissionsKg.value).toBe(20)
    expect(model.savedShare).toBeCloseTo(20 / 50, 12)
    expect(model.byPerson.map((g) => [g.key, g.total.emissionsKg.value, g.all.emissionsKg.value])).toEqual([
      ['anna', 10, 40],
      ['ben', 10, 10]
    ])
    expect(model.byProject.map((g) => g.key)).toEqual(['nlp', 'vision'])
    expect(buildWasteModel([]).savedShare).toBe(0)
  })

  it('finds the three unsuccessful jobs of the sacct fixture and their measured energy', () => {
    const imported = importFixture('slurm/sacct-energy-gpu.psv', { timeZone: 'Europe/Berlin' })
    const model = buildWasteModel(
      imported.runs.map((r) => ({
        person: r.input.person,
        project: r.input.project,
        input: r.input,
        result: { energyKWh: exact(r.input.measuredEnergyKWh ?? 0), emissionsKg: exact(0) }
      }))
    )
    expect(model.unsuccessful.runs).toBe(3)
    expect(model.unsuccessful.energyKWh.value).toBeCloseTo((91_200 + 898_700_400 + 310_000) / 3.6e6, 9)
    expect(model.byPerson.map((g) => [g.key, g.unsuccessful.runs])).toEqual([
      ['anna', 2],
      ['ben', 1]
    ])
  })
})
