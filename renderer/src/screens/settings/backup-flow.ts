/** Backups seen from the renderer: file names and the automatic daily backup. Pure, with the host injected. */
import type { HostApi } from '../../../../shared/host-api'
import { localDay } from '../../format/local-day'

/** carbon-ledger-backup-YYYY-MM-DD.json of the local day (the name the automatic backups use too). */
export const backupFileName = (date: Date): string => `carbon-ledger-backup-${localDay(date)}.json`

/**
 * The automatic daily backup at start: when the host says today's is due (only the desktop host ever does), the
 * ledger's archive is written to its backups folder. Returns the file written, or undefined when none was due.
 */
export const backupIfDue = async (
  host: Pick<HostApi, 'backupStatus' | 'writeBackup'>,
  exportText: () => Promise<string>
): Promise<string | undefined> => {
  const status = await host.backupStatus()
  if (!status.due) return undefined
  const written = await host.writeBackup(await exportText())
  return written.written.fileName
}
