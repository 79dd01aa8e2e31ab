import { z } from 'zod'
import type { Range } from '../domain/range'
import { type LocationInput, type RunInput, runInputSchema } from '../domain/run'
import type { RunFigures } from '../emissions/compute'
import type { LabDefaults } from '../emissions/lab-defaults'
import { estimateFigures } from '../emissions/resolve'
import { type Message, msg } from '../messages/index'
import type { ReferenceData } from '../refdata/index'
import { locationInputOf, normaliseProvider, resolveLocation, yearlyIntensity } from '../refdata/locations'
import type { LocationEntry } from '../refdata/schema'
import { notesOf, parseInput } from './errors'
import { savingAcrossLocations } from './saving'

/**
 * Location comparison: the workload's run estimated in every location of the reference data (and the lab's own),
 * with yearly averages so that every location is treated alike, ranked by location-based emissions with the
 * market-based figure beside.
 */

export const locationScopeSchema = z.enum(['same-provider', 'cloud', 'country', 'zone'])
export type LocationScope = z.infer<typeof locationScopeSchema>

const SCOPE_LABEL: Record<LocationScope, string> = {
  'same-provider': "the same provider's regions",
  cloud: 'all cloud regions',
  country: 'countries',
  zone: 'grid zones'
}

export interface LocationRow {
  locationId: string
  name: string
  kind: LocationEntry['kind']
  provider?: string
  region?: string
  intensityGPerKWh: Range
  /** Year of the yearly average used. */
  intensityYear: number
  pue: Range
  energyKWh: Range
  emissionsKg: Range
  marketEmissionsKg: Range
  /** Against the current location, positive when this row emits less. */
  savingKg: Range
  marketSavingKg: Range
  current: boolean
  /** The zone of a bundled hourly profile, when there is one: time shifting is possible there. */
  hourlyZone?: string
}

export interface LocationRanking {
  scope: LocationScope
  label: string
  /** Best first by location-based emissions. */
  rows: LocationRow[]
}

export interface LocationComparison {
  /** labelMsg: the label as a message when the method made it (an unknown location). */
  current: { locationId: string; label: string; labelMsg?: Message; emissionsKg: Range; marketEmissionsKg: Range }
  itEnergyKWh: Range
  /** One ranking per scope asked for; 'same-provider' only when the current location is a cloud region. */
  rankings: LocationRanking[]
  notes: string[]
  /** The same as messages, for the app's language. */
  noteMsgs: Message[]
}

export const locationOptionsSchema = z.object({
  scopes: z.array(locationScopeSchema).default(['same-provider', 'cloud', 'country', 'zone'])
})

export { locationInputOf }

/** Every location the lab can choose: its own entries first, replacing reference entries of the same id. */
export function locationCandidates(ref: ReferenceData, lab: LabDefaults): LocationEntry[] {
  const own = new Set(lab.locations.map((e) => e.id))
  return [...lab.locations, ...ref.locations.filter((e) => !own.has(e.id))]
}

/**
 * The run moved to another location. A PUE or renewable share stated for the run describes its own data centre
 * and contract: they go with it to grid zones and countries, but a cloud region brings its provider's.
 */
export function runAt(run: RunInput, entry: LocationEntry, location: LocationInput): RunInput {
  if (entry.kind !== 'cloud') return { ...run, location }
  const { pue: _pue, renewableShare: _share, ...rest } = run
  return { ...rest, location }
}

/** kg per kWh of IT energy: PUE × intensity, bound by bound. */
const perITKWh = (emissionsKg: Range, itEnergyKWh: Range): Range => ({
  value: itEnergyKWh.value > 0 ? emissionsKg.value / itEnergyKWh.value : 0,
  low: itEnergyKWh.low > 0 ? emissionsKg.low / itEnergyKWh.low : 0,
  high: itEnergyKWh.high > 0 ? emissionsKg.high / itEnergyKWh.high : 0
})

/**
 * Ranks locations for one workload given as a run (a logged run, or compareHardware's current choice as a run).
 * Pure: plain data in and out.
 */
export function compareLocations(
  runDraft: z.input<typeof runInputSchema>,
  ref: ReferenceData,
  lab: LabDefaults,
  optionsDraft: z.input<typeof locationOptionsSchema> = {}
): LocationComparison {
  const run = parseInput(runInputSchema, runDraft, 'run')
  const { scopes } = parseInput(locationOptionsSchema, optionsDraft, 'options')
  const currentResult = estimateFigures(run, ref, lab)
  const itEnergyKWh = currentResult.itEnergyKWh
  const currentEntry = resolveLocation(
    locationCandidatesTable(ref, lab),
    run.location.kind === 'unknown' ? lab.location : run.location
  )
  const kCurrent = perITKWh(currentResult.emissionsKg, itEnergyKWh)
  const kCurrentMarket = perITKWh(currentResult.marketEmissionsKg, itEnergyKWh)
  const notes = [msg('plan.yearlyAverages'), msg('plan.cloudBrings')]

  const rows: LocationRow[] = []
  for (const entry of locationCandidates(ref, lab)) {
    const location = locationInputOf(entry)
    if (!location) continue
    const result: RunFigures = estimateFigures(runAt(run, entry, location), ref, lab)
    // A lab entry that its own id does not resolve back to would fall back to the world average: not a real option.
    if (result.locationId !== entry.id) continue
    const year = yearlyIntensity(entry, new Date(run.startedAt).getUTCFullYear()).intensity.year
    rows.push({
      locationId: entry.id,
      name: entry.name,
      kind: entry.kind,
      ...(entry.provider ? { provider: entry.provider } : {}),
      ...(entry.region ? { region: entry.region } : {}),
      intensityGPerKWh: result.intensityGPerKWh,
      intensityYear: year,
      pue: result.pue,
      energyKWh: result.energyKWh,
      emissionsKg: result.emissionsKg,
      marketEmissionsKg: result.marketEmissionsKg,
      savingKg: savingAcrossLocations(itEnergyKWh, kCurrent, perITKWh(result.emissionsKg, result.itEnergyKWh)),
      marketSavingKg: savingAcrossLocations(
        itEnergyKWh,
        kCurrentMarket,
        perITKWh(result.marketEmissionsKg, result.itEnergyKWh)
      ),
      current: entry.id === currentEntry?.id,
      ...(entry.hourlyZone ? { hourlyZone: entry.hourlyZone } : {})
    })
  }
  rows.sort((a, b) => a.emissionsKg.value - b.emissionsKg.value || a.name.localeCompare(b.name))

  const provider =
    currentEntry?.kind === 'cloud' && currentEntry.provider ? normaliseProvider(currentEntry.provider) : undefined
  const inScope: Record<LocationScope, (row: LocationRow) => boolean> = {
    'same-provider': (row) =>
      row.kind === 'cloud' && row.provider !== undefined && normaliseProvider(row.provider) === provider,
    cloud: (row) => row.kind === 'cloud',
    country: (row) => row.kind === 'country',
    zone: (row) => row.kind === 'zone'
  }
  const rankings = scopes
    .filter((scope) => scope !== 'same-provider' || provider !== undefined)
    .map((scope) => ({ scope, label: SCOPE_LABEL[scope], rows: rows.filter(inScope[scope]) }))
  if (scopes.includes('same-provider') && provider === undefined) notes.push(msg('plan.notCloud'))
  return {
    current: {
      locationId: currentResult.locationId,
      label: currentResult.locationLabel,
      ...(currentResult.locationLabelMsg ? { labelMsg: currentResult.locationLabelMsg } : {}),
      emissionsKg: currentResult.emissionsKg,
      marketEmissionsKg: currentResult.marketEmissionsKg
    },
    itEnergyKWh,
    rankings,
    ...notesOf(notes)
  }
}

const tables = new WeakMap<ReferenceData, WeakMap<LabDefaults, { locations: LocationEntry[] }>>()

/** locationCandidates as a lookup table, memoised so that resolveLocation indexes it once. */
function locationCandidatesTable(ref: ReferenceData, lab: LabDefaults): { locations: LocationEntry[] } {
  let byLab = tables.get(ref)
  if (!byLab) tables.set(ref, (byLab = new WeakMap()))
  let table = byLab.get(lab)
  if (!table) byLab.set(lab, (table = { locations: locationCandidates(ref, lab) }))
  return table
}
