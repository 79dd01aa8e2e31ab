import { massUnitOf } from '../../../shared/report/format'
import type { ReportContext } from '../parts'

/** Measured against estimated, unknown locations, the range's width and what it comes from. */
export function Uncertainty({ ctx }: { ctx: ReportContext }) {
  const { m, t, q, pct } = ctx
  const dq = m.dataQuality
  const unit = massUnitOf([dq.rangeWidthKg])
  return (
    <>
      <ul className="facts">
        <li>
          {t.quality.measured(
            q(dq.measured),
            q(dq.runs),
            pct(dq.measuredShare),
            q(dq.estimated),
            pct(dq.runs > 0 ? 1 - dq.measuredShare : 0)
          )}
        </li>
        <li>
          {t.quality.unknown(
            q(dq.unknownLocation),
            pct(dq.unknownLocationShare),
            pct(dq.unknownLocationEmissionsShare),
            pct(dq.unknownLocationWidthShare)
          )}
        </li>
        <li>{t.quality.width(`${q(dq.rangeWidthKg * unit.perBase)} ${unit.symbol}`, pct(dq.relativeWidth))}</li>
      </ul>
      <table className="narrow">
        <thead>
          <tr>
            <th>{t.quality.from}</th>
            <th className="num">{t.quality.share}</th>
          </tr>
        </thead>
        <tbody>
          {dq.uncertainty.map((u) => (
            <tr key={u.factor}>
              <td>{t.quality.factors[u.factor]}</td>
              <td className="num">{pct(u.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
