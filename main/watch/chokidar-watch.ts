// The file watcher behind watched folders: chokidar, because fs.watch alone differs per platform (renames reported as
// 'rename' with or without the new name, doubled events on Windows and macOS, nothing at all on network shares where
// cluster exports land), and chokidar smooths these out: add/change events, waiting until a file stops growing
// (awaitWriteFinish), and polling for network drives. It is widely used and kept (one small dependency, readdirp).
import { basename } from 'node:path'
import { watch } from 'chokidar'
import type { FolderWatch } from './watched-folders'

export interface ChokidarOptions {
  /** Network drives (NFS, SMB) send no change events: poll them. */
  usePolling?: boolean
  /** How long a file must stay the same size before it counts as written. */
  stableMs?: number
}

export function chokidarWatch(
  path: string,
  onFile: (path: string) => void,
  onError: (error: Error) => void,
  { usePolling = false, stableMs = 2000 }: ChokidarOptions = {}
): FolderWatch {
  const watcher = watch(path, {
    depth: 0,
    ignoreInitial: false,
    usePolling,
    // hidden files are temporaries being written (editors, rsync, our own atomic writes)
    ignored: (p: string) => p !== path && basename(p).startsWith('.'),
    awaitWriteFinish: { stabilityThreshold: stableMs, pollInterval: Math.min(500, stableMs / 2) }
  })
  watcher.on('add', onFile).on('change', onFile)
  watcher.on('error', (error) => onError(error instanceof Error ? error : new Error(String(error))))
  return { close: () => watcher.close() }
}
