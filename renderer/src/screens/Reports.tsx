import { useEffect, useRef, useState } from 'react'
import { exact } from '../../../shared/domain/range'
import type { Period } from '../../../shared/ledger/period'
import { parseReportParams, reportCsvFiles, reportTotalsQueries, type ReportScope } from '../../../shared/report'
import { periodFromQuery } from '../app/period'
import type { ScreenProps } from '../app/screens'
import { useAsync } from '../app/useAsync'
import { LoadStatus } from '../components/Status'
import { useHost } from '../host/HostProvider'
import { useI18n, type I18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n/en'
import { useLedger } from '../ledger/LedgerProvider'
import { PeriodPicker, periodName } from './Dashboard'
import {
  CSV_CHOICES,
  DEFAULT_CSV_FILES,
  pdfFileName,
  reportPageParams,
  saveCsvFiles,
  saveLabName,
  savedLabName,
  scopeOf,
  type ScopeChoice
} from './report-flow'
import { Total } from '../components/Total'

const SCOPE_KINDS: readonly { kind: ScopeChoice['kind']; label: MessageKey }[] = [
  { kind: 'lab', label: 'reports.scopeLab' },
  { kind: 'projects', label: 'reports.scopeProjects' },
  { kind: 'people', label: 'reports.scopePeople' }
]

type Outcome = { tone: 'info' | 'error'; message: string }

const storage = (): Storage | undefined => {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}

// The app window's ?db= (tests, benchmarks): the report page and the CSV export read the same ledger.
const databaseName = (): string | undefined => new URLSearchParams(window.location.search).get('db') ?? undefined

const toggled = (list: string[], item: string, on: boolean): string[] =>
  on ? [...list, item] : list.filter((x) => x !== item)

/** The period's key figures as the report will state them: the report's own rollup queries, current and previous. */
function Preview({
  scope,
  period,
  labName,
  focus,
  i18n
}: {
  scope: ReportScope
  period: Period
  labName: string
  focus: string | null
  i18n: I18n
}) {
  const { ledger, revision } = useLedger()
  const { t } = i18n
  const state = useAsync(async () => {
    const queries = reportTotalsQueries(period, scope)
    const [current, previous] = await Promise.all([
      ledger.aggregate.totals(queries.total),
      ledger.aggregate.totals(queries.previous)
    ])
    return { current: current.total, previous: previous.total }
  }, [ledger, revision, period.kind, period.start, period.end, JSON.stringify(scope)])
  const data = state.data
  return (
    <section
      className="card report-preview"
      aria-labelledby="report-preview-title"
      aria-busy={state.status === 'loading'}
    >
      <h2 id="report-preview-title">{t('reports.preview', { period: periodName(period, i18n) })}</h2>
      <LoadStatus state={state}>
        {data &&
          (data.current.runs === 0 ? (
            <p className="muted report-empty">{t('reports.empty', { period: periodName(period, i18n) })}</p>
          ) : (
            <dl className="totals">
              <Total
                title={t('total.location')}
                range={data.current.emissionsKg}
                previous={data.previous.emissionsKg.value}
                format={i18n.kg}
                i18n={i18n}
              />
              <Total
                title={t('total.market')}
                range={data.current.marketEmissionsKg}
                previous={data.previous.marketEmissionsKg.value}
                format={i18n.kg}
                i18n={i18n}
              />
              <Total
                title={t('total.embodied')}
                range={data.current.embodiedKg}
                previous={data.previous.embodiedKg.value}
                format={i18n.kg}
                i18n={i18n}
              />
              <Total
                title={t('total.energy')}
                range={data.current.energyKWh}
                previous={data.previous.energyKWh.value}
                format={i18n.kWh}
                i18n={i18n}
              />
              <Total
                title={t('total.runs')}
                range={exact(data.current.runs)}
                previous={data.previous.runs}
                format={i18n.int}
                i18n={i18n}
              />
              <Total
                title={t('reports.gpuHours')}
                range={exact(data.current.gpuHours)}
                previous={data.previous.gpuHours}
                format={(v) => i18n.num(v)}
                i18n={i18n}
              />
            </dl>
          ))}
      </LoadStatus>
      <ExportActions
        scope={scope}
        period={period}
        labName={labName}
        empty={data?.current.runs === 0}
        loading={data === undefined}
        focus={focus}
      />
    </section>
  )
}

const useLabName = (): [string, (name: string) => void] => {
  const [name, setName] = useState(() => savedLabName(storage()))
  return [
    name,
    (next) => {
      setName(next)
      saveLabName(storage(), next)
    }
  ]
}

function ExportActions({
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
  const [busy, setBusy] = useState<'pdf' | 'csv' | null>(null)
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
      const { loadReportData } = await import('../../report/load')
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
        {files.length === 0 && <span className="field-error">{t('reports.pickCsv')}</span>}
      </div>
      <p role="status" className="report-outcome">
        {busy === 'pdf'
          ? t('reports.exportingPdf')
          : busy === 'csv'
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

function ScopePicker({
  choice,
  onChange,
  period
}: {
  choice: ScopeChoice
  onChange: (c: ScopeChoice) => void
  period: Period
}) {
  const { t } = useI18n()
  const { ledger, revision } = useLedger()
  const options = useAsync(async () => {
    const [projects, people] = await Promise.all([
      ledger.projects.list(),
      ledger.aggregate.totals({ period, groupBy: ['person'] })
    ])
    return {
      projects: [...projects].sort((a, b) => a.name.localeCompare(b.name)),
      people: people.rows
        .map((r) => r.group.person ?? '')
        .filter((p) => p !== '')
        .sort((a, b) => a.localeCompare(b))
    }
  }, [ledger, revision, period.kind, period.start, period.end])
  const checked = scopeOf(choice)
  // People ticked before the period changed stay listed, so a choice never disappears unseen.
  const people = [...new Set([...(options.data?.people ?? []), ...choice.people])]
  return (
    <fieldset className="card report-scope">
      <legend>{t('reports.scope')}</legend>
      <div className="choice" role="radiogroup" aria-label={t('reports.scope')}>
        {SCOPE_KINDS.map((s) => (
          <label key={s.kind}>
            <input
              type="radio"
              name="report-scope"
              checked={choice.kind === s.kind}
              onChange={() => onChange({ ...choice, kind: s.kind })}
            />
            {t(s.label)}
          </label>
        ))}
      </div>
      <LoadStatus state={options}>
        {choice.kind === 'projects' && (
          <ul className="checklist" aria-label={t('reports.projectsList')}>
            {options.data?.projects.length === 0 && <li className="muted">{t('reports.noProjects')}</li>}
            {options.data?.projects.map((p) => (
              <li key={p.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={choice.projectIds.includes(p.id)}
                    onChange={(e) =>
                      onChange({ ...choice, projectIds: toggled(choice.projectIds, p.id, e.target.checked) })
                    }
                  />
                  {p.name}
                </label>
              </li>
            ))}
          </ul>
        )}
        {choice.kind === 'people' && (
          <ul className="checklist" aria-label={t('reports.peopleList')}>
            {people.length === 0 && <li className="muted">{t('reports.noPeople')}</li>}
            {people.map((p) => (
              <li key={p}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={choice.people.includes(p)}
                    onChange={(e) => onChange({ ...choice, people: toggled(choice.people, p, e.target.checked) })}
                  />
                  {p}
                </label>
              </li>
            ))}
          </ul>
        )}
      </LoadStatus>
      {'error' in checked && <p className="field-error">{t(checked.error)}</p>}
    </fieldset>
  )
}

export default function Reports({ query }: ScreenProps) {
  const i18n = useI18n()
  const { t } = i18n
  const period = periodFromQuery(query, Date.now())
  const [choice, setChoice] = useState<ScopeChoice>({ kind: 'lab', projectIds: [], people: [] })
  const [labName, setLabName] = useLabName()
  const checked = scopeOf(choice)
  return (
    <section aria-labelledby="reports-title" className="reports">
      <h1 id="reports-title">{t('reports.title')}</h1>
      <p className="muted">{t('reports.intro')}</p>
      <PeriodPicker period={period} path="/reports" />
      <div className="report-layout">
        <div className="report-choices">
          <ScopePicker choice={choice} onChange={setChoice} period={period} />
          <div className="card field report-lab">
            <label htmlFor="report-lab">{t('reports.labName')}</label>
            <input
              id="report-lab"
              value={labName}
              maxLength={200}
              aria-describedby="report-lab-hint"
              onChange={(e) => setLabName(e.target.value)}
            />
            <span id="report-lab-hint" className="hint">
              {t('reports.labNameHint')}
            </span>
          </div>
        </div>
        {'scope' in checked ? (
          <Preview scope={checked.scope} period={period} labName={labName} focus={query.get('export')} i18n={i18n} />
        ) : (
          <section className="card report-preview">
            <p className="muted">{t(checked.error)}</p>
          </section>
        )}
      </div>
    </section>
  )
}
