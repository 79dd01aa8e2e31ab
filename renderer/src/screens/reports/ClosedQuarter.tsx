import { type FormEvent, useState } from 'react'
import { quarterEndMs, signOffSchema } from '../../../../shared/ledger/closed-quarter'
import { type Period, quarterKeyLabel } from '../../../../shared/ledger/period'
import type { ReportScope } from '../../../../shared/report'
import { figureText } from '../../components/figure-text'
import { LoadStatus } from '../../components/Status'
import { type I18n } from '../../i18n/I18nProvider'
import { useLedger } from '../../ledger/LedgerProvider'
import { useLedgerQuery } from '../../ledger/useLedgerQuery'

// The app window's ?db= (tests, benchmarks): the model is built from the same ledger the report page reads.
const databaseName = (): string | undefined => new URLSearchParams(window.location.search).get('db') ?? undefined

const today = (): string => new Date().toISOString().slice(0, 10)

type Field = 'preparedBy' | 'reviewedBy' | 'date' | 'notes'
type Errors = Partial<Record<Field | 'reason' | 'reopenedBy', string>>

/** The sign-off's invalid fields, each with the message naming it; empty when the form is valid. */
const invalidFields = (fields: Record<Field, string>): Field[] => {
  const parsed = signOffSchema.safeParse(fields)
  return parsed.success ? [] : [...new Set(parsed.error.issues.map((i) => i.path[0] as Field))]
}

const focus = (id: string) => document.getElementById(id)?.focus()

/**
 * Closing a quarter of the whole lab (issue 13): the sign-off form files the report as it is now; a closed quarter
 * shows who signed it and reopens only with a reason. Its history (closing, reopening and why) is listed below.
 */
export function ClosedQuarter({
  quarter,
  period,
  scope,
  labName,
  i18n
}: {
  quarter: string
  period: Period
  scope: ReportScope
  labName: string
  i18n: I18n
}) {
  const { t } = i18n
  const { ledger } = useLedger()
  const state = useLedgerQuery(
    async ({ ledger }) => ({
      closed: await ledger.closedQuarters.get(quarter),
      history: await ledger.closedQuarters.history(quarter)
    }),
    [quarter]
  )
  const [fields, setFields] = useState<Record<Field, string>>({
    preparedBy: '',
    reviewedBy: '',
    date: today(),
    notes: ''
  })
  const [reason, setReason] = useState('')
  // Who reopens: the one who closed it unless changed (the ledger knows no users; the log keeps the name given).
  const [reopenedBy, setReopenedBy] = useState<string | undefined>(undefined)
  const [errors, setErrors] = useState<Errors>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const label = quarterKeyLabel(quarter)

  const close = async (e: FormEvent) => {
    e.preventDefault()
    const bad = invalidFields(fields)
    setErrors(Object.fromEntries(bad.map((f) => [f, t(`closed.invalid.${f}`)])))
    if (bad.length > 0) return focus(`close-${bad[0]}`)
    setBusy(true)
    setError(null)
    try {
      const { loadReportData } = await import('../../../report/load')
      const signOff = signOffSchema.parse(fields)
      // the filed report in every language of the app, from the same instant, so that it prints in either
      const at = new Date()
      const [en, de] = await Promise.all(
        (['en', 'de'] as const).map((language) =>
          loadReportData({ period, scope, labName, language }, at, databaseName())
        )
      )
      const filed = { en: { ...en!.model, signOff }, de: { ...de!.model, signOff } }
      await ledger.closedQuarters.close({
        quarter,
        model: filed[i18n.language],
        translations: filed,
        closedBy: signOff.preparedBy,
        signOff
      })
    } catch (err) {
      setError(i18n.error(err))
    } finally {
      setBusy(false)
    }
  }

  const reopen = async (e: FormEvent) => {
    e.preventDefault()
    const by = (reopenedBy ?? state.data?.closed?.closedBy ?? '').trim()
    const bad: Errors = {
      ...(by ? {} : { reopenedBy: t('closed.invalid.reopenedBy') }),
      ...(reason.trim() ? {} : { reason: t('closed.invalid.reason') })
    }
    if (bad.reopenedBy || bad.reason) {
      setErrors(bad)
      return focus(bad.reopenedBy ? 'reopen-by' : 'reopen-reason')
    }
    setErrors({})
    setBusy(true)
    setError(null)
    try {
      await ledger.closedQuarters.reopen(quarter, reason, by)
      setReason('')
      setReopenedBy(undefined)
    } catch (err) {
      setError(i18n.error(err))
    } finally {
      setBusy(false)
    }
  }

  const field = (name: Field, input: 'text' | 'date' | 'area') => {
    const id = `close-${name}`
    const props = {
      id,
      value: fields[name],
      'aria-invalid': errors[name] !== undefined,
      'aria-describedby': `${id}-error`,
      onChange: (ev: { target: { value: string } }) => {
        setFields({ ...fields, [name]: ev.target.value })
        if (errors[name]) setErrors({ ...errors, [name]: undefined })
      }
    }
    return (
      <div className={`field${input === 'area' ? ' wide' : ''}`}>
        <label htmlFor={id}>{t(`closed.${name}`)}</label>
        {input === 'area' ? (
          <textarea {...props} rows={2} maxLength={2000} />
        ) : (
          <input {...props} type={input} maxLength={200} required={name === 'preparedBy' || name === 'date'} />
        )}
        <span id={`${id}-error`} className="field-error">
          {errors[name]}
        </span>
      </div>
    )
  }

  const data = state.data
  return (
    <section className="card closed-quarter" aria-labelledby="closed-quarter-title">
      <h2 id="closed-quarter-title">{t('closed.title', { quarter: label })}</h2>
      <LoadStatus state={state}>
        {data &&
          (data.closed ? (
            <>
              <p>
                {t('closed.status', {
                  quarter: label,
                  date: i18n.date(data.closed.closedAtMs),
                  name: data.closed.closedBy
                })}
              </p>
              <dl className="sign-off-fields">
                <dt>{t('closed.preparedBy')}</dt>
                <dd>{data.closed.signOff.preparedBy}</dd>
                <dt>{t('closed.reviewedBy')}</dt>
                <dd>{data.closed.signOff.reviewedBy || '—'}</dd>
                <dt>{t('closed.date')}</dt>
                <dd>{i18n.date(Date.parse(`${data.closed.signOff.date}T00:00:00Z`))}</dd>
                {data.closed.signOff.notes && (
                  <>
                    <dt>{t('closed.notes')}</dt>
                    <dd>{data.closed.signOff.notes}</dd>
                  </>
                )}
              </dl>
              <table className="filed-figures">
                <caption>{t('closed.filedFigures')}</caption>
                <tbody>
                  {data.closed.model.keyFigures.map((k) => (
                    <tr key={k.id}>
                      <th scope="row">{t(`closed.figure.${k.id}`)}</th>
                      <td className="num">{figureText(i18n, k.id, k.value.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <form onSubmit={reopen} noValidate className="reopen-form">
                <div className="field">
                  <label htmlFor="reopen-by">{t('closed.reopenedBy')}</label>
                  <input
                    id="reopen-by"
                    maxLength={200}
                    required
                    value={reopenedBy ?? data.closed.closedBy}
                    aria-invalid={errors.reopenedBy !== undefined}
                    aria-describedby="reopen-by-error"
                    onChange={(e) => {
                      setReopenedBy(e.target.value)
                      if (errors.reopenedBy) setErrors({ ...errors, reopenedBy: undefined })
                    }}
                  />
                  <span id="reopen-by-error" className="field-error">
                    {errors.reopenedBy}
                  </span>
                </div>
                <div className="field wide">
                  <label htmlFor="reopen-reason">{t('closed.reason')}</label>
                  <textarea
                    id="reopen-reason"
                    rows={2}
                    maxLength={2000}
                    required
                    value={reason}
                    aria-invalid={errors.reason !== undefined}
                    aria-describedby="reopen-reason-error"
                    onChange={(e) => {
                      setReason(e.target.value)
                      if (errors.reason) setErrors({ ...errors, reason: undefined })
                    }}
                  />
                  <span id="reopen-reason-error" className="field-error">
                    {errors.reason}
                  </span>
                </div>
                <button type="submit" disabled={busy}>
                  {t('closed.reopen', { quarter: label })}
                </button>
              </form>
            </>
          ) : Date.now() < quarterEndMs(quarter) ? (
            <p className="muted" data-testid="quarter-not-over">
              {t('closed.notOver', { quarter: label, date: i18n.date(quarterEndMs(quarter)) })}
            </p>
          ) : (
            <form onSubmit={close} noValidate>
              <p className="muted">{t('closed.intro')}</p>
              <div className="sign-off-form">
                {field('preparedBy', 'text')}
                {field('reviewedBy', 'text')}
                {field('date', 'date')}
                {field('notes', 'area')}
              </div>
              <button type="submit" disabled={busy}>
                {t('closed.close', { quarter: label })}
              </button>
            </form>
          ))}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {data && data.history.length > 0 && (
          <>
            <h3>{t('closed.history')}</h3>
            <ul className="quarter-history">
              {data.history.map((h) => (
                <li key={h.id}>
                  {t(h.action === 'close' ? 'closed.logClose' : 'closed.logReopen', {
                    date: i18n.date(h.atMs),
                    name: h.by || '—',
                    reason: h.reason
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
      </LoadStatus>
    </section>
  )
}
