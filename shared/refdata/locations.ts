import type { LocationInput } from '../domain/run'
import type { LocationEntry, YearlyIntensity } from './schema'
import { foldText } from './text'

/** The part of ReferenceData this module reads (index.ts's ReferenceData satisfies it). */
export interface LocationTable {
  locations: LocationEntry[]
}

/** Spellings of cloud providers people and tools write, to the provider ids of data/locations.json. */
const PROVIDER_ALIASES: Record<string, string> = {
  gcp: 'gcp',
  google: 'gcp',
  'google cloud': 'gcp',
  'google cloud platform': 'gcp',
  aws: 'aws',
  amazon: 'aws',
  'amazon web services': 'aws',
  azure: 'azure',
  microsoft: 'azure',
  'microsoft azure': 'azure',
  ovh: 'ovh',
  ovhcloud: 'ovh'
}

/** Countries first, then grid zones, then cloud regions, when one spelling names several locations ("france"). */
const KIND_PRIORITY: Record<LocationEntry['kind'], number> = { country: 0, zone: 1, cloud: 2 }

interface LocationIndex {
  byId: Map<string, LocationEntry>
  /** "provider:region" with the region folded and spaces removed ("azure:eastus2" for "East US 2"). */
  byCloudRegion: Map<string, LocationEntry>
  byIso: Map<string, LocationEntry>
  byZone: Map<string, LocationEntry>
  /** Folded names and aliases, best kind first. */
  byName: Map<string, LocationEntry>
  searchable: { entry: LocationEntry; names: string[] }[]
}

const indexes = new WeakMap<LocationEntry[], LocationIndex>()

export function normaliseProvider(provider: string): string {
  const folded = foldText(provider)
  return PROVIDER_ALIASES[folded] ?? folded
}

function cloudKey(provider: string, region: string): string {
  return `${normaliseProvider(provider)}:${foldText(region).replace(/\s+/g, '')}`
}

function setPreferred(map: Map<string, LocationEntry>, key: string, entry: LocationEntry): void {
  const current = map.get(key)
  if (!current || KIND_PRIORITY[entry.kind] < KIND_PRIORITY[current.kind]) map.set(key, entry)
}

function buildIndex(locations: LocationEntry[]): LocationIndex {
  const index: LocationIndex = {
    byId: new Map(),
    byCloudRegion: new Map(),
    byIso: new Map(),
    byZone: new Map(),
    byName: new Map(),
    searchable: []
  }
  for (const entry of locations) {
    index.byId.set(entry.id.toLowerCase(), entry)
    if (entry.kind === 'cloud' && entry.provider && entry.region)
      index.byCloudRegion.set(cloudKey(entry.provider, entry.region), entry)
    if (entry.kind === 'country') {
      if (entry.iso2) index.byIso.set(entry.iso2.toLowerCase(), entry)
      if (entry.iso3) index.byIso.set(entry.iso3.toLowerCase(), entry)
    }
    if (entry.kind === 'zone') {
      index.byZone.set(entry.id.slice('zone:'.length).toLowerCase(), entry)
      for (const alias of entry.aliases) if (/^[a-z]{2}(?:-[a-z0-9]+)+$/.test(alias)) index.byZone.set(alias, entry)
    }
    const names = [foldText(entry.name), ...entry.aliases]
    for (const name of names) setPreferred(index.byName, name, entry)
    index.searchable.push({ entry, names })
  }
  return index
}

function indexOf(ref: LocationTable): LocationIndex {
  let index = indexes.get(ref.locations)
  if (!index) {
    index = buildIndex(ref.locations)
    indexes.set(ref.locations, index)
  }
  return index
}

/** The catalogue location of a run's structured location; undefined for custom and unknown locations. */
export function resolveLocation(ref: LocationTable, input: LocationInput): LocationEntry | undefined {
  const index = indexOf(ref)
  switch (input.kind) {
    case 'cloud':
      return index.byCloudRegion.get(cloudKey(input.provider, input.region))
    case 'country':
      return index.byIso.get(input.code.trim().toLowerCase())
    case 'zone':
      return index.byZone.get(input.zone.trim().toLowerCase())
    case 'custom':
    case 'unknown':
      return undefined
  }
}

/**
 * A location from free text: an id ("country:FRA"), "provider:region" ("gcp:us-central1", "aws/eu-west-1"),
 * an ISO 3166 alpha-2 or alpha-3 code, a grid zone id, or a name (case and accents ignored).
 */
export function findLocation(ref: LocationTable, text: string): LocationEntry | undefined {
  const index = indexOf(ref)
  const folded = foldText(text)
  if (folded === '') return undefined
  const byId = index.byId.get(folded)
  if (byId) return byId
  const cloud = /^([a-z][a-z ]*?)\s*[:/]\s*(\S.*)$/.exec(folded)
  if (cloud) {
    const entry = index.byCloudRegion.get(cloudKey(cloud[1]!, cloud[2]!))
    if (entry) return entry
  }
  return index.byIso.get(folded) ?? index.byZone.get(folded) ?? index.byName.get(folded)
}

/**
 * The yearly intensity for a run's year: that year when the series has it, else the latest year before it, else
 * the earliest year after it (exactYear false). Without a year, the latest (exactYear false).
 */
export function yearlyIntensity(
  entry: LocationEntry,
  year?: number
): { intensity: YearlyIntensity; exactYear: boolean } {
  const series = entry.intensities
  const latest = series[series.length - 1]!
  if (year === undefined) return { intensity: latest, exactYear: false }
  let before: YearlyIntensity | undefined
  for (const item of series) {
    if (item.year === year) return { intensity: item, exactYear: true }
    if (item.year < year) before = item
  }
  return { intensity: before ?? series[0]!, exactYear: false }
}

/**
 * Locations for a searchable picker: names or aliases that equal, start with, or contain the query (folded), best
 * first; countries before zones before cloud regions at equal rank.
 */
export function searchLocations(ref: LocationTable, query: string, limit = 20): LocationEntry[] {
  const index = indexOf(ref)
  const folded = foldText(query)
  if (folded === '') return ref.locations.slice(0, limit)
  const exact = findLocation(ref, query)
  const ranked: { entry: LocationEntry; rank: number }[] = []
  for (const { entry, names } of index.searchable) {
    let rank = Infinity
    if (entry === exact) rank = 0
    for (const name of names) {
      if (name === folded) rank = Math.min(rank, 1)
      else if (name.startsWith(folded)) rank = Math.min(rank, 2)
      else if (name.includes(` ${folded}`) || name.includes(`-${folded}`)) rank = Math.min(rank, 3)
      else if (name.includes(folded)) rank = Math.min(rank, 4)
    }
    if (rank !== Infinity) ranked.push({ entry, rank })
  }
  return ranked
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        KIND_PRIORITY[a.entry.kind] - KIND_PRIORITY[b.entry.kind] ||
        a.entry.name.localeCompare(b.entry.name)
    )
    .slice(0, limit)
    .map(({ entry }) => entry)
}

/** The structured location of an entry, as a run gives it; undefined for an entry that lacks the parts. */
export function locationInputOf(entry: LocationEntry): LocationInput | undefined {
  if (entry.kind === 'cloud')
    return entry.provider && entry.region
      ? { kind: 'cloud', provider: entry.provider, region: entry.region }
      : undefined
  if (entry.kind === 'country') {
    const code = entry.iso3 ?? entry.iso2
    return code ? { kind: 'country', code } : undefined
  }
  return { kind: 'zone', zone: entry.id.replace(/^zone:/, '') }
}
