/**
 * Work that outlives a screen: the background recompute of stale runs (after lab defaults or reference data
 * change, and at start to resume one a restart interrupted) and an archive chosen in File › Restore… waiting for
 * the user's confirmation. Small external stores: screens read them with useSyncExternalStore.
 */
import type { RecomputeRepo } from '../../db'
import type { ChosenArchive } from '../host/archive-io'

export interface RecomputeState {
  running: boolean
  done: number
  total: number
  /** Why the last pass stopped, shown through i18n.error (in the app's language when it carries a message). */
  error?: unknown
}

const store = <T>(initial: T) => {
  let value = initial
  const listeners = new Set<() => void>()
  return {
    get: () => value,
    set: (next: T) => {
      value = next
      for (const l of listeners) l()
    },
    subscribe: (listener: () => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

export const recomputeState = store<RecomputeState>({ running: false, done: 0, total: 0 })
let controller: AbortController | undefined

/**
 * Starts (or joins) a recompute pass; resolves when it ends, is cancelled, or fails. Screens see the recomputed runs
 * through their live queries, chunk by chunk.
 */
export const startRecompute = async (repo: RecomputeRepo): Promise<void> => {
  if (controller) return
  controller = new AbortController()
  recomputeState.set({ running: true, done: 0, total: 0 })
  try {
    const status = await repo.run({
      signal: controller.signal,
      onProgress: (done, total) => recomputeState.set({ running: true, done, total })
    })
    recomputeState.set({ running: false, done: status.total - status.remaining, total: status.total })
  } catch (err) {
    recomputeState.set({ ...recomputeState.get(), running: false, error: err })
  } finally {
    controller = undefined
  }
}

/** Stops after the current chunk; what was recomputed stays, and the next start continues from there. */
export const cancelRecompute = (): void => controller?.abort()

/** An archive main sent with 'restore-archive', until the settings screen confirms or dismisses it. */
export const pendingRestore = store<ChosenArchive | undefined>(undefined)
