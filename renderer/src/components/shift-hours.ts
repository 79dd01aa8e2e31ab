import type { ShiftPlan, ShiftStrategy } from '../../../shared/planning'

/** A plan's strategy as the parameters of its message: "Flexible Start, W = 24 h" / "Pause and Resume, p = 50 %". */
export const strategyKey = (s: ShiftStrategy): string =>
  s.kind === 'flexible' ? `flexible-${s.windowHours}` : `pause-resume-${s.extraPercent}`

export interface SpanHour {
  hourUtcMs: number
  intensityGPerKWh: number
  baseline: boolean
  chosen: boolean
}

/** Every hour the plan considered, with whether the baseline and the plan run in it: what the chart and its table show. */
export function spanHours(plan: ShiftPlan): SpanHour[] {
  const HOUR_MS = 3_600_000
  const baseline = new Set(plan.baselineHoursUtcMs)
  const chosen = new Set(plan.chosenHoursUtcMs)
  return plan.span.intensitiesGPerKWh.map((intensityGPerKWh, i) => {
    const hourUtcMs = plan.span.startUtcMs + i * HOUR_MS
    return { hourUtcMs, intensityGPerKWh, baseline: baseline.has(hourUtcMs), chosen: chosen.has(hourUtcMs) }
  })
}
