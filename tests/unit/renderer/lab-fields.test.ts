import { describe, expect, it } from 'vitest'
import {
  hardwareEntryOf,
  labDefaultsOf,
  type LabFields,
  labFieldsOf,
  locationEntryOf,
  type LocationFields
} from '../../../renderer/src/screens/settings/lab-fields'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'

// The German parser the app uses reads "1,2" as 1.2; a plain one is enough here.
const parse = (text: string) => {
  const n = Number(text.replace(',', '.'))
  return text.trim() === '' || Number.isNaN(n) ? undefined : n
}
const lab = labDefaultsSchema.parse({})
const fields = (patch: Partial<LabFields> = {}): LabFields => ({ ...labFieldsOf(lab, String), ...patch })

describe('lab defaults form', () => {
  it('reads PUE and a renewable percentage into the schema’s shares', () => {
    const out = labDefaultsOf(fields({ pue: '1,2', renewablePct: '25' }), lab, parse)
    expect(out.value?.ownMachines).toEqual({ kind: 'data-centre', pue: 1.2 })
    expect(out.value?.renewableShare).toBe(0.25)
  })

  it('ignores the PUE for personal computers and keeps custom hardware', () => {
    const withHw = labDefaultsSchema.parse({
      hardware: [{ id: 'gpu:custom-x', kind: 'gpu', name: 'X', tdpW: 10, aliases: [], sourceIds: ['lab-defaults'] }]
    })
    const out = labDefaultsOf(fields({ ownKind: 'personal-computer', pue: 'junk' }), withHw, parse)
    expect(out.value?.ownMachines).toEqual({ kind: 'personal-computer' })
    expect(out.value?.hardware).toHaveLength(1)
  })

  it('puts each problem at its field', () => {
    expect(labDefaultsOf(fields({ pue: '0.9', renewablePct: '101' }), lab, parse).errors).toEqual({
      pue: { key: 'form.min', params: { min: 1 } },
      renewable: { key: 'form.max', params: { max: 100 } }
    })
    expect(
      labDefaultsOf(
        fields({ location: { kind: 'custom', intensityGPerKWh: 0, label: 'x' }, customIntensity: '' }),
        lab,
        parse
      ).errors
    ).toEqual({ customIntensity: { key: 'form.required' } })
    expect(labDefaultsOf(fields({ location: { kind: 'country', code: '' } }), lab, parse).errors).toEqual({
      location: { key: 'form.chooseLocation' }
    })
  })

  it('round-trips the stored defaults through the form', () => {
    const stored = labDefaultsSchema.parse({
      location: { kind: 'custom', intensityGPerKWh: 120.5, label: 'grid' },
      ownMachines: { kind: 'data-centre', pue: 1.3 },
      renewableShare: 0.333
    })
    expect(labDefaultsOf(labFieldsOf(stored, String), stored, parse).value).toEqual(stored)
  })
})

describe('custom hardware', () => {
  it('derives the id from kind and name and validates the numbers', () => {
    const out = hardwareEntryOf({ kind: 'gpu', name: 'Lab FPGA Board', tdpW: '75', memoryGB: '' }, parse, [])
    expect(out.value).toEqual({
      id: 'gpu:custom-lab-fpga-board',
      kind: 'gpu',
      name: 'Lab FPGA Board',
      tdpW: 75,
      aliases: ['lab fpga board'],
      sourceIds: ['lab-defaults']
    })
    expect(hardwareEntryOf({ kind: 'gpu', name: '', tdpW: '0', memoryGB: 'x' }, parse, []).errors).toEqual({
      name: { key: 'form.required' },
      tdpW: { key: 'settings.mustBeAbove', params: { min: 0 } },
      memoryGB: { key: 'form.notNumber' }
    })
  })

  it('refuses a second entry of the same name, but lets the edited one keep its id', () => {
    const first = hardwareEntryOf({ kind: 'cpu', name: 'Box', tdpW: '65', memoryGB: '' }, parse, []).value!
    expect(hardwareEntryOf({ kind: 'cpu', name: 'box', tdpW: '70', memoryGB: '' }, parse, [first]).errors).toEqual({
      name: { key: 'settings.duplicate', params: { name: 'box' } }
    })
    expect(
      hardwareEntryOf({ kind: 'cpu', name: 'Box', tdpW: '70', memoryGB: '' }, parse, [first], first.id).value?.tdpW
    ).toBe(70)
  })
})

describe('custom locations', () => {
  const base: LocationFields = {
    kind: 'zone',
    code: 'XX-LAB',
    name: 'Lab grid',
    intensity: '120',
    year: '2025',
    pue: '',
    renewablePct: ''
  }
  it('gives the id runs refer to, per kind', () => {
    expect(locationEntryOf(base, parse, []).value).toEqual({
      id: 'zone:XX-LAB',
      kind: 'zone',
      name: 'Lab grid',
      intensities: [{ year: 2025, intensityGPerKWh: 120, sourceId: 'lab-defaults' }],
      aliases: ['lab grid']
    })
    expect(locationEntryOf({ ...base, kind: 'country', code: 'deu' }, parse, []).value).toMatchObject({
      id: 'country:DEU',
      iso3: 'DEU'
    })
    expect(
      locationEntryOf({ ...base, kind: 'cloud', code: 'Campus:HPC-1', pue: '1.1', renewablePct: '50' }, parse, []).value
    ).toMatchObject({ id: 'cloud:campus:hpc-1', provider: 'campus', region: 'hpc-1', pue: 1.1, renewableShare: 0.5 })
  })

  it('says what is wrong at each field', () => {
    expect(
      locationEntryOf({ ...base, kind: 'cloud', code: 'nocolon', name: '', intensity: '-1', year: '2025.5' }, parse, [])
        .errors
    ).toEqual({
      code: { key: 'settings.loc.badCloud' },
      name: { key: 'form.required' },
      intensity: { key: 'form.min', params: { min: 0 } },
      year: { key: 'settings.loc.badYear' }
    })
    expect(locationEntryOf({ ...base, kind: 'country', code: 'D1' }, parse, []).errors).toEqual({
      code: { key: 'settings.loc.badCountry' }
    })
  })
})
