import type { ReportContext } from '../parts'

export const Statement = ({ ctx }: { ctx: ReportContext }) => (
  <>
    <p className="statement">{ctx.m.statement.text}</p>
    <h3>{ctx.t.latex}</h3>
    <pre className="latex">{ctx.m.statement.latex}</pre>
  </>
)
