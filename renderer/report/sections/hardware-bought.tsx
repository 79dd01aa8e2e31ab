import { type HardwareBought, hardwareBoughtOf } from '../../../shared/report/assets'
import { inUnit as written, massUnitOf } from '../../../shared/report/format'
import { shortenNames } from '../../../shared/report/names'
import { NameNotes, RangeCell, type ReportContext } from '../parts'

/**
 * Devices bought in the period in full (Scope 3 category 2, from the asset register), then that total beside the
 * amortised embodied share of the hardware the runs used (SCI): two answers to different questions, never added.
 */
export function HardwareBought({ ctx }: { ctx: ReportContext }) {
  const { m, t, q } = ctx
  // A closed quarter's filed model may predate this section: its purchases are in the figures by scope.
  const b = (m.hardwareBought as HardwareBought | undefined) ?? hardwareBoughtOf(m.ghg.purchases, m.total.embodiedKg)
  const unit = massUnitOf([b.totalKg, b.amortisedKg.high, ...b.rows.map((r) => r.embodiedKgEach)])
  const { shown, notes } = shortenNames(b.rows.map((r) => r.device))
  const inUnit = (kg: number) => written(kg, unit, ctx.language)
  return (
    <>
      <p className="note">{t.bought.intro}</p>
      {b.rows.length === 0 ? (
        <p>{t.bought.none}</p>
      ) : (
        <>
          <table>
            <colgroup>
              <col style={{ width: '30%' }} />
              <col style={{ width: '8%' }} />
              <col style={{ width: '14%' }} />
              <col style={{ width: '13%' }} />
              <col style={{ width: '13%' }} />
              <col style={{ width: '22%' }} />
            </colgroup>
            <thead>
              <tr>
                <th>{t.bought.device}</th>
                <th className="num">{t.bought.count}</th>
                <th>{t.bought.purchased}</th>
                <th className="num">{t.bought.each(unit.symbol)}</th>
                <th className="num">{t.bought.total(unit.symbol)}</th>
                <th>{t.bought.source}</th>
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r, i) => (
                <tr key={`${r.purchasedOn}-${i}`}>
                  <td>{shown[i]}</td>
                  <td className="num">{q(r.count)}</td>
                  <td>{ctx.date(r.purchasedOn)}</td>
                  <td className="num">{inUnit(r.embodiedKgEach)}</td>
                  <td className="num">{inUnit(r.totalKg)}</td>
                  <td>{r.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <NameNotes notes={notes} ctx={ctx} />
        </>
      )}
      <table className="narrow">
        <thead>
          <tr>
            <th>{t.bought.figure}</th>
            <th className="num">{t.bought.value(unit.symbol)}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{t.bought.inFull(q(b.units))}</td>
            <td className="num">{inUnit(b.totalKg)}</td>
          </tr>
          <tr>
            <td>{t.bought.amortised}</td>
            <td className="num">
              <RangeCell r={b.amortisedKg} unit={unit} ctx={ctx} />
            </td>
          </tr>
        </tbody>
      </table>
    </>
  )
}
