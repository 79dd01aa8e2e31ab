import { type LocationInput, type RunInput, type RunInputDraft, runInputSchema } from '../../../../shared/domain/run'
import type { MessageKey } from '../../i18n/en'
import { fieldErrorsOfIssues, TEXT_MAX_LENGTH } from './run-issues'

/** The run form's fields as typed (strings), and their conversion to a RunInputDraft with an error per field. */
export interface DeviceFields {
  kind: 'gpu' | 'cpu' | 'tpu'
  hardwareId: string
  name: string
  count: string
  utilisationPct: string
  powerW: string
}

export interface RunFields {
  kind: RunInput['kind']
  project: string
  person: string
  title: string
  timing: 'end' | 'duration' | 'service'
  /** datetime-local values, read as UTC. */
  start: string
  end: string
  durationH: string
  serviceFrom: string
  serviceTo: string
  hoursPerDay: string
  devices: DeviceFields[]
  memoryGB: string
  /** Cloud, country or zone (chosen in the catalogue), unknown, or custom: then the two fields below. */
  location: LocationInput
  customIntensity: string
  customLabel: string
  pue: string
  measuredKWh: string
  tags: string
  notes: string
}

export type FieldErrors = Partial<Record<string, { key: MessageKey; params?: Record<string, string | number> }>>

const utcMs = (local: string): number | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) return undefined
  const ms = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`)
  return Number.isFinite(ms) ? ms : undefined
}

const dayMs = (day: string): number | undefined =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : undefined

/**
 * Validates the fields and builds the draft. parse reads a number typed in the user's locale. Returns the errors by
 * field name (shown at the field) and the draft when there are none.
 */
export const draftFromFields = (
  f: RunFields,
  parse: (text: string) => number | undefined
): { errors: FieldErrors; draft?: RunInputDraft } => {
  const errors: FieldErrors = {}
  const num = (
    field: string,
    text: string,
    opts: { required?: boolean; min?: number; max?: number; above?: number }
  ): number | undefined => {
    if (text.trim() === '') {
      if (opts.required) errors[field] = { key: 'form.required' }
      return undefined
    }
    const v = parse(text)
    if (v === undefined) errors[field] = { key: 'form.notNumber' }
    else if (opts.min !== undefined && v < opts.min) errors[field] = { key: 'form.min', params: { min: opts.min } }
    else if (opts.above !== undefined && v <= opts.above)
      errors[field] = { key: 'form.above', params: { min: opts.above } }
    else if (opts.max !== undefined && v > opts.max) errors[field] = { key: 'form.max', params: { max: opts.max } }
    else return v
    return undefined
  }
  // Texts over the ledger's limits are told at once, with the other fields' errors.
  const tooLong = (field: string, texts: string[], max: number | undefined) => {
    if (max !== undefined && texts.some((text) => text.length > max))
      errors[field] = { key: 'form.tooLong', params: { max } }
  }
  tooLong('title', [f.title.trim()], TEXT_MAX_LENGTH.title)
  tooLong('project', [f.project.trim()], TEXT_MAX_LENGTH.project)
  tooLong('person', [f.person.trim()], TEXT_MAX_LENGTH.person)
  tooLong('notes', [f.notes], TEXT_MAX_LENGTH.notes)
  tooLong(
    'tags',
    f.tags.split(',').map((s) => s.trim()),
    TEXT_MAX_LENGTH.tag
  )
  let startMs: number | undefined
  let durationS: number | undefined
  let hoursPerDay: number | undefined
  if (f.timing === 'service') {
    startMs = dayMs(f.serviceFrom)
    const last = dayMs(f.serviceTo)
    if (startMs === undefined) errors.serviceFrom = { key: 'form.invalidDate' }
    if (last === undefined) errors.serviceTo = { key: 'form.invalidDate' }
    else if (startMs !== undefined && last < startMs) errors.serviceTo = { key: 'form.endBeforeStart' }
    hoursPerDay = num('hoursPerDay', f.hoursPerDay, { required: true, above: 0, max: 24 })
    if (startMs !== undefined && last !== undefined && last >= startMs) durationS = (last - startMs) / 1000 + 86_400
  } else {
    startMs = utcMs(f.start)
    if (startMs === undefined) errors.start = { key: 'form.invalidDate' }
    if (f.timing === 'end') {
      const endMs = utcMs(f.end)
      if (endMs === undefined) errors.end = { key: 'form.invalidDate' }
      else if (startMs !== undefined && endMs <= startMs) errors.end = { key: 'form.endBeforeStart' }
      else if (startMs !== undefined) durationS = (endMs - startMs) / 1000
    } else {
      const h = num('durationH', f.durationH, { required: true, above: 0 })
      if (h !== undefined) durationS = h * 3600
    }
  }
  const devices = f.devices.map((d, i) => {
    const count = num(`device${i}.count`, d.count, { required: true, above: 0 })
    const utilisation = num(`device${i}.utilisation`, d.utilisationPct, { min: 0, max: 100 })
    const powerW = num(`device${i}.power`, d.powerW, { min: 0 })
    if (!d.hardwareId && powerW === undefined && !errors[`device${i}.power`])
      errors[`device${i}.model`] = { key: 'form.chooseDevice' }
    return {
      kind: d.kind,
      ...(d.hardwareId ? { hardwareId: d.hardwareId } : {}),
      name: d.name || d.hardwareId || `${d.kind.toUpperCase()} ${powerW ?? ''} W`.trim(),
      count: count ?? 1,
      utilization: utilisation === undefined ? 1 : utilisation / 100,
      ...(powerW !== undefined ? { powerW } : {})
    }
  })
  const memoryGB = num('memoryGB', f.memoryGB, { min: 0 })
  const pue = num('pue', f.pue, { min: 1, max: 5 })
  const measuredEnergyKWh = num('measuredKWh', f.measuredKWh, { min: 0 })
  if (devices.length === 0 && measuredEnergyKWh === undefined && f.measuredKWh.trim() === '')
    errors.devices = { key: 'form.needDevice' }
  let location = f.location
  if (location.kind === 'custom') {
    const intensity = num('customIntensity', f.customIntensity, { required: true, min: 0 })
    location = { kind: 'custom', intensityGPerKWh: intensity ?? 0, label: f.customLabel.trim() || 'custom' }
  }
  if (Object.keys(errors).length > 0 || startMs === undefined || durationS === undefined) return { errors }
  const draft: RunInputDraft = {
    kind: f.kind,
    project: f.project.trim(),
    person: f.person.trim(),
    title: f.title.trim(),
    startedAt: new Date(startMs).toISOString(),
    durationS,
    ...(hoursPerDay !== undefined ? { hoursPerDay } : {}),
    devices,
    ...(memoryGB !== undefined ? { memoryGB } : {}),
    location,
    ...(pue !== undefined ? { pue } : {}),
    ...(measuredEnergyKWh !== undefined ? { measuredEnergyKWh } : {}),
    tags: f.tags
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    notes: f.notes
  }
  const checked = runInputSchema.safeParse(draft)
  return checked.success ? { errors, draft } : { errors: fieldErrorsOfIssues(checked.error.issues) }
}

const localOf = (ms: number): string => new Date(ms).toISOString().slice(0, 16)

/** The fields showing a stored run (edit, duplicate). Numbers are written with the locale's formatter. */
export const fieldsFromInput = (input: RunInput, fmt: (v: number) => string): RunFields => {
  const startMs = Date.parse(input.startedAt)
  const service = input.hoursPerDay !== undefined
  return {
    kind: input.kind,
    project: input.project,
    person: input.person,
    title: input.title,
    timing: service ? 'service' : 'duration',
    start: localOf(startMs),
    end: localOf(startMs + input.durationS * 1000),
    durationH: fmt(input.durationS / 3600),
    serviceFrom: localOf(startMs).slice(0, 10),
    serviceTo: localOf(startMs + input.durationS * 1000 - 86_400_000).slice(0, 10),
    hoursPerDay: input.hoursPerDay !== undefined ? fmt(input.hoursPerDay) : '24',
    devices: input.devices.map((d) => ({
      kind: d.kind,
      hardwareId: d.hardwareId ?? '',
      name: d.name,
      count: fmt(d.count),
      utilisationPct: fmt(d.utilization * 100),
      powerW: d.powerW !== undefined ? fmt(d.powerW) : ''
    })),
    memoryGB: input.memoryGB !== undefined ? fmt(input.memoryGB) : '',
    location: input.location,
    customIntensity: input.location.kind === 'custom' ? fmt(input.location.intensityGPerKWh) : '',
    customLabel: input.location.kind === 'custom' ? input.location.label : '',
    pue: input.pue !== undefined ? fmt(input.pue) : '',
    measuredKWh: input.measuredEnergyKWh !== undefined ? fmt(input.measuredEnergyKWh) : '',
    tags: input.tags.join(', '),
    notes: input.notes
  }
}
