import type { ReportContext } from '../parts'

/** Printed lines of the factor register; the CSV export has every factor. */
const FACTORS_SHOWN = 40

/** Every grid factor the period's runs used: place, value, year, granularity, basis, source and runs. */
export function Factors({ ctx }: { ctx: ReportContext }) {
  const { m, t, q } = ctx
  const sources = new Map(m.sources.map((s) => [s.id, s.title]))
  const shown = m.ghg.factors.slice(0, FACTORS_SHOWN)
  const more = m.ghg.factors.length - shown.length
  return (
    <>
      <p className="note">{t.factors.note}</p>
      <table className="factors">
        <colgroup>
          <col style={{ width: '24%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '7%' }} />
          <col style={{ width: '12%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '22%' }} />
          <col style={{ width: '7%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>{t.factors.location}</th>
            <th className="num">{t.factors.factor}</th>
            <th>{t.factors.year}</th>
            <th>{t.factors.granularity}</th>
            <th>{t.factors.basis}</th>
            <th>{t.factors.source}</th>
            <th className="num">{t.factors.runs}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((f) => (
            <tr key={`${f.location}|${f.year}|${f.granularity}|${f.intensityGPerKWh.value}`}>
              <td className="name">{f.location}</td>
              <td className="num">
                {q(f.intensityGPerKWh.value)}{' '}
                <span className="range">
                  ({q(f.intensityGPerKWh.low)} – {q(f.intensityGPerKWh.high)})
                </span>
              </td>
              <td>{f.year}</td>
              <td>{t.factors[f.granularity]}</td>
              <td>
                {f.basis === 'direct' ? t.factors.direct : t.factors.lifeCycle}
                {f.directToo && <span className="range">{t.factors.directToo}</span>}
              </td>
              <td>{f.granularity === 'custom' ? t.factors.custom : (sources.get(f.sourceId) ?? f.sourceId)}</td>
              <td className="num">{q(f.runs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 && <p className="note">{t.factors.more(q(more))}</p>}
    </>
  )
}
