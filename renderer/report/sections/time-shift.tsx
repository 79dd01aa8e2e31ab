import { massUnitOf } from '../../../shared/report/format'
import type { ReportContext } from '../parts'

/**
 * What starting later would have saved over the period's runs (Flexible Start +6/12/18/24 h, Pause & Resume
 * +25/50/75/100 %), each run on its own zone's hours; the runs left out are counted and weighed.
 */
export function TimeShiftWhatIf({ ctx }: { ctx: ReportContext }) {
  const { m, t, q } = ctx
  const w = m.timeShift
  const unit = massUnitOf([w.baselineKg, w.notCoveredKg, ...w.strategies.map((s) => s.savedKg)])
  const kg = (x: number) => `${q(x * unit.perBase)} ${unit.symbol}`
  return (
    <div className="card">
      <p>{t.timeShift.intro}</p>
      {w.coveredRuns === 0 ? (
        <p>{t.timeShift.noneCovered}</p>
      ) : (
        <>
          <table>
            <thead>
              <tr>
                <th>{t.timeShift.strategy}</th>
                <th className="num">{t.timeShift.savedColumn(unit.symbol)}</th>
                <th className="num">{t.timeShift.shareColumn}</th>
              </tr>
            </thead>
            <tbody>
              {w.strategies.map(({ strategy, savedKg, savedPct }) => {
                const name =
                  strategy.kind === 'flexible'
                    ? t.timeShift.flexible(q(strategy.windowHours))
                    : t.timeShift.pauseResume(q(strategy.extraPercent))
                return (
                  <tr key={name}>
                    <td className="name">{name}</td>
                    <td className="num">{q(savedKg * unit.perBase)}</td>
                    <td className="num">{ctx.pct(savedPct / 100)}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          <p className="note">{t.timeShift.covered(q(w.coveredRuns), kg(w.baselineKg))}</p>
          {w.projectedRuns > 0 && (
            <p className="note">
              {t.timeShift.projected(q(w.projectedRuns), `${w.projectedFromYears[0]}–${w.projectedFromYears.at(-1)}`)}
            </p>
          )}
        </>
      )}
      {w.notCoveredRuns > 0 && (
        <p className="note">{t.timeShift.notCovered(q(w.notCoveredRuns), kg(w.notCoveredKg))}</p>
      )}
    </div>
  )
}
