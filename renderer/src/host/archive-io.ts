/** Archives between the ledger and the host, as streams: the renderer never holds a whole archive. */
import type { ArchiveHandle, ArchiveTarget, ArchiveWritten, HostApi } from '../../../shared/host-api'
import type { ExportSummary, Ledger } from '../../db'

/** An archive to restore: its name, its bytes as often as asked, and what to do when done with it. */
export interface ChosenArchive {
  fileName: string
  source: () => ReadableStream<Uint8Array>
  close(): void
}

/** An archive the host opened for reading (a chosen file, an automatic backup), read by offset. */
export const hostArchive = (
  api: Pick<HostApi, 'readArchiveChunk' | 'closeArchive'>,
  handle: ArchiveHandle
): ChosenArchive => ({
  fileName: handle.fileName,
  source: () => {
    let offset = 0
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const bytes = await api.readArchiveChunk(handle.readId, offset)
        if (bytes.length === 0) controller.close()
        else {
          offset += bytes.length
          controller.enqueue(bytes)
        }
      }
    })
  },
  close: () => void api.closeArchive(handle.readId).catch(() => undefined)
})

/** A file picked in the page (the browser version). */
export const fileArchive = (file: File): ChosenArchive => ({
  fileName: file.name,
  source: () => file.stream(),
  close: () => undefined
})

/**
 * Streams the ledger's archive to the host chunk by chunk; the host reads it back, counts and checks it before
 * keeping it. Undefined when the user cancelled the save dialog. A failure abandons the host's temporary file.
 */
export const writeArchive = async (
  api: Pick<HostApi, 'openArchiveWrite' | 'writeArchiveChunk' | 'closeArchiveWrite' | 'abortArchiveWrite'>,
  target: ArchiveTarget,
  ledger: Pick<Ledger<unknown>, 'backups'>
): Promise<{ written: ArchiveWritten; exported: ExportSummary } | undefined> => {
  const opened = await api.openArchiveWrite(target)
  if (opened.status === 'cancelled') return undefined
  const { stream, summary } = ledger.backups.exportArchive()
  const reader = stream.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      await api.writeArchiveChunk(opened.writeId, value)
    }
    const exported = await summary
    return { written: await api.closeArchiveWrite(opened.writeId), exported }
  } catch (err) {
    await reader.cancel().catch(() => undefined)
    await api.abortArchiveWrite(opened.writeId).catch(() => undefined)
    throw err
  }
}
