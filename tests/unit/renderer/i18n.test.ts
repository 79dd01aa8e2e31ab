import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { LedgerError } from '../../../renderer/db/errors'
import { de } from '../../../renderer/src/i18n/de'
import { en } from '../../../renderer/src/i18n/en'
import {
  initialLanguage,
  pluralForm,
  setZodLanguage,
  translate,
  translateError,
  translateMessage,
  translatePlural,
  translateUnit
} from '../../../renderer/src/i18n/translate'
import { readArchive } from '../../../shared/ledger/backup'
import { de as sharedDe, en as sharedEn, type Message, msg } from '../../../shared/messages/index'

type Entry = string | { one: string; other: string }
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort()
const forms = (e: Entry): string[] => (typeof e === 'string' ? [e] : [e.one, e.other])

describe('catalogues', () => {
  const enEntries = Object.entries(en) as [string, Entry][]
  const deEntries = de as Record<string, Entry>

  it('German has exactly the English keys, plural where English is plural', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort())
    for (const [key, value] of enEntries) expect(typeof deEntries[key], key).toBe(typeof value)
  })

  it('every form of a German message has the placeholders of the same English form', () => {
    for (const [key, value] of enEntries) {
      const germanForms = forms(deEntries[key]!)
      forms(value).forEach((english, i) =>
        expect(placeholders(germanForms[i]!), `${key}: ${germanForms[i]}`).toEqual(placeholders(english))
      )
      // The 'other' form always shows the count ('one' may say "the run" instead of "1 run").
      if (typeof value !== 'string') expect(placeholders(value.other), key).toContain('count')
    }
  })

  it('no plain message counts runs, rows or records in a fixed plural (that is what plural messages are for)', () => {
    const fixed = /\{\w+\}\s+(runs|rows|records|entries|files|Läufe|Läufen|Zeilen|Einträge|Dateien)\b/
    for (const [key, value] of enEntries) if (typeof value === 'string') expect(value, key).not.toMatch(fixed)
    for (const [key, value] of Object.entries(deEntries))
      if (typeof value === 'string') expect(value, key).not.toMatch(fixed)
  })
})

describe('translate', () => {
  it('switches language at run time', () => {
    expect(translate('en', 'nav.runs')).toBe('Runs')
    expect(translate('de', 'nav.runs')).toBe('Läufe')
    expect(translate('de', 'nav.reports')).toBe('Berichte')
  })

  it('fills placeholders and leaves a missing one visible', () => {
    expect(translate('en', 'reports.failed', { message: 'disk full' })).toBe('Export failed: disk full')
    expect(translate('en', 'reports.failed')).toBe('Export failed: {message}')
    expect(translate('en', 'reports.failed', { other: 1 })).toBe('Export failed: {message}')
  })

  it('starts in the saved language, else the browser’s, else English', () => {
    expect(initialLanguage('de', ['en-GB'])).toBe('de')
    expect(initialLanguage(null, ['fr-FR', 'de-AT'])).toBe('de')
    expect(initialLanguage('xx', ['fr'])).toBe('en')
    expect(initialLanguage(null, [])).toBe('en')
  })
})

describe('plurals', () => {
  it('English and German: one for exactly 1, other for everything else', () => {
    for (const language of ['en', 'de'] as const) {
      expect(pluralForm(language, 1)).toBe('one')
      for (const n of [0, 2, 5, 21, 101, 1_000_000, 1.5])
        expect(pluralForm(language, n), `${language} ${n}`).toBe('other')
    }
  })

  it('picks the form and writes the count in the language’s digits', () => {
    expect(translatePlural('en', 'runs.count', 1)).toBe('1 run')
    expect(translatePlural('en', 'runs.count', 0)).toBe('0 runs')
    expect(translatePlural('en', 'runs.count', 1234)).toBe('1,234 runs')
    expect(translatePlural('de', 'runs.count', 1)).toBe('1 Lauf')
    expect(translatePlural('de', 'runs.count', 1234)).toBe('1.234 Läufe')
    expect(translatePlural('en', 'import.commit', 1)).toBe('Import 1 run')
    expect(translatePlural('en', 'rec.fromRuns', 1)).toBe('From the one run of the period.')
    expect(translatePlural('de', 'rec.fromRuns', 3)).toBe('Aus den 3 Läufen des Zeitraums.')
  })

  it('fills the other placeholders, and nests one countable phrase in another', () => {
    expect(translatePlural('en', 'runs.moved', 1, { project: 'Vision' })).toBe('1 run moved to Vision.')
    expect(translatePlural('de', 'runs.moved', 2, { project: 'Vision' })).toBe('2 Läufe nach Vision verschoben.')
    const rows = translatePlural('en', 'import.rows', 1)
    expect(translatePlural('en', 'import.found', 1, { rows })).toBe('1 run found in 1 row:')
    expect(translatePlural('de', 'import.found', 21, { rows: translatePlural('de', 'import.rows', 28) })).toBe(
      '21 Läufe in 28 Zeilen gefunden:'
    )
  })
})

describe('messages made in shared/ (shared/messages)', () => {
  const placeholderSpecs = (text: string): string[] =>
    [...text.matchAll(/\{(\w+(?::\w+)?)\}/g)].map((m) => m[1]!).sort()

  it('German has exactly the English ids, each with the same placeholders and number styles', () => {
    expect(Object.keys(sharedDe).sort()).toEqual(Object.keys(sharedEn).sort())
    for (const [id, english] of Object.entries(sharedEn)) {
      const german = (sharedDe as Record<string, string>)[id]!
      expect(placeholderSpecs(german), `${id}: ${german}`).toEqual(placeholderSpecs(english))
    }
  })

  it('writes numbers in the language’s locale, nested messages and sums included', () => {
    const energy = msg('formula.deviceEnergy', { count: 2, powerW: 400, utilization: 0.85, hours: 1.5 })
    expect(translateMessage('en', energy)).toBe('2 × 400 W × 0.85 × 1.5 h / 1000')
    expect(translateMessage('de', energy)).toBe('2 × 400 W × 0,85 × 1,5 h / 1000')
    expect(translateMessage('de', msg('formula.sum', { terms: [1.25, 1234.5] }))).toBe('1,25 + 1.234,5')
    const power = msg('trace.power', {
      device: 'A100',
      detail: msg('power.catalogue', { name: 'NVIDIA A100', full: 0.9, idle: 0.19 })
    })
    expect(translateMessage('de', power)).toBe(
      'Leistung von A100 (Volllast (0,9 × TDP; Leerlauf 0,19 × TDP), aus der TDP laut Katalog für NVIDIA A100)'
    )
    // years and row numbers ('raw') are never grouped: 2.023 would read as a decimal in German
    const year = msg('intensity.yearly', { where: 'Frankreich', year: 2023 })
    expect(translateMessage('de', year)).toBe('Frankreich, Jahresmittel 2023')
  })

  it('shows the stored English text of a record written before messages, or with an id no catalogue knows', () => {
    expect(translateMessage('de', undefined, 'IT energy')).toBe('IT energy')
    expect(translateMessage('de', { id: 'trace.removedLater' }, 'Old label')).toBe('Old label')
  })

  it('translates the units of the trace that are words, leaves symbols', () => {
    expect(translateUnit('de', 'tree-months')).toBe('Baum-Monate')
    expect(translateUnit('de', 'kWh')).toBe('kWh')
    expect(translateUnit('en', 'flights')).toBe('flights')
  })
})

describe("zod's own issue texts", () => {
  it('follow the language, and go back to English', () => {
    const duration = z.object({ durationS: z.number() })
    setZodLanguage('de')
    const german = duration.safeParse({ durationS: 'long' }).error!.issues[0]!.message
    setZodLanguage('en')
    const english = duration.safeParse({ durationS: 'long' }).error!.issues[0]!.message
    expect(english).toBe('Invalid input: expected number, received string')
    expect(german).not.toBe(english)
    expect(german).toMatch(/Ungültige Eingabe/)
  })
})

describe('German wording', () => {
  it('counts devices with the plural forms, never "Gerät(e)"', () => {
    const params = { precision: 'fp16', mfu: '40 %', low: '30 %', high: '50 %', current: 'keine' }
    expect(translatePlural('de', 'compare.hardwareAssumptions', 1, params)).toContain(', ein Gerät.')
    expect(translatePlural('de', 'compare.hardwareAssumptions', 8, params)).toContain(', 8 Geräte.')
    expect(translatePlural('en', 'compare.hardwareAssumptions', 8, params)).toContain(', 8 devices.')
    for (const value of [...Object.values(de), ...Object.values(en)].flatMap((v) =>
      typeof v === 'string' ? [v] : [v.one, v.other]
    )) {
      expect(value).not.toMatch(/\w\((e|n|s|en)\)/)
    }
  })

  it('names embodied emissions with one term on the dashboard and in the trace', () => {
    expect(translate('de', 'total.embodied')).toBe('Grauemissionen (Herstellung)')
    expect(sharedDe['trace.embodied']).toMatch(/^Grauemissionen /)
    expect(sharedDe['trace.treeMonths']).not.toContain('Baum-Monaten')
    // The report and the asset register too: one German term, never "graue Emissionen" beside it.
    const german = [...Object.values(de), ...Object.values(sharedDe)].flatMap((v) =>
      typeof v === 'string' ? [v] : typeof v === 'object' && v !== null && 'one' in v ? [v.one, v.other] : []
    )
    const report = readFileSync('shared/report/text/de.ts', 'utf8')
    for (const text of [...german, report]) expect(text).not.toMatch(/\bgraue[nr]? (Emission|Wert|Faktor)|Grau \w/i)
  })

  it('says the planning strategies in German and a positive bound as "greater than"', () => {
    expect(translate('de', 'shift.flexible', { hours: 24 })).toBe('Flexibler Start, W = 24 h')
    expect(translate('de', 'shift.pauseResume', { percent: 50 })).toBe('Pausieren und Fortsetzen, p = 50 %')
    expect(translate('de', 'form.above', { min: 0 })).toBe('Muss größer als 0 sein.')
    expect(translate('de', 'compare.more', { amount: '4,29 kg' })).toBe('4,29 kg mehr')
    expect(translate('de', 'detail.headlineEmissions')).not.toContain('kg')
    expect(translate('de', 'form.aboutRun')).not.toBe(translate('de', 'form.title'))
  })
})

describe('errors users meet', () => {
  it('are shown in the language when they carry a message, else with their own text', async () => {
    const damaged = await readArchive('{"format":"carbon-ledger-backup","schemaVersion":1', 2)
    expect(damaged.ok).toBe(false)
    const err = new LedgerError('backup-rejected', (damaged as { msg: Message }).msg)
    expect(err.message).toBe('This file is not a Carbon Ledger backup: it is not valid JSON (truncated or corrupt?).')
    expect(translateError('de', err)).toBe(
      'Diese Datei ist keine Carbon-Ledger-Sicherung: Sie ist kein gültiges JSON (abgeschnitten oder beschädigt?).'
    )
    expect(translateError('en', err)).toBe(err.message)
    expect(translateError('de', new LedgerError('conflict', msg('project.notEmpty', { runs: 1234 })))).toBe(
      'Dieses Projekt hat noch 1234 Läufe (Papierkorb eingeschlossen): Verschieben oder löschen Sie sie zuerst.'
    )
    expect(translateError('de', new Error('plain'))).toBe('plain')
    expect(translateError('de', 'a string')).toBe('a string')
  })
})
