/**
 * Country names in the UI language (shared/refdata/country-names.ts, the report's naming too), the catalogue's
 * countries for a picker, and a location filter that understands both languages.
 */
import { countryName, iso2OfLocation } from '../../../shared/refdata/country-names'
import type { LocationEntry } from '../../../shared/refdata/schema'
import { foldText } from '../../../shared/refdata/text'
import { type Language, languages } from './translate'

export { countryName, locationName } from '../../../shared/refdata/country-names'

const collators = new Map<Language, Intl.Collator>()

/**
 * Whether a location matches a filter typed in any UI language: its label, its id, or (for a country) its name in
 * English or German, case and accents ignored. The runs table filters with it, whatever language it shows.
 */
export const locationMatches = (locationId: string, label: string, query: string): boolean => {
  const folded = foldText(query)
  if (folded === '') return true
  if (foldText(label).includes(folded) || locationId.toLowerCase().includes(folded)) return true
  const iso2 = iso2OfLocation(locationId)
  return (
    iso2 !== undefined && languages.some((language) => foldText(countryName(iso2, language) ?? '').includes(folded))
  )
}

export interface LocationOption {
  entry: LocationEntry
  /** The name the picker shows: a country's in the UI language. */
  name: string
}

/**
 * The countries of the catalogue for a picker: named in the language and sorted by that name (Intl.Collator, so
 * "Österreich" sorts with O), filtered by a query that matches the shown name, the English name, an alias or an ISO
 * code. A query equal to a code or a name puts that country first, then names starting with it, then the rest.
 */
export function countryOptions(entries: readonly LocationEntry[], query: string, language: Language): LocationOption[] {
  let collator = collators.get(language)
  if (!collator) collators.set(language, (collator = new Intl.Collator(language)))
  const folded = foldText(query)
  const ranked: { option: LocationOption; rank: number }[] = []
  for (const entry of entries) {
    if (entry.kind !== 'country') continue
    const name = (entry.iso2 && countryName(entry.iso2, language)) || entry.name
    const option = { entry, name }
    if (folded === '') {
      ranked.push({ option, rank: 0 })
      continue
    }
    const codes = [entry.iso2, entry.iso3].filter((c): c is string => c !== undefined).map((c) => c.toLowerCase())
    const names = [foldText(name), foldText(entry.name), ...entry.aliases]
    let rank = Infinity
    if (codes.includes(folded) || names.includes(folded)) rank = 0
    else if (names.some((n) => n.startsWith(folded))) rank = 1
    else if (names.some((n) => n.includes(folded))) rank = 2
    if (rank !== Infinity) ranked.push({ option, rank })
  }
  return ranked.sort((a, b) => a.rank - b.rank || collator.compare(a.option.name, b.option.name)).map((r) => r.option)
}
