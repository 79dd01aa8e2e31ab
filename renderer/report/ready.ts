import type { HostApi, ReportReadySignal } from '../../shared/host-api'

/**
 * Tells whoever printed the page that it is ready (or failed). In Electron, main waits for this before
 * printToPDF; in a browser, tests wait for body[data-report-ready] and ?print=1 opens the print dialog.
 */
export async function signalReady(signal: ReportReadySignal, printInBrowser: boolean): Promise<void> {
  const api = (window as unknown as { api?: Pick<HostApi, 'signalReportReady'> }).api
  document.body.dataset.reportReady = signal.ok ? 'true' : 'error'
  if (!signal.ok) document.body.dataset.reportError = signal.message
  if (api) {
    await api.signalReportReady(signal)
    return
  }
  if (signal.ok && printInBrowser) window.print()
}
