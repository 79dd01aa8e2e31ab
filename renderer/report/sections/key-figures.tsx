import type { ReportContext } from '../parts'

/** The headline figures with ranges, and changes only against material figures. */
export function KeyFigures({ ctx }: { ctx: ReportContext }) {
  const { m, t, q } = ctx
  const unitOf = (unit: string) => (unit === 'runs' ? t.unit.runs : unit === 'h' ? t.unit.hours : unit)
  const compare = (label: string, change: number | null, then: number, unit: string) => (
    <div className="figure-change">
      {t.versus(label)} {change === null ? t.noComparable : ctx.change(change)}{' '}
      <span className="was">{t.was(`${q(then)} ${unit}`)}</span>
    </div>
  )
  return (
    <>
      <div className="figures">
        {m.keyFigures.map((k) => (
          <div className="figure-card" key={k.id}>
            <div className="figure-label">{t.keyFigure[k.id]}</div>
            <div className="figure-value">
              {q(k.value.value)} <span className="unit">{unitOf(k.unit)}</span>
            </div>
            {k.value.high > k.value.low && (
              <div className="figure-range">{t.range(q(k.value.low), q(k.value.high))}</div>
            )}
            {compare(m.previousPeriodLabel, k.changeVsPrevious, k.previous, unitOf(k.unit))}
            {compare(m.yearBeforeLabel, k.changeVsYearBefore, k.yearBefore, unitOf(k.unit))}
          </div>
        ))}
      </div>
      <p className="equivalents">
        {t.equivalents(
          q(m.equivalents.carKm),
          q(m.equivalents.treeMonths),
          q(m.equivalents.flights),
          m.equivalents.flightLabel
        )}
      </p>
      <p className="note">{t.rangesNote}</p>
    </>
  )
}
