import { afterEach, describe, expect, it, vi } from 'vitest'
import { HostError } from '../../../main/ipc/host-error'
import { printReportToPdf, REPORT_PDF_OPTIONS, type ReportWindow } from '../../../main/report/print-report'
import { createReadySignals } from '../../../main/report/ready-signals'

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46])

function fakeWindow(id: number, behaviour: { onLoad?: () => void; loadFails?: boolean } = {}) {
  const calls: string[] = []
  const window: ReportWindow = {
    id,
    load: vi.fn(async (url: string) => {
      calls.push(`load ${url}`)
      if (behaviour.loadFails) throw new Error('ERR_FILE_NOT_FOUND (-6) loading app://carbon-ledger/report.html')
      behaviour.onLoad?.()
    }),
    printToPDF: vi.fn(async () => {
      calls.push('print')
      return PDF
    }),
    destroy: vi.fn(() => {
      calls.push('destroy')
    })
  }
  return { window, calls }
}

describe('printReportToPdf', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('loads report.html with the parameters, waits for the ready signal, prints A4 and writes the file', async () => {
    const readySignals = createReadySignals()
    const { window, calls } = fakeWindow(12, { onLoad: () => readySignals.signal(12, { ok: true }) })
    const writeFile = vi.fn(async () => undefined)
    await printReportToPdf({ quarter: '2026-Q3' }, '/home/me/report.pdf', {
      createWindow: () => window,
      readySignals,
      writeFile,
      timeoutMs: 1000
    })
    expect(calls).toEqual(['load app://carbon-ledger/report.html?quarter=2026-Q3', 'print', 'destroy'])
    expect(window.printToPDF).toHaveBeenCalledWith(REPORT_PDF_OPTIONS)
    expect(writeFile).toHaveBeenCalledWith('/home/me/report.pdf', PDF)
  })

  it('prints only after the signal, even when the page signals later than load', async () => {
    const readySignals = createReadySignals()
    const { window, calls } = fakeWindow(3)
    const done = printReportToPdf({}, '/r.pdf', {
      createWindow: () => window,
      readySignals,
      writeFile: async () => undefined,
      timeoutMs: 1000
    })
    await vi.waitFor(() => expect(calls).toEqual(['load app://carbon-ledger/report.html']))
    expect(readySignals.signal(3, { ok: true })).toBe(true)
    await done
    expect(calls).toEqual(['load app://carbon-ledger/report.html', 'print', 'destroy'])
  })

  it('fails with the page’s own message when it signals that it cannot render, and never prints', async () => {
    const readySignals = createReadySignals()
    const { window, calls } = fakeWindow(4, {
      onLoad: () => readySignals.signal(4, { ok: false, message: 'no runs in 2026-Q3' })
    })
    const writeFile = vi.fn()
    await expect(
      printReportToPdf({}, '/r.pdf', { createWindow: () => window, readySignals, writeFile, timeoutMs: 1000 })
    ).rejects.toThrow(new HostError('The report could not be prepared: no runs in 2026-Q3'))
    expect(calls).toEqual(['load app://carbon-ledger/report.html', 'destroy'])
    expect(writeFile).not.toHaveBeenCalled()
  })

  it('gives up after the timeout when the page never signals', async () => {
    vi.useFakeTimers()
    const readySignals = createReadySignals()
    const { window, calls } = fakeWindow(5)
    const done = printReportToPdf({}, '/r.pdf', {
      createWindow: () => window,
      readySignals,
      writeFile: vi.fn(),
      timeoutMs: 60_000
    })
    const outcome = expect(done).rejects.toThrow('The report did not finish rendering within 60 s.')
    await vi.advanceTimersByTimeAsync(60_000)
    await outcome
    expect(calls.at(-1)).toBe('destroy')
    expect(calls).not.toContain('print')
  })

  it('reports a page that fails to load without leaking the loader’s message, and destroys the window', async () => {
    const readySignals = createReadySignals()
    const { window, calls } = fakeWindow(6, { loadFails: true })
    await expect(
      printReportToPdf({}, '/r.pdf', { createWindow: () => window, readySignals, writeFile: vi.fn(), timeoutMs: 1000 })
    ).rejects.toThrow(new HostError('The report page could not be loaded.'))
    expect(calls.at(-1)).toBe('destroy')
    // Nothing is left waiting: a late signal finds no window.
    expect(readySignals.signal(6, { ok: true })).toBe(false)
  })

  it('asks for tagged A4 with backgrounds and a page-number footer', () => {
    expect(REPORT_PDF_OPTIONS).toMatchObject({
      pageSize: 'A4',
      printBackground: true,
      generateTaggedPDF: true,
      displayHeaderFooter: true
    })
    expect(REPORT_PDF_OPTIONS.footerTemplate).toContain(
      '<span class="pageNumber"></span> / <span class="totalPages"></span>'
    )
  })
})

describe('ready signals', () => {
  it('ignore a signal from a sender nobody waits for', () => {
    expect(createReadySignals().signal(99, { ok: true })).toBe(false)
  })

  it('match each signal to its own window', async () => {
    const readySignals = createReadySignals()
    const first = readySignals.waitFor(1, 1000)
    const second = readySignals.waitFor(2, 1000)
    readySignals.signal(2, { ok: false, message: 'chart failed' })
    readySignals.signal(1, { ok: true })
    await expect(first).resolves.toBeUndefined()
    await expect(second).rejects.toThrow('The report could not be prepared: chart failed')
  })
})
