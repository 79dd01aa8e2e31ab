import { lazy, Suspense, useMemo } from 'react'
import { monthsOf, type Period, previousPeriod } from '../../../shared/ledger/period'
import type { TotalsRow } from '../../db'
import { href } from '../app/router'
import { useAsync } from '../app/useAsync'
import type { MessageKey } from '../i18n/en'
import { useI18n } from '../i18n/I18nProvider'
import { locationName } from '../i18n/location-names'
import { loadCatalogue } from '../ledger/engine'
import { useLedgerQuery } from '../ledger/useLedgerQuery'
import { whenIdle } from '../lib/idle'
import { BreakdownTable } from './BreakdownTable'
import { Equivalents } from './Equivalents'
import { LargestRuns } from './LargestRuns'
import { MassBarChart } from './MassBarChart'
import { periodName } from './PeriodPicker'
import { LoadStatus } from './Status'
import { Total } from './Total'
import { marketNote, useMarket } from './useMarket'

const BREAKDOWNS = [
  { dim: 'project', title: 'dash.byProject' },
  { dim: 'person', title: 'dash.byPerson' },
  { dim: 'hardwareModel', title: 'dash.byHardware' },
  { dim: 'location', title: 'dash.byLocation' }
] as const satisfies readonly { dim: string; title: MessageKey }[]

const TOP_GROUPS = 8

// Its own chunk (the planner), fetched after the figures render, so the first paint does not wait for it.
const Recommendations = lazy(() => import('./Recommendations'))

/** Loads everything the dashboard (or a project page, with projectId) shows for a period: rollups only, plus top runs. */
export const useFigures = (period: Period, projectId?: string) => {
  // The period's fields, not the object: callers build a new one on every render.
  const { kind, start, end } = period
  return useLedgerQuery(
    async ({ ledger }) => {
      const period: Period = { kind, start, end }
      const filter = projectId ? { project: [projectId] } : {}
      const q = (groupBy: Parameters<typeof ledger.aggregate.totals>[0]['groupBy'], p: Period = period) =>
        ledger.aggregate.totals({ period: p, groupBy, filter })
      const [current, previous, trend, projects, ...breakdowns] = await Promise.all([
        q([]),
        q([], previousPeriod(period)),
        q(['month']),
        ledger.projects.list(),
        ...BREAKDOWNS.map((b) => q([b.dim])),
        q(['source'])
      ])
      const bySource = breakdowns.pop()!
      return { current, previous, trend, projects, breakdowns, bySource }
    },
    [kind, start, end, projectId]
  )
}

/**
 * Display names of hardware and location ids, once the catalogue has loaded; loaded when the page is idle, so the
 * figures are painted first (with the ids).
 */
const useNames = () => {
  const state = useAsync(async () => {
    await whenIdle()
    const c = await loadCatalogue()
    const names = new Map<string, string>()
    for (const h of c.ref.hardware) names.set(h.id, h.name)
    for (const l of c.ref.locations) names.set(l.id, l.name)
    return names
  }, [])
  return state.data
}

export function Figures({ period, projectId }: { period: Period; projectId?: string }) {
  const i18n = useI18n()
  const { t } = i18n
  const state = useFigures(period, projectId)
  const market = useMarket(period, projectId).data
  const names = useNames()
  const data = state.data
  const charts = useMemo(() => {
    if (!data) return undefined
    const projectName = new Map(data.projects.map((p) => [p.id, p.name]))
    const label = (dim: string, row: TotalsRow): string => {
      const id = row.group[dim as keyof TotalsRow['group']] ?? ''
      if (id === '' || id === 'none' || id === 'unknown') return t('common.unknown')
      if (dim === 'project') return projectName.get(id) ?? id
      return dim === 'location' ? locationName(id, names?.get(id) ?? id, i18n.language) : (names?.get(id) ?? id)
    }
    const months = monthsOf(period)
    const byMonth = new Map(data.trend.rows.map((r) => [r.group.month, r.totals]))
    return {
      trend: {
        labels: months.map((m) => i18n.month(m)),
        seriesKg: [
          { label: t('total.location'), values: months.map((m) => byMonth.get(m)?.emissionsKg.value ?? 0) },
          {
            label: t('total.market'),
            values: months.map((m) => market?.current.byMonth.get(m) ?? byMonth.get(m)?.marketEmissionsKg.value ?? 0)
          }
        ]
      },
      breakdowns: BREAKDOWNS.map((b, i) => {
        const rows = (data.breakdowns[i]?.rows ?? [])
          .slice(0, TOP_GROUPS)
          .map((r) => ({ name: label(b.dim, r), kg: r.totals.emissionsKg.value }))
        return {
          ...b,
          rows,
          labels: rows.map((r) => r.name),
          seriesKg: [{ label: t('total.location'), values: rows.map((r) => r.kg) }]
        }
      }),
      unknownLocation: data.breakdowns[3]?.rows.find((r) => r.group.location === 'unknown')?.totals.runs ?? 0,
      manual: data.bySource.rows.filter((r) => r.group.source === 'manual').reduce((s, r) => s + r.totals.runs, 0),
      projectName
    }
  }, [data, market, names, period, i18n, t])
  return (
    <LoadStatus state={state}>
      {data && charts && (
        <div aria-busy={state.status === 'loading'}>
          <h2>{t('dash.totals', { period: periodName(period, i18n) })}</h2>
          <dl className="totals">
            <Total
              title={t('total.location')}
              range={data.current.total.emissionsKg}
              previous={data.previous.total.emissionsKg.value}
              format={i18n.kg}
              i18n={i18n}
            />
            <Total
              title={t('total.market')}
              range={market ? market.current.marketEmissionsKg : data.current.total.marketEmissionsKg}
              previous={(market ? market.previous.marketEmissionsKg : data.previous.total.marketEmissionsKg).value}
              format={i18n.kg}
              i18n={i18n}
              note={
                // Nothing to explain about a period without runs (an empty ledger).
                data.current.total.runs === 0 && data.current.total.energyKWh.value === 0
                  ? undefined
                  : market && market.current.lines.length > 0
                    ? marketNote(market.current, i18n)
                    : t('total.marketSource')
              }
            />
            <Total
              title={t('total.embodied')}
              range={data.current.total.embodiedKg}
              previous={data.previous.total.embodiedKg.value}
              format={i18n.kg}
              i18n={i18n}
            />
          </dl>
          {/* One unit per row: the emissions in kg above, the energy and the count of runs below. */}
          <dl className="totals">
            <Total
              title={t('total.energy')}
              range={data.current.total.energyKWh}
              previous={data.previous.total.energyKWh.value}
              format={i18n.kWh}
              i18n={i18n}
            />
            <Total
              title={t('total.runs')}
              range={{ value: data.current.total.runs, low: data.current.total.runs, high: data.current.total.runs }}
              previous={data.previous.total.runs}
              format={i18n.int}
              i18n={i18n}
            />
          </dl>
          {data.current.total.runs === 0 ? (
            <div className="card">
              <p className="muted">{t('dash.empty')}</p>
              <p className="row">
                <a href={href('/import')}>{t('dash.emptyImport')}</a>
                <a href={href('/runs/new')}>{t('dash.emptyAddRun')}</a>
              </p>
            </div>
          ) : (
            <>
              <div className="grid-2">
                <section className="card" aria-labelledby="eq-title">
                  <h3 id="eq-title">{t('dash.equivalents')}</h3>
                  <Equivalents kg={data.current.total.emissionsKg.value} />
                </section>
                {(charts.unknownLocation > 0 || charts.manual > 0) && (
                  <section className="card hints" aria-labelledby="hints-title">
                    <h3 id="hints-title">{t('dash.hints')}</h3>
                    {charts.unknownLocation > 0 && (
                      <p>
                        {i18n.plural('dash.hintUnknownLocation', charts.unknownLocation)}{' '}
                        <a
                          href={href('/runs', {
                            project: projectId,
                            location: 'unknown',
                            from: period.start,
                            to: period.end
                          })}
                        >
                          {t('dash.showUnknownRuns')}
                        </a>
                      </p>
                    )}
                    {charts.manual > 0 && <p>{i18n.plural('dash.hintEstimated', charts.manual)}</p>}
                  </section>
                )}
              </div>
              <section className="card" aria-labelledby="trend-title">
                <h3 id="trend-title">{t('dash.trend')}</h3>
                <div className="chart-box">
                  <MassBarChart
                    labels={charts.trend.labels}
                    seriesKg={charts.trend.seriesKg}
                    label={t('dash.trendAlt')}
                  />
                </div>
                <BreakdownTable
                  rows={charts.trend.labels.map((name, i) => ({ name, kg: charts.trend.seriesKg[0]!.values[i] ?? 0 }))}
                  i18n={i18n}
                />
              </section>
              <div className="grid-2">
                {charts.breakdowns
                  .filter((b) => !(projectId && b.dim === 'project'))
                  .map((b) => (
                    <section className="card" key={b.dim} aria-labelledby={`bd-${b.dim}`}>
                      <h3 id={`bd-${b.dim}`}>{t(b.title)}</h3>
                      <div className="chart-box small">
                        <MassBarChart labels={b.labels} seriesKg={b.seriesKg} label={t(b.title)} horizontal />
                      </div>
                      <BreakdownTable rows={b.rows} i18n={i18n} />
                    </section>
                  ))}
              </div>
              <Suspense fallback={<section className="card recommendations" aria-busy="true" />}>
                <Recommendations period={period} projectId={projectId} />
              </Suspense>
              <LargestRuns period={period} projectId={projectId} projectName={charts.projectName} />
            </>
          )}
        </div>
      )}
    </LoadStatus>
  )
}
