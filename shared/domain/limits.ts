/**
 * Where a figure stops being possible for one ML run (issue 11: every number is finite and plausible, or refused;
 * docs/methodology.md). The zod schemas (domain/run.ts) and the importers' explicit checks read these, so a file, a form and the
 * command line refuse the same values. Beyond them an input is refused, not warned about: a run that far out is a
 * unit or clock error, and letting it in would put an absurd (or infinite) figure into the ledger and its backups.
 */
export const LIMITS = {
  /** Devices of one kind in one run: the largest training clusters hold tens of thousands of accelerators. */
  maxDeviceCount: 100_000,
  /** Mean power of one device, W: the largest accelerators draw 1.0–1.4 kW; 5 kW leaves room for a share of a node. */
  maxPowerPerDeviceW: 5_000,
  /** Energy of one run, kWh: 10 GWh, 100,000 devices at 1 kW for four days; more is a unit error. */
  maxEnergyKWh: 10_000_000,
  /** Duration of one run: 10 years (a continuous service may run for years; nothing runs for decades). */
  maxDurationS: 10 * 365.25 * 86_400,
  /** Memory reserved by one run, GB: 100,000 devices × 1 TB. */
  maxMemoryGB: 100_000_000,
  /** Cores of one CPU device. */
  maxCores: 10_000,
  /** A grid intensity, g/kWh: the dirtiest grids are near 1,100 (lignite, oil). */
  maxIntensityGPerKWh: 2_000,
  /** Emissions a file may report for one run: the largest energy at 2 kg/kWh. */
  maxEmissionsKg: 20_000_000,
  /** Years a run may start in (UTC), read as written (0099 is the year 99, refused, never 1999). */
  minYear: 2000,
  maxYear: 2100
} as const

/** Whether an ISO date-time's year (as written, the first four digits) lies in LIMITS' years. */
export function yearInRange(iso: string): boolean {
  const year = Number(iso.slice(0, 4))
  return /^\d{4}-/.test(iso) && year >= LIMITS.minYear && year <= LIMITS.maxYear
}

/** Throws unless every number is finite: the last guard before a computed figure reaches the ledger or a file. */
export function assertFinite(what: string, values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isFinite(value)) throw new RangeError(`${what}: ${name} is ${value}, not a finite number`)
  }
}
