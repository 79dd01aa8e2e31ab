import { version } from '../../../package.json'
import type { HostApi, OpenedFile, OpenFilesRequest } from '../../../shared/host-api'

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

const download = (name: string, content: string, type: string): void => {
  const url = URL.createObjectURL(new Blob([content], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

const typeOf = (name: string): string =>
  name.endsWith('.json')
    ? 'application/json'
    : name.endsWith('.csv')
      ? 'text/csv;charset=utf-8'
      : 'text/plain;charset=utf-8'

/**
 * The HostApi of the plain-browser version: downloads for saving, a file input for opening, the browser's print
 * dialog for the report. In the report window (opened with print=1) the ready signal prints the page.
 */
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
  // No backups folder in a browser: nothing is ever due, and asking for one says why not.
  backupStatus: async () => ({ due: false, latest: null, keep: 0 }),
  writeBackup: () => Promise.reject(new NotInBrowserError('automatic backups')),
  listBackups: () => Promise.reject(new NotInBrowserError('the list of automatic backups')),
  readBackup: () => Promise.reject(new NotInBrowserError('reading an automatic backup')),
  onHostEvent: () => () => {}
})
