import { energyUnitOf, inUnit, massUnitOf } from '../../../shared/report/format'
import { shortenNames } from '../../../shared/report/names'
import { NameNotes, RangeCell, type ReportContext } from '../parts'

/** The ten runs with the largest location-based emissions. */
export function LargestRuns({ ctx }: { ctx: ReportContext }) {
  const { m, t, language } = ctx
  const runs = m.largestRuns
  const mass = massUnitOf(runs.map((r) => r.emissionsKg.high))
  const energy = energyUnitOf(runs.map((r) => r.energyKWh.value))
  // One numbering of notes for the table's titles, projects, hardware and locations.
  const names = shortenNames(runs.flatMap((r) => [r.title, r.project, r.hardware, r.location]))
  const shown = (i: number, part: number) => names.shown[i * 4 + part]
  return (
    <>
      <table className="runs">
        <colgroup>
          <col style={{ width: '17%' }} />
          <col style={{ width: '19%' }} />
          <col style={{ width: '11%' }} />
          <col style={{ width: '16%' }} />
          <col style={{ width: '15%' }} />
          <col style={{ width: '8%' }} />
          <col style={{ width: '14%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>{t.largest.run}</th>
            <th>{t.largest.projectPerson}</th>
            <th>{t.largest.started}</th>
            <th>{t.largest.hardware}</th>
            <th>{t.largest.location}</th>
            <th className="num">{t.largest.energy(energy.symbol)}</th>
            <th className="num">{t.largest.emissions(mass.symbol)}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r, i) => (
            <tr key={r.id}>
              <td className="name">
                {shown(i, 0)}
                <span className="sub">
                  {t.names.runKinds[r.kind] ?? r.kind}, {t.names.methods[r.method]}
                </span>
              </td>
              <td className="name">
                {shown(i, 1)}
                <span className="sub">{r.person}</span>
              </td>
              <td>{ctx.date(r.startedAt)}</td>
              <td className="name">{shown(i, 2)}</td>
              <td className="name">{shown(i, 3)}</td>
              <td className="num">{inUnit(r.energyKWh.value, energy, language)}</td>
              <td className="num">
                <RangeCell r={r.emissionsKg} unit={mass} ctx={ctx} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NameNotes notes={names.notes} ctx={ctx} />
    </>
  )
}
