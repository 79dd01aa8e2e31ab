import { describe, expect, it } from 'vitest'
import { assetFieldsOf, assetOf, BLANK_ASSET } from '../../../renderer/src/screens/settings/asset-fields'

/** German input: decimal comma, dot for thousands. */
const parseDe = (text: string): number | undefined => {
  const n = Number(text.trim().replace(/\./g, '').replace(',', '.'))
  return text.trim() === '' || Number.isNaN(n) ? undefined : n
}

const good = {
  device: 'NVIDIA DGX H100',
  count: '2',
  purchasedOn: '2025-02-14',
  embodiedKgEach: '3.500,5',
  source: 'NVIDIA product carbon footprint 2024'
}

describe('asset register form', () => {
  it('reads a purchase typed in the locale', () => {
    expect(assetOf(good, parseDe, 'a1')).toEqual({
      value: {
        id: 'a1',
        device: 'NVIDIA DGX H100',
        count: 2,
        purchasedOn: '2025-02-14',
        embodiedKgEach: 3500.5,
        source: 'NVIDIA product carbon footprint 2024'
      }
    })
  })

  it('says at each field what is wrong', () => {
    const { errors } = assetOf(
      { device: ' ', count: '1,5', purchasedOn: '2025-02-30', embodiedKgEach: '-1', source: '' },
      parseDe,
      'a1'
    )
    expect(errors).toEqual({
      device: { key: 'form.required' },
      count: { key: 'assets.wholeNumber' },
      purchasedOn: { key: 'assets.badDate' },
      embodiedKgEach: { key: 'form.min', params: { min: 0 } },
      source: { key: 'assets.sourceNeeded' }
    })
    expect(assetOf({ ...good, count: '0' }, parseDe, 'a').errors).toEqual({
      count: { key: 'form.min', params: { min: 1 } }
    })
    expect(assetOf({ ...good, embodiedKgEach: 'x' }, parseDe, 'a').errors).toEqual({
      embodiedKgEach: { key: 'form.notNumber' }
    })
    expect(assetOf({ ...BLANK_ASSET }, parseDe, 'a').errors).toMatchObject({ purchasedOn: { key: 'form.required' } })
  })

  it('fills the form back from a stored asset', () => {
    const asset = assetOf(good, parseDe, 'a1').value!
    expect(assetFieldsOf(asset, (n) => String(n))).toEqual({ ...good, embodiedKgEach: '3500.5' })
  })
})
