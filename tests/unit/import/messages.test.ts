import { describe, expect, it } from 'vitest'
import { detectFormat, importText } from '../../../shared/import/index'
import { de, english, formatMessage, localeNumberWriter, type Message } from '../../../shared/messages/index'

const german = (message: Message | undefined): string | undefined =>
  message && formatMessage(de, message, localeNumberWriter('de-DE'))

describe('import problems as messages', () => {
  const text =
    'timestamp,run_id,duration,energy_consumed,pue,country_iso_code\n' +
    '2025-03-01T10:00:00Z,a,abc,1,,FR\n' +
    '2025-03-01T10:00:00Z,b,60,1,7.5,FR\n' +
    '2025-03-01 10:00:00,c,60,,,\n'
  const result = importText(text, 'lab.csv')
  if ('error' in result) throw new Error(result.error)

  it('gives every row error a message whose English text is the error’s text', () => {
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'duration'],
      [3, 'pue']
    ])
    for (const error of result.errors) expect(english(error.msg!)).toBe(error.message)
  })

  it('names file, row and field in German too, with German decimals', () => {
    expect(german(result.errors[0]!.msg)).toBe('lab.csv Zeile 2: duration „abc“ ist keine Zahl')
    expect(german(result.errors[1]!.msg)).toBe('lab.csv Zeile 3: PUE 7,5 liegt außerhalb von 1–5')
  })

  it('keeps a run’s warnings and their messages in the same order', () => {
    const run = result.runs[0]!
    expect(run.warnings).toEqual([
      'the file gives no energy for this run: it is estimated from the hardware',
      'the file gives no location: set it'
    ])
    expect(run.warningMsgs!.map(english)).toEqual(run.warnings)
    expect(run.warningMsgs!.map(german)).toEqual([
      'die Datei nennt für diesen Lauf keine Energie: sie wird aus der Hardware geschätzt',
      'die Datei nennt keinen Standort: bitte angeben'
    ])
    expect(german(result.warnings[0]!.msg)).toMatch(/^lab\.csv: die Zeitstempel haben keine Zeitzone/)
  })

  it('says why a file is refused in German', () => {
    const refused = detectFormat('a;b;c\n1;2;3\n', 'excel.csv')
    expect('errorMsg' in refused && german(refused.errorMsg)).toBe(
      'excel.csv trennt ihre Spalten mit „;“ (Ländereinstellung einer Tabellenkalkulation): speichern Sie sie erneut als CSV mit Kommas'
    )
  })
})
