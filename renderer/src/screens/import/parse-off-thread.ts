import type { ParseOutcome } from './import-flow'

/** What the page asks the parse worker: a picked file (a Blob, or the desktop host's text) and its clock. */
export interface ParseRequest {
  name: string
  source: Blob | string
  offsetMinutes?: number
}

export type ParseReply = { type: 'progress'; done: number; total: number } | { type: 'done'; outcome: ParseOutcome }

/**
 * Parses a file in a Web Worker (parse.worker.ts), reporting progress. Rejects when the worker cannot start or
 * fails outside the parse (the caller then parses on the page, as before); bad content is an outcome, not a throw.
 */
export const parseOffThread = (
  request: ParseRequest,
  onProgress: (done: number, total: number) => void
): Promise<ParseOutcome> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (event: MessageEvent<ParseReply>) => {
      if (event.data.type === 'progress') onProgress(event.data.done, event.data.total)
      else {
        worker.terminate()
        resolve(event.data.outcome)
      }
    }
    worker.onerror = (event) => {
      worker.terminate()
      reject(new Error(event.message || 'The parse worker failed.'))
    }
    worker.postMessage(request)
  })
