import type { ReportContext } from '../parts'

export function Assumptions({ ctx }: { ctx: ReportContext }) {
  const { m, t, q } = ctx
  if (m.assumptions.length === 0) return <p>{t.assumptions.none}</p>
  return (
    <table>
      <thead>
        <tr>
          <th>{t.assumptions.text}</th>
          <th className="num">{t.table.runs}</th>
        </tr>
      </thead>
      <tbody>
        {m.assumptions.map((a) => (
          <tr key={a.text}>
            <td>{a.text}</td>
            <td className="num">{q(a.runs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
