import { z } from 'zod'
import { english, type Message, msg } from '../messages/index'
import { canonicalJson, sha256Hex } from './canonical'
import {
  importBatchSchema,
  projectMappingSchema,
  projectRecordSchema,
  runRecordSchema,
  settingRecordSchema,
  supersededRunSchema,
  trashEntrySchema
} from './records'

export const BACKUP_FORMAT = 'carbon-ledger-backup'

/** Every table a backup holds. Rollups are not in it: they are derived and rebuilt on restore. */
export const backupTablesSchema = z.object({
  projects: z.array(projectRecordSchema),
  runs: z.array(runRecordSchema),
  imports: z.array(importBatchSchema),
  superseded: z.array(supersededRunSchema),
  trash: z.array(trashEntrySchema),
  mappings: z.array(projectMappingSchema),
  settings: z.array(settingRecordSchema)
})
export type BackupTables = z.infer<typeof backupTablesSchema>
export type BackupTableName = keyof BackupTables
/** The tables a merge decides record by record: those above and the closed quarters with their log (issue 13). */
export type MergeTableName = BackupTableName | 'closedQuarters' | 'quarterLog'

export const backupArchiveSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  /** The ledger schema version that wrote it. */
  schemaVersion: z.number().int().positive(),
  /** The reference data version the runs were computed with. */
  dataVersion: z.string(),
  createdAt: z.iso.datetime(),
  /** 'sha256:' + hex of the canonical JSON of everything else in the archive. */
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  tables: backupTablesSchema
})
export type BackupArchive = z.infer<typeof backupArchiveSchema>

type Unsigned = Omit<BackupArchive, 'checksum'>

const checksumOf = async (archive: Unsigned): Promise<string> =>
  `sha256:${await sha256Hex(
    canonicalJson({
      format: archive.format,
      schemaVersion: archive.schemaVersion,
      dataVersion: archive.dataVersion,
      createdAt: archive.createdAt,
      tables: archive.tables
    })
  )}`

export const buildArchive = async (
  tables: BackupTables,
  meta: { schemaVersion: number; dataVersion: string; createdAt: Date }
): Promise<BackupArchive> => {
  const unsigned: Unsigned = {
    format: BACKUP_FORMAT,
    schemaVersion: meta.schemaVersion,
    dataVersion: meta.dataVersion,
    createdAt: meta.createdAt.toISOString(),
    tables
  }
  return { ...unsigned, checksum: await checksumOf(unsigned) }
}

/** A refusal says why in words a user can act on: English text, and the message for the app's language. */
export type ArchiveCheck = { ok: true; archive: BackupArchive } | { ok: false; message: string; msg: Message }

const refuse = (m: Message): ArchiveCheck => ({ ok: false, message: english(m), msg: m })

/** Parses and verifies an archive's text. Every refusal says why, in words a user can act on. */
export const readArchive = async (text: string, currentSchemaVersion: number): Promise<ArchiveCheck> => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return refuse(msg('backup.notJson'))
  }
  const head = z.object({ format: z.unknown(), schemaVersion: z.unknown() }).safeParse(json)
  if (!head.success || head.data.format !== BACKUP_FORMAT) {
    return refuse(msg('backup.notBackup', { format: BACKUP_FORMAT }))
  }
  if (typeof head.data.schemaVersion === 'number' && head.data.schemaVersion > currentSchemaVersion) {
    return refuse(msg('backup.newer', { schema: head.data.schemaVersion, reads: currentSchemaVersion }))
  }
  const parsed = backupArchiveSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return refuse(
      issue ? msg('backup.damagedAt', { path: issue.path.join('.'), issue: issue.message }) : msg('backup.damaged')
    )
  }
  // The checksum covers the file as written: an archive of an older schema parses to more than it holds (runs
  // gain the fields later versions derive), so the parsed copy cannot be checked against it.
  const { checksum, ...written } = json as BackupArchive
  if ((await checksumOf(written)) !== checksum) {
    return refuse(msg('backup.checksum'))
  }
  return { ok: true, archive: parsed.data }
}

export interface MergeConflict {
  table: MergeTableName
  id: string
  /** Which copy the merge kept: the newer one, the ledger's on a tie. */
  kept: 'ledger' | 'archive'
  ledgerUpdatedAt: number
  archiveUpdatedAt: number
}

export interface MergePlan {
  /** Records to write, per table (the archive's copies that win). */
  put: BackupTables
  added: number
  updated: number
  kept: number
  conflicts: MergeConflict[]
}

const identity: { [T in BackupTableName]: (r: BackupTables[T][number]) => string } = {
  projects: (r) => r.id,
  runs: (r) => r.id,
  imports: (r) => r.id,
  superseded: (r) => `${r.importId}\u001f${r.runId}`,
  trash: (r) => r.id,
  mappings: (r) => r.id,
  settings: (r) => r.key
}

const timeOf = (table: MergeTableName, r: Record<string, unknown>): number => {
  if (table === 'trash') return r.deletedAt as number
  if (table === 'superseded') return 0
  return r.updatedAt as number
}

/**
 * What a merge does with one archive record: add it (the ledger has none of that id), keep the ledger's (same
 * content, or the ledger's is as new or newer) or take the archive's (newer updatedAt). A difference in content is
 * a conflict whichever side won, so the user sees what was overridden.
 */
export const mergeChoice = (
  table: MergeTableName,
  ours: Record<string, unknown> | undefined,
  theirs: Record<string, unknown>
): { action: 'add' | 'same' | 'archive' | 'ledger'; conflict?: Omit<MergeConflict, 'id'> } => {
  if (!ours) return { action: 'add' }
  if (canonicalJson(ours) === canonicalJson(theirs)) return { action: 'same' }
  const archiveWins = timeOf(table, theirs) > timeOf(table, ours)
  return {
    action: archiveWins ? 'archive' : 'ledger',
    conflict: {
      table,
      kept: archiveWins ? 'archive' : 'ledger',
      ledgerUpdatedAt: timeOf(table, ours),
      archiveUpdatedAt: timeOf(table, theirs)
    }
  }
}

/** Merge by id over whole tables (mergeChoice for each archive record). */
export const planMerge = (ledger: BackupTables, archive: BackupTables): MergePlan => {
  const put = {
    projects: [],
    runs: [],
    imports: [],
    superseded: [],
    trash: [],
    mappings: [],
    settings: []
  } as BackupTables
  const conflicts: MergeConflict[] = []
  let added = 0
  let updated = 0
  let kept = 0
  for (const table of Object.keys(identity) as BackupTableName[]) {
    const key = identity[table] as (r: unknown) => string
    const mine = new Map<string, Record<string, unknown>>(
      (ledger[table] as Record<string, unknown>[]).map((r) => [key(r), r])
    )
    for (const theirs of archive[table] as Record<string, unknown>[]) {
      const id = key(theirs)
      const choice = mergeChoice(table, mine.get(id), theirs)
      if (choice.conflict) conflicts.push({ ...choice.conflict, id })
      if (choice.action === 'add') added++
      else if (choice.action === 'archive') updated++
      else kept++
      if (choice.action === 'add' || choice.action === 'archive') (put[table] as unknown[]).push(theirs)
    }
  }
  return { put, added, updated, kept, conflicts }
}
