import type { ReportContext } from '../parts'

export const Glossary = ({ ctx }: { ctx: ReportContext }) => (
  <dl className="glossary">
    {ctx.m.glossary.map((g) => (
      <div key={g.term} className="method-line">
        <dt>{g.term}</dt>
        <dd>{g.definition}</dd>
      </div>
    ))}
  </dl>
)
