import './report.css'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { parseReportParams } from '../../shared/report/params'
import { loadReportModel } from './load'
import { signalReady } from './ready'
import { ReportPage } from './ReportPage'

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

/** Loads, renders (charts drawn synchronously in layout effects), waits for fonts and a frame, then signals. */
async function start(): Promise<void> {
  const container = document.getElementById('report')
  if (!container) throw new Error('report.html has no #report element')
  const root = createRoot(container)
  try {
    const params = parseReportParams(new URLSearchParams(window.location.search))
    document.body.classList.toggle('page-numbers', params.pageNumbers)
    // ?db=name: the ledger the app window opened with the same parameter (tests, benchmarks).
    const model = await loadReportModel(
      params,
      new Date(),
      new URLSearchParams(window.location.search).get('db') ?? undefined
    )
    document.title = `${model.labName} · ${model.periodLabel} · Carbon Ledger report`
    flushSync(() => root.render(<ReportPage model={model} />))
    performance.mark('report:rendered')
    await document.fonts.ready
    await nextFrame()
    await signalReady({ ok: true }, params.print)
  } catch (error) {
    const message =
      (error instanceof Error ? error.message : String(error)).slice(0, 500) || 'The report could not be made.'
    flushSync(() =>
      root.render(
        <p role="alert" className="failure">
          The report could not be made: {message}
        </p>
      )
    )
    await signalReady({ ok: false, message }, false)
  }
}

void start()
