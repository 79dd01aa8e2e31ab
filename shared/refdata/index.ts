import { z } from 'zod'
import defaultsJson from '../../data/defaults.json'
import hardwareJson from '../../data/hardware.json'
import locationsJson from '../../data/locations.json'
import manifestJson from '../../data/manifest.json'
import {
  dataManifestSchema,
  hardwareEntrySchema,
  locationEntrySchema,
  methodDefaultsSchema,
  type DataManifest,
  type HardwareEntry,
  type LocationEntry,
  type MethodDefaults
} from './schema'

export * from './schema'
export * from './hardware'
export * from './locations'
export * from './hourly'
export { foldText } from './text'

export interface ReferenceData {
  manifest: DataManifest
  hardware: HardwareEntry[]
  locations: LocationEntry[]
  defaults: MethodDefaults
}

/** The tables as read from JSON or written by a test: validated before use. */
export interface ReferenceTables {
  manifest: unknown
  hardware: unknown
  locations: unknown
  defaults: unknown
}

const tableSchemas = {
  manifest: dataManifestSchema,
  hardware: z.array(hardwareEntrySchema),
  locations: z.array(locationEntrySchema),
  defaults: methodDefaultsSchema
}

function parseTable<K extends keyof typeof tableSchemas>(name: K, value: unknown): z.infer<(typeof tableSchemas)[K]> {
  const result = tableSchemas[name].safeParse(value)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const where = issue.path.length > 0 ? issue.path.join('.') : '(root)'
    throw new Error(`reference data, ${name} table: ${where}: ${issue.message}`)
  }
  return result.data as z.infer<(typeof tableSchemas)[K]>
}

/** Validates reference tables (bundled or a test's small ones); throws naming the table and the field. */
export function createReferenceData(tables: ReferenceTables): ReferenceData {
  const ref: ReferenceData = {
    manifest: parseTable('manifest', tables.manifest),
    hardware: parseTable('hardware', tables.hardware),
    locations: parseTable('locations', tables.locations),
    defaults: parseTable('defaults', tables.defaults)
  }
  const ids = new Set<string>()
  for (const entry of [...ref.hardware, ...ref.locations]) {
    if (ids.has(entry.id)) throw new Error(`reference data: id ${entry.id} appears twice`)
    ids.add(entry.id)
  }
  return ref
}

let bundled: ReferenceData | undefined

/** The tables shipped in data/, validated on first use and cached. */
export function loadReferenceData(): ReferenceData {
  bundled ??= createReferenceData({ manifest: manifestJson, hardware: hardwareJson, locations: locationsJson, defaults: defaultsJson })
  return bundled
}
