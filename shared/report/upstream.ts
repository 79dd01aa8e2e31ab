import { hourlyProfilesOfRun, preloadRunHourly } from '../emissions/hourly-preload'
import type { LabDefaults } from '../emissions/lab-defaults'
import { upstreamGPerKWh } from '../emissions/upstream'
import type { ReferenceData } from '../refdata/index'
import { granularityOf } from './ghg'
import type { ReportRun } from './model'

/**
 * Life-cycle minus direct intensity (gCO2e/kWh) of each run computed on hourly profiles, by run id: the input of
 * Scope 3 category 3 (ghgFiguresOf). Loads the zone-years those runs need; runs on yearly or custom factors have none.
 */
export async function upstreamIntensities(
  runs: readonly ReportRun[],
  ref: ReferenceData,
  lab: LabDefaults
): Promise<Map<string, number>> {
  const hourly = runs.filter((r) => granularityOf(r.result) === 'hourly')
  await preloadRunHourly(
    hourly.map((r) => r.input),
    ref,
    lab
  )
  const out = new Map<string, number>()
  for (const run of hourly) {
    const delta = upstreamGPerKWh(run.input, hourlyProfilesOfRun(run.input, ref, lab))
    if (delta !== undefined) out.set(run.id, delta)
  }
  return out
}
