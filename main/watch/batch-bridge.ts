// Hands a watched folder's batch to the renderer (which owns the ledger) and waits for its answer on
// watch:batch-done. A batch no window answers fails after timeoutMs: its files stay unrecorded and come again.
import type { WatchFileResult } from '../../shared/watch/schema'
import type { WatchDeps, WatchedFile, WatchedFolder } from './watched-folders'

export interface BatchBridge {
  deliver: WatchDeps['deliver']
  /** The renderer's answer; false when no batch waits under this id. */
  settle(batchId: string, results: WatchFileResult[]): boolean
}

export function createBatchBridge(
  send: (batch: { batchId: string; folder: WatchedFolder; files: WatchedFile[] }) => boolean,
  newId: () => string,
  timeoutMs = 10 * 60_000
): BatchBridge {
  const waiting = new Map<string, (results: WatchFileResult[]) => void>()
  return {
    deliver: (folder, files) =>
      new Promise((resolve, reject) => {
        const batchId = newId()
        const timer = setTimeout(() => {
          waiting.delete(batchId)
          reject(new Error('the app did not answer (is its window open?)'))
        }, timeoutMs)
        waiting.set(batchId, (results) => {
          clearTimeout(timer)
          resolve(results)
        })
        if (!send({ batchId, folder, files })) {
          clearTimeout(timer)
          waiting.delete(batchId)
          reject(new Error('no window is open to import into'))
        }
      }),
    settle(batchId, results) {
      const done = waiting.get(batchId)
      if (!done) return false
      waiting.delete(batchId)
      done(results)
      return true
    }
  }
}
