/** Backups seen from the renderer: file names and the automatic daily backup. Pure, with the host injected. */
import type { HostApi } from '../../../shared/host-api'
import type { ArchiveWritten } from '../../../shared/host-api'
import { msg } from '../../../shared/messages/index'
import { type ExportSummary, LedgerError } from '../../db'
import { localDay } from '../format/local-day'
import { writeArchive } from '../host/archive-io'

/** carbon-ledger-backup-YYYY-MM-DD.jsonl.gz of the local day (the name the automatic backups use too). */
export const backupFileName = (date: Date): string => `carbon-ledger-backup-${localDay(date)}.jsonl.gz`

/** What the user must hear about a written archive: records left out by the export or that a restore would refuse. */
export const incompleteCount = (result: { written: ArchiveWritten; exported: ExportSummary }): number =>
  result.exported.skippedCount + result.written.refusedCount

/**
 * The automatic daily backup at start: when the host says today's is due (only the desktop host ever does), the
 * ledger's archive is streamed to its backups folder and read back there. Returns what was written, or undefined
 * when none was due.
 */
export const backupIfDue = async (
  host: Parameters<typeof writeArchive>[0] & Pick<HostApi, 'backupStatus'>,
  ledger: Parameters<typeof writeArchive>[2]
): Promise<{ written: ArchiveWritten; exported: ExportSummary } | undefined> => {
  const status = await host.backupStatus()
  if (!status.due) return undefined
  return writeArchive(host, { kind: 'daily' }, ledger)
}

/**
 * Before a large change that cannot be undone from the ledger itself (a restore that replaces it, emptying the
 * trash, undoing a batch of more than SAFETY_BACKUP_RUNS runs): the ledger as it is goes to today's automatic backup,
 * read back before the change starts. A failure stops the change (LedgerError 'backup-rejected' with the reason).
 */
export const SAFETY_BACKUP_RUNS = 10_000

/** The changes a safety backup is considered for, with the runs they remove or rewrite. */
export type DestructiveChange =
  | { kind: 'replace' }
  | { kind: 'merge' }
  | { kind: 'empty-trash'; runs: number }
  | { kind: 'undo-import'; runs: number }

/**
 * Whether a change takes a safety backup first. Only the desktop host has a backups folder; in the browser ('web') nothing
 * is written (the replace dialog asks the user to export a backup first; docs/ledger.md).
 */
export const needsSafetyBackup = (host: 'desktop' | 'web', change: DestructiveChange): boolean => {
  if (host !== 'desktop') return false
  switch (change.kind) {
    case 'replace':
      return true
    case 'merge':
      return false
    case 'empty-trash':
      return change.runs > 0
    case 'undo-import':
      return change.runs > SAFETY_BACKUP_RUNS
  }
}

export const safetyBackup = async (
  host: Parameters<typeof writeArchive>[0],
  ledger: Parameters<typeof writeArchive>[2]
): Promise<ArchiveWritten> => {
  try {
    const result = await writeArchive(host, { kind: 'daily' }, ledger)
    if (!result) throw new Error('cancelled')
    return result.written
  } catch (err) {
    throw new LedgerError('backup-rejected', msg('ledger.safetyBackupFailed', { reason: (err as Error).message }), {
      cause: err
    })
  }
}
