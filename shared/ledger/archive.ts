import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex } from '@noble/hashes/utils'
import { z } from 'zod'
import { english, type Message, msg } from '../messages/index'
import { canonicalJson, sha256Hex } from './canonical'
import { closedQuarterSchema, quarterLogEntrySchema } from './closed-quarter'
import { monthOf } from './period'
import {
  importBatchSchema,
  projectMappingSchema,
  projectRecordSchema,
  type RunRecord,
  runRecordSchema,
  settingRecordSchema,
  supersededRunSchema,
  trashEntrySchema
} from './records'

/**
 * The ledger's backup archive, version 3: gzip-compressed JSON lines, written and read as a stream (a whole-ledger
 * string stops near 512 MB in V8). Line 1 is the header, then one line per record (`{"t": table, "r": record}`),
 * tables in reference order (what a record points to comes before it), and last a trailer with the count of every
 * table and the SHA-256 of every byte before it. Versions 1 and 2 were one JSON document (readLegacyArchive).
 * Rollups are never in an archive: a restore rebuilds them from the runs it restored.
 */
export const BACKUP_FORMAT = 'carbon-ledger-backup'
export const ARCHIVE_VERSION = 3

/**
 * The tables of an archive, in the order they are written: each after the tables its records refer to. Closed
 * quarters and their log (issue 13) come last: a closed quarter's run stamps may name runs deleted since.
 */
export const ARCHIVE_TABLES = [
  'settings',
  'projects',
  'mappings',
  'imports',
  'runs',
  'trash',
  'superseded',
  'closedQuarters',
  'quarterLog'
] as const
export type ArchiveTable = (typeof ARCHIVE_TABLES)[number]
export type ArchiveCounts = Record<ArchiveTable, number>

/**
 * Tables added after archives of their version were first written: an archive from before them has no such lines,
 * no count in its trailer and no array in a version 1 or 2 document, and restores as holding none.
 */
const ADDED_LATER: ReadonlySet<ArchiveTable> = new Set<ArchiveTable>(['closedQuarters', 'quarterLog'])

export const archiveHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  archiveVersion: z.literal(ARCHIVE_VERSION),
  /** The ledger schema version that wrote it. */
  schemaVersion: z.number().int().positive(),
  /** The reference data version the runs were computed with. */
  dataVersion: z.string(),
  createdAt: z.iso.datetime()
})
export type ArchiveHeader = z.infer<typeof archiveHeaderSchema>

const count = z.number().int().nonnegative()
const countsSchema = z.object(
  Object.fromEntries(
    ARCHIVE_TABLES.map((t) => [t, ADDED_LATER.has(t) ? count.default(0) : count])
  ) as unknown as Record<ArchiveTable, z.ZodType<number>>
)

export const archiveTrailerSchema = z.object({
  end: z.literal(true),
  counts: countsSchema,
  /** 'sha256:' + hex of every byte of the uncompressed archive before the trailer line. */
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/)
})
export type ArchiveTrailer = z.infer<typeof archiveTrailerSchema>

const zeroCounts = (): ArchiveCounts =>
  Object.fromEntries(ARCHIVE_TABLES.map((t) => [t, 0])) as unknown as ArchiveCounts

/** A refusal of the whole archive: it is not one, it is damaged, or it is newer than this app. */
export class ArchiveRejected extends Error {
  constructor(readonly msg: Message) {
    super(english(msg))
    this.name = 'ArchiveRejected'
  }
}

const utf8 = new TextEncoder()

/**
 * Builds an archive's lines as UTF-8 bytes, keeping the running checksum and the counts. The caller streams the
 * bytes on (through gzip); nothing here holds more than one record. JSON writes a non-finite number as null, which
 * no restore could take: such a record is left out of the archive and listed (`skipped`), never written silently.
 */
export const createArchiveWriter = (meta: { schemaVersion: number; dataVersion: string; createdAt: Date }) => {
  const hash = sha256.create()
  const counts = zeroCounts()
  const skipped: RecordNote[] = []
  let skippedCount = 0
  const encode = (text: string): Uint8Array => {
    const bytes = utf8.encode(`${text}\n`)
    hash.update(bytes)
    return bytes
  }
  return {
    header: (): Uint8Array =>
      encode(
        JSON.stringify({
          format: BACKUP_FORMAT,
          archiveVersion: ARCHIVE_VERSION,
          schemaVersion: meta.schemaVersion,
          dataVersion: meta.dataVersion,
          createdAt: meta.createdAt.toISOString()
        } satisfies ArchiveHeader)
      ),
    record: (table: ArchiveTable, record: unknown): Uint8Array | undefined => {
      const text = JSON.stringify({ t: table, r: record })
      if (text.includes('null')) {
        const parsed = recordSchemas[table].safeParse(record)
        if (!parsed.success) {
          skippedCount++
          const issue = parsed.error.issues[0]
          const m = msg('archive.invalidRecord', { path: issue?.path.join('.') ?? '', issue: issue?.message ?? '' })
          if (skipped.length < MAX_NOTES)
            skipped.push({ table, id: recordId(table, record as Record<string, unknown>), reason: english(m), msg: m })
          return undefined
        }
      }
      counts[table]++
      return encode(text)
    },
    trailer: (): Uint8Array =>
      utf8.encode(
        `${JSON.stringify({ end: true, counts: { ...counts }, checksum: `sha256:${bytesToHex(hash.digest())}` } satisfies ArchiveTrailer)}\n`
      ),
    summary: (): { counts: ArchiveCounts; skippedCount: number; skipped: RecordNote[] } => ({
      counts: { ...counts },
      skippedCount,
      skipped
    })
  }
}

/** A record the restore did not take, or took after correcting a field derived from the others. */
export interface RecordNote {
  table: ArchiveTable
  id: string
  /** English, for logs and the command line. */
  reason: string
  msg: Message
}

/** What a check of every record found. The note lists are capped; the counts are not. */
export interface CheckSummary {
  accepted: ArchiveCounts
  refusedCount: number
  repairedCount: number
  refused: RecordNote[]
  repaired: RecordNote[]
}

export const MAX_NOTES = 200

const recordSchemas = {
  settings: settingRecordSchema,
  projects: projectRecordSchema,
  mappings: projectMappingSchema,
  imports: importBatchSchema,
  runs: runRecordSchema,
  trash: trashEntrySchema,
  superseded: supersededRunSchema,
  closedQuarters: closedQuarterSchema,
  quarterLog: quarterLogEntrySchema
} as const

export type ArchiveRecord<T extends ArchiveTable> = z.infer<(typeof recordSchemas)[T]>

export const recordId = (table: ArchiveTable, r: Record<string, unknown>): string => {
  if (table === 'settings') return String(r.key ?? '')
  if (table === 'closedQuarters') return String(r.quarter ?? '')
  if (table === 'superseded') return `${String(r.importId ?? '')}/${String(r.runId ?? '')}`
  return String(r.id ?? '')
}

const RANGE_FIELDS = ['energyKWh', 'emissionsKg', 'marketEmissionsKg', 'embodiedKg'] as const

/**
 * Repairs the fields of a run derived from its other fields (the ledger derives them; an archive may disagree)
 * and says which; refuses a run whose figures are out of order (low ≤ value ≤ high).
 */
const settleRun = (run: RunRecord): { run: RunRecord; repaired: string[] } | { problem: string } => {
  for (const field of RANGE_FIELDS) {
    const r = (run.result as Record<string, unknown>)[field] as { low: number; value: number; high: number }
    if (!(r.low <= r.value && r.value <= r.high)) return { problem: `result.${field}: low ≤ value ≤ high fails` }
  }
  const startedAtMs = Date.parse(run.input.startedAt)
  const derived = {
    startedAtMs,
    startMonth: monthOf(startedAtMs),
    person: run.input.person.trim(),
    emissionsKg: run.result.emissionsKg.value
  }
  const repaired = (Object.keys(derived) as (keyof typeof derived)[]).filter((k) => run[k] !== derived[k])
  return { run: repaired.length ? { ...run, ...derived } : run, repaired }
}

/**
 * Validates archive records one by one, in table order: the record's schema (zod: finite numbers, fields, types),
 * unique ids per table, references (a run's, a trash entry's and a mapping's project, a superseded copy's import)
 * and the fields of runs derived from the others (recomputed and corrected, with a note). Refused records are
 * listed, never written. `known` holds ids already in the ledger that records may refer to (a merge).
 */
export const createRecordChecker = (known?: { projectIds?: Iterable<string>; importIds?: Iterable<string> }) => {
  const seen = Object.fromEntries(ARCHIVE_TABLES.map((t) => [t, new Set<string>()])) as Record<
    ArchiveTable,
    Set<string>
  >
  const projects = new Set(known?.projectIds ?? [])
  const imports = new Set(known?.importIds ?? [])
  const summary: CheckSummary = {
    accepted: zeroCounts(),
    refusedCount: 0,
    repairedCount: 0,
    refused: [],
    repaired: []
  }
  const note = (list: RecordNote[], table: ArchiveTable, id: string, m: Message) => {
    if (list.length < MAX_NOTES) list.push({ table, id, reason: english(m), msg: m })
  }
  const refuse = (table: ArchiveTable, id: string, m: Message): undefined => {
    summary.refusedCount++
    note(summary.refused, table, id, m)
    return undefined
  }

  const check = <T extends ArchiveTable>(table: T, raw: unknown): ArchiveRecord<T> | undefined => {
    const rawId = raw !== null && typeof raw === 'object' ? recordId(table, raw as Record<string, unknown>) : ''
    const parsed = recordSchemas[table].safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return refuse(
        table,
        rawId,
        msg('archive.invalidRecord', { path: issue?.path.join('.') ?? '', issue: issue?.message ?? '' })
      )
    }
    let record = parsed.data as ArchiveRecord<T>
    const id = recordId(table, record as Record<string, unknown>)
    if (seen[table].has(id)) return refuse(table, id, msg('archive.duplicateId'))
    const projectOf =
      table === 'runs' || table === 'mappings'
        ? (record as { projectId: string }).projectId
        : table === 'trash'
          ? (record as ArchiveRecord<'trash'>).run.projectId
          : undefined
    if (projectOf !== undefined && !projects.has(projectOf))
      return refuse(table, id, msg('archive.danglingProject', { project: projectOf }))
    if (table === 'superseded' && !imports.has((record as ArchiveRecord<'superseded'>).importId))
      return refuse(
        table,
        id,
        msg('archive.danglingImport', { batch: (record as ArchiveRecord<'superseded'>).importId })
      )
    if (table === 'runs') {
      const settled = settleRun(record as RunRecord)
      if ('problem' in settled)
        return refuse(table, id, msg('archive.invalidRecord', { path: '', issue: settled.problem }))
      if (settled.repaired.length) {
        summary.repairedCount++
        note(summary.repaired, table, id, msg('archive.repaired', { fields: settled.repaired.join(', ') }))
        record = settled.run as ArchiveRecord<T>
      }
    }
    seen[table].add(id)
    if (table === 'projects') projects.add(id)
    if (table === 'imports') imports.add(id)
    summary.accepted[table]++
    return record
  }
  return { check, summary: (): CheckSummary => summary }
}

const lineSchema = z.object({ t: z.enum(ARCHIVE_TABLES), r: z.unknown() })
const headSchema = z.object({ format: z.unknown(), schemaVersion: z.unknown(), archiveVersion: z.unknown().optional() })

const refuseNewer = (schemaVersion: unknown, reads: number): void => {
  if (typeof schemaVersion === 'number' && schemaVersion > reads)
    throw new ArchiveRejected(msg('backup.newer', { schema: schemaVersion, reads }))
}

/**
 * Reads a version-3 archive line by line (the caller decompresses and splits): `line()` returns the table and raw
 * record of a record line, undefined for the header and trailer; `finish()` checks that the trailer came, that
 * its counts are those read and that its checksum is that of the bytes read. A damaged or truncated archive is an
 * ArchiveRejected; a record is not checked here (createRecordChecker does), so that a verification pass can count.
 */
export const createArchiveLineReader = (readsSchemaVersion: number) => {
  const hash = sha256.create()
  const counts = zeroCounts()
  let header: ArchiveHeader | undefined
  let trailer: ArchiveTrailer | undefined
  let lineNo = 0
  const damaged = (issue: string) => new ArchiveRejected(msg('backup.damagedAt', { path: `line ${lineNo}`, issue }))

  const line = (text: string): { table: ArchiveTable; raw: unknown } | undefined => {
    lineNo++
    if (trailer) throw damaged('content after the end of the archive')
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw lineNo === 1 ? new ArchiveRejected(msg('backup.notJson')) : damaged('not JSON')
    }
    if (!header) {
      const head = headSchema.safeParse(json)
      if (!head.success || head.data.format !== BACKUP_FORMAT)
        throw new ArchiveRejected(msg('backup.notBackup', { format: BACKUP_FORMAT }))
      refuseNewer(head.data.schemaVersion, readsSchemaVersion)
      const parsed = archiveHeaderSchema.safeParse(json)
      if (!parsed.success) throw damaged(parsed.error.issues[0]?.message ?? 'bad header')
      header = parsed.data
      hash.update(utf8.encode(`${text}\n`))
      return undefined
    }
    if ((json as { end?: unknown }).end === true) {
      const parsed = archiveTrailerSchema.safeParse(json)
      if (!parsed.success) throw damaged(parsed.error.issues[0]?.message ?? 'bad trailer')
      trailer = parsed.data
      return undefined
    }
    const parsed = lineSchema.safeParse(json)
    if (!parsed.success) throw damaged('not a record of a known table')
    hash.update(utf8.encode(`${text}\n`))
    counts[parsed.data.t]++
    return { table: parsed.data.t, raw: parsed.data.r }
  }

  const finish = (): { header: ArchiveHeader; counts: ArchiveCounts } => {
    if (!header) throw new ArchiveRejected(msg('backup.notJson'))
    if (!trailer) throw new ArchiveRejected(msg('archive.truncated'))
    for (const t of ARCHIVE_TABLES)
      if (trailer.counts[t] !== counts[t])
        throw new ArchiveRejected(
          msg('archive.countMismatch', { table: t, expected: trailer.counts[t], found: counts[t] })
        )
    if (`sha256:${bytesToHex(hash.digest())}` !== trailer.checksum) throw new ArchiveRejected(msg('backup.checksum'))
    return { header, counts }
  }
  return { line, finish }
}

/** Splits decoded text chunks into lines without ever joining more than one line's text. */
export const createLineSplitter = (onLine: (line: string) => void) => {
  let rest = ''
  return {
    push(chunk: string): void {
      let start = 0
      let nl = chunk.indexOf('\n')
      while (nl !== -1) {
        const piece = chunk.slice(start, nl)
        const full = rest ? rest + piece : piece
        rest = ''
        if (full !== '') onLine(full)
        start = nl + 1
        nl = chunk.indexOf('\n', start)
      }
      rest += chunk.slice(start)
    },
    end(): void {
      if (rest !== '') onLine(rest)
      rest = ''
    }
  }
}

const legacyArchiveSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().positive(),
  dataVersion: z.string(),
  createdAt: z.iso.datetime(),
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  tables: z.object(
    Object.fromEntries(
      ARCHIVE_TABLES.map((t) => [t, ADDED_LATER.has(t) ? z.array(z.unknown()).default([]) : z.array(z.unknown())])
    ) as unknown as Record<ArchiveTable, z.ZodType<unknown[]>>
  )
})

/**
 * A version 1 or 2 archive (one JSON document, at most a few hundred MB by construction: those versions could not
 * write more). Its checksum covers the canonical JSON of the file as written; its records are returned raw, in
 * table order, for createRecordChecker.
 */
export const readLegacyArchive = async (
  text: string,
  readsSchemaVersion: number
): Promise<{
  header: Omit<ArchiveHeader, 'archiveVersion'>
  records: Generator<{ table: ArchiveTable; raw: unknown }>
}> => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new ArchiveRejected(msg('backup.notJson'))
  }
  const head = headSchema.safeParse(json)
  if (!head.success || head.data.format !== BACKUP_FORMAT)
    throw new ArchiveRejected(msg('backup.notBackup', { format: BACKUP_FORMAT }))
  refuseNewer(head.data.schemaVersion, readsSchemaVersion)
  const parsed = legacyArchiveSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ArchiveRejected(
      issue ? msg('backup.damagedAt', { path: issue.path.join('.'), issue: issue.message }) : msg('backup.damaged')
    )
  }
  const { checksum, ...written } = json as { checksum: string } & Record<string, unknown>
  const expected = `sha256:${await sha256Hex(
    canonicalJson({
      format: written.format,
      schemaVersion: written.schemaVersion,
      dataVersion: written.dataVersion,
      createdAt: written.createdAt,
      tables: written.tables
    })
  )}`
  if (expected !== checksum) throw new ArchiveRejected(msg('backup.checksum'))
  const { tables, schemaVersion, dataVersion, createdAt, format } = parsed.data
  function* records(): Generator<{ table: ArchiveTable; raw: unknown }> {
    for (const table of ARCHIVE_TABLES) for (const raw of tables[table]) yield { table, raw }
  }
  return { header: { format, schemaVersion, dataVersion, createdAt }, records: records() }
}

/** gzip's two magic bytes: a version-3 archive; anything else is read as a version 1 or 2 JSON document. */
export const isGzip = (head: Uint8Array): boolean => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b
