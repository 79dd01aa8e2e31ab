import { type Period } from '../../../shared/ledger/period'
import { href } from '../app/router'
import { useI18n } from '../i18n/I18nProvider'
import { useLedgerQuery } from '../ledger/useLedgerQuery'
import { LoadStatus } from './Status'

/**
 * The period's largest runs, loaded apart from the totals: these read whole runs (ten per month of the period, by
 * index) while the totals read only rollup cells, so the figures never wait for them (a benchmarked target).
 */
const useTopRuns = (period: Period, projectId?: string) => {
  const { kind, start, end } = period
  return useLedgerQuery(
    ({ ledger }) => ledger.aggregate.topRuns({ n: 10, period: { kind, start, end }, projectId }),
    [kind, start, end, projectId]
  )
}

export function LargestRuns({
  period,
  projectId,
  projectName
}: {
  period: Period
  projectId?: string
  projectName: Map<string, string>
}) {
  const i18n = useI18n()
  const { t } = i18n
  const state = useTopRuns(period, projectId)
  return (
    <section className="card" aria-labelledby="top-title">
      <h3 id="top-title">{t('dash.largest')}</h3>
      <LoadStatus state={state}>
        {state.data && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('runs.col.title')}</th>
                <th scope="col">{t('runs.col.project')}</th>
                <th scope="col">{t('runs.col.start')}</th>
                <th scope="col" className="num">
                  {t('runs.col.energy')}
                </th>
                <th scope="col" className="num">
                  {t('runs.col.emissions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={href('/runs', { run: r.id })}>{r.input.title || t('runs.untitled')}</a>
                  </td>
                  <td>{projectName.get(r.projectId) ?? ''}</td>
                  <td>{i18n.date(r.startedAtMs)}</td>
                  <td className="num">{i18n.kWh(r.result.energyKWh.value)}</td>
                  <td className="num">{i18n.kg(r.emissionsKg)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadStatus>
    </section>
  )
}
