import { describe, expect, it } from 'vitest'
import {
  type HourlyProfile,
  intensitySeries,
  loadHourlyProfile,
  parseHourlyProfileCsv
} from '../../../shared/refdata/index'

const HEADER =
  'Datetime (UTC),Country,Zone Name,Zone Id,Carbon Intensity gCO₂eq/kWh (direct),Carbon Intensity gCO₂eq/kWh (LCA),Low Carbon Percentage,Renewable Percentage,Data Source,Data Estimated,Data Estimation Method'
const row = (time: string, direct: string, lca: string, estimated = 'false', zone = 'DE') =>
  `2024-01-01 ${time},Germany,Germany,${zone},${direct},${lca},83.26,81.53,entsoe.eu,${estimated},`
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n'

describe('parseHourlyProfileCsv', () => {
  it('reads an Electricity Maps export: start hour, both series, estimated hours', () => {
    const profile = parseHourlyProfileCsv(
      csv(row('00:00:00', '133.1', '177.74'), row('01:00:00', '134.17', '179.08', 'true'), row('02:00:00', '0', '0')),
      'de.csv'
    )
    expect(profile).toEqual({
      zone: 'DE',
      name: 'Germany',
      startUtc: '2024-01-01T00:00:00.000Z',
      lifecycleGPerKWh: [177.74, 179.08, 0],
      directGPerKWh: [133.1, 134.17, 0],
      estimatedHours: 1,
      sourceId: 'electricity-maps-export'
    })
  })

  it('accepts the portal’s newer "Life cycle" column name and ISO times', () => {
    const header =
      'Datetime (UTC),Zone Id,Carbon intensity gCO₂eq/kWh (direct),Carbon intensity gCO₂eq/kWh (Life cycle)'
    const profile = parseHourlyProfileCsv(
      `${header}\n2024-03-01T05:00:00Z,FR,10,30\n2024-03-01T06:00:00Z,FR,11,31\n`,
      'fr.csv'
    )
    expect(profile).toMatchObject({
      zone: 'FR',
      name: 'FR',
      startUtc: '2024-03-01T05:00:00.000Z',
      lifecycleGPerKWh: [30, 31],
      directGPerKWh: [10, 11]
    })
  })

  it('names the file, row and field of bad input', () => {
    expect(() =>
      parseHourlyProfileCsv(csv(row('00:00:00', '133.1', '177.74'), row('01:00:00', '134.17', '')), 'de.csv')
    ).toThrow('de.csv: row 3, field "Carbon Intensity gCO₂eq/kWh (LCA)": "" is not a number (a missing hour?)')
    expect(() => parseHourlyProfileCsv(csv(row('00:00:00', '-1', '177.74')), 'de.csv')).toThrow(
      'de.csv: row 2, field "Carbon Intensity gCO₂eq/kWh (direct)": -1 is negative; an intensity cannot be'
    )
    expect(() => parseHourlyProfileCsv(csv(row('00:00:00', '1', '2'), row('02:00:00', '1', '2')), 'gap.csv')).toThrow(
      'gap.csv: row 3, field "Datetime (UTC)": 2024-01-01 02:00:00 leaves a gap of 1 h after row 2; the hours must follow each other'
    )
    expect(() => parseHourlyProfileCsv(csv(row('00:00:00', '1', '2'), row('00:00:00', '1', '2')), 'dup.csv')).toThrow(
      'dup.csv: row 3, field "Datetime (UTC)": 2024-01-01 00:00:00 repeats row 2\'s hour (a duplicate)'
    )
    expect(() => parseHourlyProfileCsv(csv(row('00:00:00', '1', '2'), row('00:30:00', '1', '2')), 'step.csv')).toThrow(
      'step.csv: row 3, field "Datetime (UTC)": 2024-01-01 00:30:00 is not one hour after row 2 (the data must be hourly)'
    )
    expect(() => parseHourlyProfileCsv(csv(row('0:00', '1', '2')), 'time.csv')).toThrow(
      'time.csv: row 2, field "Datetime (UTC)": "2024-01-01 0:00" is not a date-time such as 2024-03-01T14:00:00Z'
    )
    expect(() =>
      parseHourlyProfileCsv(csv(row('00:00:00', '1', '2'), row('01:00:00', '1', '2', 'false', 'FR')), 'mixed.csv')
    ).toThrow('mixed.csv: row 3, field "Zone Id": "FR" differs from the file\'s zone DE')
    expect(() =>
      parseHourlyProfileCsv('Datetime (UTC),Zone Id,Carbon Intensity gCO₂eq/kWh (direct)\n', 'cols.csv')
    ).toThrow('cols.csv: row 1: no life-cycle (LCA) carbon intensity column')
    expect(() => parseHourlyProfileCsv(HEADER + '\n', 'empty.csv')).toThrow('empty.csv: no data rows')
    expect(() => parseHourlyProfileCsv('', 'nothing.csv')).toThrow('nothing.csv: the file is empty')
  })

  it('reads an offset in the "Datetime (UTC)" column as that instant', () => {
    const profile = parseHourlyProfileCsv(
      csv(row('01:00:00+01:00', '1', '2'), row('02:00:00+01:00', '1', '2')),
      'o.csv'
    )
    expect(profile.startUtc).toBe('2024-01-01T00:00:00.000Z')
  })
})

describe('intensitySeries', () => {
  const profile: HourlyProfile = {
    zone: 'XX',
    name: 'Test',
    startUtc: '2024-01-01T00:00:00.000Z',
    lifecycleGPerKWh: [10, 20, 30, 40],
    directGPerKWh: [1, 2, 3, 4],
    estimatedHours: 0,
    sourceId: 's'
  }
  const start = Date.parse('2024-01-01T00:00:00Z')
  it('returns the whole hours from the hour holding the start', () => {
    expect(intensitySeries(profile, start + 3_600_000, 2)).toEqual([20, 30])
    expect(intensitySeries(profile, start + 90 * 60_000, 2)).toEqual([20, 30])
    expect(intensitySeries(profile, start, 4)).toEqual([10, 20, 30, 40])
    expect(intensitySeries(profile, start, 0)).toEqual([])
  })
  it('is undefined outside the data', () => {
    expect(intensitySeries(profile, start - 1, 1)).toBeUndefined()
    expect(intensitySeries(profile, start + 3 * 3_600_000, 2)).toBeUndefined()
  })
})

describe('loadHourlyProfile', () => {
  it('loads a bundled zone lazily and caches it', async () => {
    const first = loadHourlyProfile('GB')
    expect(loadHourlyProfile('GB')).toBe(first)
    expect((await first)!.name).toBe('Great Britain')
  })
  it('is undefined for zones without a profile and for anything that is not a zone key; case does not matter', async () => {
    expect(await loadHourlyProfile('AT')).toBeUndefined()
    expect(await loadHourlyProfile('FR', 2019)).toBeUndefined()
    expect(await loadHourlyProfile('../manifest')).toBeUndefined()
    expect(await loadHourlyProfile('us-cal-ciso')).toMatchObject({ zone: 'US-CAL-CISO' })
  })
})
