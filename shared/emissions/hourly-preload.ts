import { type RunInput, runInputSchema } from '../domain/run'
import { bundledHourlyYears, loadedHourlyProfile, loadHourlyProfile } from '../refdata/hourly'
import type { ReferenceData } from '../refdata/index'
import type { HourlyProfile } from '../refdata/schema'
import type { LabDefaults } from './lab-defaults'
import { runLocationEntry } from './resolve'

/** The zone and UTC years whose hourly profiles a run's intensity needs (none for a location without a profile). */
function needs(input: RunInput, ref: ReferenceData, lab: LabDefaults): { zone: string; years: number[] } | undefined {
  const zone = runLocationEntry(input, ref, lab)?.hourlyZone
  const startMs = Date.parse(input.startedAt)
  if (zone === undefined || Number.isNaN(startMs)) return undefined
  const first = new Date(startMs).getUTCFullYear()
  const last = new Date(startMs + Math.max(0, input.durationS * 1000 - 1)).getUTCFullYear()
  return { zone, years: bundledHourlyYears(zone).filter((y) => y >= first && y <= last) }
}

/**
 * Loads the zone-years that these runs' intensities need (runs as stored or as drafts; drafts that do not parse are
 * skipped). estimateRun is synchronous and profiles load lazily: a caller that computes runs (the ledger's create,
 * update, import and recompute; the command line) awaits this first, then passes hourlyProfilesOfRun(input, ...).
 */
export async function preloadRunHourly(
  inputs: readonly unknown[],
  ref: ReferenceData,
  lab: LabDefaults
): Promise<void> {
  const wanted = new Set<string>()
  for (const draft of inputs) {
    const parsed = runInputSchema.safeParse(draft)
    const need = parsed.success ? needs(parsed.data, ref, lab) : undefined
    for (const year of need?.years ?? []) wanted.add(`${need!.zone}/${year}`)
  }
  await Promise.all(
    [...wanted].map((id) => {
      const [zone, year] = id.split('/') as [string, string]
      return loadHourlyProfile(zone, Number(year))
    })
  )
}

/** The run's zone-years among those already loaded (see preloadRunHourly); [] when none are. */
export function hourlyProfilesOfRun(input: RunInput, ref: ReferenceData, lab: LabDefaults): HourlyProfile[] {
  const need = needs(input, ref, lab)
  if (!need) return []
  return need.years.map((y) => loadedHourlyProfile(need.zone, y)).filter((p): p is HourlyProfile => p !== undefined)
}
