import {
  type ArchiveHeader,
  ArchiveRejected,
  type ArchiveTable,
  type CheckSummary,
  createArchiveLineReader,
  createLineSplitter,
  createRecordChecker,
  isGzip,
  readLegacyArchive
} from '../../shared/ledger/archive'
import { msg } from '../../shared/messages/index'

/** Where an archive's bytes come from; called once per pass (a restore reads the archive twice). */
export type ArchiveSource = () => ReadableStream<Uint8Array>

/** The first chunk of a stream, and a stream that still yields everything (the first chunk included). */
const peek = async (
  stream: ReadableStream<Uint8Array>
): Promise<{ head: Uint8Array; stream: ReadableStream<Uint8Array> }> => {
  const reader = stream.getReader()
  const first = await reader.read()
  const head = first.value ?? new Uint8Array()
  let sentHead = first.done
  return {
    head,
    stream: new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!sentHead) {
          sentHead = true
          if (head.length) controller.enqueue(head)
          return
        }
        const next = await reader.read()
        if (next.done) controller.close()
        else controller.enqueue(next.value)
      },
      cancel: (reason) => reader.cancel(reason)
    })
  }
}

/**
 * Reads an archive as records, in the order written, calling `onRecords` with each decoded chunk's records (it may
 * await: writes happen there). A version-3 archive is decompressed and parsed line by line; its trailer (counts,
 * checksum) is checked at the end, so a pass that writes must follow a pass that verified. Versions 1 and 2 are one
 * JSON document and are read whole (those versions could not write more than a few hundred MB).
 * Throws ArchiveRejected for a damaged, foreign or newer archive.
 */
export const readArchiveRecords = async (
  source: ArchiveSource,
  readsSchemaVersion: number,
  onRecords: (records: { table: ArchiveTable; raw: unknown }[]) => Promise<void> | void
): Promise<{ header: Omit<ArchiveHeader, 'archiveVersion'> }> => {
  const { head, stream } = await peek(source())
  if (!isGzip(head)) {
    const text = await new Response(stream).text()
    const legacy = await readLegacyArchive(text, readsSchemaVersion)
    const batch: { table: ArchiveTable; raw: unknown }[] = []
    for (const r of legacy.records) {
      batch.push(r)
      if (batch.length >= 2000) await onRecords(batch.splice(0))
    }
    if (batch.length) await onRecords(batch)
    return { header: legacy.header }
  }
  const lines = createArchiveLineReader(readsSchemaVersion)
  let batch: { table: ArchiveTable; raw: unknown }[] = []
  const splitter = createLineSplitter((line) => {
    const record = lines.line(line)
    if (record) batch.push(record)
  })
  const text = stream
    .pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>)
    .pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>)
  const reader = text.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      splitter.push(value)
      if (batch.length) {
        const ready = batch
        batch = []
        await onRecords(ready)
      }
    }
  } catch (err) {
    if (err instanceof ArchiveRejected) throw err
    // A gzip stream cut short or corrupted: the decompressor's own error says little to a user.
    throw new ArchiveRejected(msg('archive.unreadable', { reason: (err as Error).message }))
  }
  splitter.end()
  if (batch.length) await onRecords(batch)
  const { header } = lines.finish()
  return { header }
}

/** Collects a stream's chunks into pieces of at least `bytes` (fewer, larger host calls). */
export const coalesce = (bytes: number): TransformStream<Uint8Array, Uint8Array> => {
  let parts: Uint8Array[] = []
  let size = 0
  const flush = (controller: TransformStreamDefaultController<Uint8Array>) => {
    if (size === 0) return
    const out = new Uint8Array(size)
    let at = 0
    for (const p of parts) {
      out.set(p, at)
      at += p.length
    }
    parts = []
    size = 0
    controller.enqueue(out)
  }
  return new TransformStream({
    transform(chunk, controller) {
      parts.push(chunk)
      size += chunk.length
      if (size >= bytes) flush(controller)
    },
    flush
  })
}

/**
 * Reads an archive through, checking every record as a restore would (known: ids in the ledger records may refer
 * to), without writing. A damaged, foreign or newer archive throws ArchiveRejected.
 */
export const checkArchive = async (
  source: ArchiveSource,
  readsSchemaVersion: number,
  known?: Parameters<typeof createRecordChecker>[0]
): Promise<{ header: Omit<ArchiveHeader, 'archiveVersion'>; summary: CheckSummary }> => {
  const checker = createRecordChecker(known)
  const { header } = await readArchiveRecords(source, readsSchemaVersion, (records) => {
    for (const { table, raw } of records) checker.check(table, raw)
  })
  return { header, summary: checker.summary() }
}
