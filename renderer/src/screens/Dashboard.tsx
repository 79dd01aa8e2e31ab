import { lazy, Suspense, useMemo } from 'react'
import { monthsOf, previousPeriod, type Period } from '../../../shared/ledger/period'
import type { TotalsRow } from '../../db'
import { periodFromQuery, shiftPeriod } from '../app/period'
import { href, navigate } from '../app/router'
import type { ScreenProps } from '../app/screens'
import { useAsync } from '../app/useAsync'
import { BarChart } from '../components/Chart'
import { LoadStatus } from '../components/Status'
import { useI18n, type I18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n/en'
import { locationName } from '../i18n/location-names'
import { loadCatalogue } from '../ledger/engine'
import { whenIdle } from '../lib/idle'
import { useLedger } from '../ledger/LedgerProvider'
import { Total } from '../components/Total'

const BREAKDOWNS = [
  { dim: 'project', title: 'dash.byProject' },
  { dim: 'person', title: 'dash.byPerson' },
  { dim: 'hardwareModel', title: 'dash.byHardware' },
  { dim: 'location', title: 'dash.byLocation' }
] as const satisfies readonly { dim: string; title: MessageKey }[]

const TOP_GROUPS = 8

// Its own chunk (the planner), fetched after the figures render, so the first paint does not wait for it.
const Recommendations = lazy(() => import('../components/Recommendations'))

export const periodName = (p: Period, i18n: I18n): string => {
  if (p.kind === 'month') return i18n.month(p.start)
  if (p.kind === 'year') return p.start.slice(0, 4)
  if (p.kind === 'quarter')
    return i18n.t('period.quarterLabel', {
      quarter: Math.floor((Number(p.start.slice(5, 7)) - 1) / 3) + 1,
      year: p.start.slice(0, 4)
    })
  return `${i18n.month(p.start)} – ${i18n.month(p.end)}`
}

/** Period picker: kind, previous/next, and for a custom period its first and last month. Keeps its state in the URL. */
export function PeriodPicker({
  period,
  path,
  extra
}: {
  period: Period
  path: string
  extra?: Record<string, string>
}) {
  const i18n = useI18n()
  const { t } = i18n
  const go = (p: Period) =>
    navigate(path, { ...extra, period: p.kind, start: p.start, end: p.kind === 'custom' ? p.end : undefined }, true)
  return (
    <div className="period-picker" role="group" aria-label={t('period.label')}>
      <label>
        <span>{t('period.kind')}</span>
        <select
          aria-label={t('period.kind')}
          value={period.kind}
          onChange={(e) =>
            go({
              ...period,
              kind: e.target.value as Period['kind'],
              end: e.target.value === 'custom' ? period.end : period.start
            } as Period)
          }
        >
          <option value="month">{t('period.month')}</option>
          <option value="quarter">{t('period.quarter')}</option>
          <option value="year">{t('period.year')}</option>
          <option value="custom">{t('period.custom')}</option>
        </select>
      </label>
      {period.kind === 'custom' ? (
        <>
          <label>
            <span>{t('period.from')}</span>
            <input
              type="month"
              value={period.start}
              onChange={(e) =>
                e.target.value &&
                go({ ...period, start: e.target.value, end: e.target.value > period.end ? e.target.value : period.end })
              }
            />
          </label>
          <label>
            <span>{t('period.to')}</span>
            <input
              type="month"
              value={period.end}
              min={period.start}
              onChange={(e) => e.target.value && go({ ...period, end: e.target.value })}
            />
          </label>
        </>
      ) : (
        <>
          <button type="button" onClick={() => go(shiftPeriod(period, -1))} aria-label={t('period.previous')}>
            ‹
          </button>
          <span className="period-name" aria-live="polite">
            {periodName(period, i18n)}
          </span>
          <button type="button" onClick={() => go(shiftPeriod(period, 1))} aria-label={t('period.next')}>
            ›
          </button>
        </>
      )}
    </div>
  )
}

export function BreakdownTable({ rows, i18n }: { rows: { name: string; kg: number }[]; i18n: I18n }) {
  return (
    <details>
      <summary>{i18n.t('dash.table')}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{i18n.t('breakdown.group')}</th>
            <th scope="col" className="num">
              {i18n.t('breakdown.emissions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <td>{r.name}</td>
              <td className="num">{i18n.num(r.kg)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}

/** Loads everything the dashboard (or a project page, with projectId) shows for a period: rollups only, plus top runs. */
export const useFigures = (period: Period, projectId?: string) => {
  const { ledger, revision } = useLedger()
  return useAsync(async () => {
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
  }, [ledger, revision, period.kind, period.start, period.end, projectId])
}

/**
 * The period's largest runs, loaded apart from the totals: these read whole runs (ten per month of the period, by
 * index) while the totals read only rollup cells, so the figures never wait for them (a benchmarked target).
 */
const useTopRuns = (period: Period, projectId?: string) => {
  const { ledger, revision } = useLedger()
  return useAsync(
    () => ledger.aggregate.topRuns({ n: 10, period, projectId }),
    [ledger, revision, period.kind, period.start, period.end, projectId]
  )
}

function LargestRuns({
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
        series: [
          { label: t('total.location'), values: months.map((m) => byMonth.get(m)?.emissionsKg.value ?? 0) },
          { label: t('total.market'), values: months.map((m) => byMonth.get(m)?.marketEmissionsKg.value ?? 0) }
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
          series: [{ label: t('total.location'), values: rows.map((r) => r.kg) }]
        }
      }),
      unknownLocation: data.breakdowns[3]?.rows.find((r) => r.group.location === 'unknown')?.totals.runs ?? 0,
      manual: data.bySource.rows.filter((r) => r.group.source === 'manual').reduce((s, r) => s + r.totals.runs, 0),
      projectName
    }
  }, [data, names, period, i18n, t])
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
              range={data.current.total.marketEmissionsKg}
              previous={data.previous.total.marketEmissionsKg.value}
              format={i18n.kg}
              i18n={i18n}
            />
            <Total
              title={t('total.embodied')}
              range={data.current.total.embodiedKg}
              previous={data.previous.total.embodiedKg.value}
              format={i18n.kg}
              i18n={i18n}
            />
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
                  <BarChart
                    labels={charts.trend.labels}
                    series={charts.trend.series}
                    label={t('dash.trendAlt')}
                    unit={t('breakdown.emissions')}
                    format={i18n.kg}
                  />
                </div>
                <BreakdownTable
                  rows={charts.trend.labels.map((name, i) => ({ name, kg: charts.trend.series[0]!.values[i] ?? 0 }))}
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
                        <BarChart
                          labels={b.labels}
                          series={b.series}
                          label={`${t(b.title)}, ${t('breakdown.emissions')}`}
                          unit={t('breakdown.emissions')}
                          horizontal
                          format={i18n.kg}
                        />
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

function Equivalents({ kg }: { kg: number }) {
  const i18n = useI18n()
  // The method's equivalence factors live with the reference data (data/defaults.json): read once it has loaded.
  const state = useAsync(() => loadCatalogue().then((c) => c.ref.defaults.equivalents), [])
  const eq = state.data
  return (
    <ul className="equivalents">
      <li>{eq ? i18n.t('dash.carKm', { value: i18n.num((kg * 1000) / eq.carGPerKm, 0) }) : '\u00a0'}</li>
      <li>{eq ? i18n.t('dash.treeMonths', { value: i18n.num((kg * 1000) / eq.treeMonthG, 0) }) : '\u00a0'}</li>
      <li>
        {eq ? i18n.t('dash.flights', { value: i18n.num(kg / eq.flightKg, 2), flight: eq.flightLabel }) : '\u00a0'}
      </li>
    </ul>
  )
}

export default function Dashboard({ query }: ScreenProps) {
  const { t } = useI18n()
  const period = periodFromQuery(query, Date.now())
  return (
    <section aria-labelledby="dash-title">
      <h1 id="dash-title">{t('dash.title')}</h1>
      <PeriodPicker period={period} path="/" />
      <Figures period={period} />
    </section>
  )
}
