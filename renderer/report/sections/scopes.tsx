import type { MarketLine } from '../../../shared/emissions/market'
import { massUnitOf } from '../../../shared/report/format'
import type { ScopeLine } from '../../../shared/report/ghg'
import { RangeCell, type ReportContext } from '../parts'

/** Emissions by scope and category, each with its method; then Scope 2 location- and market-based side by side. */
export function Scopes({ ctx }: { ctx: ReportContext }) {
  const { m, t, q, pct } = ctx
  const lines = m.ghg.scopes
  const unit = massUnitOf(lines.map((l) => l.emissionsKg.high))
  const method = (l: ScopeLine): string => {
    const methods = t.scopes.methods
    if (l.method === 'location-fallback') return methods['scope2Market-fallback']
    if (l.method === 'not-recorded') return methods['scope3Cat2Hardware-none']
    if (l.method === 'not-separable') return methods['scope3Cat3Upstream-none']
    if (l.method === 'partly') return t.scopes.upstreamPartly(pct(l.coveredShare ?? 0))
    return methods[l.id]
  }
  const figure = (l: ScopeLine) =>
    l.method === 'not-recorded' || l.method === 'not-separable' ? (
      '–'
    ) : (
      <RangeCell r={l.emissionsKg} unit={unit} ctx={ctx} />
    )
  const location = lines.find((l) => l.id === 'scope2Location')!
  const market = lines.find((l) => l.id === 'scope2Market')!
  return (
    <>
      <table className="scopes">
        <colgroup>
          <col style={{ width: '30%' }} />
          <col style={{ width: '46%' }} />
          <col style={{ width: '15%' }} />
          <col style={{ width: '9%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>{t.scopes.line}</th>
            <th>{t.scopes.method}</th>
            <th className="num">
              {t.scopes.emissions} {unit.symbol}
            </th>
            <th className="num">{t.scopes.runs}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id}>
              <td>{t.scopes.names[l.id]}</td>
              <td>{method(l)}</td>
              <td className="num">{figure(l)}</td>
              <td className="num">{l.runs > 0 ? q(l.runs) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t.scopes.dual}</h3>
      <table className="narrow">
        <thead>
          <tr>
            <th>{t.scopes.location}</th>
            <th>{t.scopes.market}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="num">
              <RangeCell r={location.emissionsKg} unit={unit} ctx={ctx} /> {unit.symbol}
            </td>
            <td className="num">
              <RangeCell r={market.emissionsKg} unit={unit} ctx={ctx} /> {unit.symbol}
            </td>
          </tr>
        </tbody>
      </table>
      {m.ghg.instruments.length === 0 ? (
        <p className="note">
          <strong>{t.scopes.instruments}:</strong> {t.scopes.noInstruments}
        </p>
      ) : (
        <>
          <p className="note">
            <strong>{t.scopes.instruments}:</strong>
          </p>
          <ul className="note">
            {m.ghg.instruments.map((l, i) => (
              <li key={i}>{instrumentLine(l, ctx)}</li>
            ))}
          </ul>
        </>
      )}
    </>
  )
}

/** One instrument behind the market-based figure, with the energy of the period it covered. */
function instrumentLine(l: MarketLine, { t, q }: ReportContext): string {
  const lines = t.scopes.instrumentLines
  const kWh = q(l.energyKWh)
  switch (l.kind) {
    case 'certificate': {
      const c = l.instrument
      const what = `${c.type} ${c.reference} (${q(c.volumeMWh)} MWh, ${c.place}, ${q(c.intensityGPerKWh)} g/kWh)`
      return lines.certificate(what, `${c.fromMonth}–${c.toMonth}`, kWh, q(l.usedMWhToDate))
    }
    case 'supplier': {
      const s = l.instrument
      return lines.supplier(
        `${s.place} ${q(s.intensityGPerKWh)} g/kWh (${s.source})`,
        `${s.fromMonth}–${s.toMonth}`,
        kWh
      )
    }
    case 'lab-supplier':
      return lines.labSupplier(q(l.intensityGPerKWh), kWh)
    case 'provider': {
      const p = l.instrument
      return lines.provider(`${p.provider} ${p.year}, ${q(p.intensityGPerKWh)} g/kWh (${p.source})`, kWh)
    }
    case 'residual':
      return lines.residual(q(l.mix.intensityGPerKWh), l.mix.sourceId, String(l.mix.year), kWh)
    case 'location':
      return lines.location(kWh)
  }
}
