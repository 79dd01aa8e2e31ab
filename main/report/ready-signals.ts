// Matches the report page's ready signal (channel 'report:ready') to the hidden window waiting for it.
import type { ReportReadySignal } from '../../shared/ipc/contract'
import { HostError } from '../ipc/host-error'

interface Waiter {
  resolve(): void
  reject(error: Error): void
  timer: ReturnType<typeof setTimeout>
}

export function createReadySignals() {
  const waiting = new Map<number, Waiter>()

  return {
    /** Resolves when webContents `id` signals { ok: true }; rejects on { ok: false }, on timeout or on cancel. */
    waitFor(id: number, timeoutMs: number): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id)
          reject(new HostError(`The report did not finish rendering within ${Math.round(timeoutMs / 1000)} s.`))
        }, timeoutMs)
        waiting.set(id, { resolve, reject, timer })
      })
    },

    /** Delivers a signal; false when nobody waits for this sender (a page that is not the hidden report window). */
    signal(id: number, signal: ReportReadySignal): boolean {
      const waiter = waiting.get(id)
      if (!waiter) return false
      waiting.delete(id)
      clearTimeout(waiter.timer)
      if (signal.ok) waiter.resolve()
      else waiter.reject(new HostError(`The report could not be prepared: ${signal.message}`))
      return true
    },

    cancel(id: number, reason: string): void {
      const waiter = waiting.get(id)
      if (!waiter) return
      waiting.delete(id)
      clearTimeout(waiter.timer)
      waiter.reject(new HostError(reason))
    }
  }
}

export type ReadySignals = ReturnType<typeof createReadySignals>
