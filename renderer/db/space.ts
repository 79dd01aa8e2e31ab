import type { ArchiveCounts } from '../../shared/ledger/archive'
import { msg } from '../../shared/messages/index'
import type { LedgerContext } from './context'
import { LedgerError } from './errors'
import { storageEstimate } from './storage'

/**
 * Bytes a stored run takes on disk with its indexes and rollup share (measured: docs/ledger.md), and what other
 * records take at most. Chromium's IndexedDB writes a change to its log before compacting it into its tables, so
 * a write needs about twice its final size while it lasts: the check asks for that.
 */
export const BYTES_PER_RUN = 4_500
export const BYTES_PER_OTHER_RECORD = 1_024
export const WRITE_OVERHEAD = 2
/**
 * A closed quarter holds its filed report model and a stamp of each of its runs (about 100 bytes a run): 1 MiB is a
 * quarter of some thousand runs, the typical lab's. The archive's counts do not say how many runs a quarter had.
 */
export const BYTES_PER_CLOSED_QUARTER = 1 << 20

export const bytesNeeded = (counts: Partial<ArchiveCounts>): number => {
  const runs = (counts.runs ?? 0) + (counts.trash ?? 0) + (counts.superseded ?? 0)
  const others =
    (counts.projects ?? 0) +
    (counts.imports ?? 0) +
    (counts.mappings ?? 0) +
    (counts.settings ?? 0) +
    (counts.quarterLog ?? 0)
  return (
    (runs * BYTES_PER_RUN + others * BYTES_PER_OTHER_RECORD + (counts.closedQuarters ?? 0) * BYTES_PER_CLOSED_QUARTER) *
    WRITE_OVERHEAD
  )
}

const MB = 1024 * 1024

/**
 * Refuses, before anything is written, a change that would not fit in what the origin's quota or the disk has
 * left: Chromium may discard a database whose disk fills in the middle of a write (issue 15), so this is checked
 * first rather than left to the quota error.
 */
export const ensureSpace = async <L>(ctx: LedgerContext<L>, counts: Partial<ArchiveCounts>): Promise<void> => {
  const needed = bytesNeeded(counts)
  if (needed === 0) return
  const refuse = (free: number, where: 'quota' | 'disk') =>
    new LedgerError(
      'quota',
      msg('space.tooLittle', {
        neededMB: Math.ceil(needed / MB),
        freeMB: Math.floor(Math.max(0, free) / MB),
        where: msg(`space.where.${where}`)
      })
    )
  const estimate = await storageEstimate().catch(() => undefined)
  if (estimate && estimate.quotaBytes > 0 && estimate.quotaBytes - estimate.usageBytes < needed)
    throw refuse(estimate.quotaBytes - estimate.usageBytes, 'quota')
  const disk = await ctx.freeDiskBytes()
  if (disk !== undefined && disk < needed) throw refuse(disk, 'disk')
}
