import type { KeyFigureId } from '../../../shared/report/model'
import type { ReportText } from '../../../shared/report/text/index'
import type { ReportContext } from '../parts'

/** Each row is another key figure, so each names its unit. */
const unitOf = (id: KeyFigureId, t: ReportText): string =>
  id === 'energy' ? 'kWh' : id === 'runs' ? t.unit.runs : id === 'gpuHours' ? t.unit.hours : 'kg CO2e'

/** Figures of closed quarters that changed after they were filed, with the cause; and the restatement policy. */
export function Restatements({ ctx }: { ctx: ReportContext }) {
  const { m, t, q } = ctx
  return (
    <>
      <p className="restatement-policy">{t.restatements.policy}</p>
      {m.restatements.length === 0 ? (
        <p>{t.restatements.none}</p>
      ) : (
        <table className="restatements-table">
          <thead>
            <tr>
              <th>{t.restatements.period}</th>
              <th>{t.restatements.figure}</th>
              <th className="num">{t.restatements.old}</th>
              <th className="num">{t.restatements.now}</th>
              <th>{t.restatements.cause}</th>
            </tr>
          </thead>
          <tbody>
            {m.restatements.map((r) => (
              <tr key={`${r.period}|${r.figure}`}>
                <td>{r.period}</td>
                <td>
                  {t.keyFigure[r.figure]}, {unitOf(r.figure, t)}
                </td>
                <td className="num">{q(r.filed)}</td>
                <td className="num">{q(r.now)}</td>
                <td className="name">{r.cause}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
