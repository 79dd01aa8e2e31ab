import { MWH } from '../../../shared/report/format'
import { RangeCell, type ReportContext } from '../parts'

/** Energy in MWh: IT, data-centre overhead and facility, and how much of it was measured, estimated or defaulted. */
export function Energy({ ctx }: { ctx: ReportContext }) {
  const { m, t } = ctx
  const e = m.ghg.energy
  return (
    <>
      <table className="narrow">
        <thead>
          <tr>
            <th>{t.energy.part}</th>
            <th className="num">{t.energy.mwh}</th>
          </tr>
        </thead>
        <tbody>
          {(
            [
              [t.energy.it, e.itKWh],
              [t.energy.overhead, e.overheadKWh],
              [t.energy.facility, e.facilityKWh]
            ] as const
          ).map(([label, r]) => (
            <tr key={label}>
              <td>{label}</td>
              <td className="num">
                <RangeCell r={r} unit={MWH} ctx={ctx} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="narrow">
        <thead>
          <tr>
            <th>{t.energy.how}</th>
            <th className="num">{t.energy.share}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{t.energy.measured}</td>
            <td className="num">{ctx.pct(e.measuredShare)}</td>
          </tr>
          <tr>
            <td>{t.energy.estimated}</td>
            <td className="num">{ctx.pct(e.estimatedShare)}</td>
          </tr>
          <tr>
            <td>{t.energy.defaulted}</td>
            <td className="num">{ctx.pct(e.defaultedShare)}</td>
          </tr>
        </tbody>
      </table>
      <p className="note">{t.energy.note}</p>
    </>
  )
}
