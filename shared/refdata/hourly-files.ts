/**
 * The dynamic import of one zone-year file. Its own module, loaded lazily by loadHourlyProfile: the bundlers' table of
 * the 122 zone-year chunks then lives in a chunk of its own instead of the renderer's initial JavaScript.
 */
export function importZoneYear(zone: string, year: number): Promise<{ default: unknown }> {
  return import(`../../data/hourly/${zone}/${year}.json`)
}
