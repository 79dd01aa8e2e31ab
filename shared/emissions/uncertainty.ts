/**
 * The uncertainty of each input of the method, in one place. Each constant is a multiplier of the best estimate
 * (low ≤ 1 ≤ high) or a relative spread (± share). docs/methodology.md lists them for lab managers; keep both in step.
 *
 * The ranges are judgement bounds, not statistical confidence intervals: they say how far the real figure can
 * plausibly be from the estimate given where the number comes from.
 */

/** A fraction of TDP with the bounds it plausibly lies in. */
export interface TdpFraction {
  value: number
  low: number
  high: number
}

/**
 * The power model of a catalogue device: P(u) = P_idle + u × (P_max − P_idle), each a fraction of its TDP per device
 * class (docs/methodology.md). A device draws power when idle, so utilisation 0 is not 0 W; and TDP is a cooling
 * envelope, not the draw at full load. POWER_MODEL_SOURCE cites where each fraction comes from.
 *
 * GPUs (and TPUs, for which no per-chip idle figure is published, so the GPU's are used): an H100 80GB HBM3 (TDP
 * 700 W; tests/fixtures/import/nvidia-smi/h100-training-power.csv) drew 131 W idle with a CUDA context (0.19), 72 W
 * with none (0.10), and 634 W at full load (0.91). A CUDA context adds 26–50 W over bare idle on HBM GPUs (Vadari
 * 2026, arXiv:2605.23918) and smaller boards idle at a larger share of a lower TDP: idle high 0.4. Full load low 0.6:
 * memory-bound jobs, and published node measurements put training at about 76 % of TDP; high 1.1: a board's power
 * limit can be set above the catalogue TDP of its model's lower variant.
 */
export const GPU_POWER_MODEL = {
  idle: { value: 0.19, low: 0.1, high: 0.4 },
  full: { value: 0.9, low: 0.6, high: 1.1 }
} as const satisfies Record<'idle' | 'full', TdpFraction>

/**
 * CPUs: no measurement ships with the project, so these are judgement bounds: a server processor's package idles at
 * about 10–50 % of its TDP depending on its power states, and sustained all-core load holds it at TDP, briefly above
 * (turbo power limits), or under it for light, memory-bound work.
 */
export const CPU_POWER_MODEL = {
  idle: { value: 0.3, low: 0.1, high: 0.5 },
  full: { value: 1, low: 0.7, high: 1.1 }
} as const satisfies Record<'idle' | 'full', TdpFraction>

/**
 * A power the user typed in: it may be a wall-meter reading or a spec-sheet figure, we cannot tell which; ±15 %
 * covers the gap between a nameplate and a metered average at steady load.
 */
export const USER_POWER_SPREAD = 0.15

/** A measured mean power (nvidia-smi, CodeCarbon): on-board power sensors are specified to about ±5 %. */
export const MEASURED_POWER_SPREAD = 0.05

/**
 * Memory power, 0.3725 W/GB (Green Algorithms): one measurement of one DDR platform; DRAM draw per GB depends on
 * generation, density and activity, so half to one and a half times that figure.
 */
export const MEMORY_POWER = { low: 0.5, high: 1.5 } as const

/** A measured energy (CodeCarbon energy_consumed, an integrated nvidia-smi log): the same sensors, ±5 %. */
export const MEASURED_ENERGY_SPREAD = 0.05

/**
 * A PUE stated for the run or by the lab, and a cloud provider's published PUE: these are annual fleet or site
 * averages; the hours of one run see seasonal and load variation of a few percent. Low never goes under 1.
 */
export const STATED_PUE_SPREAD = 0.05

/**
 * PUE of an unknown data centre: 1.56 is the Uptime Institute 2024 survey average; real sites run from hyperscale
 * halls near 1.1 to older enterprise rooms near 2.0.
 */
export const UNKNOWN_PUE_BOUNDS = { low: 1.1, high: 2.0 } as const

/**
 * Yearly average intensity of the run's own year: datasets disagree by several percent (life-cycle vs direct
 * factors, Electricity Maps vs Ember), and a run's hours are not the year's average hours. ±10 %.
 */
export const SAME_YEAR_INTENSITY_SPREAD = 0.1

/**
 * Yearly average of another year (the run's year is not in the data): grids change by a few percent a year (European
 * grids have fallen by roughly 3–6 % a year over the last decade), so each year away adds 5 %, up to ±50 % in all.
 */
export const OTHER_YEAR_SPREAD_PER_YEAR = 0.05
export const MAX_INTENSITY_SPREAD = 0.5

/**
 * Mean of an hourly profile over the run's own hours: it follows the grid hour by hour, so what is left is the data's
 * own error, ±5 % for measured hours; hours the source marks as estimated (whole zones are, e.g. IN-WE, JP-TK) add
 * up to 10 % more in proportion to their share.
 */
export const HOURLY_INTENSITY_SPREAD = 0.05
export const HOURLY_ESTIMATED_EXTRA_SPREAD = 0.1

/** A custom intensity given by the user, usually a supplier's annual figure: treated like a same-year average. */
export const CUSTOM_INTENSITY_SPREAD = SAME_YEAR_INTENSITY_SPREAD

/**
 * Unknown location, world average 475 g/kWh (Green Algorithms): the run could be anywhere from a hydro or nuclear
 * grid (Norway, France: 20–60 g/kWh) to a coal-heavy one (South Africa, Poland, India: 650–850 g/kWh).
 */
export const UNKNOWN_INTENSITY_FACTORS = { low: 0.1, high: 1.8 } as const

/**
 * Embodied emissions (GSF SCI): life-cycle assessments of the same device class differ by about a factor of two
 * either way, and the expected lifespan (3–6 years in practice) scales the share charged to one run.
 */
export const EMBODIED_FACTORS = { low: 0.5, high: 2 } as const
