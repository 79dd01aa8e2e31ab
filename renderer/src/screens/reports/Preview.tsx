import { exact } from '../../../../shared/domain/range'
import type { Period } from '../../../../shared/ledger/period'
import { type ReportScope, reportTotalsQueries } from '../../../../shared/report'
import { reportText } from '../../../../shared/report/text'
import { periodName } from '../../components/PeriodPicker'
import { LoadStatus } from '../../components/Status'
import { Total } from '../../components/Total'
import { type I18n } from '../../i18n/I18nProvider'
import { useLedgerQuery } from '../../ledger/useLedgerQuery'
import { ExportActions } from './ExportActions'

/** The period's key figures as the report will state them: the report's own rollup queries, current and previous. */
export function Preview({
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
  const { t } = i18n
  // The period and scope by value: the screen builds new objects on every render.
  const { kind, start, end } = period
  const scopeKey = JSON.stringify(scope)
  const state = useLedgerQuery(
    async ({ ledger }) => {
      const queries = reportTotalsQueries({ kind, start, end }, JSON.parse(scopeKey) as ReportScope)
      const [current, previous, restated] = await Promise.all([
        ledger.aggregate.totals(queries.total),
        ledger.aggregate.totals(queries.previous),
        // the report lists the restatements of closed quarters before it: worth filing even without runs of its own
        ledger.closedQuarters.restatements(reportText(i18n.language), { beforeMonth: start })
      ])
      return { current: current.total, previous: previous.total, restated: restated.length }
    },
    [kind, start, end, scopeKey, i18n.language]
  )
  const data = state.data
  const nothing = data !== undefined && data.current.runs === 0 && data.restated === 0
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
            <p className="muted report-empty">
              {nothing
                ? t('reports.empty', { period: periodName(period, i18n) })
                : i18n.plural('reports.onlyRestatements', data.restated, { period: periodName(period, i18n) })}
            </p>
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
        empty={nothing}
        loading={data === undefined}
        focus={focus}
      />
    </section>
  )
}
