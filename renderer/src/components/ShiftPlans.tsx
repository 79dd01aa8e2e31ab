import { useMemo, useRef, useState } from 'react'
import type { ShiftPlan, ShiftStrategy } from '../../../shared/planning/index'
import { type I18n, useI18n } from '../i18n/I18nProvider'
import { cssColour, useChart } from './Chart'
import { type SpanHour, spanHours, strategyKey } from './shift-hours'

export const strategyName = (s: ShiftStrategy, i18n: I18n): string =>
  s.kind === 'flexible'
    ? i18n.t('shift.flexible', { hours: s.windowHours })
    : i18n.t('shift.pauseResume', { percent: s.extraPercent })

/** "Mar 1, 08:00" in UTC: hours are the planner's unit, dates change along a long window. */
const hourLabel = (i18n: I18n, ms: number): string => i18n.dateTime(ms)

/** The intensity of every hour a plan considered, baseline and chosen hours marked; animation off. */
function IntensityChart({ hours, label }: { hours: SpanHour[]; label: string }) {
  const i18n = useI18n()
  const { t } = i18n
  const canvas = useRef<HTMLCanvasElement>(null)
  useChart(canvas, () => {
    const text = cssColour('--muted', '#59625d')
    const grid = cssColour('--border', '#d5dbd7')
    const values = hours.map((h) => h.intensityGPerKWh)
    return {
      type: 'line',
      data: {
        labels: hours.map((h) => hourLabel(i18n, h.hourUtcMs)),
        datasets: [
          {
            label: t('shift.intensity'),
            data: values,
            borderColor: cssColour('--chart-4', '#3c6e9e'),
            pointRadius: 0,
            borderWidth: 2,
            tension: 0
          },
          {
            label: t('shift.baselineHours'),
            data: hours.map((h) => (h.baseline ? h.intensityGPerKWh : null)),
            showLine: false,
            pointStyle: 'rect',
            pointRadius: 6,
            backgroundColor: cssColour('--chart-3', '#b07a1e'),
            borderColor: cssColour('--chart-3', '#b07a1e')
          },
          {
            label: t('shift.chosenHours'),
            data: hours.map((h) => (h.chosen ? h.intensityGPerKWh : null)),
            showLine: false,
            pointStyle: 'triangle',
            pointRadius: 8,
            backgroundColor: cssColour('--chart-1', '#1f6f4a'),
            borderColor: cssColour('--chart-1', '#1f6f4a')
          }
        ]
      },
      options: {
        // Chart.js writes the axis numbers in this locale ("1.000" in German); the tooltips use the app's formatter.
        locale: i18n.locale,
        animation: false,
        maintainAspectRatio: false,
        plugins: {
          legend: { labels: { color: text, usePointStyle: true } },
          tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label ?? ''}: ${i18n.num(Number(ctx.raw))} g/kWh` } }
        },
        scales: {
          x: { ticks: { color: text, maxRotation: 0, autoSkip: true, maxTicksLimit: 8 }, grid: { color: grid } },
          y: {
            title: { display: true, text: 'g CO2e/kWh', color: text },
            ticks: { color: text },
            grid: { color: grid }
          }
        }
      }
    }
  }, [hours, i18n, t])
  return <canvas ref={canvas} role="img" aria-label={label} />
}

/**
 * The paper's eight settings side by side for one job (planned or logged), and the chosen plan's intensity curve
 * with its figures as a table. Rows are picked with a button, so the table works from the keyboard.
 */
export function ShiftPlans({ plans, caption }: { plans: ShiftPlan[]; caption: string }) {
  const i18n = useI18n()
  const { t } = i18n
  const [selectedKey, setSelectedKey] = useState(() => strategyKey(plans[3]?.strategy ?? plans[0]!.strategy))
  const selected = plans.find((p) => strategyKey(p.strategy) === selectedKey) ?? plans[0]!
  const hours = useMemo(() => spanHours(selected), [selected])
  const name = strategyName(selected.strategy, i18n)
  return (
    <div className="shift-plans">
      <div className="shift-table">
        <table aria-label={caption}>
          <thead>
            <tr>
              <th scope="col">{t('shift.strategy')}</th>
              <th scope="col" className="num">
                {t('shift.baselineKg')}
              </th>
              <th scope="col" className="num">
                {t('shift.optimizedKg')}
              </th>
              <th scope="col" className="num">
                {t('shift.savedKg')}
              </th>
              <th scope="col" className="num">
                {t('shift.savingPct')}
              </th>
              <th scope="col">{t('shift.firstHour')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('shift.show')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {plans.map((plan) => {
              const key = strategyKey(plan.strategy)
              const label = strategyName(plan.strategy, i18n)
              return (
                <tr key={key} className={key === strategyKey(selected.strategy) ? 'selected' : undefined}>
                  <th scope="row">{label}</th>
                  <td className="num">{i18n.num(plan.baselineKg, 3)}</td>
                  <td className="num">{i18n.num(plan.optimizedKg, 3)}</td>
                  <td className="num">{i18n.num(plan.savedKg, 3)}</td>
                  <td className="num">{i18n.num(plan.savingsPct, 1)} %</td>
                  <td>{i18n.dateTimeUtc(plan.firstHourUtcMs)}</td>
                  <td>
                    <button
                      type="button"
                      aria-pressed={key === strategyKey(selected.strategy)}
                      aria-label={t('shift.showPlan', { strategy: label })}
                      onClick={() => setSelectedKey(key)}
                    >
                      {t('shift.show')}
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('shift.units')}</p>
      <h4>{t('shift.chartTitle', { strategy: name })}</h4>
      <div className="chart-box">
        <IntensityChart hours={hours} label={t('shift.chartAlt', { strategy: name })} />
      </div>
      <details>
        <summary>{t('shift.hoursTable')}</summary>
        <table aria-label={t('shift.hoursTableName', { strategy: name })}>
          <thead>
            <tr>
              <th scope="col">{t('shift.hourUtc')}</th>
              <th scope="col" className="num">
                {t('shift.intensity')}
              </th>
              <th scope="col">{t('shift.baselineHours')}</th>
              <th scope="col">{t('shift.chosenHours')}</th>
            </tr>
          </thead>
          <tbody>
            {hours.map((h) => (
              <tr key={h.hourUtcMs}>
                <td>{i18n.dateTimeUtc(h.hourUtcMs)}</td>
                <td className="num">{i18n.num(h.intensityGPerKWh, 1)}</td>
                <td>{h.baseline ? '●' : ''}</td>
                <td>{h.chosen ? '●' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {selected.notes.length > 0 && (
        <ul className="notes">
          {[...new Set(selected.notes)].map((n) => (
            <li key={n}>{i18n.msg(selected.noteMsgs[selected.notes.indexOf(n)], n)}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
