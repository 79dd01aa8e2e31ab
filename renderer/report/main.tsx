import './report.css'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import type { ReportLanguage } from '../../shared/report/format'
import { parseReportParams } from '../../shared/report/params'
import { reportText } from '../../shared/report/text/index'
import { loadReportModel } from './load'
import { signalReady } from './ready'
import { ReportPage } from './ReportPage'

/**
 * The app's language (the same origin's localStorage, where the app keeps the user's choice), else the browser's:
 * the report follows the app without the screen passing it. `?lang=` overrides it.
 */
function appLanguage(): ReportLanguage {
  let saved: string | null = null
  try {
    saved = localStorage.getItem('carbon-ledger.language')
  } catch {
    // Storage denied: fall back to the browser's languages.
  }
  if (saved === 'de' || saved === 'en') return saved
  // The app's rule (initialLanguage): the first of the browser's languages it speaks.
  for (const tag of navigator.languages ?? []) {
    const base = tag.toLowerCase().split('-')[0]
    if (base === 'de' || base === 'en') return base
  }
  return 'en'
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

/** Loads, renders (charts drawn synchronously in layout effects), waits for fonts and a frame, then signals. */
async function start(): Promise<void> {
  const container = document.getElementById('report')
  if (!container) throw new Error('report.html has no #report element')
  const root = createRoot(container)
  // `?lang=` read first on its own: a failure to read the other parameters is told in the language asked for.
  const asked = new URLSearchParams(window.location.search).get('lang')
  let language = asked === 'en' || asked === 'de' ? asked : appLanguage()
  try {
    const parsed = parseReportParams(new URLSearchParams(window.location.search))
    language = parsed.language ?? language
    const params = { ...parsed, language }
    document.body.classList.toggle('page-numbers', params.pageNumbers)
    // ?db=name: the ledger the app window opened with the same parameter (tests, benchmarks).
    const model = await loadReportModel(
      params,
      new Date(),
      new URLSearchParams(window.location.search).get('db') ?? undefined
    )
    document.documentElement.lang = language
    document.title = reportText(language).pageTitle(model.labName, model.periodLabel)
    flushSync(() => root.render(<ReportPage model={model} />))
    performance.mark('report:rendered')
    await document.fonts.ready
    await nextFrame()
    await signalReady({ ok: true }, params.print)
  } catch (error) {
    // In the report's language where the error carries a message (LedgerError's msg), as the app shows errors; the
    // catalogues load only on this path. The signal to main keeps the English text, for its log.
    const { translateError } = await import('../src/i18n/translate')
    const shown = translateError(language, error).slice(0, 500)
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500)
    const failure = reportText(language).failure
    flushSync(() =>
      root.render(
        <p role="alert" className="failure">
          {shown ? `${failure}: ${shown}` : `${failure}.`}
        </p>
      )
    )
    await signalReady({ ok: false, message: message || failure }, false)
  }
}

void start()
