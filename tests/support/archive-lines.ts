import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { ARCHIVE_TABLES } from '../../shared/ledger/archive'

/**
 * Writes an archive from raw line texts with a correct trailer (counts and checksum): what a tamperer who
 * re-signs a file produces. The lines are written as given (so `1e999` reaches the reader as Infinity).
 */
export const signLines = (header: Record<string, unknown>, recordLines: string[]): Uint8Array => {
  const hash = createHash('sha256')
  const counts = Object.fromEntries(ARCHIVE_TABLES.map((t) => [t, 0])) as Record<string, number>
  const body = [JSON.stringify(header), ...recordLines].map((l) => `${l}\n`)
  for (const l of body) hash.update(l, 'utf8')
  for (const l of recordLines) counts[(JSON.parse(l.replace(/1e999/g, '0')) as { t: string }).t]!++
  const trailer = `${JSON.stringify({ end: true, counts, checksum: `sha256:${hash.digest('hex')}` })}\n`
  return new Uint8Array(gzipSync(body.join('') + trailer))
}
