import { version } from '../../../package.json'
import type { HostApi, OpenedFile, OpenFilesRequest } from '../../../shared/host-api'
import { ARCHIVE_READ_BYTES } from '../../../shared/ipc/contract'
import { checkArchive, SCHEMA_VERSION } from '../../db'
import { zipFiles } from './zip-files'

/** Raised by the web host for what only the desktop app can do (it has a backups folder; a browser tab has not). */
export class NotInBrowserError extends Error {
  constructor(readonly what: string) {
    super(`Not available in the browser: ${what}. Use the desktop app, or export a backup from Settings.`)
    this.name = 'NotInBrowserError'
  }
}

const acceptOf = (request: OpenFilesRequest): string =>
  request.filters
    .flatMap((f) => f.extensions)
    .filter((e) => e !== '*')
    .map((e) => `.${e}`)
    .join(',')

const pickFiles = (request: OpenFilesRequest): Promise<File[]> =>
  new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.multiple = request.multiple
    const accept = acceptOf(request)
    if (accept) input.accept = accept
    input.addEventListener('change', () => resolve([...(input.files ?? [])]), { once: true })
    input.addEventListener('cancel', () => resolve([]), { once: true })
    input.click()
  })

const download = (name: string, content: string | Blob, type: string): void => {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

const typeOf = (name: string): string =>
  name.endsWith('.gz')
    ? 'application/gzip'
    : name.endsWith('.json')
      ? 'application/json'
      : name.endsWith('.csv')
        ? 'text/csv;charset=utf-8'
        : 'text/plain;charset=utf-8'

/**
 * The HostApi of the plain-browser version: downloads for saving, a file input for opening, the browser's print
 * dialog for the report. In the report window (opened with print=1) the ready signal prints the page.
 */
const sessionId = (): string =>
  [...crypto.getRandomValues(new Uint8Array(12))].map((b) => b.toString(16).padStart(2, '0')).join('')

const writes = new Map<string, { name: string; parts: Uint8Array<ArrayBuffer>[] }>()
const reads = new Map<string, File>()
const writeSession = (writeId: string) => {
  const found = writes.get(writeId)
  if (!found) throw new Error('This archive is no longer being written.')
  return found
}

export const createWebHost = (): HostApi => ({
  openFiles: async (request) => {
    const files = await pickFiles(request)
    return Promise.all(
      files.map(async (file): Promise<OpenedFile> => ({
        name: file.name,
        sizeBytes: file.size,
        text: await file.text()
      }))
    )
  },
  saveFile: async (request) => {
    download(request.suggestedName, request.content, typeOf(request.suggestedName))
    return { status: 'saved', path: request.suggestedName }
  },
  saveFolder: async (request) => {
    const name = `${request.suggestedName}.zip`
    const zip = zipFiles(request.files, new Date()) as Uint8Array<ArrayBuffer>
    download(name, new Blob([zip], { type: 'application/zip' }), 'application/zip')
    return { status: 'saved', path: name }
  },
  printReportToPdf: async (request) => {
    const params = new URLSearchParams({ ...request.params, print: '1' })
    const opened = window.open(`report.html?${params.toString()}`, '_blank')
    return opened ? { status: 'saved', path: request.suggestedName } : { status: 'cancelled' }
  },
  signalReportReady: async (signal) => {
    if (signal.ok && new URLSearchParams(window.location.search).get('print') === '1') window.print()
  },
  appInfo: async () => ({
    name: 'Carbon Ledger',
    version,
    platform: navigator.platform,
    arch: '',
    electronVersion: '',
    chromeVersion: /Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? '',
    isPackaged: false
  }),
  openLink: async (url) => {
    if (!url.startsWith('https://')) return false
    return window.open(url, '_blank', 'noopener,noreferrer') !== null
  },
  // No backups folder in a browser: nothing is ever due, and asking for one says why not. An archive the user
  // saves is gathered as a Blob (the browser may keep it on disk), read back and checked, then downloaded.
  backupStatus: async () => ({ due: false, latest: null, keep: 0 }),
  listBackups: () => Promise.reject(new NotInBrowserError('the list of automatic backups')),
  openArchiveWrite: async (target) => {
    if (target.kind === 'daily') throw new NotInBrowserError('automatic backups')
    const writeId = sessionId()
    writes.set(writeId, { name: target.suggestedName, parts: [] })
    return { status: 'open', writeId }
  },
  writeArchiveChunk: async (writeId, bytes) => {
    writeSession(writeId).parts.push(bytes as Uint8Array<ArrayBuffer>)
  },
  closeArchiveWrite: async (writeId) => {
    const { name, parts } = writeSession(writeId)
    writes.delete(writeId)
    const blob = new Blob(parts, { type: typeOf(name) })
    const { summary } = await checkArchive(() => blob.stream(), SCHEMA_VERSION)
    download(name, blob, typeOf(name))
    return {
      fileName: name,
      sizeBytes: blob.size,
      counts: summary.accepted,
      refusedCount: summary.refusedCount,
      refused: summary.refused.map(({ table, id, reason }) => ({ table, id, reason })),
      removed: []
    }
  },
  abortArchiveWrite: async (writeId) => {
    writes.delete(writeId)
  },
  chooseArchive: async () => {
    const [file] = await pickFiles({ multiple: false, filters: [{ name: 'backup', extensions: ['gz', 'json'] }] })
    if (!file) return null
    const readId = sessionId()
    reads.set(readId, file)
    return { readId, fileName: file.name, sizeBytes: file.size }
  },
  openBackup: () => Promise.reject(new NotInBrowserError('reading an automatic backup')),
  readArchiveChunk: async (readId, offset) => {
    const file = reads.get(readId)
    if (!file) throw new Error('This archive is no longer open.')
    return new Uint8Array(await file.slice(offset, offset + ARCHIVE_READ_BYTES).arrayBuffer())
  },
  closeArchive: async (readId) => {
    reads.delete(readId)
  },
  diskFreeBytes: async () => undefined,
  onHostEvent: () => () => {},
  // A page cannot watch the user's folders: browsers give no file-system access to watch.
  watchedFolders: null
})
