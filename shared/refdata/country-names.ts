/**
 * Country names in a language (the app's screens and the report use the same naming). The reference data names
 * countries in English and keys them by ISO 3166 codes; Intl.DisplayNames turns an alpha-2 code into "Deutschland" /
 * "Germany". Other locations (grid zones, cloud regions, custom sources) keep the label they have.
 */
import { iso2OfIso3 } from './country-codes'

export type NamingLanguage = 'en' | 'de'

const regionNames = new Map<NamingLanguage, Intl.DisplayNames>()

/** A country's name in the language from its alpha-2 code; undefined when Intl does not know the code. */
export const countryName = (iso2: string, language: NamingLanguage): string | undefined => {
  let names = regionNames.get(language)
  if (!names) regionNames.set(language, (names = new Intl.DisplayNames(language, { type: 'region', fallback: 'none' })))
  try {
    return names.of(iso2.toUpperCase())
  } catch {
    // DisplayNames throws on a malformed code: the caller's label is better than none.
    return undefined
  }
}

/** The alpha-2 code of a country location ("country:DEU" → "DE"); undefined for any other location. */
export const iso2OfLocation = (locationId: string): string | undefined =>
  locationId.startsWith('country:') ? iso2OfIso3.get(locationId.slice('country:'.length).toUpperCase()) : undefined

/**
 * The name to show for a run's or the catalogue's location: a country ("country:DEU") in the language, any other
 * location as fallbackLabel (the stored or catalogue label).
 */
export const locationName = (locationId: string, fallbackLabel: string, language: NamingLanguage): string => {
  const iso2 = iso2OfLocation(locationId)
  return (iso2 && countryName(iso2, language)) || fallbackLabel
}
