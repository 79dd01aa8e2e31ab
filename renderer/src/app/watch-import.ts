// A batch from a watched folder (issue 14) goes through the same path as a file picked on the Import screen: parsed
// by the streaming importer, then committed. Re-importing rows already stored leaves them unchanged (stable run ids).
import type { HostApi, HostEvent, WatchFileResult } from '../../../shared/host-api'
import { catalogueMatcher } from '../../../shared/import'
import { partitionsFor } from '../../../shared/import/cluster'
import { type AppLedger, loadCatalogue } from '../ledger/engine'
import { chunksOfText, parseChunks } from '../screens/import/import-flow'
import { prepareResult } from '../screens/import/prepare-result'

type WatchBatch = Extract<HostEvent, { type: 'watch-batch' }>

export async function importWatchedBatch(
  api: HostApi,
  ledger: AppLedger,
  batch: WatchBatch
): Promise<{ runs: number; failed: { name: string; error: string }[] }> {
  const results: WatchFileResult[] = []
  // The lab's cluster settings apply to a folder as to the Import screen; the folder's own zone and partitions win.
  const cluster = await ledger.settings.getCluster()
  const timeZone = batch.folder.timeZone ?? cluster.timeZone
  // Devices are matched to the catalogue as on the Import screen, so a folder's runs get the same powers.
  const matchHardware = catalogueMatcher((await loadCatalogue()).ref)
  for (const file of batch.files) {
    try {
      const outcome = await parseChunks(file.name, chunksOfText(file.text), {
        matchHardware,
        ...(timeZone === undefined ? {} : { timeZone }),
        slurmPartitions: partitionsFor(cluster, batch.folder.slurmPartitions)
      })
      if (!outcome.ok) {
        results.push({ name: file.name, runs: 0, error: outcome.error })
        continue
      }
      // Ranks of one distributed run are merged, as the Import screen offers by default.
      const stored = await ledger.imports.commit(prepareResult(outcome.result, cluster).result)
      results.push({ name: file.name, runs: stored.added + stored.updated })
    } catch (err) {
      results.push({ name: file.name, runs: 0, error: (err as Error).message })
    }
  }
  await api.watchedFolders?.batchDone(batch.batchId, results)
  return {
    runs: results.reduce((sum, r) => sum + r.runs, 0),
    failed: results.flatMap((r) => (r.error === undefined ? [] : [{ name: r.name, error: r.error }]))
  }
}
