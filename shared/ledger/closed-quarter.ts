import { z } from 'zod'
import type { ReportModel } from '../report/model'

/**
 * A closed quarter (issue 13): the lab-scope report as it was filed, with what computed it and who signed it.
 * The model is stored as built at closing (printed from it unchanged); `runs` is a stamp of every run of the quarter
 * at closing, from which a later difference in the figures is explained (edit, import, recompute, data update,
 * deletion; shared/report/restatements.ts).
 */
const epochMs = z.number().int().nonnegative()

/** '2026-Q1'. */
export const quarterKeySchema = z.string().regex(/^\d{4}-Q[1-4]$/)

/**
 * The first instant after a quarter, in UTC. A quarter is closed (its figures filed and signed) only from then on:
 * runs of its last days may still come in before.
 */
export const quarterEndMs = (quarter: string): number =>
  Date.UTC(Number(quarter.slice(0, 4)), Number(quarter.slice(6)) * 3, 1)

export const signOffSchema = z.object({
  preparedBy: z.string().trim().min(1).max(200),
  reviewedBy: z.string().trim().max(200).default(''),
  /** The date signed, YYYY-MM-DD. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`))),
  notes: z.string().trim().max(2000).default('')
})
export type SignOffFields = z.infer<typeof signOffSchema>

const finiteRange = z.object({ value: z.number(), low: z.number(), high: z.number() })
const filedModelSchema = z
  .looseObject({
    periodLabel: z.string(),
    keyFigures: z.array(
      z.looseObject({
        id: z.enum(['emissions', 'market', 'embodied', 'energy', 'runs', 'gpuHours']),
        value: finiteRange
      })
    )
  })
  .transform((m) => m as unknown as ReportModel)

/** What a run was at closing: enough to say why the quarter's figures moved since. */
export const closedRunStampSchema = z.object({
  id: z.string().min(1),
  computeStamp: z.string(),
  updatedAt: epochMs,
  importId: z.string()
})
export type ClosedRunStamp = z.infer<typeof closedRunStampSchema>

export const closedQuarterSchema = z.object({
  quarter: quarterKeySchema,
  /**
   * The report model as built at closing (lab scope). Only what restatements and the filed print rely on is checked
   * (a restored archive's record is refused without it): its key figures, each a finite range.
   */
  model: filedModelSchema,
  /**
   * The same filed report in the app's other languages, built at closing from the same ledger and instant, so that
   * the filed quarter prints in the language it is asked in (absent in quarters closed before: they print as filed).
   */
  translations: z.object({ en: filedModelSchema.optional(), de: filedModelSchema.optional() }).optional(),
  /** Reference data version and method version (METHOD_VERSION) the filed figures were computed with. */
  dataVersion: z.string(),
  methodVersion: z.number().int(),
  /** The lab defaults in force at closing. */
  lab: z.unknown(),
  closedAtMs: epochMs,
  closedBy: z.string().trim().min(1).max(200),
  signOff: signOffSchema,
  runs: z.array(closedRunStampSchema),
  updatedAt: epochMs
})
export type ClosedQuarter = z.infer<typeof closedQuarterSchema>

/** The history of closing and reopening: a reopen keeps its reason. */
export const quarterLogEntrySchema = z.object({
  id: z.string().min(1),
  quarter: quarterKeySchema,
  action: z.enum(['close', 'reopen']),
  atMs: epochMs,
  by: z.string().max(200),
  reason: z.string().max(2000),
  updatedAt: epochMs
})
export type QuarterLogEntry = z.infer<typeof quarterLogEntrySchema>

/** The filed report in `language` when it was filed in it, else as filed. */
export const filedModelIn = (closed: Pick<ClosedQuarter, 'model' | 'translations'>, language?: 'en' | 'de') =>
  (language === undefined ? undefined : closed.translations?.[language]) ?? closed.model
