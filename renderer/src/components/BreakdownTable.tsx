import { type I18n } from '../i18n/I18nProvider'

export function BreakdownTable({ rows, i18n }: { rows: { name: string; kg: number }[]; i18n: I18n }) {
  return (
    <details>
      <summary>{i18n.t('dash.table')}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{i18n.t('breakdown.group')}</th>
            <th scope="col" className="num">
              {i18n.t('breakdown.emissions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <td>{r.name}</td>
              <td className="num">{i18n.num(r.kg)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
