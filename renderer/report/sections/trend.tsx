import { massUnitOf } from '../../../shared/report/format'
import { drawTrendChart } from '../charts'
import { Canvas, type ReportContext } from '../parts'

/** Twelve months to the period's end: solid bars in the period, hatched before, market-based dashed. */
export function Trend({ ctx }: { ctx: ReportContext }) {
  const { m, t } = ctx
  const unit = massUnitOf(m.trend.flatMap((p) => [p.emissionsKg.value, p.marketEmissionsKg.value]))
  const draw = (c: HTMLCanvasElement) =>
    drawTrendChart(c, {
      months: m.trend.map((p) => ctx.month(p.month)),
      emissionsKg: m.trend.map((p) => p.emissionsKg),
      marketKg: m.trend.map((p) => p.marketEmissionsKg.value),
      inPeriod: m.trend.map((p) => p.inPeriod),
      unit,
      language: ctx.language,
      labels: { inPeriod: t.trend.inPeriod, before: t.trend.before, market: t.trend.market }
    })
  return (
    <figure>
      <Canvas width={660} height={250} draw={draw} label={t.trend.label} />
      <figcaption>{t.trend.caption(unit.symbol)}</figcaption>
    </figure>
  )
}
