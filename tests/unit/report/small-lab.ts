import { type RunInputDraft, runInputSchema } from '../../../shared/domain/run'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateRun } from '../../../shared/emissions/resolve'
import { loadReferenceData } from '../../../shared/refdata/index'
import type { CsvRun } from '../../../shared/report/csv'

export const ref = loadReferenceData()
export const lab = labDefaultsSchema.parse({})

const gpu = (powerW: number, count = 1, utilization = 1) => ({
  kind: 'gpu' as const,
  name: 'Lab GPU',
  count,
  powerW,
  utilization
})
const custom = (intensityGPerKWh: number) => ({
  kind: 'custom' as const,
  intensityGPerKWh,
  label: `grid ${intensityGPerKWh}`
})

export const run = (id: string, projectId: string, person: string, draft: Omit<RunInputDraft, 'person'>): CsvRun => {
  const input = runInputSchema.parse({ ...draft, person })
  return {
    id,
    projectId,
    person,
    startedAtMs: Date.parse(input.startedAt),
    input,
    result: estimateRun(input, ref, lab)
  }
}

/**
 * Six runs whose figures are worked out by hand (user powers, PUE and intensities given, so no reference value
 * enters the best estimates):
 *   A 2025-02  1 × 300 W × 10 h, PUE 1, 500 g/kWh          → 3 kWh, 1.5 kg
 *   B 2025-03  2 × 200 W × 0.5 × 5 h, PUE 1.5, 200 g/kWh   → 1 kWh IT, 1.5 kWh, 0.3 kg
 *   C 2025-01  measured 2 kWh, PUE 1.2, 100 g/kWh          → 2.4 kWh, 0.24 kg (measured)
 *   D 2025-03  1 × 100 W × 2 h, PUE 1, unknown location    → 0.2 kWh, 0.2 × 475 / 1000 = 0.095 kg
 *   E 2024-11  1 × 300 W × 10 h, PUE 1, 500 g/kWh          → 1.5 kg (the quarter before)
 *   F 2024-02  1 × 300 W × 20 h, PUE 1, 500 g/kWh          → 3 kg (the same quarter a year before)
 * Q1 2025: 4 runs, 7.1 kWh, 2.135 kg, GPU-hours 10 + 10 + 4 + 2 = 26.
 */
export const smallLab: CsvRun[] = [
  run('A', 'p1', 'Ada', {
    startedAt: '2025-02-10T08:00:00Z',
    durationS: 36_000,
    devices: [gpu(300)],
    pue: 1,
    location: custom(500)
  }),
  run('B', 'p2', 'Bob', {
    startedAt: '2025-03-05T08:00:00Z',
    durationS: 18_000,
    devices: [gpu(200, 2, 0.5)],
    pue: 1.5,
    location: custom(200)
  }),
  run('C', 'p1', 'Bob', {
    startedAt: '2025-01-20T08:00:00Z',
    durationS: 14_400,
    devices: [gpu(250)],
    pue: 1.2,
    location: custom(100),
    measuredEnergyKWh: 2
  }),
  run('D', 'p2', 'Ada', { startedAt: '2025-03-20T08:00:00Z', durationS: 7_200, devices: [gpu(100)], pue: 1 }),
  run('E', 'p1', 'Ada', {
    startedAt: '2024-11-01T08:00:00Z',
    durationS: 36_000,
    devices: [gpu(300)],
    pue: 1,
    location: custom(500)
  }),
  run('F', 'p1', 'Ada', {
    startedAt: '2024-02-01T08:00:00Z',
    durationS: 72_000,
    devices: [gpu(300)],
    pue: 1,
    location: custom(500)
  })
]

export const projects = [
  { id: 'p1', name: 'Vision' },
  { id: 'p2', name: 'Language' }
]
