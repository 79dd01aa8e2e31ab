import type { ReportContext } from '../parts'
import { BreakdownChart } from './breakdown-chart'
import { BreakdownTable } from './breakdown-table'

export function Locations({ ctx }: { ctx: ReportContext }) {
  const kinds = ctx.t.names.kinds
  const rows = ctx.m.byLocation.map((r) => ({ ...r, detail: kinds[r.detail] ?? r.detail }))
  return (
    <>
      <BreakdownChart ctx={ctx} rows={rows} label={ctx.t.chartLabel.locations} />
      <BreakdownTable ctx={ctx} rows={rows} first={ctx.t.table.location} second={ctx.t.table.kind} />
    </>
  )
}
