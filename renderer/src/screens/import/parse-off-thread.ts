import type { ImportedRun, ImportOptions } from '../../../../shared/import'
import type { ParseOutcome } from './import-flow'

/** The parse options that are plain data, so they cross to the worker; the hardware matcher is made where it parses. */
export type ParseSettings = Pick<ImportOptions, 'timeZoneOffsetMinutes' | 'timeZone' | 'slurmPartitions'>

/** What the page asks the parse worker: a picked file (a Blob, or the desktop host's text) and its settings. */
export interface ParseRequest {
  id: number
  name: string
  source: Blob | string
  settings: ParseSettings
}

/** Runs per message from the worker: the page copies each message in one task, kept well under 50 ms. */
export const RUNS_PER_MESSAGE = 1000

/** Progress while reading; then the runs of a parsed file in slices, in order; then the outcome (its runs sent). */
export type ParseReply =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'runs'; runs: ImportedRun[] }
  | { id: number; type: 'done'; outcome: ParseOutcome }

interface Pending {
  onProgress: (done: number, total: number) => void
  resolve: (outcome: ParseOutcome) => void
  reject: (err: Error) => void
  /** The slices received so far. */
  runs: ImportedRun[][]
}

// One worker for the page's life: it loads the catalogue (hardware matching) once, not once per file.
let worker: Worker | undefined
let nextId = 0
const pending = new Map<number, Pending>()

const failAll = (err: Error) => {
  for (const p of pending.values()) p.reject(err)
  pending.clear()
  worker?.terminate()
  worker = undefined
}

const started = (): Worker => {
  if (worker) return worker
  const w = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' })
  w.onmessage = (event: MessageEvent<ParseReply>) => {
    const reply = event.data
    const waiting = pending.get(reply.id)
    if (!waiting) return
    if (reply.type === 'progress') waiting.onProgress(reply.done, reply.total)
    else if (reply.type === 'runs') waiting.runs.push(reply.runs)
    else {
      pending.delete(reply.id)
      const { outcome } = reply
      waiting.resolve(outcome.ok ? { ok: true, result: { ...outcome.result, runs: waiting.runs.flat() } } : outcome)
    }
  }
  w.onerror = (event) => failAll(new Error(event.message || 'The parse worker failed.'))
  worker = w
  return w
}

/**
 * Parses a file in a Web Worker (parse.worker.ts), reporting progress. Rejects when the worker cannot start or
 * fails outside the parse (the caller then parses on the page, as before); bad content is an outcome, not a throw.
 */
export const parseOffThread = (
  request: Omit<ParseRequest, 'id'>,
  onProgress: (done: number, total: number) => void
): Promise<ParseOutcome> =>
  new Promise((resolve, reject) => {
    const id = nextId++
    try {
      const w = started()
      pending.set(id, { onProgress, resolve, reject, runs: [] })
      w.postMessage({ ...request, id } satisfies ParseRequest)
    } catch (err) {
      pending.delete(id)
      reject(err instanceof Error ? err : new Error(String(err)))
    }
  })
