import { massUnitOf } from '../../../shared/report/format'
import type { WhatIf } from '../../../shared/report/what-ifs'
import { RangeCell, type ReportContext } from '../parts'

function Scenario({ ctx, w }: { ctx: ReportContext; w: WhatIf }) {
  const { t, q } = ctx
  const unit = massUnitOf([w.savedKg.high, ...w.moves.map((mv) => mv.savedKg.high)])
  const kg = (x: number) => `${q(x * unit.perBase)} ${unit.symbol}`
  return (
    <div className="card">
      <h3>{w.kind === 'region' ? t.whatIf.region : t.whatIf.hardware}</h3>
      <p>{w.kind === 'region' ? t.whatIf.regionText : t.whatIf.hardwareText}</p>
      <p className="saving">
        {w.runCount === 0
          ? t.whatIf.none
          : t.whatIf.saved(
              kg(w.savedKg.value),
              q(w.savedKg.low * unit.perBase),
              q(w.savedKg.high * unit.perBase),
              ctx.pct(w.savedShare),
              q(w.runCount)
            )}
      </p>
      {w.moves.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t.whatIf.from}</th>
              <th>{t.whatIf.to}</th>
              <th className="num">{t.whatIf.runs}</th>
              <th className="num">{t.whatIf.savedColumn(unit.symbol)}</th>
            </tr>
          </thead>
          <tbody>
            {w.moves.map((mv) => (
              <tr key={`${mv.from}>${mv.to}`}>
                <td className="name">{mv.from}</td>
                <td className="name">{mv.to}</td>
                <td className="num">{q(mv.runCount)}</td>
                <td className="num">
                  <RangeCell r={mv.savedKg} unit={unit} ctx={ctx} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

/** The scenarios (cleanest region, efficient hardware of the same segment) and the material recommendations. */
export function WhatIfs({ ctx }: { ctx: ReportContext }) {
  const { m, t, q } = ctx
  const recs = m.whatIfs.recommendations
  const unit = massUnitOf(recs.flatMap((r) => [r.savedKg.value, r.emissionsKg.value]))
  const kg = (x: number) => `${q(x * unit.perBase)} ${unit.symbol}`
  return (
    <>
      <Scenario ctx={ctx} w={m.whatIfs.region} />
      <Scenario ctx={ctx} w={m.whatIfs.hardware} />
      <div className="card">
        <h3>{t.whatIf.recommendations}</h3>
        <p className="note">{t.whatIf.recommendationsNote}</p>
        {recs.length === 0 ? (
          <p>{t.whatIf.noRecommendation}</p>
        ) : (
          <ol>
            {recs.map((r) => {
              const runs = r.runCount === 1 ? t.whatIf.theRun : t.whatIf.theRuns(q(r.runCount))
              const what =
                r.kind === 'start-time' ? t.whatIf.startLater(runs, r.from, r.to) : t.whatIf.move(runs, r.from, r.to)
              return (
                <li key={r.title}>
                  {what}: {t.whatIf.saves(kg(r.savedKg.value), kg(r.emissionsKg.value))}
                </li>
              )
            })}
          </ol>
        )}
        <p className="note">{t.whatIf.timeShift}</p>
      </div>
    </>
  )
}
