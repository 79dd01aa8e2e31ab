import { describe, expect, it } from 'vitest'
import { runInputSchema } from '../../../shared/domain/run'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateRun } from '../../../shared/emissions/resolve'
import { de } from '../../../shared/messages/de'
import {
  english,
  formatMessage,
  localeNumberWriter,
  messageSchema,
  msg,
  verbatim,
  writeEnglishNumber
} from '../../../shared/messages/index'
import { loadReferenceData } from '../../../shared/refdata/index'

describe('number styles', () => {
  const german = localeNumberWriter('de-DE')

  it('writes English numbers as the command line always has', () => {
    expect(writeEnglishNumber(16.989000000000001, 'default')).toBe('16.989')
    expect(writeEnglishNumber(1234567.891, 'default')).toBe('1234570')
    expect(writeEnglishNumber(0, 'default')).toBe('0')
    expect(writeEnglishNumber(12345, 'raw')).toBe('12345')
    expect(writeEnglishNumber(12, 'd1')).toBe('12.0')
    expect(writeEnglishNumber(0.1234, 'd3')).toBe('0.123')
    expect(writeEnglishNumber(150.4, 'short')).toBe('150')
    expect(writeEnglishNumber(1.5, 'short')).toBe('1.50')
    expect(writeEnglishNumber(0.4567, 'short')).toBe('0.457')
    expect(writeEnglishNumber(3.14e23, 'exp')).toBe('3.14e+23')
    expect(writeEnglishNumber(1, 'p3')).toBe('1.00')
  })

  it('writes the same styles in German digits, never grouping raw numbers', () => {
    expect(german(16.989000000000001, 'default')).toBe('16,989')
    expect(german(1234567.891, 'default')).toBe('1.234.570')
    expect(german(12345, 'raw')).toBe('12345')
    expect(german(7.5, 'raw')).toBe('7,5')
    expect(german(12, 'd1')).toBe('12,0')
    expect(german(1.5, 'short')).toBe('1,50')
    expect(german(0.4567, 'short')).toBe('0,457')
    expect(german(3.14e23, 'exp')).toBe('3,14E23')
    expect(german(1, 'p3')).toBe('1,00')
  })

  it("writes instants as ISO 8601 in English and as the locale's UTC date and time in German", () => {
    const at = Date.UTC(2024, 0, 31, 22, 15, 30)
    expect(writeEnglishNumber(at, 'utc')).toBe('2024-01-31T22:15:30.000Z')
    expect(writeEnglishNumber(at, 'utcHour')).toBe('2024-01-31T22:00:00Z')
    expect(german(at, 'utc')).toBe('31.01.2024, 22:15:30 UTC')
    // The hour the instant falls in is the caller's to give: the style writes hours and minutes.
    expect(german(Date.UTC(2024, 0, 31, 22), 'utcHour')).toBe('31.01.2024, 22:00 UTC')
  })
})

describe('formatMessage', () => {
  const catalogue = { a: 'x {n} y {t} {missing}', b: '({inner})', c: '{sum:d1}' }

  it('fills numbers, texts and sums, and leaves a missing parameter visible', () => {
    expect(formatMessage(catalogue, { id: 'a', params: { n: 1.5, t: '{n}' } }, writeEnglishNumber)).toBe(
      'x 1.5 y {n} {missing}'
    )
    expect(formatMessage(catalogue, { id: 'c', params: { sum: [1, 2.25] } }, writeEnglishNumber)).toBe('1.0 + 2.3')
  })

  it('nests messages, and gives undefined when the message or a nested one is not in the catalogue', () => {
    expect(
      formatMessage(
        catalogue,
        { id: 'b', params: { inner: { id: 'a', params: { n: 2, t: 'q' } } } },
        writeEnglishNumber
      )
    ).toBe('(x 2 y q {missing})')
    expect(formatMessage(catalogue, { id: 'b', params: { inner: { id: 'gone' } } }, writeEnglishNumber)).toBeUndefined()
    expect(formatMessage(catalogue, { id: 'toString' }, writeEnglishNumber)).toBeUndefined()
  })

  it('round-trips through JSON and the schema, as results stored in IndexedDB do', () => {
    const message = msg('trace.power', {
      device: 'A100',
      detail: msg('power.catalogue', { name: 'NVIDIA A100', full: 0.9, idle: 0.19 })
    })
    expect(messageSchema.parse(JSON.parse(JSON.stringify(message)))).toEqual(message)
    expect(english(message)).toBe(
      'Power of A100 (full load (0.9 × TDP; idle 0.19 × TDP), from the catalogue TDP of NVIDIA A100)'
    )
    expect(english(verbatim('as {it} is'))).toBe('as {it} is')
    expect(() => english({ id: 'no.such.id' })).toThrow(/no English text for 'no.such.id'/)
  })
})

describe("the reference data's notes, translated (issue 11 tester findings)", () => {
  it("keeps the English embodied notes equal to data/defaults.json's, and shows them in German in a run's trace", () => {
    const ref = loadReferenceData()
    for (const kind of ['cpu', 'gpu', 'tpu'] as const)
      expect(english(msg(`embodiedNote.${kind}`))).toBe(ref.defaults.embodied[kind]!.note)
    const result = estimateRun(
      runInputSchema.parse({
        project: 'p',
        startedAt: '2025-03-01T00:00:00Z',
        durationS: 3600,
        devices: [{ kind: 'gpu', name: 'A100 80GB', count: 1 }],
        location: { kind: 'country', code: 'DE' }
      }),
      ref,
      labDefaultsSchema.parse({})
    )
    const step = result.trace.find((s) => s.labelMsg?.id === 'trace.embodied')!
    const german = formatMessage(de, step.labelMsg!, localeNumberWriter('de-DE'))!
    expect(german).toContain('additional_gpus eines GPU-Servers')
    expect(german).not.toContain('divided by')
    expect(english(step.labelMsg!)).toContain(ref.defaults.embodied.gpu!.note)
  })
})
