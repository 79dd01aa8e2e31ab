import type { ReportContext } from '../parts'

/** What the ledger's figures cover and what they leave out (GHG Protocol, ISO 14064-1: the reporting boundary). */
export function Boundary({ ctx }: { ctx: ReportContext }) {
  const { m, t, q } = ctx
  return (
    <dl className="method">
      <div className="method-line">
        <dt>{t.boundary.covers}</dt>
        <dd>{t.boundary.coversText}</dd>
      </div>
      <div className="method-line">
        <dt>{t.boundary.excludes}</dt>
        <dd>{t.boundary.excludesText}</dd>
      </div>
      <div className="method-line">
        <dt>{t.boundary.basis}</dt>
        <dd>{t.boundary.basisText(q(m.total.runs), q(m.projectCount), q(m.peopleCount))}</dd>
      </div>
    </dl>
  )
}
