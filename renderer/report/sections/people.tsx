import type { ReportContext } from '../parts'
import { BreakdownTable } from './breakdown-table'

export const People = ({ ctx }: { ctx: ReportContext }) => (
  <BreakdownTable ctx={ctx} rows={ctx.m.byPerson} first={ctx.t.table.person} />
)
