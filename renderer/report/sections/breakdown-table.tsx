import { energyUnitOf, inUnit, massUnitOf } from '../../../shared/report/format'
import type { BreakdownRow } from '../../../shared/report/model'
import { shortenNames } from '../../../shared/report/names'
import { NameNotes, RangeCell, type ReportContext } from '../parts'

/** A breakdown's table: one mass unit and one energy unit for the whole table, long names in notes under it. */
export function BreakdownTable({
  ctx,
  rows,
  first,
  second
}: {
  ctx: ReportContext
  rows: BreakdownRow[]
  first: string
  second?: string
}) {
  const { t, q, language } = ctx
  const mass = massUnitOf(
    rows.flatMap((r) => [r.sums.emissionsKg.high, r.sums.marketEmissionsKg.value, r.sums.embodiedKg.value])
  )
  const energy = energyUnitOf(rows.map((r) => r.sums.energyKWh.value))
  const names = shortenNames(rows.map((r) => r.label))
  return (
    <>
      <table className="breakdown">
        <colgroup>
          <col style={{ width: second ? '24%' : '31%' }} />
          {second && <col style={{ width: '7%' }} />}
          <col style={{ width: '8%' }} />
          <col style={{ width: '8%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '15%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '8%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>{first}</th>
            {second && <th>{second}</th>}
            <th className="num">{t.table.runs}</th>
            <th className="num">{t.table.gpuHours}</th>
            <th className="num">{t.table.energy(energy.symbol)}</th>
            <th className="num">{t.table.location_(mass.symbol)}</th>
            <th className="num">{t.table.market(mass.symbol)}</th>
            <th className="num">{t.table.embodied(mass.symbol)}</th>
            <th className="num">{t.table.share}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key}>
              <td className="name">{names.shown[i]}</td>
              {second && <td>{r.detail}</td>}
              <td className="num">{q(r.sums.runs)}</td>
              <td className="num">{q(r.sums.gpuHours)}</td>
              <td className="num">{inUnit(r.sums.energyKWh.value, energy, language)}</td>
              <td className="num">
                <RangeCell r={r.sums.emissionsKg} unit={mass} ctx={ctx} />
              </td>
              <td className="num">{inUnit(r.sums.marketEmissionsKg.value, mass, language)}</td>
              <td className="num">{inUnit(r.sums.embodiedKg.value, mass, language)}</td>
              <td className="num">{ctx.pct(r.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <NameNotes notes={names.notes} ctx={ctx} />
    </>
  )
}
