import type { Period } from '../../../../shared/ledger/period'
import { SearchableChecklist } from '../../components/SearchableChecklist'
import { LoadStatus } from '../../components/Status'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/I18nProvider'
import { useLedgerQuery } from '../../ledger/useLedgerQuery'
import { type ScopeChoice, scopeOf } from './report-flow'

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
  // The period's fields, not the object: the screen builds a new one on every render.
  const { kind, start, end } = period
  const options = useLedgerQuery(
    async ({ ledger }) => {
      const period: Period = { kind, start, end }
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
    },
    [kind, start, end]
  )
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
          <SearchableChecklist
            label={t('reports.projectsList')}
            items={(options.data?.projects ?? []).map((p) => ({ id: p.id, label: p.name }))}
            selected={choice.projectIds}
            onChange={(projectIds) => onChange({ ...choice, projectIds })}
            empty={t('reports.noProjects')}
          />
        )}
        {choice.kind === 'people' && (
          <SearchableChecklist
            label={t('reports.peopleList')}
            items={people.map((p) => ({ id: p, label: p }))}
            selected={choice.people}
            onChange={(chosen) => onChange({ ...choice, people: chosen })}
            empty={t('reports.noPeople')}
          />
        )}
      </LoadStatus>
      {'error' in checked && <p className="field-error">{t(checked.error)}</p>}
    </fieldset>
  )
}
