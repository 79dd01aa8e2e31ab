import { useEffect, useRef, useState } from 'react'
import type { Period } from '../../../../shared/ledger/period'
import { parseReportParams, reportCsvFiles, type ReportScope } from '../../../../shared/report'
import { modelCardCo2Block } from '../../../../shared/report/model-card'
import { ModelCardBlock } from '../../components/ModelCardBlock'
import { useHost } from '../../host/HostProvider'
import { useI18n } from '../../i18n/I18nProvider'
import {
  allCsvFiles,
  CSV_CHOICES,
  DEFAULT_CSV_FILES,
  pdfFileName,
  reportPageParams,
  saveCsvFiles,
  toggled
} from './report-flow'

type Outcome = { tone: 'info' | 'error'; message: string }

// The app window's ?db= (tests, benchmarks): the report page and the CSV export read the same ledger.
const databaseName = (): string | undefined => new URLSearchParams(window.location.search).get('db') ?? undefined

export function ExportActions({
  scope,
  period,
  labName,
  empty,
  loading,
  focus
}: {
  scope: ReportScope
  period: Period
  labName: string
  empty: boolean
  loading: boolean
  focus: string | null
}) {
  const i18n = useI18n()
  const { t } = i18n
  const { api, kind } = useHost()
  const [files, setFiles] = useState<string[]>([...DEFAULT_CSV_FILES])
  const [busy, setBusy] = useState<'pdf' | 'csv' | 'all' | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const failed = (err: unknown) =>
    setOutcome({ tone: 'error', message: t('reports.failed', { message: i18n.error(err) }) })
  const params = () => reportPageParams(period, scope, labName, databaseName())

  const exportPdf = async () => {
    setBusy('pdf')
    setOutcome(null)
    try {
      // No await before this call: the browser opens the report tab only within the click's user activation.
      const result = await api.printReportToPdf({ suggestedName: pdfFileName(period), params: params() })
      if (result.status === 'saved')
        setOutcome({
          tone: 'info',
          message: kind === 'web' ? t('reports.pdfOpened') : t('reports.pdfSaved', { path: result.path })
        })
      else setOutcome({ tone: 'info', message: t(kind === 'web' ? 'reports.pdfBlocked' : 'reports.cancelled') })
    } catch (err) {
      failed(err)
    } finally {
      setBusy(null)
    }
  }

  const exportCsv = async () => {
    setBusy('csv')
    setOutcome(null)
    try {
      // The report page's own loading (and its reference data, in their own chunk), from the very parameters it reads.
      const { loadReportData } = await import('../../../report/load')
      const data = await loadReportData(parseReportParams(new URLSearchParams(params())), new Date(), databaseName())
      const result = await saveCsvFiles(
        api.saveFile,
        period,
        reportCsvFiles(data.model, data.runs, data.projects),
        files
      )
      const saved =
        result.paths.length > 0
          ? i18n.plural('reports.csvSaved', result.paths.length, { files: result.paths.join(', ') })
          : ''
      setOutcome({
        tone: 'info',
        message: result.status === 'cancelled' ? `${saved} ${t('reports.cancelled')}`.trim() : saved
      })
    } catch (err) {
      failed(err)
    } finally {
      setBusy(null)
    }
  }

  /** Every CSV file and the README together: a folder in the desktop app, a zip download in the browser. */
  const exportAll = async () => {
    setBusy('all')
    setOutcome(null)
    try {
      const { loadReportData } = await import('../../../report/load')
      const data = await loadReportData(parseReportParams(new URLSearchParams(params())), new Date(), databaseName())
      const all = allCsvFiles(data.model, reportCsvFiles(data.model, data.runs, data.projects))
      const result = await api.saveFolder({ ...all, title: t('reports.folderDialog') })
      setOutcome({
        tone: 'info',
        message:
          result.status === 'cancelled'
            ? t('reports.cancelled')
            : i18n.plural(kind === 'web' ? 'reports.zipSaved' : 'reports.folderSaved', all.files.length, {
                path: result.path
              })
      })
    } catch (err) {
      failed(err)
    } finally {
      setBusy(null)
    }
  }

  /** The Hugging Face block of the report's runs (pick one project and its training period). */
  const modelCard = async () => {
    const { loadReportData } = await import('../../../report/load')
    const data = await loadReportData(parseReportParams(new URLSearchParams(params())), new Date(), databaseName())
    return modelCardCo2Block(data.runs, (await api.appInfo()).version)
  }

  const disabled = busy !== null || empty || loading
  const pdfButton = useRef<HTMLButtonElement>(null)
  const csvButton = useRef<HTMLButtonElement>(null)
  // The host's File › Export PDF report… / Export CSV… bring the user here (?export=pdf|csv): to the matching button,
  // once it can be pressed.
  useEffect(() => {
    if (!disabled) (focus === 'pdf' ? pdfButton : focus === 'csv' ? csvButton : undefined)?.current?.focus()
  }, [focus, disabled])
  return (
    <div className="report-actions">
      <fieldset className="plain csv-files">
        <legend>{t('reports.csvFiles')}</legend>
        {CSV_CHOICES.map((c) => (
          <label key={c.file} className="check">
            <input
              type="checkbox"
              checked={files.includes(c.file)}
              onChange={(e) => setFiles((f) => toggled(f, c.file, e.target.checked))}
            />
            {t(c.label)}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <button
          type="button"
          ref={pdfButton}
          className="primary"
          disabled={disabled}
          aria-busy={busy === 'pdf'}
          onClick={() => void exportPdf()}
        >
          {t('reports.exportPdf')}
        </button>
        <button
          type="button"
          ref={csvButton}
          disabled={disabled || files.length === 0}
          aria-busy={busy === 'csv'}
          onClick={() => void exportCsv()}
        >
          {t('reports.exportCsv')}
        </button>
        <button type="button" disabled={disabled} aria-busy={busy === 'all'} onClick={() => void exportAll()}>
          {t(kind === 'web' ? 'reports.exportZip' : 'reports.exportFolder')}
        </button>
        {files.length === 0 && <span className="field-error">{t('reports.pickCsv')}</span>}
      </div>
      <ModelCardBlock id="report-model-card" make={modelCard} />
      <p role="status" className="report-outcome">
        {busy === 'pdf'
          ? t('reports.exportingPdf')
          : busy === 'csv' || busy === 'all'
            ? t('reports.exportingCsv')
            : outcome?.tone === 'info'
              ? outcome.message
              : ''}
      </p>
      {outcome?.tone === 'error' && (
        <p role="alert" className="field-error">
          {outcome.message}
        </p>
      )}
    </div>
  )
}
