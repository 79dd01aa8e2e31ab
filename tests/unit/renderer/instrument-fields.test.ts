import { describe, expect, it } from 'vitest'
import { instrumentOf } from '../../../renderer/src/screens/settings/instrument-fields'
import { knownPlaces } from '../../../shared/emissions/market'
import { loadReferenceData } from '../../../shared/refdata/index'

const places = knownPlaces(loadReferenceData().locations)
const isKnownPlace = (p: string) => places.has(p)
const parse = (text: string) => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined)
const certificate = (place: string) => ({
  type: 'GO',
  volumeMWh: '12',
  place,
  fromMonth: '2025-01',
  toMonth: '2025-12',
  intensityGPerKWh: '0',
  reference: 'GO-1'
})

describe("contractual instruments' places", () => {
  it('knows countries by ISO2 and ISO3, zones, and the grid zones cloud regions draw from', () => {
    for (const code of ['DE', 'DEU', 'FR', 'FRA', 'SE-SE3', 'DE-LU', 'US-CAL-CISO', 'GB'])
      expect(places.has(code), code).toBe(true)
    expect(places.has('XX')).toBe(false)
  })

  it('accepts a known place in any case and refuses an unknown one at its field, naming it', () => {
    const ok = instrumentOf('certificate', certificate('deu'), parse, 'c1', isKnownPlace)
    expect(ok.value).toMatchObject({ place: 'DEU', volumeMWh: 12 })
    const bad = instrumentOf('certificate', certificate('Germany'), parse, 'c1', isKnownPlace)
    expect(bad.errors).toEqual({ place: { key: 'instr.err.unknownPlace', params: { place: 'GERMANY' } } })
    const supplier = instrumentOf(
      'supplier',
      { place: 'ZZ', fromMonth: '2025-01', toMonth: '2025-02', intensityGPerKWh: '120', source: 'contract' },
      parse,
      's1',
      isKnownPlace
    )
    expect(supplier.errors?.place?.key).toBe('instr.err.unknownPlace')
  })

  it('takes a residual-mix factor with its place, year and source, and refuses a year out of range', () => {
    const fields = { place: 'DE', year: '2024', intensityGPerKWh: '612.5', source: 'AIB European Residual Mix 2024' }
    expect(instrumentOf('residual', fields, parse, 'r1', isKnownPlace).value).toEqual({
      id: 'r1',
      place: 'DE',
      year: 2024,
      intensityGPerKWh: 612.5,
      source: 'AIB European Residual Mix 2024'
    })
    expect(instrumentOf('residual', { ...fields, year: '1999' }, parse, 'r1', isKnownPlace).errors).toEqual({
      year: { key: 'instr.err.year' }
    })
    expect(
      instrumentOf('residual', { ...fields, place: 'Atlantis' }, parse, 'r1', isKnownPlace).errors?.place?.key
    ).toBe('instr.err.unknownPlace')
  })
})
