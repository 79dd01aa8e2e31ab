import type { ReportContext } from '../parts'

/** The reference datasets with versions, licences, the attributions they require, and how many runs cite each. */
export function Sources({ ctx }: { ctx: ReportContext }) {
  const { m, t, q } = ctx
  return (
    <table>
      <thead>
        <tr>
          <th>{t.sources.source}</th>
          <th>{t.sources.version}</th>
          <th>{t.sources.licence}</th>
          <th className="num">{t.sources.runs}</th>
        </tr>
      </thead>
      <tbody>
        {m.sources.map((s) => (
          <tr key={s.id}>
            <td>
              {s.title}
              <div className="attribution">{s.attribution}</div>
            </td>
            <td>{s.version || '–'}</td>
            <td>{s.licence || '–'}</td>
            <td className="num">{q(s.runs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
