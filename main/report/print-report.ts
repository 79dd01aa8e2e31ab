// Prints report.html to PDF: a hidden sandboxed window loads the page, the page signals it is ready, Chromium prints.
// Pure orchestration over an injected window, so the order of steps and every failure path are tested without Electron.
import type { PrintToPDFOptions } from 'electron'
import { reportPageUrl } from '../app-origin'
import { HostError } from '../ipc/host-error'
import type { ReadySignals } from './ready-signals'

/** A4 portrait, backgrounds (chart fills, table bands) printed, tagged for screen readers, "page / pages" footer. */
export const REPORT_PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  landscape: false,
  printBackground: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
  displayHeaderFooter: true,
  // Margins in inches; the bottom one leaves room for the footer.
  margins: { top: 0.6, bottom: 0.7, left: 0.6, right: 0.6 },
  headerTemplate: '<div></div>',
  footerTemplate:
    '<div style="width:100%;font-size:8px;font-family:sans-serif;color:#555;text-align:center;">' +
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
}

export interface ReportWindow {
  /** webContents id: the sender id its ready signal will carry. */
  readonly id: number
  load(url: string): Promise<void>
  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>
  destroy(): void
}

export interface PrintReportDeps {
  createWindow(): ReportWindow
  readySignals: ReadySignals
  writeFile(path: string, data: Uint8Array): Promise<void>
  timeoutMs: number
}

export async function printReportToPdf(
  params: Record<string, string>,
  targetPath: string,
  deps: PrintReportDeps
): Promise<void> {
  const window = deps.createWindow()
  try {
    // Wait before loading: a fast page may signal while load() is still settling.
    const ready = deps.readySignals.waitFor(window.id, deps.timeoutMs)
    // Marked as handled now: it may time out while load() is still pending; it is awaited below.
    ready.catch(() => undefined)
    try {
      await window.load(reportPageUrl(params))
    } catch (error) {
      deps.readySignals.cancel(window.id, 'The report page could not be loaded.')
      await ready.catch(() => undefined)
      throw error instanceof HostError ? error : new HostError('The report page could not be loaded.')
    }
    await ready
    const pdf = await window.printToPDF(REPORT_PDF_OPTIONS)
    await deps.writeFile(targetPath, pdf)
  } finally {
    window.destroy()
  }
}
