import { z } from 'zod'
import manifestJson from '../../data/manifest.json'
import { decodeTenths } from './hourly-codec'
import { dataManifestSchema, filledHoursSchema, type HourlyProfile, hourlyProfileSchema } from './schema'

const HOUR_MS = 3_600_000
/** Zone keys as Electricity Maps writes them (GB, DE-LU, US-CAL-CISO): also keeps the dynamic import in data/hourly. */
const ZONE_PATTERN = /^[A-Z]{2}(?:-[A-Z0-9]{1,10}){0,3}$/

/**
 * A zone-year as data/hourly/<ZONE>/<YEAR>.json stores it (scripts/build-hourly.ts): both bases in the compact codec of
 * hourly-codec.ts, the share of estimated hours, the hours the build filled, and the upstream file it comes from.
 */
export const storedHourlyProfileSchema = z.object({
  zone: z.string(),
  name: z.string(),
  zoneId: z.string().optional(),
  year: z.number().int(),
  startUtc: z.string(),
  hours: z.number().int().positive(),
  lifecycleTenths: z.string(),
  directTenths: z.string(),
  estimatedHours: z.number().int().nonnegative(),
  filled: z.array(filledHoursSchema).optional(),
  sourceId: z.string(),
  /** "repository @ commit : path" of the export. */
  upstream: z.string()
})
export type StoredHourlyProfile = z.infer<typeof storedHourlyProfileSchema>

export function profileOfStored(stored: StoredHourlyProfile): HourlyProfile {
  const lifecycle = decodeTenths(stored.lifecycleTenths)
  const direct = decodeTenths(stored.directTenths)
  if (lifecycle.length !== stored.hours || direct.length !== stored.hours)
    throw new Error(`hourly ${stored.zone}/${stored.year}: ${lifecycle.length} hours stored, ${stored.hours} announced`)
  return hourlyProfileSchema.parse({
    zone: stored.zone,
    name: stored.name,
    ...(stored.zoneId ? { zoneId: stored.zoneId } : {}),
    startUtc: stored.startUtc,
    lifecycleGPerKWh: lifecycle,
    directGPerKWh: direct,
    estimatedHours: stored.estimatedHours,
    ...(stored.filled ? { filled: stored.filled } : {}),
    sourceId: stored.sourceId
  })
}

const bundledYears: Record<string, number[]> = dataManifestSchema.parse(manifestJson).hourlyYears ?? {}

/** The years of a zone's bundled hourly profiles, oldest first ([] for a zone the app has none of). */
export function bundledHourlyYears(zone: string): number[] {
  return bundledYears[zone.trim().toUpperCase()] ?? []
}

const profiles = new Map<string, Promise<HourlyProfile | undefined>>()
/** The zone-years already loaded, for synchronous callers that preloaded them (emissions/hourly-preload.ts). */
const loaded = new Map<string, HourlyProfile>()

/** A bundled zone-year if loadHourlyProfile has already loaded it; undefined otherwise (never loads). */
export function loadedHourlyProfile(zone: string, year: number): HourlyProfile | undefined {
  return loaded.get(`${zone.trim().toUpperCase()}/${year}`)
}

/**
 * The bundled hourly profile of a zone (any case) for one year, by default its latest; loaded on first use and
 * cached. Each zone-year is its own chunk (vite and esbuild split a template-literal import), so none weighs on
 * start-up.
 */
export function loadHourlyProfile(zone: string, year?: number): Promise<HourlyProfile | undefined> {
  const key = zone.trim().toUpperCase()
  const wanted = year ?? bundledHourlyYears(key).at(-1)
  if (!ZONE_PATTERN.test(key) || wanted === undefined || !Number.isInteger(wanted)) return Promise.resolve(undefined)
  const id = `${key}/${wanted}`
  let profile = profiles.get(id)
  if (!profile) {
    // esbuild's bundled import() throws synchronously for a zone it has no chunk for: start from a promise.
    profile = Promise.resolve()
      .then(() => import('./hourly-files'))
      .then(({ importZoneYear }) => importZoneYear(key, wanted))
      .then(
        (module: { default: unknown }) => {
          const profile = profileOfStored(storedHourlyProfileSchema.parse(module.default))
          loaded.set(id, profile)
          return profile
        },
        () => undefined
      )
    profiles.set(id, profile)
  }
  return profile
}

/** The bundled profiles of a zone for every year that [fromUtcMs, toUtcMs) touches and the app has, oldest first. */
export async function loadHourlyProfilesBetween(
  zone: string,
  fromUtcMs: number,
  toUtcMs: number
): Promise<HourlyProfile[]> {
  const first = new Date(fromUtcMs).getUTCFullYear()
  const last = new Date(Math.max(fromUtcMs, toUtcMs - 1)).getUTCFullYear()
  const years = bundledHourlyYears(zone).filter((y) => y >= first && y <= last)
  const loaded = await Promise.all(years.map((y) => loadHourlyProfile(zone, y)))
  return loaded.filter((p): p is HourlyProfile => p !== undefined)
}

/**
 * Life-cycle intensities (gCO2eq/kWh) of `hours` whole UTC hours from the hour holding startUtcMs; undefined when
 * any of them lies outside the profile.
 */
export function intensitySeries(profile: HourlyProfile, startUtcMs: number, hours: number): number[] | undefined {
  const first = Math.floor((startUtcMs - Date.parse(profile.startUtc)) / HOUR_MS)
  const count = Math.ceil(hours)
  if (!Number.isFinite(first) || count < 0 || first < 0 || first + count > profile.lifecycleGPerKWh.length)
    return undefined
  return profile.lifecycleGPerKWh.slice(first, first + count)
}
