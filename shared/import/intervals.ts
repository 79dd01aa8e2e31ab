/**
 * The sampling intervals of one GPU's power log, kept small enough for a 24-hour, 100 ms log (864,000 intervals per
 * GPU), with the same figures as keeping every interval:
 * - a histogram keyed by the exact interval (nvidia-smi writes milliseconds, so a log holds a few distinct
 *   intervals): count, summed length and summed trapezoid energy per interval length give the exact median and let
 *   whole buckets above the gap limit be left out of the energy;
 * - per interval, one byte (two or four when a log holds more distinct lengths) naming its bucket, and the rows as
 *   runs of a constant step: in a regular log each GPU's rows are one run.
 * Why per interval at all: the gap limit is a multiple of the median, known only at the end, and any interval can
 * end up on either side of it (a log sampled at 1 s, then longer at 100 ms: every 1 s interval is a gap; the
 * reverse: none is). Naming each gap's row therefore needs each interval's bucket; a byte each is the least of it.
 * The energy per UTC hour (for the run's hourly intensity) is kept per bucket for the same reason: a bucket's hours
 * drop out with it when it turns out to hold gaps.
 */

const HOUR_MS = 3_600_000

export interface IntervalGap {
  /** The row that closes the interval. */
  row: number
  dtS: number
}

export interface IntervalSummary {
  medianS: number
  /** Energy and length of the intervals that are not gaps. */
  energyJ: number
  integratedS: number
  /** Intervals longer than gapMedians × the median (none when the median is 0), in the order of the log. */
  gaps: IntervalGap[]
  /**
   * The energy of the intervals that are not gaps by UTC hour (hour number since the epoch → J); undefined once the
   * log spans more than the hours it was created to keep (such a run is refused for its length anyway).
   */
  energyByHourJ: Map<number, number> | undefined
}

export interface IntervalLog {
  /** The trapezoid between two samples: power startW at startMs, endW at endMs (endMs ≥ startMs); row closes it. */
  add(startMs: number, endMs: number, startW: number, endW: number, row: number): void
  count(): number
  finish(gapMedians: number): IntervalSummary
}

interface Bucket {
  dtS: number
  count: number
  totalS: number
  energyJ: number
  byHour: Map<number, number>
}

type BucketIds = Uint8Array | Uint16Array | Uint32Array

/**
 * Puts the energy of a linear power ramp (startW at startMs to endW at endMs) into the UTC hours it overlaps: each
 * piece is its length × the mean of the ramp's power at its two ends, so the pieces sum to the whole trapezoid.
 */
export function trapezoidByHour(
  startMs: number,
  endMs: number,
  startW: number,
  endW: number,
  put: (hour: number, energyJ: number) => void
): void {
  if (!(endMs > startMs)) return
  const powerAt = (t: number): number => startW + ((endW - startW) * (t - startMs)) / (endMs - startMs)
  let from = startMs
  let fromW = startW
  while (from < endMs) {
    const hour = Math.floor(from / HOUR_MS)
    const to = Math.min(endMs, (hour + 1) * HOUR_MS)
    const toW = to === endMs ? endW : powerAt(to)
    put(hour, ((fromW + toW) / 2) * ((to - from) / 1000))
    from = to
    fromW = toW
  }
}

/** maxHours: the span of UTC hours beyond which the energy per hour is no longer kept (a bound on memory). */
export function createIntervalLog(maxHours = Number.POSITIVE_INFINITY): IntervalLog {
  const bucketOf = new Map<number, number>()
  const buckets: Bucket[] = []
  let ids: BucketIds = new Uint8Array(1024)
  let length = 0
  /** Runs of rows, three numbers each: first row, step, number of rows. */
  const rowRuns: number[] = []
  let firstHour: number | undefined
  let hourly = true

  /** A larger array when it is full, of wider elements when a bucket id no longer fits. */
  const grown = (id: number): BucketIds => {
    const bytes = Math.max(ids.BYTES_PER_ELEMENT, id > 0xffff ? 4 : id > 0xff ? 2 : 1)
    const capacity = length === ids.length ? ids.length * 2 : ids.length
    const next =
      bytes === 4 ? new Uint32Array(capacity) : bytes === 2 ? new Uint16Array(capacity) : new Uint8Array(capacity)
    next.set(ids.subarray(0, length))
    return next
  }

  const addRow = (row: number): void => {
    const at = rowRuns.length - 3
    if (at >= 0) {
      const first = rowRuns[at] as number
      const step = rowRuns[at + 1] as number
      const rows = rowRuns[at + 2] as number
      if (rows === 1 && row > first) {
        rowRuns[at + 1] = row - first
        rowRuns[at + 2] = 2
        return
      }
      if (row === first + step * rows) {
        rowRuns[at + 2] = rows + 1
        return
      }
    }
    rowRuns.push(row, 0, 1)
  }

  return {
    add(startMs, endMs, startW, endW, row) {
      const dtS = (endMs - startMs) / 1000
      const energyJ = ((startW + endW) / 2) * dtS
      let id = bucketOf.get(dtS)
      if (id === undefined) {
        id = buckets.length
        bucketOf.set(dtS, id)
        buckets.push({ dtS, count: 0, totalS: 0, energyJ: 0, byHour: new Map() })
      }
      const bucket = buckets[id] as Bucket
      bucket.count += 1
      bucket.totalS += dtS
      bucket.energyJ += energyJ
      firstHour ??= Math.floor(startMs / HOUR_MS)
      if (hourly && Math.ceil(endMs / HOUR_MS) - firstHour > maxHours) {
        hourly = false
        for (const b of buckets) b.byHour.clear()
      }
      if (hourly) {
        const byHour = bucket.byHour
        const startHour = Math.floor(startMs / HOUR_MS)
        // Nearly every interval lies within one hour: no need to split it.
        if (endMs <= (startHour + 1) * HOUR_MS) byHour.set(startHour, (byHour.get(startHour) ?? 0) + energyJ)
        else trapezoidByHour(startMs, endMs, startW, endW, (h, j) => byHour.set(h, (byHour.get(h) ?? 0) + j))
      }
      if (length === ids.length || id >= 2 ** (8 * ids.BYTES_PER_ELEMENT)) ids = grown(id)
      ids[length] = id
      length += 1
      addRow(row)
    },
    count: () => length,
    finish(gapMedians) {
      const medianS = median(buckets, length)
      const limitS = medianS * gapMedians
      const isGap = buckets.map((b) => medianS > 0 && b.dtS > limitS)
      let energyJ = 0
      let integratedS = 0
      const energyByHourJ = hourly ? new Map<number, number>() : undefined
      buckets.forEach((b, id) => {
        if (isGap[id]) return
        energyJ += b.energyJ
        integratedS += b.totalS
        if (energyByHourJ) for (const [hour, j] of b.byHour) energyByHourJ.set(hour, (energyByHourJ.get(hour) ?? 0) + j)
      })
      const gaps: IntervalGap[] = []
      if (isGap.includes(true)) {
        let i = 0
        for (let run = 0; run < rowRuns.length; run += 3) {
          const first = rowRuns[run] as number
          const step = rowRuns[run + 1] as number
          const rows = rowRuns[run + 2] as number
          for (let k = 0; k < rows; k++, i++) {
            const id = ids[i] as number
            if (isGap[id]) gaps.push({ row: first + step * k, dtS: (buckets[id] as Bucket).dtS })
          }
        }
      }
      return { medianS, energyJ, integratedS, gaps, energyByHourJ }
    }
  }
}

/** The median of all intervals, from the buckets: the middle one, or the mean of the two middle ones. */
function median(buckets: Bucket[], count: number): number {
  if (count === 0) return 0
  const sorted = [...buckets].sort((a, b) => a.dtS - b.dtS)
  const at = (index: number): number => {
    let seen = 0
    for (const b of sorted) {
      seen += b.count
      if (index < seen) return b.dtS
    }
    return 0
  }
  const mid = count >> 1
  return count % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2
}
