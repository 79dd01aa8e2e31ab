/**
 * The asset register's form as text fields (in the user's locale) and back to an Asset, with messages by field.
 * Pure: the screen passes the locale's number parser and a new id.
 */
import { type Asset, assetSchema, MAX_ASSET_COUNT, MAX_EMBODIED_KG_EACH } from '../../../../shared/report/assets'
import type { Checked, FieldMessage } from './lab-fields'

export interface AssetFields {
  device: string
  count: string
  purchasedOn: string
  embodiedKgEach: string
  source: string
}

export const BLANK_ASSET: AssetFields = { device: '', count: '1', purchasedOn: '', embodiedKgEach: '', source: '' }

export const assetFieldsOf = (a: Asset, format: (n: number) => string): AssetFields => ({
  device: a.device,
  count: format(a.count),
  purchasedOn: a.purchasedOn,
  embodiedKgEach: format(a.embodiedKgEach),
  source: a.source
})

/** A real calendar day, YYYY-MM-DD (what a date input gives). */
const isDay = (text: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text

export function assetOf(fields: AssetFields, parse: (text: string) => number | undefined, id: string): Checked<Asset> {
  const errors: Record<string, FieldMessage> = {}
  const device = fields.device.trim()
  if (!device) errors.device = { key: 'form.required' }
  const count = fields.count.trim() === '' ? undefined : parse(fields.count)
  if (fields.count.trim() === '') errors.count = { key: 'form.required' }
  else if (count === undefined || !Number.isFinite(count)) errors.count = { key: 'form.notNumber' }
  else if (!Number.isInteger(count)) errors.count = { key: 'assets.wholeNumber' }
  else if (count < 1) errors.count = { key: 'form.min', params: { min: 1 } }
  else if (count > MAX_ASSET_COUNT) errors.count = { key: 'form.max', params: { max: MAX_ASSET_COUNT } }
  const day = fields.purchasedOn.trim()
  if (!day) errors.purchasedOn = { key: 'form.required' }
  else if (!isDay(day)) errors.purchasedOn = { key: 'assets.badDate' }
  const each = fields.embodiedKgEach.trim() === '' ? undefined : parse(fields.embodiedKgEach)
  if (fields.embodiedKgEach.trim() === '') errors.embodiedKgEach = { key: 'form.required' }
  else if (each === undefined || !Number.isFinite(each)) errors.embodiedKgEach = { key: 'form.notNumber' }
  else if (each < 0) errors.embodiedKgEach = { key: 'form.min', params: { min: 0 } }
  else if (each > MAX_EMBODIED_KG_EACH)
    errors.embodiedKgEach = { key: 'form.max', params: { max: MAX_EMBODIED_KG_EACH } }
  const source = fields.source.trim()
  if (!source) errors.source = { key: 'assets.sourceNeeded' }
  if (Object.keys(errors).length > 0) return { errors }
  const parsed = assetSchema.safeParse({ id, device, count, purchasedOn: day, embodiedKgEach: each, source })
  if (!parsed.success)
    return { errors: { form: { key: 'settings.invalid', params: { message: parsed.error.issues[0]?.message ?? '' } } } }
  return { value: parsed.data }
}
