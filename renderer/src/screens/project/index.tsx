import { periodFromQuery } from '../../app/period'
import { href } from '../../app/router'
import type { ScreenProps } from '../../app/screens'
import { Figures } from '../../components/Figures'
import { PeriodPicker } from '../../components/PeriodPicker'
import { LoadStatus } from '../../components/Status'
import { useI18n } from '../../i18n/I18nProvider'
import { useLedgerQuery } from '../../ledger/useLedgerQuery'
import { projectSummary } from './project-summary'

/** One project: its totals, trend and breakdowns for a period (the dashboard's figures, filtered), and its runs. */
export default function Project({ params, query }: ScreenProps) {
  const { t, plural } = useI18n()
  const id = params.id ?? ''
  const state = useLedgerQuery((access) => projectSummary(access, id), [id])
  // Without a period in the URL the page opens on the period of the project's latest run: an older project would
  // otherwise open on an empty current quarter.
  const period = periodFromQuery(query, state.data?.latestStartMs ?? Date.now())
  return (
    <LoadStatus state={state}>
      {state.data === null ? (
        <p role="alert" className="screen-status">
          {t('project.notFound')}
        </p>
      ) : state.data ? (
        <section aria-labelledby="project-title">
          <h1 id="project-title">{state.data.project.name}</h1>
          <p className="row">
            <span className="muted">{plural('projects.runs', state.data.runs)}</span>
            <a href={href('/runs', { project: id })}>{t('project.allRuns', { name: state.data.project.name })}</a>
          </p>
          <PeriodPicker period={period} path={`/projects/${encodeURIComponent(id)}`} />
          <Figures period={period} projectId={id} />
        </section>
      ) : null}
    </LoadStatus>
  )
}
