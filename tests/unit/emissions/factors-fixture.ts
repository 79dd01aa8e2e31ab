import { exact, type Range } from '../../../shared/domain/range'
import { type RunInput, type RunInputDraft, runInputSchema } from '../../../shared/domain/run'
import type { DevicePower, ResolvedFactors } from '../../../shared/emissions/factors'
import { METHOD_SOURCES } from '../../../shared/emissions/method-sources'

/** Hand-built factors for computeRun tests: a custom location, PUE 1 and no renewables unless overridden. */
export function factors(overrides: Partial<ResolvedFactors> = {}): ResolvedFactors {
  return {
    devices: [],
    memoryWPerGB: 0.3725,
    memorySourceId: 'green-algorithms',
    location: {
      id: 'custom',
      label: 'Test grid',
      intensityGPerKWh: exact(100),
      origin: 'custom',
      sourceId: 'run-input',
      exactYear: true,
      hourly: false,
      from: 'run'
    },
    pue: { pue: exact(1), origin: 'run', sourceId: 'run-input' },
    renewable: { share: 0, origin: 'none' },
    embodied: {},
    equivalents: { carGPerKm: 175, treeMonthG: 917, flightKg: 50, flightLabel: 'Paris–London' },
    equivalentsSourceIds: { carKm: 'green-algorithms', treeMonths: 'green-algorithms', flights: 'green-algorithms' },
    assumptions: [],
    sources: [
      ...METHOD_SOURCES,
      { id: 'green-algorithms', title: 'Green Algorithms' },
      { id: 'embodied-test', title: 'Embodied test' }
    ],
    dataVersion: 'test-1',
    ...overrides
  }
}

export const power = (
  powerW: Range | number,
  origin: DevicePower['origin'] = 'user',
  embodiedClass: DevicePower['embodiedClass'] = 'gpu'
): DevicePower => ({
  powerW: typeof powerW === 'number' ? exact(powerW) : powerW,
  origin,
  detail: `${origin} power`,
  embodiedClass,
  sourceId: 'run-input'
})

export const run = (draft: Partial<RunInputDraft> = {}): RunInput =>
  runInputSchema.parse({ startedAt: '2024-03-01T00:00:00Z', durationS: 3600, ...draft })
