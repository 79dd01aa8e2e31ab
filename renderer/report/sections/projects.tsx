import type { ReportContext } from '../parts'
import { BreakdownTable } from './breakdown-table'

export const Projects = ({ ctx }: { ctx: ReportContext }) => (
  <BreakdownTable ctx={ctx} rows={ctx.m.byProject} first={ctx.t.table.project} />
)
