// Automatic daily backups of the ledger archive in <userData>/backups: one file per local day, the newest `keep`
// kept, each written atomically. The renderer owns the database and sends the archive; main only stores files.
import * as nodeFs from 'node:fs/promises'
import { join } from 'node:path'
import {
  type BackupArchive,
  type BackupEntry,
  backupFileNameSchema,
  type BackupStatus,
  type BackupWritten,
  MAX_FILE_BYTES
} from '../../shared/ipc/contract'
import { type AtomicWriteFs, TEMP_SUFFIX, writeFileAtomic } from '../files/atomic-write'
import { type ReadFs, readTextFile } from '../files/read-text-file'
import { HostError } from '../ipc/host-error'

export const DEFAULT_BACKUPS_KEPT = 14

const BACKUP_NAME = /^carbon-ledger-backup-(\d{4}-\d{2}-\d{2})\.json$/

/** The user's local calendar day (a backup taken at 00:30 belongs to that day, wherever UTC is). */
export function localDay(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

export function backupFileName(now: Date): string {
  return `carbon-ledger-backup-${localDay(now)}.json`
}

/** Backup names among a folder's entries, newest first. Other files (the user's own) are ignored. */
export function backupNamesNewestFirst(entries: readonly string[]): string[] {
  // The day is zero-padded ISO, so string order is date order.
  return entries
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .reverse()
}

/** The backups rotation deletes: all but the newest `keep`. */
export function backupsToRemove(entries: readonly string[], keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`keep must be a positive integer, got ${keep}`)
  return backupNamesNewestFirst(entries).slice(keep)
}

export function isBackupDue(entries: readonly string[], now: Date): boolean {
  return !entries.includes(backupFileName(now))
}

export type BackupFs = AtomicWriteFs &
  ReadFs & {
    mkdir(path: string, options: { recursive: true }): Promise<unknown>
    readdir(path: string): Promise<string[]>
  }

export interface BackupStoreOptions {
  dir: string
  keep?: number
  now?: () => Date
  fs?: BackupFs
}

export function createBackupStore({
  dir,
  keep = DEFAULT_BACKUPS_KEPT,
  now = () => new Date(),
  fs = nodeFs
}: BackupStoreOptions) {
  const names = async (): Promise<string[]> => {
    await fs.mkdir(dir, { recursive: true })
    return fs.readdir(dir)
  }
  const entry = async (fileName: string): Promise<BackupEntry> => {
    const info = await fs.stat(join(dir, fileName))
    return { fileName, day: BACKUP_NAME.exec(fileName)?.[1] ?? '', sizeBytes: info.size }
  }

  // Writes run one after another: a second write must not sweep up the first one's temporary file.
  let writing: Promise<unknown> = Promise.resolve()

  const writeNow = async (archiveJson: string): Promise<BackupWritten> => {
    const fileName = backupFileName(now())
    await fs.mkdir(dir, { recursive: true })
    await writeFileAtomic(join(dir, fileName), archiveJson, fs)
    const entries = await fs.readdir(dir)
    const removed = backupsToRemove(entries, keep)
    const staleTemps = entries.filter((name) => name.startsWith('.carbon-ledger-backup-') && name.endsWith(TEMP_SUFFIX))
    for (const name of [...removed, ...staleTemps]) await fs.rm(join(dir, name), { force: true })
    return { written: await entry(fileName), removed }
  }

  return {
    dir,

    async status(): Promise<BackupStatus> {
      const entries = await names()
      const newest = backupNamesNewestFirst(entries)[0]
      return { due: isBackupDue(entries, now()), latest: newest ? await entry(newest) : null, keep }
    },

    /** Today's backup (replacing an earlier one of the same day), then rotation and stale temporary files. */
    write(archiveJson: string): Promise<BackupWritten> {
      const result = writing.then(() => writeNow(archiveJson))
      writing = result.catch(() => undefined)
      return result
    },

    async list(): Promise<BackupEntry[]> {
      return Promise.all(backupNamesNewestFirst(await names()).map(entry))
    },

    /** Only names of the backup pattern, so a request cannot reach outside the folder. */
    async read(fileName: string): Promise<BackupArchive> {
      if (!backupFileNameSchema.safeParse(fileName).success)
        throw new HostError(`${fileName} is not a backup of Carbon Ledger.`)
      const file = await readTextFile(join(dir, fileName), MAX_FILE_BYTES, fs).catch((error: unknown) => {
        if ((error as { code?: string }).code === 'ENOENT')
          throw new HostError(`The backup ${fileName} no longer exists.`)
        throw error
      })
      return { fileName, text: file.text }
    }
  }
}

export type BackupStore = ReturnType<typeof createBackupStore>
