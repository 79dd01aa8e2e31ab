// The watched-folder channels (issue 14), over the injected service, folder dialog and batch bridge.
import { invokeChannels } from '../../shared/ipc/channels'
import type { WatchOverview } from '../../shared/watch/schema'
import type { BatchBridge } from '../watch/batch-bridge'
import type { WatchedFolders } from '../watch/watched-folders'
import type { createHandle } from './handle'
import { HostError } from './host-error'

export interface WatchHandlerDeps {
  watched: WatchedFolders
  bridge: Pick<BatchBridge, 'settle'>
  /** The folder chosen in main's dialog, null when cancelled. */
  chooseFolder(): Promise<string | null>
  newId(): string
}

export function registerWatchHandlers(handle: ReturnType<typeof createHandle>, deps: WatchHandlerDeps): void {
  const overview = (): WatchOverview => ({ folders: deps.watched.list(), log: deps.watched.log() })
  const known = (id: string): void => {
    if (!deps.watched.list().some((f) => f.id === id)) throw new HostError('This folder is no longer watched.')
  }

  handle(invokeChannels.watchList, () => overview())
  handle(invokeChannels.watchAdd, async ({ timeZone }) => {
    const path = await deps.chooseFolder()
    if (path === null) return null
    if (deps.watched.list().some((f) => f.path === path)) throw new HostError(`${path} is already watched.`)
    await deps.watched.add({ id: deps.newId(), path, ...(timeZone === undefined ? {} : { timeZone }) })
    return overview()
  })
  handle(invokeChannels.watchRemove, async ({ id }) => {
    known(id)
    await deps.watched.remove(id)
    return overview()
  })
  handle(invokeChannels.watchSetPaused, async ({ id, paused }) => {
    known(id)
    await deps.watched.setPaused(id, paused)
    return overview()
  })
  handle(invokeChannels.watchUpdate, async ({ id, settings }) => {
    known(id)
    await deps.watched.update(id, settings)
    return overview()
  })
  handle(invokeChannels.watchBatchDone, ({ batchId, results }) => {
    if (!deps.bridge.settle(batchId, results)) throw new HostError('No import from a watched folder waits for this.')
    return null
  })
}
