import { energyUnitOf, formatQuantity, inUnit, massUnitOf, type TableUnit } from '../../../shared/report/format'
import { shortenNames } from '../../../shared/report/names'
import type { WasteGroup, WasteSums } from '../../../shared/waste/waste'
import { NameNotes, RangeCell, type ReportContext } from '../parts'

/**
 * Waste (issue 14, docs/methodology.md "Waste"): the energy and emissions of unsuccessful jobs and of runs with idle
 * GPUs, per person and per project, and what the lab would have saved without them (an upper bound).
 */
export function Waste({ ctx }: { ctx: ReportContext }) {
  const { m, t, language, pct } = ctx
  const w = m.waste
  const tw = t.waste
  if (w.saved.runs === 0) return <p>{tw.none}</p>
  const kinds: [string, WasteSums][] = [
    [tw.unsuccessful, w.unsuccessful],
    [tw.lowUtilisation, w.lowUtilisation],
    [tw.saved, w.saved]
  ]
  const groups = [...w.byPerson, ...w.byProject]
  const mass = massUnitOf([...kinds.map(([, s]) => s.emissionsKg.high), ...groups.map((g) => g.total.emissionsKg.high)])
  const energy = energyUnitOf([
    ...kinds.map(([, s]) => s.energyKWh.value),
    ...groups.map((g) => g.total.energyKWh.value)
  ])
  const allKg = w.all.emissionsKg.value
  const share = (kg: number) => pct(allKg > 0 ? kg / allKg : 0)
  return (
    <>
      <p>{tw.intro}</p>
      <table className="breakdown" aria-label={t.sections.waste}>
        <thead>
          <tr>
            <th>{tw.kind}</th>
            <th className="num">{tw.runs}</th>
            <th className="num">{tw.energy(energy.symbol)}</th>
            <th className="num">{tw.emissions(mass.symbol)}</th>
            <th className="num">{tw.share}</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map(([label, sums], i) => (
            <tr key={label} className={i === kinds.length - 1 ? 'total' : undefined}>
              <td className="name">{label}</td>
              <td className="num">{formatQuantity(sums.runs, language)}</td>
              <td className="num">{inUnit(sums.energyKWh.value, energy, language)}</td>
              <td className="num">
                <RangeCell r={sums.emissionsKg} unit={mass} ctx={ctx} />
              </td>
              <td className="num">{share(sums.emissionsKg.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {tw.savedText(
          `${inUnit(w.saved.emissionsKg.value, mass, language)} ${mass.symbol}`,
          `${inUnit(w.saved.energyKWh.value, energy, language)} ${energy.symbol}`,
          pct(w.savedShare)
        )}
      </p>
      <GroupTable ctx={ctx} title={tw.byPerson} first={tw.person} rows={w.byPerson} mass={mass} energy={energy} />
      <GroupTable ctx={ctx} title={tw.byProject} first={tw.project} rows={w.byProject} mass={mass} energy={energy} />
    </>
  )
}

function GroupTable({
  ctx,
  title,
  first,
  rows,
  mass,
  energy
}: {
  ctx: ReportContext
  title: string
  first: string
  rows: WasteGroup[]
  mass: TableUnit
  energy: TableUnit
}) {
  const { t, language, pct } = ctx
  const tw = t.waste
  const names = shortenNames(rows.map((r) => r.key || t.names.nobody))
  return (
    <>
      <h3>{title}</h3>
      <table className="breakdown" aria-label={title}>
        <thead>
          <tr>
            <th>{first}</th>
            <th className="num">{tw.unsuccessful}</th>
            <th className="num">{tw.lowUtilisation}</th>
            <th className="num">{tw.energy(energy.symbol)}</th>
            <th className="num">{tw.emissions(mass.symbol)}</th>
            <th className="num">{tw.ofAll}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((g, i) => (
            <tr key={g.key}>
              <td className="name">{names.shown[i]}</td>
              <td className="num">{formatQuantity(g.unsuccessful.runs, language)}</td>
              <td className="num">{formatQuantity(g.lowUtilisation.runs, language)}</td>
              <td className="num">{inUnit(g.total.energyKWh.value, energy, language)}</td>
              <td className="num">
                <RangeCell r={g.total.emissionsKg} unit={mass} ctx={ctx} />
              </td>
              <td className="num">
                {pct(g.all.emissionsKg.value > 0 ? g.total.emissionsKg.value / g.all.emissionsKg.value : 0)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NameNotes notes={names.notes} ctx={ctx} />
    </>
  )
}
