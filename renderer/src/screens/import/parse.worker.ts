/**
 * The Import screen's parse, off the page's thread: a 50 MB file is read and parsed here while the page keeps
 * answering. Requests are answered by id: progress as it reads, then the runs in slices and the outcome
 * (plain data, cloned to the page).
 */
import { catalogueMatcher } from '../../../../shared/import'
import { loadCatalogue } from '../../ledger/engine'
import { chunksOfBlob, chunksOfText, parseChunks } from './import-flow'
import { type ParseReply, type ParseRequest, RUNS_PER_MESSAGE } from './parse-off-thread'

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null
  postMessage: (reply: ParseReply) => void
}

scope.onmessage = (event) => {
  const { id, name, source, settings } = event.data
  void (async () => {
    const catalogue = await loadCatalogue()
    const outcome = await parseChunks(
      name,
      typeof source === 'string' ? chunksOfText(source) : chunksOfBlob(source),
      { matchHardware: catalogueMatcher(catalogue.ref), ...settings },
      (done, total) => scope.postMessage({ id, type: 'progress', done, total }),
      // No page to repaint here: no pause between chunks.
      () => Promise.resolve()
    )
    if (!outcome.ok) return scope.postMessage({ id, type: 'done', outcome })
    // The runs in slices: the page takes each message in a task of its own (a copy of 100,000 runs in one message
    // would hold its thread for seconds), then the rest of the result without them.
    const { runs, ...rest } = outcome.result
    for (let at = 0; at < runs.length; at += RUNS_PER_MESSAGE)
      scope.postMessage({ id, type: 'runs', runs: runs.slice(at, at + RUNS_PER_MESSAGE) })
    scope.postMessage({ id, type: 'done', outcome: { ok: true, result: { ...rest, runs: [] } } })
  })()
}
