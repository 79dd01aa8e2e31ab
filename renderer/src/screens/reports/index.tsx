import { useEffect, useState } from 'react'
import { closableQuarterOf } from '../../../../shared/report/restatements'
import { periodFromQuery } from '../../app/period'
import type { ScreenProps } from '../../app/screens'
import { PeriodPicker } from '../../components/PeriodPicker'
import { useI18n } from '../../i18n/I18nProvider'
import { useLedger } from '../../ledger/LedgerProvider'
import { ClosedQuarter } from './ClosedQuarter'
import { Preview } from './Preview'
import { savedLabName, type ScopeChoice, scopeOf } from './report-flow'
import { ScopePicker } from './ScopePicker'

const storage = (): Storage | undefined => {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}

/**
 * The lab's name, kept in the ledger's report settings so that backups carry it. A name typed before it was kept
 * there (in this browser's storage) is moved into the ledger the first time the screen opens.
 */
const useLabName = (): [string, (name: string) => void] => {
  const { ledger } = useLedger()
  const [name, setName] = useState(() => savedLabName(storage()))
  useEffect(() => {
    let current = true
    void ledger.settings.getReportSettings().then(async (stored) => {
      if (!current) return
      if (stored.labName !== '') setName(stored.labName)
      else {
        const old = savedLabName(storage())
        if (old !== '') await ledger.settings.setReportSettings({ ...stored, labName: old })
      }
    })
    return () => {
      current = false
    }
  }, [ledger])
  return [
    name,
    (next) => {
      setName(next)
      void ledger.settings.setReportSettings({ labName: next.trim() })
    }
  ]
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
          <div className="report-side">
            <Preview scope={checked.scope} period={period} labName={labName} focus={query.get('export')} i18n={i18n} />
            {closableQuarterOf(period, checked.scope) && (
              <ClosedQuarter
                quarter={closableQuarterOf(period, checked.scope)!}
                period={period}
                scope={checked.scope}
                labName={labName}
                i18n={i18n}
              />
            )}
          </div>
        ) : (
          <section className="card report-preview">
            <p className="muted">{t(checked.error)}</p>
          </section>
        )}
      </div>
    </section>
  )
}
