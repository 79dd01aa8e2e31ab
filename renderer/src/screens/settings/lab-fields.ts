/**
 * The settings forms as text fields (what the user typed, in their locale) and back to the lab defaults, with
 * messages keyed by field. Pure: the screen passes the locale's number parser.
 */
import type { LocationInput } from '../../../../shared/domain/run'
import { type LabDefaults, labDefaultsSchema } from '../../../../shared/emissions/lab-defaults'
import {
  type HardwareEntry,
  hardwareEntrySchema,
  type LocationEntry,
  locationEntrySchema
} from '../../../../shared/refdata/schema'
import type { MessageKey } from '../../i18n/en'

export type FieldMessage = { key: MessageKey; params?: Record<string, string | number> }

export type Checked<T> = { value: T; errors?: undefined } | { value?: undefined; errors: Record<string, FieldMessage> }

/** Source id of everything the lab states itself (shared/emissions/method-sources LAB_DEFAULTS_SOURCE). */
const LAB_SOURCE_ID = 'lab-defaults'

type Parse = (text: string) => number | undefined

const numberField = (
  text: string,
  parse: Parse,
  bounds: { min?: number; max?: number; above?: number; required?: boolean }
): { value?: number; error?: FieldMessage } => {
  if (text.trim() === '') return bounds.required ? { error: { key: 'form.required' } } : {}
  const value = parse(text)
  if (value === undefined || !Number.isFinite(value)) return { error: { key: 'form.notNumber' } }
  if (bounds.above !== undefined && value <= bounds.above)
    return { error: { key: 'settings.mustBeAbove', params: { min: bounds.above } } }
  if (bounds.min !== undefined && value < bounds.min) return { error: { key: 'form.min', params: { min: bounds.min } } }
  if (bounds.max !== undefined && value > bounds.max) return { error: { key: 'form.max', params: { max: bounds.max } } }
  return { value }
}

export interface LabFields {
  location: LocationInput
  customIntensity: string
  customLabel: string
  ownKind: 'data-centre' | 'personal-computer'
  pue: string
  renewablePct: string
}

export const labFieldsOf = (lab: LabDefaults, format: (n: number) => string): LabFields => ({
  location: lab.location,
  customIntensity: lab.location.kind === 'custom' ? format(lab.location.intensityGPerKWh) : '',
  customLabel: lab.location.kind === 'custom' ? lab.location.label : '',
  ownKind: lab.ownMachines.kind,
  pue: lab.ownMachines.pue !== undefined ? format(lab.ownMachines.pue) : '',
  renewablePct: lab.renewableShare !== undefined ? format(Math.round(lab.renewableShare * 1e6) / 1e4) : ''
})

/** The lab defaults of the form, keeping the lab's custom hardware and locations; errors by field name. */
export const labDefaultsOf = (fields: LabFields, lab: LabDefaults, parse: Parse): Checked<LabDefaults> => {
  const errors: Record<string, FieldMessage> = {}
  const pue = fields.ownKind === 'data-centre' ? numberField(fields.pue, parse, { min: 1, max: 5 }) : {}
  if (pue.error) errors.pue = pue.error
  const renewable = numberField(fields.renewablePct, parse, { min: 0, max: 100 })
  if (renewable.error) errors.renewable = renewable.error
  let location = fields.location
  if (location.kind === 'custom') {
    const intensity = numberField(fields.customIntensity, parse, { min: 0, required: true })
    if (intensity.error) errors.customIntensity = intensity.error
    location = { kind: 'custom', intensityGPerKWh: intensity.value ?? 0, label: fields.customLabel.trim() || 'custom' }
  } else if (
    (location.kind === 'cloud' && (!location.provider || !location.region)) ||
    (location.kind === 'country' && !location.code) ||
    (location.kind === 'zone' && !location.zone)
  ) {
    errors.location = { key: 'form.chooseLocation' }
  }
  if (Object.keys(errors).length > 0) return { errors }
  const parsed = labDefaultsSchema.safeParse({
    ...lab,
    location,
    ownMachines: { kind: fields.ownKind, pue: pue.value },
    renewableShare: renewable.value === undefined ? undefined : shareOf(renewable.value)
  })
  if (!parsed.success)
    return { errors: { form: { key: 'settings.invalid', params: { message: parsed.error.issues[0]?.message ?? '' } } } }
  return { value: parsed.data }
}

/** A percentage as a share, without float dust (33.3 % → 0.333, not 0.33299999999999996): an unchanged form saves identical defaults, so no recompute. */
const shareOf = (pct: number): number => Math.round(pct * 1e6) / 1e8

const slug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

export interface HardwareFields {
  kind: 'gpu' | 'cpu' | 'tpu'
  name: string
  tdpW: string
  memoryGB: string
}

export const hardwareFieldsOf = (e: HardwareEntry, format: (n: number) => string): HardwareFields => ({
  kind: e.kind,
  name: e.name,
  tdpW: format(e.tdpW),
  memoryGB: e.memoryGB !== undefined ? format(e.memoryGB) : ''
})

/** A custom hardware entry; keeps the id of the entry edited, else derives one from kind and name. */
export const hardwareEntryOf = (
  fields: HardwareFields,
  parse: Parse,
  others: readonly HardwareEntry[],
  editingId?: string
): Checked<HardwareEntry> => {
  const errors: Record<string, FieldMessage> = {}
  const name = fields.name.trim()
  if (!name) errors.name = { key: 'form.required' }
  const tdp = numberField(fields.tdpW, parse, { above: 0, max: 100_000, required: true })
  if (tdp.error) errors.tdpW = tdp.error
  const memory = numberField(fields.memoryGB, parse, { above: 0 })
  if (memory.error) errors.memoryGB = memory.error
  const id = editingId ?? `${fields.kind}:custom-${slug(name)}`
  if (!errors.name && others.some((o) => o.id === id && o.id !== editingId))
    errors.name = { key: 'settings.duplicate', params: { name } }
  if (Object.keys(errors).length > 0) return { errors }
  const parsed = hardwareEntrySchema.safeParse({
    id,
    kind: fields.kind,
    name,
    tdpW: tdp.value,
    memoryGB: memory.value,
    aliases: [name.toLowerCase()],
    sourceIds: [LAB_SOURCE_ID]
  })
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error.issues) }
  return { value: parsed.data }
}

export interface LocationFields {
  kind: 'country' | 'zone' | 'cloud'
  /** ISO code (country), zone id (zone), or provider:region (cloud). */
  code: string
  name: string
  intensity: string
  year: string
  pue: string
  renewablePct: string
}

export const locationFieldsOf = (e: LocationEntry, format: (n: number) => string): LocationFields => {
  const latest = e.intensities[e.intensities.length - 1]!
  return {
    kind: e.kind,
    code:
      e.kind === 'cloud'
        ? `${e.provider ?? ''}:${e.region ?? ''}`
        : e.kind === 'country'
          ? (e.iso3 ?? e.iso2 ?? '')
          : e.id.replace(/^zone:/, ''),
    name: e.name,
    intensity: format(latest.intensityGPerKWh),
    year: String(latest.year),
    pue: e.pue !== undefined ? format(e.pue) : '',
    renewablePct: e.renewableShare !== undefined ? format(Math.round(e.renewableShare * 1e6) / 1e4) : ''
  }
}

/**
 * A custom location whose id is the one runs refer to (country:FRA, zone:DE-LU, cloud:gcp:us-central1), so that
 * it replaces a reference entry of the same place or adds a place the data lacks.
 */
export const locationEntryOf = (
  fields: LocationFields,
  parse: Parse,
  others: readonly LocationEntry[],
  editingId?: string
): Checked<LocationEntry> => {
  const errors: Record<string, FieldMessage> = {}
  const code = fields.code.trim()
  const name = fields.name.trim()
  let place: Partial<LocationEntry> = {}
  if (!code) errors.code = { key: 'form.required' }
  else if (fields.kind === 'country') {
    if (!/^[A-Za-z]{2,3}$/.test(code)) errors.code = { key: 'settings.loc.badCountry' }
    else
      place =
        code.length === 3
          ? { id: `country:${code.toUpperCase()}`, iso3: code.toUpperCase() }
          : { id: `country:${code.toUpperCase()}`, iso2: code.toUpperCase() }
  } else if (fields.kind === 'cloud') {
    const [provider, region, ...rest] = code.split(':').map((s) => s.trim().toLowerCase())
    if (!provider || !region || rest.length > 0) errors.code = { key: 'settings.loc.badCloud' }
    else place = { id: `cloud:${provider}:${region}`, provider, region }
  } else place = { id: `zone:${code}` }
  if (!name) errors.name = { key: 'form.required' }
  const intensity = numberField(fields.intensity, parse, { min: 0, max: 5000, required: true })
  if (intensity.error) errors.intensity = intensity.error
  const year = numberField(fields.year, parse, { min: 1990, max: 2100, required: true })
  if (year.error) errors.year = year.error
  else if (!Number.isInteger(year.value)) errors.year = { key: 'settings.loc.badYear' }
  const pue = numberField(fields.pue, parse, { min: 1, max: 5 })
  if (pue.error) errors.pue = pue.error
  const renewable = numberField(fields.renewablePct, parse, { min: 0, max: 100 })
  if (renewable.error) errors.renewable = renewable.error
  const id = editingId ?? place.id
  if (!errors.code && others.some((o) => o.id === id && o.id !== editingId))
    errors.code = { key: 'settings.duplicate', params: { name: code } }
  if (Object.keys(errors).length > 0) return { errors }
  const parsed = locationEntrySchema.safeParse({
    ...place,
    id,
    kind: fields.kind,
    name,
    intensities: [{ year: year.value, intensityGPerKWh: intensity.value, sourceId: LAB_SOURCE_ID }],
    pue: pue.value,
    renewableShare: renewable.value === undefined ? undefined : shareOf(renewable.value),
    aliases: [name.toLowerCase()]
  })
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error.issues) }
  return { value: parsed.data }
}

const FIELD_OF_PATH: Record<string, string> = {
  name: 'name',
  tdpW: 'tdpW',
  memoryGB: 'memoryGB',
  intensities: 'intensity',
  pue: 'pue',
  renewableShare: 'renewable',
  iso2: 'code',
  iso3: 'code',
  id: 'code',
  provider: 'code',
  region: 'code'
}

/** The schema's own message, put at the field it concerns (the form's general line when no field fits). */
const zodFieldErrors = (
  issues: readonly { path: readonly PropertyKey[]; message: string }[]
): Record<string, FieldMessage> => {
  const errors: Record<string, FieldMessage> = {}
  for (const issue of issues) {
    const field = FIELD_OF_PATH[String(issue.path[0])] ?? 'form'
    errors[field] ??= { key: 'settings.invalid', params: { message: issue.message } }
  }
  return errors
}
