import type { ReportContext } from '../parts'
import { BreakdownChart } from './breakdown-chart'
import { BreakdownTable } from './breakdown-table'

export const Hardware = ({ ctx }: { ctx: ReportContext }) => (
  <>
    <BreakdownChart ctx={ctx} rows={ctx.m.byHardware} label={ctx.t.chartLabel.hardware} />
    <BreakdownTable ctx={ctx} rows={ctx.m.byHardware} first={ctx.t.table.hardware} second={ctx.t.table.class} />
  </>
)
