import { type FormEvent, useState } from 'react'
import { signOffSchema } from '../../../../shared/ledger/closed-quarter'
import type { Period } from '../../../../shared/ledger/period'
import type { ReportScope } from '../../../../shared/report'
import { LoadStatus } from '../../components/Status'
import { type I18n } from '../../i18n/I18nProvider'
import { useLedger } from '../../ledger/LedgerProvider'
import { useLedgerQuery } from '../../ledger/useLedgerQuery'

// The app window's ?db= (tests, benchmarks): the model is built from the same ledger the report page reads.
const databaseName = (): string | undefined => new URLSearchParams(window.location.search).get('db') ?? undefined

const today = (): string => new Date().toISOString().slice(0, 10)

type Field = 'preparedBy' | 'reviewedBy' | 'date' | 'notes'

/** Which field of the sign-off is wrong, with the message naming it; undefined when the form is valid. */
const invalidField = (fields: Record<Field, string>): Field | undefined => {
  const parsed = signOffSchema.safeParse(fields)
  return parsed.success ? undefined : (parsed.error.issues[0]?.path[0] as Field)
}

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
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const label = quarter.replace('-', ' ')

  const close = async (e: FormEvent) => {
    e.preventDefault()
    const bad = invalidField(fields)
    if (bad) return setError(t(`closed.invalid.${bad}`))
    setBusy(true)
    setError(null)
    try {
      const { loadReportData } = await import('../../../report/load')
      const signOff = signOffSchema.parse(fields)
      const { model } = await loadReportData(
        { period, scope, labName, language: i18n.language },
        new Date(),
        databaseName()
      )
      await ledger.closedQuarters.close({
        quarter,
        model: { ...model, signOff },
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
    if (!reason.trim()) return setError(t('closed.invalid.reason'))
    setBusy(true)
    setError(null)
    try {
      await ledger.closedQuarters.reopen(quarter, reason, state.data?.closed?.closedBy ?? '')
      setReason('')
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
      'aria-invalid': error !== null && invalidField(fields) === name,
      onChange: (ev: { target: { value: string } }) => setFields({ ...fields, [name]: ev.target.value })
    }
    return (
      <div className="field">
        <label htmlFor={id}>{t(`closed.${name}`)}</label>
        {input === 'area' ? (
          <textarea {...props} rows={2} maxLength={2000} />
        ) : (
          <input {...props} type={input} maxLength={200} required={name === 'preparedBy' || name === 'date'} />
        )}
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
                <dd>{data.closed.signOff.date}</dd>
                {data.closed.signOff.notes && (
                  <>
                    <dt>{t('closed.notes')}</dt>
                    <dd>{data.closed.signOff.notes}</dd>
                  </>
                )}
              </dl>
              <form onSubmit={reopen} noValidate>
                <div className="field">
                  <label htmlFor="reopen-reason">{t('closed.reason')}</label>
                  <textarea
                    id="reopen-reason"
                    rows={2}
                    maxLength={2000}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                </div>
                <button type="submit" disabled={busy}>
                  {t('closed.reopen', { quarter: label })}
                </button>
              </form>
            </>
          ) : (
            <form onSubmit={close} noValidate>
              <p className="muted">{t('closed.intro')}</p>
              {field('preparedBy', 'text')}
              {field('reviewedBy', 'text')}
              {field('date', 'date')}
              {field('notes', 'area')}
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
