import { z } from 'zod'
import { messageSchema } from '../messages/message'
import { rangeSchema } from './range'
import { sourceRefSchema } from './source'

/**
 * One line of the computation trace: what was used or computed, with its number, unit and origin. The label and the
 * formula are messages (ids and numbers), so the app shows them in its language with its decimals and the command
 * line and reports in English (shared/emissions/trace-text.ts); results stored before messages existed hold the
 * English text instead. Only one form is stored: a run's trace is most of its stored size.
 */
export const traceStepSchema = z
  .object({
    labelMsg: messageSchema.optional(),
    /** The formula with the numbers put in, e.g. "1 × 300 W × 1.00 × 100 h / 1000". */
    formulaMsg: messageSchema.optional(),
    /** English label and formula of results stored before messages. */
    label: z.string().optional(),
    formula: z.string().optional(),
    value: z.number(),
    unit: z.string(),
    /** SourceRef id of the dataset or default this value comes from. */
    sourceId: z.string().optional()
  })
  .refine((step) => step.labelMsg !== undefined || step.label !== undefined, {
    message: 'a trace line needs a label',
    path: ['label']
  })
export type TraceStep = z.infer<typeof traceStepSchema>

export const equivalentsSchema = z.object({
  carKm: z.number(),
  treeMonths: z.number(),
  /** Share of one passenger's Paris–London flight, or whichever flight the reference data gives. */
  flights: z.number()
})
export type Equivalents = z.infer<typeof equivalentsSchema>

/** The computed figures of one run, stored with it so that aggregation never recomputes. */
export const runResultSchema = z.object({
  /** 'measured' when a measured energy replaced the estimate. */
  method: z.enum(['estimated', 'measured']),
  itEnergyKWh: rangeSchema,
  /** Facility energy: IT energy × PUE. */
  energyKWh: rangeSchema,
  breakdownKWh: z.object({
    gpu: z.number(),
    cpu: z.number(),
    tpu: z.number(),
    memory: z.number(),
    overhead: z.number()
  }),
  pue: rangeSchema,
  intensityGPerKWh: rangeSchema,
  /** Location-based emissions. */
  emissionsKg: rangeSchema,
  /**
   * Present when the lab counts the file's own emissions (lab default countedEmissions 'reported'): emissionsKg is
   * then the file's figure, and these are the figures the ledger's data give, kept so both stay visible.
   */
  recomputed: z.object({ emissionsKg: rangeSchema, marketEmissionsKg: rangeSchema }).optional(),
  /** Market-based emissions (GHG Protocol Scope 2), reported beside location-based, never instead. */
  marketEmissionsKg: rangeSchema,
  /** Embodied emissions of the hardware's share of its manufacture (GSF SCI). */
  embodiedKg: rangeSchema,
  equivalents: equivalentsSchema,
  /** The resolved location's id and label, or 'unknown'. */
  locationId: z.string(),
  locationLabel: z.string(),
  /** locationLabel as a message when the method made it (an unknown location); absent when it is the data's name. */
  locationLabelMsg: messageSchema.optional(),
  trace: z.array(traceStepSchema),
  /** In English, for the command line and reports. */
  assumptions: z.array(z.string()),
  /** The same assumptions as messages (same order); absent in results stored before they existed. */
  assumptionMsgs: z.array(messageSchema).optional(),
  sources: z.array(sourceRefSchema),
  dataVersion: z.string()
})
export type RunResult = z.infer<typeof runResultSchema>

/**
 * What a report cites of a result besides its figures (issue 13): kept with a compact result so that a report need
 * not rebuild every run's trace (≈200 µs a run) for its assumptions, sources and factor register.
 */
export const citesSchema = z.object({
  /** The assumptions as messages, in order; their English text is english(message). */
  assumptionMsgs: z.array(messageSchema),
  /** Ids of the sources the result cites, in order. */
  sourceIds: z.array(z.string()),
  /**
   * The trace's grid-intensity line: how fine the factor is (its label says hourly, custom or else yearly) and its
   * source; absent when the trace has none.
   */
  intensity: z
    .object({ granularity: z.enum(['hourly', 'yearly', 'custom']), sourceId: z.string().optional() })
    .optional()
})
export type Cites = z.infer<typeof citesSchema>

/**
 * What the ledger stores of a result (issue 15): the figures, without the trace, assumptions and sources, which are
 * most of a run's size and are rebuilt on demand from the run's input and its compute stamp
 * (shared/ledger/compact.ts), and what a report cites of them (cites; absent in runs stored compact before it).
 * Results stored before schema version 4 that could not be rebuilt exactly keep them.
 */
export const storedResultSchema = runResultSchema
  .partial({
    trace: true,
    assumptions: true,
    assumptionMsgs: true,
    sources: true
  })
  .extend({ cites: citesSchema.optional() })
export type StoredResult = z.infer<typeof storedResultSchema>
