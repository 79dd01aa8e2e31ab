import { describe, expect, it, vi } from 'vitest'
import { createHandle, type InvokeEventLike } from '../../../main/ipc/handle'
import { registerWatchHandlers, type WatchHandlerDeps } from '../../../main/ipc/watch-handlers'
import { createBatchBridge } from '../../../main/watch/batch-bridge'
import type { WatchedFolders } from '../../../main/watch/watched-folders'
import { type InvokeChannel, invokeChannels } from '../../../shared/ipc/channels'
import type { WatchedFolder } from '../../../shared/watch/schema'

const appPage: InvokeEventLike = {
  sender: { id: 1 },
  senderFrame: { url: 'app://carbon-ledger/index.html', parent: null }
}
const batchId = 'a'.repeat(24)

/** The service as far as the handlers use it, keeping its folders in memory. */
function fakeService(): WatchedFolders {
  let folders: WatchedFolder[] = []
  return {
    start: vi.fn(async () => undefined),
    stop: vi.fn(async () => undefined),
    list: () => folders.map((f) => ({ ...f })),
    log: () => [{ atMs: 1, folderId: 'f1', file: 'emissions.csv', outcome: 'imported', runs: 2, detail: '' }],
    add: vi.fn(async (folder) => {
      folders = [...folders, { ...folder, paused: false }]
    }),
    remove: vi.fn(async (id) => {
      folders = folders.filter((f) => f.id !== id)
    }),
    setPaused: vi.fn(async (id, paused) => {
      folders = folders.map((f) => (f.id === id ? { ...f, paused } : f))
    }),
    update: vi.fn(async (id, { timeZone, slurmPartitions }) => {
      folders = folders.map((f) => {
        if (f.id !== id) return f
        const { timeZone: _z, slurmPartitions: _p, ...rest } = f
        return { ...rest, ...(timeZone ? { timeZone } : {}), ...(slurmPartitions ? { slurmPartitions } : {}) }
      })
    }),
    idle: async () => undefined
  }
}

function setUp(overrides: Partial<WatchHandlerDeps> = {}) {
  const listeners = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>()
  const deps: WatchHandlerDeps = {
    watched: fakeService(),
    bridge: { settle: vi.fn(() => true) },
    chooseFolder: vi.fn(async () => '/lab/runs'),
    newId: () => 'f1',
    ...overrides
  }
  registerWatchHandlers(
    createHandle({ handle: (channel, listener) => listeners.set(channel, listener) }, vi.fn()),
    deps
  )
  const call = (channel: InvokeChannel, ...args: unknown[]) => listeners.get(channel)?.(appPage, ...args)
  return { deps, call, listeners }
}

describe('registerWatchHandlers', () => {
  it('registers every watch: channel of the contract', () => {
    expect([...setUp().listeners.keys()].sort()).toEqual(
      Object.values(invokeChannels)
        .filter((c) => c.startsWith('watch:'))
        .sort()
    )
  })

  it('adds the folder chosen in the dialog with its time zone, and lists it with the log', async () => {
    const { call, deps } = setUp()
    const added = (await call(invokeChannels.watchAdd, { timeZone: 'Europe/Berlin' })) as {
      ok: true
      value: { folders: WatchedFolder[]; log: unknown[] }
    }
    expect(added.ok).toBe(true)
    expect(deps.watched.add).toHaveBeenCalledWith({ id: 'f1', path: '/lab/runs', timeZone: 'Europe/Berlin' })
    expect(added.value.folders).toEqual([{ id: 'f1', path: '/lab/runs', paused: false, timeZone: 'Europe/Berlin' }])
    expect(added.value.log).toHaveLength(1)
  })

  it('adds nothing when the dialog is cancelled, and refuses a folder already watched', async () => {
    const { call, deps } = setUp({ chooseFolder: vi.fn(async () => null) })
    expect(await call(invokeChannels.watchAdd, {})).toEqual({ ok: true, value: null })
    expect(deps.watched.add).not.toHaveBeenCalled()
    const again = setUp()
    await again.call(invokeChannels.watchAdd, {})
    expect(await again.call(invokeChannels.watchAdd, {})).toEqual({ ok: false, error: '/lab/runs is already watched.' })
  })

  it('pauses, resumes and removes a folder; an unknown id is answered, not passed on', async () => {
    const { call, deps } = setUp()
    await call(invokeChannels.watchAdd, {})
    const paused = (await call(invokeChannels.watchSetPaused, { id: 'f1', paused: true })) as {
      value: { folders: WatchedFolder[] }
    }
    expect(paused.value.folders[0]?.paused).toBe(true)
    const resumed = (await call(invokeChannels.watchSetPaused, { id: 'f1', paused: false })) as {
      value: { folders: WatchedFolder[] }
    }
    expect(resumed.value.folders[0]?.paused).toBe(false)
    expect(await call(invokeChannels.watchRemove, { id: 'nope' })).toEqual({
      ok: false,
      error: 'This folder is no longer watched.'
    })
    expect(deps.watched.remove).not.toHaveBeenCalled()
    const removed = (await call(invokeChannels.watchRemove, { id: 'f1' })) as { value: { folders: WatchedFolder[] } }
    expect(removed.value.folders).toEqual([])
  })

  it("edits a folder's zone and partitions; a bad zone or partition never reaches the service", async () => {
    const { call, deps } = setUp()
    await call(invokeChannels.watchAdd, { timeZone: 'UTC' })
    const settings = {
      timeZone: 'America/Chicago',
      slurmPartitions: { gpu: { gpu: 'NVIDIA H100', location: { kind: 'zone', zone: 'US-MIDA-PJM' } } }
    }
    const updated = (await call(invokeChannels.watchUpdate, { id: 'f1', settings })) as {
      value: { folders: WatchedFolder[] }
    }
    expect(updated.value.folders[0]).toEqual({ id: 'f1', path: '/lab/runs', paused: false, ...settings })
    const cleared = (await call(invokeChannels.watchUpdate, {
      id: 'f1',
      settings: { timeZone: null, slurmPartitions: null }
    })) as { value: { folders: WatchedFolder[] } }
    expect(cleared.value.folders[0]).toEqual({ id: 'f1', path: '/lab/runs', paused: false })
    expect(deps.watched.update).toHaveBeenCalledTimes(2)
    const bad = (await call(invokeChannels.watchUpdate, {
      id: 'f1',
      settings: { timeZone: null, slurmPartitions: { '': { gpu: 'x' } } }
    })) as { ok: boolean }
    expect(bad.ok).toBe(false)
    expect(
      await call(invokeChannels.watchUpdate, { id: 'nope', settings: { timeZone: null, slurmPartitions: null } })
    ).toEqual({
      ok: false,
      error: 'This folder is no longer watched.'
    })
    expect(deps.watched.update).toHaveBeenCalledTimes(2)
  })

  it('hands a batch to the renderer and resolves with its answer on watch:batch-done', async () => {
    const sent: { batchId: string }[] = []
    const bridge = createBatchBridge(
      (batch) => (sent.push(batch), true),
      () => batchId
    )
    const { call } = setUp({ bridge })
    const folder = { id: 'f1', path: '/lab/runs', paused: false }
    const delivered = bridge.deliver(folder, [{ name: 'emissions.csv', format: 'codecarbon', text: 'x' }])
    expect(sent).toEqual([expect.objectContaining({ batchId, folder })])
    const results = [{ name: 'emissions.csv', runs: 3 }]
    expect(await call(invokeChannels.watchBatchDone, { batchId, results })).toEqual({ ok: true, value: null })
    await expect(delivered).resolves.toEqual(results)
    // answered once: a second answer finds nothing waiting
    expect(await call(invokeChannels.watchBatchDone, { batchId, results })).toEqual({
      ok: false,
      error: 'No import from a watched folder waits for this.'
    })
  })

  it('fails a batch when no window can take it, or none answers in time', async () => {
    const closed = createBatchBridge(
      () => false,
      () => batchId
    )
    await expect(closed.deliver({ id: 'f1', path: '/p', paused: false }, [])).rejects.toThrow('no window is open')
    const silent = createBatchBridge(
      () => true,
      () => batchId,
      20
    )
    await expect(silent.deliver({ id: 'f1', path: '/p', paused: false }, [])).rejects.toThrow('did not answer')
  })
})
