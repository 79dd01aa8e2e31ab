import { z } from 'zod'

/**
 * A figure with its uncertainty: the best estimate and the interval it lies in.
 * Every computed quantity in the app is a Range; a certain one has low === value === high.
 */
export const rangeSchema = z
  .object({ value: z.number(), low: z.number(), high: z.number() })
  .refine((r) => r.low <= r.value && r.value <= r.high, { message: 'a range needs low ≤ value ≤ high' })
export type Range = z.infer<typeof rangeSchema>

export const exact = (value: number): Range => ({ value, low: value, high: value })

/** value ± a relative spread, e.g. spread(100, 0.1) → 90 … 110. */
export const spread = (value: number, relative: number): Range => ({
  value,
  low: value * (1 - relative),
  high: value * (1 + relative)
})

export const add = (...ranges: Range[]): Range =>
  ranges.reduce((sum, r) => ({ value: sum.value + r.value, low: sum.low + r.low, high: sum.high + r.high }), exact(0))

/** Product of non-negative ranges: the bounds multiply (interval arithmetic for positive quantities). */
export const multiply = (...ranges: Range[]): Range =>
  ranges.reduce((p, r) => ({ value: p.value * r.value, low: p.low * r.low, high: p.high * r.high }), exact(1))

export const scale = (r: Range, factor: number): Range =>
  factor >= 0
    ? { value: r.value * factor, low: r.low * factor, high: r.high * factor }
    : { value: r.value * factor, low: r.high * factor, high: r.low * factor }
