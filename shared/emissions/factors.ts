import { z } from 'zod'
import { rangeSchema } from '../domain/range'
import { deviceKindSchema } from '../domain/run'
import { sourceRefSchema } from '../domain/source'
import { messageSchema } from '../messages/message'
import { methodDefaultsSchema } from '../refdata/schema'

/**
 * Every factor a run's computation needs, already looked up and given its range: computeRun is pure arithmetic on
 * these. resolveFactors builds them from the reference data and the lab's defaults; tests build them by hand.
 */

export const powerOriginSchema = z.enum(['measured', 'user', 'catalogue', 'unknown'])
export type PowerOrigin = z.infer<typeof powerOriginSchema>

/** The power of one device of input.devices[i] (same index), before utilisation and count. */
export const devicePowerSchema = z.object({
  powerW: rangeSchema,
  origin: powerOriginSchema,
  /** How the power was found, as a sentence fragment for the trace, e.g. "catalogue TDP of NVIDIA A100 (400 W)". */
  detail: z.string(),
  /** detail as a message, for the app's language; hand-built factors may leave it out. */
  detailMsg: messageSchema.optional(),
  /**
   * Catalogue (or family) powers: the draw idle and at full load, for P(u) = idle + u × (full − idle). Absent for a
   * measured or entered power, which is used as given (× utilisation for an entered one).
   */
  model: z.object({ tdpW: z.number(), idleW: rangeSchema, fullW: rangeSchema }).optional(),
  /** Catalogue entry used, when any. */
  hardwareId: z.string().optional(),
  /** Embodied class key (defaults.embodied), normally the device kind. */
  embodiedClass: deviceKindSchema,
  sourceId: z.string().optional()
})
export type DevicePower = z.infer<typeof devicePowerSchema>

export const pueOriginSchema = z.enum(['run', 'provider', 'lab', 'unknown-data-centre', 'personal-computer'])
export type PueOrigin = z.infer<typeof pueOriginSchema>

export const renewableOriginSchema = z.enum(['run', 'provider', 'lab', 'none'])
export type RenewableOrigin = z.infer<typeof renewableOriginSchema>

export const intensityOriginSchema = z.enum(['yearly', 'hourly', 'custom', 'unknown'])
export type IntensityOrigin = z.infer<typeof intensityOriginSchema>

export const resolvedLocationSchema = z.object({
  /** Location entry id, 'custom' or 'unknown'. */
  id: z.string(),
  label: z.string(),
  /** label as a message when the method made it (an unknown location) rather than taking the data's name. */
  labelMsg: messageSchema.optional(),
  intensityGPerKWh: rangeSchema,
  origin: intensityOriginSchema,
  sourceId: z.string(),
  /** Year of the yearly average used (absent for hourly, custom and unknown). */
  year: z.number().int().optional(),
  /** Whether the yearly average is of the run's own year. */
  exactYear: z.boolean(),
  hourly: z.boolean(),
  /** 'power-samples': the hours weighed by the run's measured energy per hour (nvidia-smi); absent: uniform power. */
  hourlyWeighting: z.literal('power-samples').optional(),
  /** Which of the run's hours took their intensity from an hourly profile and which from a yearly value (issue 12). */
  hourlySpans: z
    .array(
      z.object({
        fromUtc: z.string(),
        toUtc: z.string(),
        origin: z.enum(['hourly', 'yearly']),
        year: z.number().int(),
        meanGPerKWh: z.number().nonnegative(),
        energyShare: z.number().min(0).max(1)
      })
    )
    .optional(),
  /** A cloud region's own published factor (mlco2, CCF, CodeCarbon), traced beside the grid's for comparison. */
  comparison: z.object({ intensityGPerKWh: z.number(), sourceId: z.string(), year: z.number().int() }).optional(),
  /** The grid zone or country a cloud region's intensity comes from, when it is not the region's own figure. */
  gridLabel: z.string().optional(),
  /** Where the location came from: the run itself or the lab's default location. */
  from: z.enum(['run', 'lab'])
})
export type ResolvedLocation = z.infer<typeof resolvedLocationSchema>

export const resolvedFactorsSchema = z.object({
  devices: z.array(devicePowerSchema),
  memoryWPerGB: z.number().positive(),
  memorySourceId: z.string(),
  location: resolvedLocationSchema,
  pue: z.object({ pue: rangeSchema, origin: pueOriginSchema, sourceId: z.string() }),
  /** Share of the energy matched by renewable purchases, 0–1: market-based emissions only. */
  renewable: z.object({
    share: z.number().min(0).max(1),
    origin: renewableOriginSchema,
    sourceId: z.string().optional(),
    /**
     * The lab's supplier-specific factor for the energy the share does not cover; absent: the location-based
     * intensity (no residual mix ships with the app), with an assumption saying it likely understates.
     */
    uncoveredGPerKWh: z.number().nonnegative().optional()
  }),
  embodied: methodDefaultsSchema.shape.embodied,
  equivalents: methodDefaultsSchema.shape.equivalents,
  equivalentsSourceIds: z.object({ carKm: z.string(), treeMonths: z.string(), flights: z.string() }),
  /** Assumptions made while resolving (unknown hardware, fallback location, ...), as plain sentences. */
  assumptions: z.array(z.string()),
  /** The same assumptions as messages (same order); hand-built factors may leave it out. */
  assumptionMsgs: z.array(messageSchema).optional(),
  /** Every source any factor may cite; computeRun keeps those its trace uses. */
  sources: z.array(sourceRefSchema),
  dataVersion: z.string()
})
export type ResolvedFactors = z.infer<typeof resolvedFactorsSchema>
