export interface MonthShare {
  /** UTC month, 'YYYY-MM'. */
  month: string
  /** Share of the run's energy and emissions in that month, 0–1; the shares of a run sum to 1. */
  share: number
}

const monthKey = (year: number, monthIndex: number): string => `${year}-${String(monthIndex + 1).padStart(2, '0')}`

/**
 * The UTC months a run spans and the share of it in each, by its time in each month, so that a run crossing a month
 * (or quarter) boundary is reported in both. A run of zero duration belongs wholly to its start month.
 *
 * hoursPerDay (continuous services) is accepted for the callers' convenience but does not change the shares: such a
 * service works the same hours every day, so its usage is spread over the months as its wall time is.
 */
export function apportionByMonth(startedAt: string, durationS: number, _hoursPerDay?: number): MonthShare[] {
  const startMs = Date.parse(startedAt)
  if (Number.isNaN(startMs)) throw new Error(`apportionByMonth: startedAt '${startedAt}' is not a date`)
  if (!(durationS >= 0)) throw new Error(`apportionByMonth: durationS must be ≥ 0, got ${durationS}`)
  const start = new Date(startMs)
  let year = start.getUTCFullYear()
  let monthIndex = start.getUTCMonth()
  const durationMs = durationS * 1000
  const endMs = startMs + durationMs
  // A run too short to move the end instant off the start (under the float resolution of epoch ms) cannot cross a
  // month boundary: it belongs wholly to its start month, like a run of zero duration.
  if (endMs <= startMs) return [{ month: monthKey(year, monthIndex), share: 1 }]
  const shares: MonthShare[] = []
  let fromMs = startMs
  while (fromMs < endMs) {
    const nextMonthMs = Date.UTC(year, monthIndex + 1, 1)
    const toMs = Math.min(nextMonthMs, endMs)
    shares.push({ month: monthKey(year, monthIndex), share: (toMs - fromMs) / durationMs })
    fromMs = toMs
    monthIndex += 1
    if (monthIndex === 12) {
      monthIndex = 0
      year += 1
    }
  }
  // The last share takes the rounding remainder, so the shares sum to 1.
  const last = shares[shares.length - 1]!
  last.share = 1 - shares.slice(0, -1).reduce((sum, s) => sum + s.share, 0)
  return shares
}
