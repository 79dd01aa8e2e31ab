// Reads a ledger archive file as a stream of records (Node: main's verification of a backup, the command line's
// report). A version-3 archive is gunzipped and parsed line by line, never held whole; versions 1 and 2 are one
// JSON document and are read whole (they were at most a few hundred MB).
import { createReadStream } from 'node:fs'
import * as nodeFs from 'node:fs/promises'
import { createGunzip } from 'node:zlib'
import { MAX_FILE_BYTES } from '../../shared/ipc/contract'
import {
  type ArchiveHeader,
  ArchiveRejected,
  type ArchiveTable,
  type CheckSummary,
  createArchiveLineReader,
  createLineSplitter,
  createRecordChecker,
  isGzip,
  readLegacyArchive
} from '../../shared/ledger/archive'
import { msg } from '../../shared/messages/index'

export type OnRecord = (table: ArchiveTable, raw: unknown) => void

export async function readArchiveFile(
  path: string,
  readsSchemaVersion: number,
  onRecord: OnRecord
): Promise<{ header: Omit<ArchiveHeader, 'archiveVersion'> }> {
  const handle = await nodeFs.open(path, 'r')
  const head = new Uint8Array(2)
  try {
    await handle.read(head, 0, 2, 0)
  } finally {
    await handle.close()
  }
  if (!isGzip(head)) {
    const info = await nodeFs.stat(path)
    if (info.size > MAX_FILE_BYTES)
      throw new ArchiveRejected(
        msg('backup.damagedAt', { path: 'file', issue: 'too large for a version 1 or 2 archive' })
      )
    const legacy = await readLegacyArchive(await nodeFs.readFile(path, 'utf8'), readsSchemaVersion)
    for (const { table, raw } of legacy.records) onRecord(table, raw)
    return { header: legacy.header }
  }
  const lines = createArchiveLineReader(readsSchemaVersion)
  const splitter = createLineSplitter((line) => {
    const record = lines.line(line)
    if (record) onRecord(record.table, record.raw)
  })
  const text = createReadStream(path).pipe(createGunzip())
  text.setEncoding('utf8')
  try {
    for await (const chunk of text as AsyncIterable<string>) splitter.push(chunk)
  } catch (error) {
    text.destroy()
    if (error instanceof ArchiveRejected) throw error
    throw new ArchiveRejected(msg('archive.unreadable', { reason: (error as Error).message }))
  }
  splitter.end()
  return { header: lines.finish().header }
}

/**
 * Reads a written archive back: trailer counts, checksum and every record as a restore would check it. A backup is
 * kept (and older ones rotated) only when this passes.
 */
export async function verifyArchiveFile(path: string): Promise<CheckSummary> {
  const checker = createRecordChecker()
  // Main verifies what this app's renderer has just written: any schema version is its own.
  await readArchiveFile(path, Number.MAX_SAFE_INTEGER, (table, raw) => checker.check(table, raw))
  return checker.summary()
}
