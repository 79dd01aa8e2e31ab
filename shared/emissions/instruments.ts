import { z } from 'zod'
import { LIMITS } from '../domain/limits'

/**
 * The lab's contractual instruments for market-based Scope 2 emissions (GHG Protocol Scope 2 guidance, ch. 6–7),
 * kept in Settings and applied where the period's figures are summed (market.ts). Periods are whole UTC months
 * ('YYYY-MM', inclusive), the rollups' grain; places are a country (ISO 3166 alpha-2 or alpha-3) or an Electricity
 * Maps zone ('DE', 'DE-LU', 'US-CAL-CISO'), matched against a run's resolved location and the grid it draws from.
 */
export const monthSchema = z.string().regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/)

/** A place as typed: upper case, no surrounding space. */
export const placeSchema = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .transform((s) => s.toUpperCase())

const periodFields = { fromMonth: monthSchema, toMonth: monthSchema }
const inOrder = (p: { fromMonth: string; toMonth: string }) => p.fromMonth <= p.toMonth
const ORDER = { message: 'the period ends before it starts', path: ['toMonth'] }

const intensity = z.number().nonnegative().max(LIMITS.maxIntensityGPerKWh)

/** A supplier-specific emission factor: the lab's electricity contract for a place and period. */
export const supplierFactorSchema = z
  .object({
    id: z.string().min(1),
    place: placeSchema,
    ...periodFields,
    intensityGPerKWh: intensity,
    /** Where the factor is published (the supplier's disclosure, its year). */
    source: z.string().trim().min(1).max(300)
  })
  .refine(inOrder, ORDER)
export type SupplierFactor = z.infer<typeof supplierFactorSchema>

export const certificateTypeSchema = z.enum(['GO', 'REC', 'I-REC', 'other'])

/**
 * Energy attribute certificates (guarantees of origin, RECs): a volume of MWh for a place (market boundary) and a
 * production period. The energy they cover gets their factor: 0 for renewable or nuclear origins.
 */
export const certificateSchema = z
  .object({
    id: z.string().min(1),
    type: certificateTypeSchema,
    volumeMWh: z.number().positive().max(1e7),
    place: placeSchema,
    ...periodFields,
    intensityGPerKWh: intensity.default(0),
    /** The registry's certificate or cancellation id. */
    reference: z.string().trim().min(1).max(200)
  })
  .refine(inOrder, ORDER)
export type Certificate = z.infer<typeof certificateSchema>

/** A cloud provider's published market-based factor for a year; used only if the lab opts in (optInProviderClaims). */
export const providerClaimSchema = z.object({
  id: z.string().min(1),
  provider: z.string().trim().min(1).max(60),
  intensityGPerKWh: intensity,
  year: z.number().int().min(2000).max(2100),
  source: z.string().trim().min(1).max(300)
})
export type ProviderClaim = z.infer<typeof providerClaimSchema>

/**
 * A residual-mix factor the lab enters for a place and year (e.g. from the AIB European Residual Mix): the grid with
 * the attributes sold as certificates taken out. None is bundled with the app, so energy no instrument covers falls
 * back to location-based unless the lab records one.
 */
export const residualMixSchema = z.object({
  id: z.string().min(1),
  place: placeSchema,
  year: z.number().int().min(2000).max(2100),
  intensityGPerKWh: intensity,
  /** Where the factor is published (e.g. "AIB European Residual Mix 2024, table 2"). */
  source: z.string().trim().min(1).max(300)
})
export type ResidualMixEntry = z.infer<typeof residualMixSchema>

export const instrumentsSchema = z.object({
  supplierFactors: z.array(supplierFactorSchema).default([]),
  certificates: z.array(certificateSchema).default([]),
  providerClaims: z.array(providerClaimSchema).default([]),
  residualMixes: z.array(residualMixSchema).default([]),
  /** Providers' claims count only when the lab says so: they are the provider's, not the lab's, contracts. */
  optInProviderClaims: z.boolean().default(false)
})
export type Instruments = z.infer<typeof instrumentsSchema>

/** A carbon offset the lab bought: recorded and reported apart; it never reduces a figure. */
export const offsetSchema = z.object({
  id: z.string().min(1),
  tonnes: z.number().positive().max(1e9),
  project: z.string().trim().min(1).max(300),
  year: z.number().int().min(2000).max(2100)
})
export type Offset = z.infer<typeof offsetSchema>

/** Whether the lab holds any instrument (or residual mix) that changes a market-based figure. */
export const hasInstruments = (i: Instruments): boolean =>
  i.supplierFactors.length > 0 ||
  i.certificates.length > 0 ||
  i.residualMixes.length > 0 ||
  (i.optInProviderClaims && i.providerClaims.length > 0)
