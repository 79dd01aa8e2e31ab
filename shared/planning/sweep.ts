import { pauseResumeSpanEnd, type ShiftStrategy } from './timeshift'

/**
 * Every start hour at once (issue 12): for a job of n hours, the intensity-hours (Σ gCO2eq/kWh over the hours run) of
 * the baseline and of each strategy for every start s whose strategy span fits in the values. Multiply by kW / 1000 for
 * kg. Linear or near-linear per strategy, so a year × the paper's eight settings takes milliseconds:
 *
 * - Flexible Start (window W): the block sums B[t] by prefix sums, then the minimum of B over [s, s+W] by a sliding
 *   window minimum (a monotonic deque): each start enters and leaves it once.
 * - Pause and Resume (span m = floor(n × (1 + p/100))): the window's values kept sorted as it slides (one removal and
 *   one insertion by binary search per step, never a re-sort), the n smallest summed.
 */
export interface SweepResult {
  /** Starts swept: 0 … starts − 1 (every s with s + span ≤ length for the widest strategy asked). */
  starts: number
  /** Σ intensity over the baseline n hours from each start. */
  baseline: Float64Array
  /** Per strategy (same order as asked), Σ intensity over the chosen hours from each start. */
  optimized: Float64Array[]
}

/** Hours from s a strategy looks at: n + W for Flexible Start, floor(n × (1 + p/100)) for Pause and Resume. */
export function strategySpan(n: number, strategy: ShiftStrategy): number {
  return strategy.kind === 'flexible' ? n + strategy.windowHours : pauseResumeSpanEnd(0, n, strategy.extraPercent)
}

function blockSums(values: ArrayLike<number>, n: number): Float64Array {
  const sums = new Float64Array(Math.max(0, values.length - n + 1))
  let sum = 0
  for (let i = 0; i < n; i++) sum += values[i]!
  if (sums.length > 0) sums[0] = sum
  // Re-summed every 1,024 steps so that the running sum's rounding never grows.
  for (let t = 1; t < sums.length; t++) {
    if (t % 1024 === 0) {
      sum = 0
      for (let i = t; i < t + n; i++) sum += values[i]!
    } else sum += values[t + n - 1]! - values[t - 1]!
    sums[t] = sum
  }
  return sums
}

function flexibleSweep(blocks: Float64Array, window: number, starts: number): Float64Array {
  const out = new Float64Array(starts)
  const deque = new Int32Array(blocks.length)
  let head = 0
  let tail = 0
  let next = 0
  for (let s = 0; s < starts; s++) {
    for (; next <= s + window; next++) {
      while (tail > head && blocks[deque[tail - 1]!]! >= blocks[next]!) tail--
      deque[tail++] = next
    }
    while (deque[head]! < s) head++
    out[s] = blocks[deque[head]!]!
  }
  return out
}

/** First index of `sorted` whose value is ≥ value. */
function lowerBound(sorted: number[], value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

function pauseResumeSweep(values: ArrayLike<number>, n: number, span: number, starts: number): Float64Array {
  const out = new Float64Array(starts)
  if (starts === 0) return out
  const window: number[] = []
  for (let i = 0; i < span; i++) window.splice(lowerBound(window, values[i]!), 0, values[i]!)
  for (let s = 0; s < starts; s++) {
    if (s > 0) {
      window.splice(lowerBound(window, values[s - 1]!), 1)
      const entering = values[s + span - 1]!
      window.splice(lowerBound(window, entering), 0, entering)
    }
    let sum = 0
    for (let k = 0; k < n; k++) sum += window[k]!
    out[s] = sum
  }
  return out
}

/** Sweeps every start of `values` for a job of n hours under each strategy (see SweepResult). */
export function sweepStarts(values: ArrayLike<number>, n: number, strategies: readonly ShiftStrategy[]): SweepResult {
  const widest = Math.max(n, ...strategies.map((s) => strategySpan(n, s)))
  const starts = Math.max(0, values.length - widest + 1)
  const blocks = blockSums(values, n)
  return {
    starts,
    baseline: blocks.slice(0, starts),
    optimized: strategies.map((strategy) =>
      strategy.kind === 'flexible'
        ? flexibleSweep(blocks, strategy.windowHours, starts)
        : pauseResumeSweep(values, n, strategySpan(n, strategy), starts)
    )
  }
}
