import { massUnitOf } from '../../../shared/report/format'
import type { BreakdownRow } from '../../../shared/report/model'
import { drawBreakdownChart } from '../charts'
import { Canvas, type ReportContext } from '../parts'

const CHART_ROWS = 8
/** Height of a bar's row, CSS px. */
const ROW_PX = 24
/**
 * Chart.js gives the value axis at most half the canvas's height: below about 90 px (one or two bars) its title is
 * drawn over its tick labels. The bars keep their thickness (maxBarThickness in drawBreakdownChart).
 */
const MIN_HEIGHT_PX = 96

/** The largest rows of a breakdown as horizontal bars with whiskers, in one unit. */
export function BreakdownChart({ ctx, rows, label }: { ctx: ReportContext; rows: BreakdownRow[]; label: string }) {
  const shown = rows.slice(0, CHART_ROWS)
  const unit = massUnitOf(shown.map((r) => r.sums.emissionsKg.high))
  const draw = (c: HTMLCanvasElement) =>
    drawBreakdownChart(
      c,
      shown.map((r) => ({ label: r.label, emissionsKg: r.sums.emissionsKg, share: r.share })),
      { unit, language: ctx.language, axis: ctx.t.breakdownChart(unit.symbol) }
    )
  return (
    <figure>
      <Canvas width={660} height={Math.max(MIN_HEIGHT_PX, 40 + shown.length * ROW_PX)} draw={draw} label={label} />
    </figure>
  )
}
