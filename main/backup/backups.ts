// Archives on disk: the automatic daily backups in <userData>/backups (one file per local day, the newest `keep`
// kept) and archives saved where the user chose. The renderer owns the database and streams the archive; main
// writes it chunk by chunk to a temporary file, reads it back (counts, checksum, every record), renames it into
// place and only then rotates older backups, so the last verified backup is never deleted.
import { randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { basename, join } from 'node:path'
import {
  ARCHIVE_READ_BYTES,
  type ArchiveHandle,
  type ArchiveTarget,
  type ArchiveWritten,
  type BackupEntry,
  backupFileNameSchema,
  type BackupStatus
} from '../../shared/ipc/contract'
import { ArchiveRejected, type CheckSummary } from '../../shared/ledger/archive'
import { TEMP_SUFFIX, tempPathFor } from '../files/atomic-write'
import { HostError } from '../ipc/host-error'
import { verifyArchiveFile } from './archive-file'

export const DEFAULT_BACKUPS_KEPT = 14

const BACKUP_NAME = /^carbon-ledger-backup-(\d{4}-\d{2}-\d{2})\.(?:json|jsonl\.gz)$/

/** The user's local calendar day (a backup taken at 00:30 belongs to that day, wherever UTC is). */
export function localDay(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

export function backupFileName(now: Date): string {
  return `carbon-ledger-backup-${localDay(now)}.jsonl.gz`
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
  const day = localDay(now)
  return !entries.some((name) => BACKUP_NAME.exec(name)?.[1] === day)
}

export interface BackupStoreOptions {
  dir: string
  keep?: number
  now?: () => Date
  /** Reads a written archive back (tests inject failures). */
  verify?: (path: string) => Promise<CheckSummary>
  /** The save dialog for archives the user saves: the path chosen, or null when cancelled. */
  choosePath?: (suggestedName: string) => Promise<string | null>
}

interface WriteSession {
  target: ArchiveTarget
  targetPath: string
  tempPath: string
  handle: nodeFs.FileHandle
  /** Appends run one after another even if the renderer does not wait. */
  queue: Promise<unknown>
}

const sessionId = (): string => randomBytes(12).toString('hex')

export function createBackupStore({
  dir,
  keep = DEFAULT_BACKUPS_KEPT,
  now = () => new Date(),
  verify = verifyArchiveFile,
  choosePath = async () => null
}: BackupStoreOptions) {
  const names = async (): Promise<string[]> => {
    await nodeFs.mkdir(dir, { recursive: true })
    return nodeFs.readdir(dir)
  }
  const entry = async (fileName: string): Promise<BackupEntry> => {
    const info = await nodeFs.stat(join(dir, fileName))
    return { fileName, day: BACKUP_NAME.exec(fileName)?.[1] ?? '', sizeBytes: info.size }
  }
  const writes = new Map<string, WriteSession>()
  const reads = new Map<string, { path: string; fileName: string }>()
  // Daily backups finish one after another: a second must not sweep up the first one's temporary file.
  let finishing: Promise<unknown> = Promise.resolve()

  const session = (writeId: string): WriteSession => {
    const found = writes.get(writeId)
    if (!found) throw new HostError('This backup is no longer being written (it was finished or abandoned).')
    return found
  }

  const discard = async (s: WriteSession, writeId: string) => {
    writes.delete(writeId)
    await s.queue.catch(() => undefined)
    await s.handle.close().catch(() => undefined)
    await nodeFs.rm(s.tempPath, { force: true })
  }

  const finish = async (writeId: string): Promise<ArchiveWritten> => {
    const s = session(writeId)
    writes.delete(writeId)
    try {
      await s.queue
      await s.handle.sync()
    } finally {
      await s.handle.close().catch(() => undefined)
    }
    let checked: CheckSummary
    try {
      checked = await verify(s.tempPath)
    } catch (error) {
      await nodeFs.rm(s.tempPath, { force: true })
      if (error instanceof ArchiveRejected)
        throw new HostError(`The backup was not kept: reading it back failed. ${error.message}`)
      throw error
    }
    await nodeFs.rename(s.tempPath, s.targetPath)
    const fileName = basename(s.targetPath)
    let removed: string[] = []
    // Rotation only after a backup that reads back whole and that a restore would take entirely.
    if (s.target.kind === 'daily' && checked.refusedCount === 0) {
      const entries = await nodeFs.readdir(dir)
      removed = backupsToRemove(entries, keep)
      const staleTemps = entries.filter(
        (name) => name.startsWith('.carbon-ledger-backup-') && name.endsWith(TEMP_SUFFIX) && !isOpenTemp(name)
      )
      for (const name of [...removed, ...staleTemps]) await nodeFs.rm(join(dir, name), { force: true })
    }
    return {
      fileName,
      ...(s.target.kind === 'save' ? { path: s.targetPath } : {}),
      sizeBytes: (await nodeFs.stat(s.targetPath)).size,
      counts: checked.accepted,
      refusedCount: checked.refusedCount,
      refused: checked.refused.map(({ table, id, reason }) => ({ table, id, reason })),
      removed
    }
  }
  const isOpenTemp = (name: string): boolean => [...writes.values()].some((w) => basename(w.tempPath) === name)

  const openRead = (path: string, sizeBytes: number): ArchiveHandle => {
    const readId = sessionId()
    reads.set(readId, { path, fileName: basename(path) })
    return { readId, fileName: basename(path), sizeBytes }
  }

  return {
    dir,

    async status(): Promise<BackupStatus> {
      const entries = await names()
      const newest = backupNamesNewestFirst(entries)[0]
      return { due: isBackupDue(entries, now()), latest: newest ? await entry(newest) : null, keep }
    },

    async list(): Promise<BackupEntry[]> {
      return Promise.all(backupNamesNewestFirst(await names()).map(entry))
    },

    /** Starts writing an archive to a temporary file beside its target; 'save' asks for the target first. */
    async openWrite(target: ArchiveTarget): Promise<{ status: 'open'; writeId: string } | { status: 'cancelled' }> {
      let targetPath: string
      if (target.kind === 'daily') {
        await nodeFs.mkdir(dir, { recursive: true })
        targetPath = join(dir, backupFileName(now()))
      } else {
        const chosen = await choosePath(target.suggestedName)
        if (chosen === null) return { status: 'cancelled' }
        targetPath = chosen
      }
      const writeId = sessionId()
      const tempPath = tempPathFor(targetPath, writeId)
      const handle = await nodeFs.open(tempPath, 'wx')
      writes.set(writeId, { target, targetPath, tempPath, handle, queue: Promise.resolve() })
      return { status: 'open', writeId }
    },

    async writeChunk(writeId: string, bytes: Uint8Array): Promise<void> {
      const s = session(writeId)
      const next = s.queue.then(() => s.handle.write(bytes))
      s.queue = next
      try {
        await next
      } catch (error) {
        // A full disk: the temporary file goes, the backups already there stay.
        await discard(s, writeId)
        throw error
      }
    },

    /** Flushes, reads back and checks, renames into place, then rotates (daily backups only). */
    close(writeId: string): Promise<ArchiveWritten> {
      const result = finishing.then(() => finish(writeId))
      finishing = result.catch(() => undefined)
      return result
    },

    async abort(writeId: string): Promise<void> {
      const s = writes.get(writeId)
      if (s) await discard(s, writeId)
    },

    /** Only names of the backup pattern, so a request cannot reach outside the folder. */
    async openBackup(fileName: string): Promise<ArchiveHandle> {
      if (!backupFileNameSchema.safeParse(fileName).success)
        throw new HostError(`${fileName} is not a backup of Carbon Ledger.`)
      const path = join(dir, fileName)
      const info = await nodeFs.stat(path).catch((error: unknown) => {
        if ((error as { code?: string }).code === 'ENOENT')
          throw new HostError(`The backup ${fileName} no longer exists.`)
        throw error
      })
      return openRead(path, info.size)
    },

    /** A file the user chose in main's own dialog. */
    async openPath(path: string): Promise<ArchiveHandle> {
      const info = await nodeFs.stat(path)
      if (!info.isFile()) throw new HostError(`${basename(path)} is not a file.`)
      return openRead(path, info.size)
    },

    async readChunk(readId: string, offset: number): Promise<Uint8Array> {
      const found = reads.get(readId)
      if (!found) throw new HostError('This archive is no longer open.')
      const handle = await nodeFs.open(found.path, 'r')
      try {
        const buffer = new Uint8Array(ARCHIVE_READ_BYTES)
        const { bytesRead } = await handle.read(buffer, 0, ARCHIVE_READ_BYTES, offset)
        return buffer.subarray(0, bytesRead)
      } finally {
        await handle.close()
      }
    },

    closeRead(readId: string): void {
      reads.delete(readId)
    }
  }
}

export type BackupStore = ReturnType<typeof createBackupStore>
