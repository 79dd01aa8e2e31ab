import type { ReportContext } from '../parts'

export const Methodology = ({ ctx }: { ctx: ReportContext }) => (
  <dl className="method">
    {ctx.m.methodology.map((l) => (
      <div key={l.label} className="method-line">
        <dt>{l.label}</dt>
        <dd>{l.text}</dd>
      </div>
    ))}
  </dl>
)
