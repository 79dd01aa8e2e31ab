const SECONDS_PER_HOUR = 3600
const HOURS_PER_DAY = 24

/**
 * Hours the hardware works: the run's duration, or for a continuous service (hoursPerDay set) the share of each day
 * it works. Energy and embodied emissions are both charged for these hours.
 */
export function usageHours(durationS: number, hoursPerDay?: number): number {
  const wallHours = durationS / SECONDS_PER_HOUR
  return hoursPerDay === undefined ? wallHours : (wallHours * hoursPerDay) / HOURS_PER_DAY
}
