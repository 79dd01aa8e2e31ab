import { z } from 'zod'
import defaultsJson from '../../data/defaults.json'
import hardwareJson from '../../data/hardware.json'
import locationsJson from '../../data/locations.json'
import manifestJson from '../../data/manifest.json'
import {
  type DataManifest,
  dataManifestSchema,
  type HardwareEntry,
  hardwareEntrySchema,
  type LocationEntry,
  locationEntrySchema,
  type MethodDefaults,
  methodDefaultsSchema
} from './schema'

export * from './hardware'
export * from './hourly'
export * from './hourly-import'
export * from './locations'
export * from './schema'
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

type TableName = keyof typeof tableSchemas
const TABLE_NAMES = Object.keys(tableSchemas) as TableName[]

/** Ids are unique across the hardware and locations tables: each validated table adds its ids to the same set. */
function addIds(name: TableName, ref: Partial<ReferenceData>, ids: Set<string>): void {
  if (name !== 'hardware' && name !== 'locations') return
  for (const entry of ref[name] ?? []) {
    if (ids.has(entry.id)) throw new Error(`reference data: id ${entry.id} appears twice`)
    ids.add(entry.id)
  }
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
  for (const name of TABLE_NAMES) addIds(name, ref, ids)
  return ref
}

/**
 * The same validation, table by table on first use: a table is checked with zod (and its ids against those of the
 * tables already checked) the first time it is read, before any of its entries is used. A command that never reads a
 * table (estimate --gpu-power-w never reads the hardware catalogue) does not pay for it: the CLI's cold start.
 */
export function createLazyReferenceData(tables: ReferenceTables): ReferenceData {
  const checked: Partial<ReferenceData> = {}
  const ids = new Set<string>()
  const ref = {} as ReferenceData
  for (const name of TABLE_NAMES) {
    Object.defineProperty(ref, name, {
      enumerable: true,
      get() {
        if (!(name in checked)) {
          const table = { [name]: parseTable(name, tables[name]) }
          addIds(name, table, ids)
          Object.assign(checked, table)
        }
        return checked[name]
      }
    })
  }
  return ref
}

let bundled: ReferenceData | undefined

/** The tables shipped in data/, each validated on first use and cached. */
export function loadReferenceData(): ReferenceData {
  bundled ??= createLazyReferenceData({
    manifest: manifestJson,
    hardware: hardwareJson,
    locations: locationsJson,
    defaults: defaultsJson
  })
  return bundled
}
