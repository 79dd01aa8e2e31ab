import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { countryName, countryOptions, locationMatches, locationName } from '../../../renderer/src/i18n/location-names'
import { browseQuery, NEWEST_FIRST } from '../../../renderer/src/screens/runs/runs-query'
import { iso2OfIso3 } from '../../../shared/refdata/country-codes'
import { type LocationEntry, locationEntrySchema } from '../../../shared/refdata/schema'

const locations: LocationEntry[] = locationEntrySchema
  .array()
  .parse(JSON.parse(readFileSync('data/locations.json', 'utf8')))
const countries = locations.filter((l) => l.kind === 'country')

describe('the alpha-3 → alpha-2 table', () => {
  it('holds exactly the countries of data/locations.json', () => {
    expect(new Map(countries.map((c) => [c.iso3!, c.iso2!]))).toEqual(iso2OfIso3)
  })
})

describe('locationName', () => {
  it('names a country in the UI language', () => {
    expect(locationName('country:DEU', 'Germany', 'de')).toBe('Deutschland')
    expect(locationName('country:DEU', 'Germany', 'en')).toBe('Germany')
    expect(locationName('country:AUT', 'Austria', 'de')).toBe('Österreich')
    expect(countryName('fr', 'de')).toBe('Frankreich')
  })
  it('keeps the label of zones, cloud regions, custom and unknown locations, and of codes it does not know', () => {
    expect(locationName('zone:DE', 'Germany', 'de')).toBe('Germany')
    expect(locationName('cloud:aws:eu-central-1', 'AWS eu-central-1 (Frankfurt)', 'de')).toBe(
      'AWS eu-central-1 (Frankfurt)'
    )
    expect(locationName('unknown', 'Unbekannter Standort', 'de')).toBe('Unbekannter Standort')
    expect(locationName('custom', 'Our PPA', 'de')).toBe('Our PPA')
    expect(locationName('country:XXX', 'Nowhere', 'de')).toBe('Nowhere')
  })
})

describe('countryOptions', () => {
  const names = (query: string, language: 'en' | 'de') => countryOptions(locations, query, language).map((o) => o.name)

  it('lists every country, sorted by its name in the language (not by ISO code)', () => {
    const german = names('', 'de')
    expect(german).toHaveLength(countries.length)
    expect(german[0]).toBe('Afghanistan')
    expect(german.indexOf('Deutschland')).toBeGreaterThan(german.indexOf('Dänemark'))
    expect(german.indexOf('Deutschland')).toBeLessThan(german.indexOf('Frankreich'))
    // The collator sorts Ö with O, between Oman and Pakistan, not after Z.
    expect(german.indexOf('Österreich')).toBeGreaterThan(german.indexOf('Oman'))
    expect(german.indexOf('Österreich')).toBeLessThan(german.indexOf('Pakistan'))
    const english = names('', 'en')
    expect(english.indexOf('Afghanistan')).toBeLessThan(english.indexOf('Aruba'))
  })

  it('finds a country by its German name, its English name, and its codes', () => {
    for (const query of ['Deutschland', 'deutsch', 'Germany', 'DEU', 'de'])
      expect(countryOptions(locations, query, 'de')[0]?.entry.id, query).toBe('country:DEU')
    expect(countryOptions(locations, 'osterreich', 'de')[0]?.entry.id).toBe('country:AUT')
    expect(names('xyzzy', 'de')).toEqual([])
  })

  it('puts names that start with the query before names that merely contain it, each sorted by name', () => {
    // "Niger" and "Nigeria" start with "niger"; nothing else contains it.
    expect(names('niger', 'en')).toEqual(['Niger', 'Nigeria'])
    // German: Dänemark starts with "dan" (accents ignored); Jordanien, Sudan and Südsudan contain it.
    expect(names('dan', 'de')).toEqual(['Dänemark', 'Jordanien', 'Sudan', 'Südsudan'])
  })
})

describe('locationMatches and the runs filter', () => {
  it('matches a country by its label, id, and its name in either language', () => {
    for (const query of ['deutschland', 'Deutsch', 'germany', 'DEU', 'country:deu'])
      expect(locationMatches('country:DEU', 'Germany', query), query).toBe(true)
    expect(locationMatches('country:DEU', 'Germany', 'frank')).toBe(false)
    expect(locationMatches('cloud:aws:eu-central-1', 'AWS eu-central-1 (Frankfurt)', 'frankfurt')).toBe(true)
  })

  it("the runs table's location filter finds a German run typed as the table shows it", () => {
    const run = (locationId: string, locationLabel: string) => ({ locationId, locationLabel })
    const filters = {
      project: '',
      person: '',
      from: '',
      to: '',
      hardware: '',
      location: 'Deutschland',
      source: '',
      kind: '',
      search: ''
    }
    const query = (f: typeof filters) => browseQuery(f, NEWEST_FIRST, () => '')
    const match = query(filters).where!.location!
    expect(match(run('country:DEU', 'Germany'))).toBe(true)
    expect(match(run('country:FRA', 'France'))).toBe(false)
    expect(query({ ...filters, location: 'france' }).where!.location!(run('country:FRA', 'France'))).toBe(true)
  })
})
