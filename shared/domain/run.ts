import { z } from 'zod'
import { LIMITS, yearInRange } from './limits'

/** What a run was for. Aggregations and reports group by it. */
export const runKindSchema = z.enum(['training', 'fine-tuning', 'hyperparameter-search', 'inference', 'other'])
export type RunKind = z.infer<typeof runKindSchema>

export const deviceKindSchema = z.enum(['gpu', 'cpu', 'tpu'])
export type DeviceKind = z.infer<typeof deviceKindSchema>

/**
 * One kind of device used by a run. Power comes, in this order of preference, from a measured mean power,
 * a user override, or the catalogue entry's TDP (per core × cores for CPUs given per core).
 */
export const deviceInputSchema = z.object({
  kind: deviceKindSchema,
  /** Catalogue id (data/hardware.json); absent for hardware only known by name or by power. */
  hardwareId: z.string().min(1).optional(),
  /** Display name, as the user or the imported file wrote it. */
  name: z.string().min(1),
  /** A whole number of devices, 1–100,000 (LIMITS). */
  count: z.number().int().min(1).max(LIMITS.maxDeviceCount),
  /** Mean utilisation of the device's power over the run, 0–1. */
  utilization: z.number().min(0).max(1).default(1),
  /** A power given by the user, replacing the catalogue TDP. */
  powerW: z.number().nonnegative().max(LIMITS.maxPowerPerDeviceW).optional(),
  /** A measured mean power (nvidia-smi, CodeCarbon), preferred over everything. */
  measuredPowerW: z.number().nonnegative().max(LIMITS.maxPowerPerDeviceW).optional(),
  /** CPUs whose catalogue power is per core (Green Algorithms): the cores reserved. */
  cores: z.number().positive().max(LIMITS.maxCores).optional()
})
export type DeviceInput = z.infer<typeof deviceInputSchema>

/** Where the electricity came from: it decides the grid intensity, the default PUE and the market-based share. */
export const locationInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cloud'), provider: z.string().min(1), region: z.string().min(1) }),
  /** ISO 3166-1 alpha-2 or alpha-3 code. */
  z.object({ kind: z.literal('country'), code: z.string().min(2).max(3) }),
  /** Electricity Maps zone id, e.g. DE-LU, US-CAL-CISO. */
  z.object({ kind: z.literal('zone'), zone: z.string().min(1) }),
  z.object({
    kind: z.literal('custom'),
    intensityGPerKWh: z.number().nonnegative().max(LIMITS.maxIntensityGPerKWh),
    label: z.string().min(1)
  }),
  z.object({ kind: z.literal('unknown') })
])
export type LocationInput = z.infer<typeof locationInputSchema>

/**
 * What an imported file itself says about a run, beside what the ledger computes (issue 11, reconciliation): kept as
 * written so the run detail, the import preview and the runs CSV can show both and explain the gap
 * (shared/emissions/reconcile.ts). The file's emissions stay in `reportedEmissionsKg`, its one home.
 */
export const reportedFiguresSchema = z.object({
  /** The file's total energy, kWh (CodeCarbon `energy_consumed`, its `pue` already multiplied in; or its parts' sum). */
  energyKWh: z.number().nonnegative().max(LIMITS.maxEnergyKWh).optional(),
  /** The intensity the file used, g/kWh: its emissions / its energy (absent when either is missing or the energy 0). */
  intensityGPerKWh: z.number().nonnegative().max(LIMITS.maxIntensityGPerKWh).optional(),
  /** The PUE the file applied (CodeCarbon 2.2.3+ `pue`); absent: the file applied none (older releases). */
  pue: z.number().min(1).max(5).optional(),
  /** The location as written: country name and ISO code, region, cloud provider and region. */
  countryName: z.string().max(200).optional(),
  countryIso: z.string().max(10).optional(),
  region: z.string().max(200).optional(),
  cloudProvider: z.string().max(100).optional(),
  cloudRegion: z.string().max(100).optional(),
  /**
   * CodeCarbon could not locate the machine and fell back to its default (Canada/Quebec at -71.2, 46.8) or wrote no
   * country: the file's intensity is then not the machine's grid.
   */
  locationFallback: z.boolean().default(false),
  /** The tool's version that wrote the row, when the file says. */
  toolVersion: z.string().max(50).optional()
})
export type ReportedFigures = z.infer<typeof reportedFiguresSchema>

/** Where a run came from, so that a re-import of the same file updates instead of duplicating. */
export const runSourceSchema = z.object({
  kind: z.enum(['manual', 'codecarbon', 'nvidia-smi', 'ledger', 'slurm']),
  fileName: z.string().optional(),
  /** The id the source gives the run (CodeCarbon run_id, nvidia-smi GPU uuid + start), for idempotent re-imports. */
  externalId: z.string().optional(),
  /** A scheduler's job id as the scheduler prints it (Slurm JobID: 58101, 7700_3, 58200), to join with its records. */
  jobId: z.string().min(1).max(100).optional()
})
export type RunSource = z.infer<typeof runSourceSchema>

/** ISO 8601 with an offset, in the years LIMITS allows (as written: '0099-…' is refused, never read as 1999). */
const isoDateTime = z.iso
  .datetime({ offset: true, local: false })
  .refine((iso) => !/^\d{4}-/.test(iso) || yearInRange(iso), {
    message: `the year must be between ${LIMITS.minYear} and ${LIMITS.maxYear}`
  })

/** The most UTC hours a run of this length can touch: its started hours, plus one when it does not start on the hour. */
const maxHoursOf = (durationS: number): number => Math.ceil(durationS / 3600) + 1

/**
 * Everything the user (or an import) says about a run. The computed figures live in RunResult;
 * a run in the ledger stores both.
 */
const runInputFields = z.object({
  kind: runKindSchema.default('training'),
  title: z.string().max(500).default(''),
  project: z.string().max(200).default(''),
  person: z.string().max(200).default(''),
  /** Start, ISO 8601 with offset (UTC 'Z' when the source gives no zone, with a warning). */
  startedAt: isoDateTime,
  durationS: z.number().nonnegative().max(LIMITS.maxDurationS),
  /**
   * Continuous services (inference endpoints): the run spans startedAt + durationS but the hardware works only this
   * many hours a day. Absent: it works the whole duration.
   */
  hoursPerDay: z.number().gt(0).max(24).optional(),
  devices: z.array(deviceInputSchema).default([]),
  memoryGB: z.number().nonnegative().max(LIMITS.maxMemoryGB).optional(),
  location: locationInputSchema.default({ kind: 'unknown' }),
  /** Power Usage Effectiveness set for this run; absent: the default for its location kind. */
  pue: z.number().min(1).max(5).optional(),
  /** IT energy measured by a tool, replacing the estimate. */
  measuredEnergyKWh: z.number().nonnegative().max(LIMITS.maxEnergyKWh).optional(),
  /**
   * The measured IT energy per UTC hour, kWh, from the hour the run started in, one value per hour it touches
   * (nvidia-smi: the power samples' trapezoids in each hour; 0 in a gap). It weighs the run's hourly intensity
   * (docs/methodology.md); only its shape counts there, the run's energy stays measuredEnergyKWh.
   */
  energyByHourKWh: z
    .array(z.number().nonnegative().max(LIMITS.maxEnergyKWh))
    .max(maxHoursOf(LIMITS.maxDurationS))
    .optional(),
  /** Whether measuredEnergyKWh already includes the PUE (CodeCarbon multiplies its energies by its pue column). */
  measuredEnergyIncludesPue: z.boolean().default(false),
  /** Emissions reported by the source file (CodeCarbon), kept for comparison with ours. */
  reportedEmissionsKg: z.number().nonnegative().max(LIMITS.maxEmissionsKg).optional(),
  /** The rest of what the file reported (energy, intensity, PUE, location as written), for the reconciliation. */
  reported: reportedFiguresSchema.optional(),
  /** Share of the energy covered by renewable purchases (lab contract), 0–1, for market-based emissions. */
  renewableShare: z.number().min(0).max(1).optional(),
  tags: z.array(z.string().max(100)).default([]),
  /**
   * How a scheduler job ended (issue 14): its state as the scheduler wrote it (Slurm FAILED, TIMEOUT, …) and whether
   * it ran to completion. Failed, cancelled, timed-out and out-of-memory jobs used energy too: they are kept, marked.
   * Absent: not a scheduler job (taken as successful).
   */
  outcome: z.object({ state: z.string().min(1).max(40), successful: z.boolean() }).optional(),
  notes: z.string().max(10_000).default(''),
  source: runSourceSchema.default({ kind: 'manual' })
})
/** A hostile or edited file cannot give a run more hours of energy than it can touch. */
export const runInputSchema = runInputFields.refine(
  (run) => run.energyByHourKWh === undefined || run.energyByHourKWh.length <= maxHoursOf(run.durationS),
  { path: ['energyByHourKWh'], message: 'more hours than the run touches (one per started hour, plus one)' }
)
export type RunInput = z.infer<typeof runInputSchema>
/** The shape callers write (defaults may be omitted). */
export type RunInputDraft = z.input<typeof runInputSchema>
