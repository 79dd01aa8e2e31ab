import type { ArchiveCounts } from '../../shared/ledger/archive'
import { msg } from '../../shared/messages/index'
import type { LedgerContext } from './context'
import { LedgerError } from './errors'
import { storageEstimate } from './storage'

/**
 * Bytes a stored run takes on disk with its indexes and rollup share, once Chromium has compacted its log: 2,374
 * measured on a 48 MB tmpfs (9,000 runs, navigator.storage.estimate) and 2,253 at 100,000 runs (tests/bench, both
 * docs/ledger.md). A run copied from an archive written before compact runs (issue 15) keeps its whole result
 * (trace, assumptions, sources) until the recompute after the restore: 4,246 bytes measured then.
 */
export const BYTES_PER_RUN = 2_400
export const BYTES_PER_WHOLE_RUN = 4_300
export const BYTES_PER_OTHER_RECORD = 1_024
/**
 * Chromium writes a transaction to its log uncompressed before it commits and compacts it: the disk grew by 4.5–4.6
 * KB a run while an import of 4,000–8,000 runs was in flight (tests/e2e/ledger/full-disk.spec.ts), 1.9 × the
 * compacted size. Reckoned at 2.5 ×: a disk that runs out during the write costs the whole database, so the check
 * keeps a quarter more than measured.
 */
export const WRITE_OVERHEAD = 2.5
/**
 * LevelDB's compaction writes new tables before it deletes the old: on top of the transaction, the disk grew by up to
 * 0.7 × the ledger's size during imports onto ledgers of 4–24 MB (full-disk.spec.ts). The disk check keeps the
 * ledger's size free for it, at most 1 GiB (not measured on larger ledgers).
 */
export const COMPACTION_RESERVE_MAX = 1 << 30
/**
 * A closed quarter holds its filed report model and a stamp of each of its runs (about 100 bytes a run): 1 MiB is a
 * quarter of some thousand runs, the typical lab's. The archive's counts do not say how many runs a quarter had.
 */
export const BYTES_PER_CLOSED_QUARTER = 1 << 20

/** What writing these records needs at its peak (the transaction's log), before compaction; runs at perRun bytes. */
export const bytesNeeded = (counts: Partial<ArchiveCounts>, perRun = BYTES_PER_RUN): number => {
  const runs = (counts.runs ?? 0) + (counts.trash ?? 0) + (counts.superseded ?? 0)
  const others =
    (counts.projects ?? 0) +
    (counts.imports ?? 0) +
    (counts.mappings ?? 0) +
    (counts.settings ?? 0) +
    (counts.quarterLog ?? 0)
  return (
    (runs * perRun + others * BYTES_PER_OTHER_RECORD + (counts.closedQuarters ?? 0) * BYTES_PER_CLOSED_QUARTER) *
    WRITE_OVERHEAD
  )
}

const MB = 1024 * 1024

/**
 * Refuses, before anything is written, a change that would not fit in what the origin's quota or the disk has
 * left. Measured on a full tmpfs (full-disk.spec.ts, Chromium 156): when Chromium's own check at commit finds too
 * little space it aborts the transaction cleanly, but when the disk runs out while the transaction is being written
 * it deletes the origin's whole IndexedDB. So the disk must hold the transaction and the compaction that follows.
 * perRun: restores of archives that may hold whole results pass BYTES_PER_WHOLE_RUN.
 */
export const ensureSpace = async <L>(
  ctx: LedgerContext<L>,
  counts: Partial<ArchiveCounts>,
  perRun = BYTES_PER_RUN
): Promise<void> => {
  const needed = bytesNeeded(counts, perRun)
  if (needed === 0) return
  const refuse = (neededBytes: number, free: number, where: 'quota' | 'disk') =>
    new LedgerError(
      'quota',
      msg('space.tooLittle', {
        neededMB: Math.ceil(neededBytes / MB),
        freeMB: Math.floor(Math.max(0, free) / MB),
        where: msg(`space.where.${where}`)
      })
    )
  const estimate = await storageEstimate().catch(() => undefined)
  if (estimate && estimate.quotaBytes > 0 && estimate.quotaBytes - estimate.usageBytes < needed)
    throw refuse(needed, estimate.quotaBytes - estimate.usageBytes, 'quota')
  const disk = await ctx.freeDiskBytes()
  const onDisk = needed + Math.min(estimate?.usageBytes ?? 0, COMPACTION_RESERVE_MAX)
  if (disk !== undefined && disk < onDisk) throw refuse(onDisk, disk, 'disk')
}
