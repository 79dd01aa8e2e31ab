/** Wall-clock times of a named time zone (IANA, e.g. Europe/Berlin) to instants, with Intl: no zone data shipped. */

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** Whether Intl knows the zone name. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterOf(timeZone)
    return true
  } catch {
    return false
  }
}

/** The zone's offset from UTC at an instant, in minutes east of UTC (Europe/Berlin in summer: 120). */
export function offsetMinutesAt(timeZone: string, ms: number): number {
  const parts: Record<string, number> = {}
  for (const p of formatterOf(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0
  )
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000)
}

/**
 * The instant of a wall-clock time (given as if it were UTC, wallMs) in the zone. A time that repeats when the clocks
 * go back is read as its first occurrence; a time the clocks skip is read with the offset before the change.
 */
export function zonedWallToMs(timeZone: string, wallMs: number): number {
  const before = offsetMinutesAt(timeZone, wallMs - 86_400_000)
  const after = offsetMinutesAt(timeZone, wallMs + 86_400_000)
  // the earlier of the two readings that fit; a skipped time fits neither and takes the offset before the change
  for (const offset of [before, after]) {
    const ms = wallMs - offset * 60_000
    if (offsetMinutesAt(timeZone, ms) === offset) return ms
  }
  return wallMs - before * 60_000
}
