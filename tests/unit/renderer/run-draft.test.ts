import { describe, expect, it } from 'vitest'
import { formatNumber, parseLocaleNumber } from '../../../renderer/src/format/format'
import { groupByVendor } from '../../../renderer/src/screens/run-form/hardware-groups'
import { draftFromFields, fieldsFromInput, type RunFields } from '../../../renderer/src/screens/run-form/run-draft'
import { fieldErrorsOfIssues, TEXT_MAX_LENGTH } from '../../../renderer/src/screens/run-form/run-issues'
import { runInputSchema } from '../../../shared/domain/run'

const parseDe = (text: string) => parseLocaleNumber('de-DE', text)

/** The mlco2 check of docs/methodology.md §2 as a German user types it: 300 W for 100 h at 566,3 g/kWh, PUE 1. */
const fields = (patch: Partial<RunFields> = {}): RunFields => ({
  kind: 'training',
  project: ' Vision ',
  person: ' Ada ',
  title: ' ResNet ',
  timing: 'duration',
  start: '2026-02-10T09:00',
  end: '',
  durationH: '100',
  serviceFrom: '',
  serviceTo: '',
  hoursPerDay: '24',
  devices: [{ kind: 'gpu', hardwareId: '', name: '', count: '1', utilisationPct: '', powerW: '300' }],
  memoryGB: '',
  location: { kind: 'custom', intensityGPerKWh: 0, label: 'custom' },
  customIntensity: '566,3',
  customLabel: '',
  pue: '1',
  measuredKWh: '',
  tags: 'baseline, , vision ',
  notes: 'first try',
  ...patch
})

describe('draftFromFields', () => {
  it('builds the draft: UTC start, seconds, shares, trimmed text, tags split', () => {
    const { errors, draft } = draftFromFields(fields(), parseDe)
    expect(errors).toEqual({})
    expect(draft).toEqual({
      kind: 'training',
      project: 'Vision',
      person: 'Ada',
      title: 'ResNet',
      startedAt: '2026-02-10T09:00:00.000Z',
      durationS: 360_000,
      devices: [{ kind: 'gpu', name: 'GPU 300 W', count: 1, utilization: 1, powerW: 300 }],
      location: { kind: 'custom', intensityGPerKWh: 566.3, label: 'custom' },
      pue: 1,
      tags: ['baseline', 'vision'],
      notes: 'first try'
    })
  })

  it('start and end: the duration is their difference; an end not after the start is refused at the end field', () => {
    expect(draftFromFields(fields({ timing: 'end', end: '2026-02-10T10:30' }), parseDe).draft?.durationS).toBe(5400)
    expect(draftFromFields(fields({ timing: 'end', end: '2026-02-10T09:00' }), parseDe)).toEqual({
      errors: { end: { key: 'form.endBeforeStart' } }
    })
    expect(draftFromFields(fields({ timing: 'end', end: 'tomorrow' }), parseDe).errors).toEqual({
      end: { key: 'form.invalidDate' }
    })
    expect(draftFromFields(fields({ start: '' }), parseDe).errors).toEqual({ start: { key: 'form.invalidDate' } })
  })

  it('a service over a date range counts whole days at its hours per day', () => {
    const { draft } = draftFromFields(
      fields({ timing: 'service', serviceFrom: '2026-01-01', serviceTo: '2026-01-31', hoursPerDay: '8' }),
      parseDe
    )
    // 1 to 31 January inclusive: 31 days.
    expect(draft).toMatchObject({ startedAt: '2026-01-01T00:00:00.000Z', durationS: 31 * 86_400, hoursPerDay: 8 })
    expect(
      draftFromFields(
        fields({ timing: 'service', serviceFrom: '2026-01-02', serviceTo: '2026-01-01', hoursPerDay: '25' }),
        parseDe
      ).errors
    ).toEqual({
      serviceTo: { key: 'form.endBeforeStart' },
      hoursPerDay: { key: 'form.max', params: { max: 24 } }
    })
  })

  it('puts each number problem at its field, in the user’s locale', () => {
    const device = {
      kind: 'gpu' as const,
      hardwareId: 'gpu:a100',
      name: 'A100',
      count: '0',
      utilisationPct: '150',
      powerW: '-1'
    }
    const { errors, draft } = draftFromFields(
      fields({ durationH: 'abc', pue: '0,9', memoryGB: '-2', devices: [device], customIntensity: '' }),
      parseDe
    )
    expect(draft).toBeUndefined()
    expect(errors).toEqual({
      durationH: { key: 'form.notNumber' },
      'device0.count': { key: 'form.above', params: { min: 0 } },
      'device0.utilisation': { key: 'form.max', params: { max: 100 } },
      'device0.power': { key: 'form.min', params: { min: 0 } },
      memoryGB: { key: 'form.min', params: { min: 0 } },
      pue: { key: 'form.min', params: { min: 1 } },
      customIntensity: { key: 'form.required' }
    })
    // In German a point is a decimal mark too, unless it groups thousands ("1.500").
    expect(draftFromFields(fields({ customIntensity: '566.3' }), parseDe).draft?.location).toEqual({
      kind: 'custom',
      intensityGPerKWh: 566.3,
      label: 'custom'
    })
  })

  it('a device needs a model or a power, and a run needs a device or a measured energy', () => {
    const bare = { kind: 'cpu' as const, hardwareId: '', name: '', count: '2', utilisationPct: '50', powerW: '' }
    expect(draftFromFields(fields({ devices: [bare] }), parseDe).errors).toEqual({
      'device0.model': { key: 'form.chooseDevice' }
    })
    expect(draftFromFields(fields({ devices: [] }), parseDe).errors).toEqual({ devices: { key: 'form.needDevice' } })
    const measured = draftFromFields(fields({ devices: [], measuredKWh: '2,5' }), parseDe)
    expect(measured.errors).toEqual({})
    expect(measured.draft).toMatchObject({ devices: [], measuredEnergyKWh: 2.5 })
  })

  it('a catalogue device keeps its id and utilisation as a share', () => {
    const device = {
      kind: 'gpu' as const,
      hardwareId: 'gpu:a100',
      name: 'A100',
      count: '4',
      utilisationPct: '80',
      powerW: ''
    }
    expect(draftFromFields(fields({ devices: [device] }), parseDe).draft?.devices).toEqual([
      { kind: 'gpu', hardwareId: 'gpu:a100', name: 'A100', count: 4, utilization: 0.8 }
    ])
  })
})

describe('fieldsFromInput', () => {
  it('shows a stored run in the form, and saving it unchanged gives the same draft', () => {
    for (const f of [
      fields({ memoryGB: '64', measuredKWh: '30,5' }),
      fields({ timing: 'service', serviceFrom: '2026-01-01', serviceTo: '2026-03-31', hoursPerDay: '7,5' })
    ]) {
      const draft = draftFromFields(f, parseDe).draft!
      const input = runInputSchema.parse(draft)
      const shown = fieldsFromInput(input, (v) => formatNumber('de-DE', v, 6))
      expect(draftFromFields(shown, parseDe).draft).toEqual(draft)
    }
  })

  it('writes numbers with the locale’s decimal mark', () => {
    const input = runInputSchema.parse(draftFromFields(fields({ durationH: '1,5' }), parseDe).draft)
    const shown = fieldsFromInput(input, (v) => formatNumber('de-DE', v, 6))
    expect(shown).toMatchObject({
      timing: 'duration',
      durationH: '1,5',
      customIntensity: '566,3',
      pue: '1',
      start: '2026-02-10T09:00',
      end: '2026-02-10T10:30',
      tags: 'baseline, vision'
    })
  })
})

describe('limits of the run schema at their fields', () => {
  it('a title, a tag or notes over the limit is an error at that field, with the limit, and no draft', () => {
    const long = draftFromFields(
      fields({ title: 'x'.repeat(501), tags: `ok, ${'t'.repeat(101)}`, notes: 'n'.repeat(10_001) }),
      parseDe
    )
    expect(long.draft).toBeUndefined()
    expect(long.errors).toEqual({
      title: { key: 'form.tooLong', params: { max: 500 } },
      tags: { key: 'form.tooLong', params: { max: 100 } },
      notes: { key: 'form.tooLong', params: { max: 10_000 } }
    })
  })

  it('the inputs say the same limits as the schema', () => {
    expect(TEXT_MAX_LENGTH).toEqual({ title: 500, project: 200, person: 200, notes: 10_000, tag: 100 })
    expect(draftFromFields(fields({ title: 'x'.repeat(500) }), parseDe).draft?.title).toHaveLength(500)
  })

  it('maps schema issues to fields and messages, never to zod text', () => {
    const parsed = runInputSchema.safeParse({
      startedAt: '2024-01-01T00:00:00Z',
      durationS: 1,
      person: 'p'.repeat(201),
      devices: [{ kind: 'gpu', name: 'A100', count: 0, utilization: 2 }],
      location: { kind: 'cloud', provider: '', region: '' },
      pue: 0.5
    })
    expect(parsed.success).toBe(false)
    expect(fieldErrorsOfIssues(parsed.error?.issues ?? [])).toEqual({
      person: { key: 'form.tooLong', params: { max: 200 } },
      'device0.count': { key: 'form.min', params: { min: 1 } },
      'device0.utilisation': { key: 'form.max', params: { max: 1 } },
      location: { key: 'form.chooseLocation' },
      pue: { key: 'form.min', params: { min: 1 } }
    })
  })
})

describe('groupByVendor', () => {
  it('groups by the first word of the name, groups in order of their best match, entries in search order', () => {
    const names = ['NVIDIA H100', 'AMD MI250X', 'NVIDIA A100', 'Intel Xeon Gold 6248', 'AMD EPYC 7763']
    expect(groupByVendor(names.map((name) => ({ name })))).toEqual([
      { vendor: 'NVIDIA', entries: [{ name: 'NVIDIA H100' }, { name: 'NVIDIA A100' }] },
      { vendor: 'AMD', entries: [{ name: 'AMD MI250X' }, { name: 'AMD EPYC 7763' }] },
      { vendor: 'Intel', entries: [{ name: 'Intel Xeon Gold 6248' }] }
    ])
  })
})

describe('text limits among other errors', () => {
  it('a tag over the limit is told together with a missing duration', () => {
    const { errors } = draftFromFields(fields({ durationH: '', tags: `a, ${'t'.repeat(101)}` }), parseDe)
    expect(errors.tags).toEqual({ key: 'form.tooLong', params: { max: 100 } })
    expect(errors.durationH).toEqual({ key: 'form.required' })
  })
})
