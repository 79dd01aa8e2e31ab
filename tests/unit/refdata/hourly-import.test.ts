import { describe, expect, it } from 'vitest'
import { de, en, formatMessage, writeEnglishNumber } from '../../../shared/messages/index'
import { seriesOfProfile } from '../../../shared/planning/hourly'
import { HourlyImportError, parseHourlyProfileCsv } from '../../../shared/refdata/hourly-import'

/** A lab's own two-column file: time with Z or an offset, then gCO2eq/kWh. */
const file = (...rows: string[]) => ['time,g/kWh', ...rows].join('\n') + '\n'
const thrown = (text: string, name = 'lab.csv'): unknown => {
  try {
    parseHourlyProfileCsv(text, name)
  } catch (error) {
    return error
  }
  throw new Error('no error thrown')
}
const both = (text: string) => {
  const error = thrown(text)
  expect(error).toBeInstanceOf(HourlyImportError)
  const { msg, message } = error as HourlyImportError
  expect(formatMessage(en, msg, writeEnglishNumber)).toBe(message)
  // row numbers are raw ({row:raw}), written alike in both languages
  return { en: message, de: formatMessage(de, msg, writeEnglishNumber) }
}

describe('parseHourlyProfileCsv: a two-column time,g/kWh file', () => {
  it('reads consecutive hours with Z or an offset; the zone is the file name, the value the life-cycle basis', () => {
    const profile = parseHourlyProfileCsv(
      file('2024-03-01T23:00:00Z,120.5', '2024-03-02T01:00:00+01:00,99', '2024-03-02T01:00:00Z,0'),
      'LAB-GRID.csv'
    )
    expect(profile).toMatchObject({
      zone: 'LAB-GRID',
      name: 'LAB-GRID',
      startUtc: '2024-03-01T23:00:00.000Z',
      lifecycleGPerKWh: [120.5, 99, 0],
      estimatedHours: 0,
      sourceId: 'lab-hourly-file'
    })
    expect(seriesOfProfile(profile).startUtcMs).toBe(Date.UTC(2024, 2, 1, 23))
  })

  it('reads a file without a header row', () => {
    const profile = parseHourlyProfileCsv('2024-01-01T00:00:00Z,10\n2024-01-01T01:00:00Z,20\n', 'x.csv')
    expect(profile.lifecycleGPerKWh).toEqual([10, 20])
  })

  it('refuses a local time without an offset, in English and German', () => {
    expect(both(file('2024-03-01T10:00:00,100'))).toEqual({
      en: 'lab.csv: row 2, field "time": "2024-03-01T10:00:00" is a local time without an offset; write it in UTC with Z or with its offset, such as 2024-03-01T15:00:00+01:00',
      de: 'lab.csv: Zeile 2, Feld „time“: „2024-03-01T10:00:00“ ist eine Ortszeit ohne Versatz; schreiben Sie sie in UTC mit Z oder mit ihrem Versatz, etwa 2024-03-01T15:00:00+01:00'
    })
  })

  it('names a gap, a duplicate and a non-hourly step', () => {
    expect(both(file('2024-03-01T10:00:00Z,1', '2024-03-01T13:00:00Z,1'))).toEqual({
      en: 'lab.csv: row 3, field "time": 2024-03-01T13:00:00Z leaves a gap of 2 h after row 2; the hours must follow each other',
      de: 'lab.csv: Zeile 3, Feld „time“: 2024-03-01T13:00:00Z lässt nach Zeile 2 eine Lücke von 2 h; die Stunden müssen aufeinander folgen'
    })
    expect(both(file('2024-03-01T10:00:00Z,1', '2024-03-01T11:00:00+01:00,1'))).toEqual({
      en: 'lab.csv: row 3, field "time": 2024-03-01T11:00:00+01:00 repeats row 2\'s hour (a duplicate)',
      de: 'lab.csv: Zeile 3, Feld „time“: 2024-03-01T11:00:00+01:00 wiederholt die Stunde von Zeile 2 (ein Duplikat)'
    })
    expect(both(file('2024-03-01T10:00:00Z,1', '2024-03-01T10:15:00Z,1'))).toEqual({
      en: 'lab.csv: row 3, field "time": 2024-03-01T10:15:00Z is not one hour after row 2 (the data must be hourly)',
      de: 'lab.csv: Zeile 3, Feld „time“: 2024-03-01T10:15:00Z liegt nicht eine Stunde nach Zeile 2 (die Daten müssen stündlich sein)'
    })
    expect(both(file('2024-03-01T10:30:00Z,1')).en).toBe(
      'lab.csv: row 2, field "time": 2024-03-01T10:30:00Z is not on a whole UTC hour'
    )
  })

  it('names non-finite, missing and negative values', () => {
    expect(both(file('2024-03-01T10:00:00Z,NaN'))).toEqual({
      en: 'lab.csv: row 2, field "g/kWh": "NaN" is not a number (a missing hour?)',
      de: 'lab.csv: Zeile 2, Feld „g/kWh“: „NaN“ ist keine Zahl (eine fehlende Stunde?)'
    })
    expect(both(file('2024-03-01T10:00:00Z,1', '2024-03-01T11:00:00Z,Infinity')).en).toBe(
      'lab.csv: row 3, field "g/kWh": "Infinity" is not a number (a missing hour?)'
    )
    expect(both(file('2024-03-01T10:00:00Z,')).en).toBe(
      'lab.csv: row 2, field "g/kWh": "" is not a number (a missing hour?)'
    )
    expect(both(file('2024-03-01T10:00:00Z,-3'))).toEqual({
      en: 'lab.csv: row 2, field "g/kWh": -3 is negative; an intensity cannot be',
      de: 'lab.csv: Zeile 2, Feld „g/kWh“: -3 ist negativ; das kann eine Intensität nicht sein'
    })
  })

  it('names a time that is no date-time, and a file with neither format', () => {
    expect(both(file('yesterday,1'))).toEqual({
      en: 'lab.csv: row 2, field "time": "yesterday" is not a date-time such as 2024-03-01T14:00:00Z',
      de: 'lab.csv: Zeile 2, Feld „time“: „yesterday“ ist kein Zeitpunkt wie 2024-03-01T14:00:00Z'
    })
    expect(both(file('2024-02-30T10:00:00Z,1')).en).toMatch(/"2024-02-30T10:00:00Z" is not a date-time/)
    expect(both('a,b,c\n1,2,3\n')).toEqual({
      en: 'lab.csv: row 1: no "Datetime (UTC)" column (an Electricity Maps export, or two columns: time and gCO2eq/kWh)',
      de: 'lab.csv: Zeile 1: keine Spalte „Datetime (UTC)“ (ein Export von Electricity Maps oder zwei Spalten: Zeit und gCO2eq/kWh)'
    })
    expect(both('time,g/kWh\n')).toEqual({ en: 'lab.csv: no data rows', de: 'lab.csv: keine Datenzeilen' })
    expect(both('')).toEqual({ en: 'lab.csv: the file is empty', de: 'lab.csv: Die Datei ist leer' })
  })
})
