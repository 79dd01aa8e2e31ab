import { massUnitOf } from '../../../shared/report/format'
import { type I18n } from '../i18n/I18nProvider'

/** A chart's figures as a table, in the chart's unit (g, kg or t CO2e from the largest figure). */
export function BreakdownTable({ rows, i18n }: { rows: { name: string; kg: number }[]; i18n: I18n }) {
  const unit = massUnitOf(rows.map((r) => r.kg))
  return (
    <details>
      <summary>{i18n.t('dash.table')}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{i18n.t('breakdown.group')}</th>
            <th scope="col" className="num">
              {unit.symbol}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <td>{r.name}</td>
              <td className="num">{i18n.num(r.kg * unit.perBase)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
