import { describe, expect, it } from 'vitest'
import {
  createReferenceData,
  findLocation,
  loadReferenceData,
  type LocationEntry,
  resolveLocation,
  searchLocations,
  yearlyIntensity
} from '../../../shared/refdata/index'

const ref = loadReferenceData()
const find = (text: string): string | undefined => findLocation(ref, text)?.id

describe('resolveLocation', () => {
  it('finds cloud regions with provider and region in any case, and provider spellings', () => {
    expect(resolveLocation(ref, { kind: 'cloud', provider: 'GCP', region: 'US-Central1' })?.id).toBe(
      'cloud:gcp:us-central1'
    )
    expect(resolveLocation(ref, { kind: 'cloud', provider: 'Google Cloud', region: 'europe-west3' })?.id).toBe(
      'cloud:gcp:europe-west3'
    )
    expect(resolveLocation(ref, { kind: 'cloud', provider: 'azure', region: 'East US 2' })?.id).toBe(
      'cloud:azure:eastus2'
    )
    expect(resolveLocation(ref, { kind: 'cloud', provider: 'aws', region: 'mars-north-1' })).toBeUndefined()
  })

  it('finds countries by ISO2 or ISO3 and zones by id or the hourly key', () => {
    expect(resolveLocation(ref, { kind: 'country', code: 'FR' })?.id).toBe('country:FRA')
    expect(resolveLocation(ref, { kind: 'country', code: 'fra' })?.id).toBe('country:FRA')
    expect(resolveLocation(ref, { kind: 'zone', zone: 'US-CAL-CISO' })?.id).toBe('zone:US-CAL-CISO')
    expect(resolveLocation(ref, { kind: 'zone', zone: 'de-lu' })?.id).toBe('zone:DE')
    expect(resolveLocation(ref, { kind: 'custom', intensityGPerKWh: 100, label: 'x' })).toBeUndefined()
    expect(resolveLocation(ref, { kind: 'unknown' })).toBeUndefined()
  })
})

describe('findLocation (free text)', () => {
  it('reads codes, ids, provider:region and zone ids', () => {
    expect(find('DE')).toBe('country:DEU')
    expect(find('deu')).toBe('country:DEU')
    expect(find('country:FRA')).toBe('country:FRA')
    expect(find('gcp:us-central1')).toBe('cloud:gcp:us-central1')
    expect(find('aws/eu-west-1')).toBe('cloud:aws:eu-west-1')
    expect(find('Azure: westeurope')).toBe('cloud:azure:westeurope')
    expect(find('US-TEX-ERCO')).toBe('zone:US-TEX-ERCO')
  })

  it('reads names with case and accents folded, countries before zones of the same name', () => {
    expect(find('France')).toBe('country:FRA')
    expect(find('FRANCE')).toBe('country:FRA')
    expect(find("Côte d'Ivoire")).toBe('country:CIV')
    expect(find('ivory coast')).toBe('country:CIV')
    expect(find('United Kingdom')).toBe('country:GBR')
    expect(find('uk')).toBe('country:GBR')
    expect(find('USA')).toBe('country:USA')
    expect(find('Sistema Electrico Nacional')).toBe('zone:CL-SEN')
    expect(find('caiso')).toBe('zone:US-CAL-CISO')
    expect(find('Atlantis')).toBeUndefined()
    expect(find('')).toBeUndefined()
  })

  it('gives countries, zones and cloud regions their hourly zone where one is bundled', () => {
    expect(findLocation(ref, 'DEU')!.hourlyZone).toBe('DE-LU')
    expect(findLocation(ref, 'GBR')!.hourlyZone).toBe('GB')
    expect(findLocation(ref, 'gcp:europe-west2')!.hourlyZone).toBe('GB')
    expect(findLocation(ref, 'aws:us-east-1')!.hourlyZone).toBe('US-MIDA-PJM')
    expect(findLocation(ref, 'FRA')!.hourlyZone).toBe('FR')
    expect(findLocation(ref, 'NOR')!.hourlyZone).toBe('NO')
    // Iowa is in MISO (2023 bundled); Austria has no hourly profile.
    expect(findLocation(ref, 'gcp:us-central1')!.hourlyZone).toBe('US-MIDW-MISO')
    expect(findLocation(ref, 'AUT')!.hourlyZone).toBeUndefined()
  })
})

describe('yearlyIntensity', () => {
  const entry: LocationEntry = {
    id: 'country:TST',
    kind: 'country',
    name: 'Testland',
    aliases: [],
    intensities: [
      { year: 2019, intensityGPerKWh: 300, sourceId: 's' },
      { year: 2021, intensityGPerKWh: 250, sourceId: 's' },
      { year: 2023, intensityGPerKWh: 200, sourceId: 's' }
    ]
  }
  it('takes the run year when present', () => {
    expect(yearlyIntensity(entry, 2021)).toEqual({ intensity: entry.intensities[1], exactYear: true })
  })
  it('else the latest year before it, else the earliest after it', () => {
    expect(yearlyIntensity(entry, 2022)).toEqual({ intensity: entry.intensities[1], exactYear: false })
    expect(yearlyIntensity(entry, 2030)).toEqual({ intensity: entry.intensities[2], exactYear: false })
    expect(yearlyIntensity(entry, 2010)).toEqual({ intensity: entry.intensities[0], exactYear: false })
  })
  it('without a year, the latest', () => {
    expect(yearlyIntensity(entry)).toEqual({ intensity: entry.intensities[2], exactYear: false })
  })
  it('on bundled France: 2022 exact (78.55), 2026 falls back to 2024 (44.18)', () => {
    const france = findLocation(ref, 'FR')!
    expect(yearlyIntensity(france, 2022)).toMatchObject({ intensity: { intensityGPerKWh: 78.55 }, exactYear: true })
    expect(yearlyIntensity(france, 2026)).toMatchObject({
      intensity: { year: 2024, intensityGPerKWh: 44.18 },
      exactYear: false
    })
  })
})

describe('searchLocations', () => {
  it('ranks an exact code or name first, then prefixes', () => {
    expect(searchLocations(ref, 'france')[0]!.id).toBe('country:FRA')
    expect(searchLocations(ref, 'germ').map((l) => l.id)).toEqual(expect.arrayContaining(['country:DEU', 'zone:DE']))
    expect(searchLocations(ref, 'us-east', 50).map((l) => l.id)).toEqual(
      expect.arrayContaining(['cloud:aws:us-east-1', 'cloud:gcp:us-east1'])
    )
    expect(searchLocations(ref, 'zzzz')).toEqual([])
    expect(searchLocations(ref, 'a', 3)).toHaveLength(3)
  })
})

describe('createReferenceData', () => {
  const tables = () => {
    const bundled = loadReferenceData()
    return { manifest: bundled.manifest, hardware: [], locations: [], defaults: bundled.defaults }
  }
  it('accepts small tables and indexes them separately from the bundled ones', () => {
    const small = createReferenceData({
      ...tables(),
      locations: [
        {
          id: 'zone:XX',
          kind: 'zone',
          name: 'Test zone',
          aliases: ['testzone'],
          intensities: [{ year: 2024, intensityGPerKWh: 1, sourceId: 's' }]
        }
      ]
    })
    expect(findLocation(small, 'testzone')?.id).toBe('zone:XX')
    expect(findLocation(small, 'France')).toBeUndefined()
  })
  it('rejects a bad table naming the table and the field', () => {
    expect(() =>
      createReferenceData({
        ...tables(),
        hardware: [{ id: 'gpu:x', kind: 'gpu', name: 'X', tdpW: -5, aliases: [], sourceIds: ['s'] }]
      })
    ).toThrow(/hardware table: 0\.tdpW/)
    expect(() =>
      createReferenceData({
        ...tables(),
        locations: [{ id: 'zone:XX', kind: 'zone', name: 'X', aliases: [], intensities: [] }]
      })
    ).toThrow(/locations table: 0\.intensities/)
  })
})
