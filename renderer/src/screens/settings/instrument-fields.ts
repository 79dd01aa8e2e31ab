/**
 * The contractual instruments' forms as text fields and back, checked by the shared schemas (instruments.ts) with a
 * message at each field. Pure: the screen passes the locale's number parser and a new id.
 */
import type { z } from 'zod'
import {
  certificateSchema,
  certificateTypeSchema,
  offsetSchema,
  providerClaimSchema,
  residualMixSchema,
  supplierFactorSchema
} from '../../../../shared/emissions/instruments'
import type { MessageKey } from '../../i18n/en'
import type { Checked, FieldMessage } from './lab-fields'

export type InstrumentKind = 'supplier' | 'certificate' | 'claim' | 'residual' | 'offset'

export interface FieldSpec {
  name: string
  label: MessageKey
  input: 'text' | 'number' | 'select'
  options?: readonly string[]
  /** The message shown at the field when the schema refuses it. */
  error: FieldMessage
  initial?: string
}

const TEXT = (max: number): FieldMessage => ({ key: 'instr.err.text', params: { max } })
const MONTH: FieldMessage = { key: 'instr.err.month' }
const NUMBER = (max: number): FieldMessage => ({ key: 'form.max', params: { max } })
const period: FieldSpec[] = [
  { name: 'place', label: 'instr.f.place', input: 'text', error: { key: 'instr.err.place' } },
  { name: 'fromMonth', label: 'instr.f.fromMonth', input: 'text', error: MONTH },
  { name: 'toMonth', label: 'instr.f.toMonth', input: 'text', error: MONTH }
]
const intensity: FieldSpec = {
  name: 'intensityGPerKWh',
  label: 'instr.f.intensity',
  input: 'number',
  error: NUMBER(5000)
}
const year: FieldSpec = { name: 'year', label: 'instr.f.year', input: 'number', error: { key: 'instr.err.year' } }

export const INSTRUMENT_FIELDS: Record<InstrumentKind, FieldSpec[]> = {
  supplier: [...period, intensity, { name: 'source', label: 'instr.f.source', input: 'text', error: TEXT(300) }],
  certificate: [
    {
      name: 'type',
      label: 'instr.f.type',
      input: 'select',
      options: certificateTypeSchema.options,
      error: TEXT(10),
      initial: 'GO'
    },
    { name: 'volumeMWh', label: 'instr.f.volume', input: 'number', error: { key: 'instr.err.positive' } },
    ...period,
    { ...intensity, initial: '0' },
    { name: 'reference', label: 'instr.f.reference', input: 'text', error: TEXT(200) }
  ],
  claim: [
    { name: 'provider', label: 'instr.f.provider', input: 'text', error: TEXT(60) },
    intensity,
    year,
    { name: 'source', label: 'instr.f.source', input: 'text', error: TEXT(300) }
  ],
  residual: [
    { name: 'place', label: 'instr.f.place', input: 'text', error: { key: 'instr.err.place' } },
    year,
    intensity,
    { name: 'source', label: 'instr.f.source', input: 'text', error: TEXT(300) }
  ],
  offset: [
    { name: 'tonnes', label: 'instr.f.tonnes', input: 'number', error: { key: 'instr.err.positive' } },
    { name: 'project', label: 'instr.f.project', input: 'text', error: TEXT(300) },
    year
  ]
}

const SCHEMAS = {
  supplier: supplierFactorSchema,
  certificate: certificateSchema,
  claim: providerClaimSchema,
  residual: residualMixSchema,
  offset: offsetSchema
} as const satisfies Record<InstrumentKind, z.ZodType>

export type InstrumentOf<K extends InstrumentKind> = z.infer<(typeof SCHEMAS)[K]>
export type Fields = Record<string, string>

export const blankFields = (kind: InstrumentKind): Fields =>
  Object.fromEntries(INSTRUMENT_FIELDS[kind].map((f) => [f.name, f.initial ?? '']))

export const fieldsOf = (kind: InstrumentKind, entry: Record<string, unknown>, format: (n: number) => string): Fields =>
  Object.fromEntries(
    INSTRUMENT_FIELDS[kind].map((f) => {
      const v = entry[f.name]
      return [f.name, typeof v === 'number' ? (f.name === 'year' ? String(v) : format(v)) : String(v ?? '')]
    })
  )

/**
 * The instrument of the form, or a message at each refused field ('form.required' where nothing was typed). A place
 * must be one the ledger knows (`isKnownPlace`: a country, zone or grid zone of its locations), else no run could
 * ever match it and the instrument would silently count nothing.
 */
export function instrumentOf<K extends InstrumentKind>(
  kind: K,
  fields: Fields,
  parse: (text: string) => number | undefined,
  id: string,
  isKnownPlace: (place: string) => boolean = () => true
): Checked<InstrumentOf<K>> {
  const errors: Record<string, FieldMessage> = {}
  const raw: Record<string, unknown> = { id }
  for (const spec of INSTRUMENT_FIELDS[kind]) {
    const text = (fields[spec.name] ?? '').trim()
    if (text === '') {
      errors[spec.name] = { key: 'form.required' }
      continue
    }
    if (spec.input !== 'number') raw[spec.name] = text
    else {
      const n = parse(text)
      if (n === undefined || !Number.isFinite(n)) errors[spec.name] = { key: 'form.notNumber' }
      else raw[spec.name] = n
    }
  }
  const parsed = SCHEMAS[kind].safeParse(raw)
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'form')
      const spec = INSTRUMENT_FIELDS[kind].find((f) => f.name === name)
      if (errors[name]) continue
      errors[name] =
        issue.message === 'the period ends before it starts'
          ? { key: 'instr.err.order' }
          : (spec?.error ?? { key: 'settings.invalid', params: { message: issue.message } })
    }
  const place = parsed.success ? (parsed.data as { place?: string }).place : undefined
  if (place !== undefined && !isKnownPlace(place)) errors.place = { key: 'instr.err.unknownPlace', params: { place } }
  return Object.keys(errors).length > 0 ? { errors } : { value: parsed.data as InstrumentOf<K> }
}
