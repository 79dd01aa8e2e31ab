import type { ReportContext } from '../parts'

/** Location-based emissions per GPU-hour, person, project and MWh: figures that compare across periods. */
export function Intensity({ ctx }: { ctx: ReportContext }) {
  const { m, t, q } = ctx
  const i = m.ghg.intensity
  const rows: [string, number | null][] = [
    [t.intensity.perGpuHour, i.perGpuHourKg],
    [t.intensity.perPerson, i.perPersonKg],
    [t.intensity.perProject, i.perProjectKg],
    [t.intensity.perMWh, i.perMWhKg]
  ]
  return (
    <table className="narrow">
      <thead>
        <tr>
          <th>{t.intensity.metric}</th>
          <th className="num">{t.intensity.value}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <td>{label}</td>
            <td className="num">{value === null ? t.intensity.none : q(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
