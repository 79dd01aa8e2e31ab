import { z } from 'zod'
import { deviceKindSchema } from '../domain/run'
import { sourceRefSchema } from '../domain/source'

/**
 * The schemas of the reference tables in data/. scripts/build-data.ts writes them from ../shared/reference-data;
 * shared/refdata validates them at load. One source of truth for their shape.
 */

export const hardwareEntrySchema = z.object({
  /** Stable slug, e.g. "gpu:nvidia-a100-sxm4-40gb". */
  id: z.string().min(1),
  kind: deviceKindSchema,
  name: z.string().min(1),
  vendor: z.string().optional(),
  /** Thermal design power of the whole device. For per-core CPUs, tdpW = tdpPerCoreW × cores. */
  tdpW: z.number().positive(),
  /** Green Algorithms gives CPU power per core. */
  tdpPerCoreW: z.number().positive().optional(),
  cores: z.number().int().positive().optional(),
  /** Peak FP32 of the ordinary (non-tensor) cores. Absent when its basis is unknown (TPUs publish none). */
  fp32Tflops: z.number().positive().optional(),
  /** Dense (no sparsity) FP16/BF16 tensor-core peak at FP32 accumulate; the plain FP16 peak without tensor cores. */
  fp16Tflops: z.number().positive().optional(),
  memoryGB: z.number().positive().optional(),
  releaseYear: z.number().int().optional(),
  /** Normalised spellings that identify this device (nvidia-smi names, CodeCarbon models, marketing names). */
  aliases: z.array(z.string()),
  /** SourceRef ids. */
  sourceIds: z.array(z.string()).min(1)
})
export type HardwareEntry = z.infer<typeof hardwareEntrySchema>

/** A grid intensity of one year, gCO2eq/kWh, with the dataset it comes from. */
export const yearlyIntensitySchema = z.object({
  year: z.number().int(),
  intensityGPerKWh: z.number().nonnegative(),
  sourceId: z.string(),
  /** Share of renewables in the grid's mix that year (Electricity Maps), 0–1. Informational: never market-based. */
  gridRenewableShare: z.number().min(0).max(1).optional(),
  /** Share of carbon-free (renewable and nuclear) generation in the grid's mix that year (Electricity Maps), 0–1. */
  gridCarbonFreeShare: z.number().min(0).max(1).optional()
})
export type YearlyIntensity = z.infer<typeof yearlyIntensitySchema>

export const locationKindSchema = z.enum(['country', 'zone', 'cloud'])

export const locationEntrySchema = z.object({
  /** "country:FRA", "zone:DE-LU", "cloud:gcp:us-central1". */
  id: z.string().min(1),
  kind: locationKindSchema,
  name: z.string().min(1),
  iso2: z.string().length(2).optional(),
  iso3: z.string().length(3).optional(),
  provider: z.string().optional(),
  region: z.string().optional(),
  /** For a cloud region or a zone: the country (ISO3) it lies in, when known. */
  countryIso3: z.string().length(3).optional(),
  /** Yearly averages, oldest first. */
  intensities: z.array(yearlyIntensitySchema).min(1),
  /** The provider's PUE for cloud regions, when published. */
  pue: z.number().min(1).optional(),
  /** Share of the energy matched by the provider's renewable purchases (mlco2 offsetRatio / 100), 0–1. */
  renewableShare: z.number().min(0).max(1).optional(),
  /** The zone whose hourly profile applies, when the app ships one. */
  hourlyZone: z.string().optional(),
  /** Other names it may be written as (normalised: lower case, no accents). */
  aliases: z.array(z.string())
})
export type LocationEntry = z.infer<typeof locationEntrySchema>

/** Hours of an hourly profile that the source left empty and the build filled in (issue 12). */
export const filledHoursSchema = z.object({
  /** ISO 8601 UTC of the first filled hour. */
  fromUtc: z.string(),
  hours: z.number().int().positive(),
  /** How they were filled, one sentence. */
  method: z.string()
})
export type FilledHours = z.infer<typeof filledHoursSchema>

/** One zone's hourly intensities, compacted: a start hour (UTC) and one value per following hour. */
export const hourlyProfileSchema = z.object({
  /** The key the app ships it under (data/hourly/<zone>/<year>.json) and LocationEntry.hourlyZone refers to. */
  zone: z.string(),
  name: z.string(),
  /** The Zone Id column of the export, when it differs from the key (the DE-LU export carries zone DE). */
  zoneId: z.string().optional(),
  /** ISO 8601 UTC of the first hour. */
  startUtc: z.string(),
  /** gCO2eq/kWh, life-cycle, one per hour from startUtc. */
  lifecycleGPerKWh: z.array(z.number().nonnegative()),
  /** gCO2eq/kWh, direct (combustion only). */
  directGPerKWh: z.array(z.number().nonnegative()),
  /** Hours whose values the data source marks as estimated (filled hours included). */
  estimatedHours: z.number().int().nonnegative(),
  /** Hours the source left empty, filled by the build (counted in estimatedHours). */
  filled: z.array(filledHoursSchema).optional(),
  sourceId: z.string()
})
export type HourlyProfile = z.infer<typeof hourlyProfileSchema>

/** Defaults of the method, each with its source (data/defaults.json). */
export const methodDefaultsSchema = z.object({
  memoryWPerGB: z.number().positive(),
  pue: z.object({
    unknownDataCentre: z.number(),
    personalComputer: z.number(),
    byProvider: z.record(z.string(), z.number())
  }),
  equivalents: z.object({
    carGPerKm: z.number(),
    treeMonthG: z.number(),
    flightKg: z.number(),
    flightLabel: z.string()
  }),
  /** Embodied emissions per device class (GSF SCI): total embodied kg and expected lifespan in years. */
  embodied: z.record(
    z.string(),
    z.object({ totalKg: z.number(), lifespanYears: z.number(), sourceId: z.string(), note: z.string() })
  ),
  worldIntensityGPerKWh: z.number(),
  sourceIds: z.record(z.string(), z.string())
})
export type MethodDefaults = z.infer<typeof methodDefaultsSchema>

export const dataManifestSchema = z.object({
  dataVersion: z.string(),
  generatedFrom: z.array(z.object({ repository: z.string(), commit: z.string(), path: z.string() })),
  /** The zones of data/hourly/<zone>/. */
  hourlyZones: z.array(z.string()).optional(),
  /** The years of each zone's hourly profiles, data/hourly/<zone>/<year>.json (issue 12). */
  hourlyYears: z.record(z.string(), z.array(z.number().int())).optional(),
  sources: z.array(sourceRefSchema.extend({ retrieved: z.string().optional(), attribution: z.string() }))
})
export type DataManifest = z.infer<typeof dataManifestSchema>
