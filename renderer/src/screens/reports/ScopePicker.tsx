import type { Period } from '../../../../shared/ledger/period'
import { useAsync } from '../../app/useAsync'
import { LoadStatus } from '../../components/Status'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/I18nProvider'
import { useLedger } from '../../ledger/LedgerProvider'
import { type ScopeChoice, scopeOf, toggled } from './report-flow'

const SCOPE_KINDS: readonly { kind: ScopeChoice['kind']; label: MessageKey }[] = [
  { kind: 'lab', label: 'reports.scopeLab' },
  { kind: 'projects', label: 'reports.scopeProjects' },
  { kind: 'people', label: 'reports.scopePeople' }
]

export function ScopePicker({
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
