import { gunzipSync } from 'node:zlib'
import type { Ledger } from '../../renderer/db'
import { signLines } from '../support/archive-lines'

export { signLines }

/** The whole compressed archive of a ledger (tests only: the app never holds it whole). */
export const exportBytes = async (ledger: Ledger<unknown>): Promise<Uint8Array> => {
  const { stream } = ledger.backups.exportArchive()
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** An archive source as the app gives one to restore: readable as often as asked. */
export const sourceOf =
  (data: Uint8Array | string): (() => ReadableStream<Uint8Array>) =>
  () =>
    new Blob([data as BlobPart]).stream()

export interface ArchiveLines {
  header: Record<string, unknown>
  records: { t: string; r: Record<string, unknown> }[]
  trailer: { end: true; counts: Record<string, number>; checksum: string }
}

export const readLines = (bytes: Uint8Array): ArchiveLines => {
  const lines = gunzipSync(bytes).toString('utf8').split('\n').filter(Boolean)
  return {
    header: JSON.parse(lines[0]!),
    records: lines.slice(1, -1).map((l) => JSON.parse(l)),
    trailer: JSON.parse(lines[lines.length - 1]!)
  }
}

/** Re-signs an archive after `edit` changed its records. */
export const tamper = (bytes: Uint8Array, edit: (lines: ArchiveLines) => string[]): Uint8Array => {
  const lines = readLines(bytes)
  return signLines(lines.header, edit(lines))
}
