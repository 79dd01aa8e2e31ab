import { z } from 'zod'
import type { Range } from '../domain/range'
import { monthsOf, type Period } from '../ledger/period'
import type { AssetPurchase } from './ghg'

/**
 * The lab's asset register (Settings › Hardware bought) and the report's settings, stored as records of the ledger's
 * settings table, so that they travel in backups with everything else. The register feeds Scope 3 category 2:
 * hardware bought in the period, counted in full in the period of purchase (GHG Protocol Scope 3 standard), beside
 * the amortised embodied share (GSF SCI) the runs carry.
 */

/** Settings-table keys of what this module stores. */
export const REPORT_SETTING_KEYS = { report: 'reportSettings', assets: 'assetRegister' } as const

export const MAX_ASSETS = 5000
export const MAX_ASSET_COUNT = 100_000
/** Well above a rack of servers (a DGX is about 3,500 kg CO2e): a typo of a few zeros is refused. */
export const MAX_EMBODIED_KG_EACH = 1_000_000

export const assetSchema = z.object({
  id: z.string().min(1).max(100),
  device: z.string().trim().min(1).max(200),
  count: z.number().int().min(1).max(MAX_ASSET_COUNT),
  /** The day of purchase (ISO date): the period that counts it. */
  purchasedOn: z.iso.date(),
  /** Embodied emissions of one unit, kg CO2e (manufacture and transport), from `source`. */
  embodiedKgEach: z.number().min(0).max(MAX_EMBODIED_KG_EACH),
  /** Where the embodied factor comes from: a manufacturer's product carbon footprint, a study, an estimate. */
  source: z.string().trim().min(1).max(500)
})
export type Asset = z.infer<typeof assetSchema>

export const assetRegisterSchema = z.array(assetSchema).max(MAX_ASSETS)

/** What the Reports screen remembers for the lab: travels in backups with the ledger. */
export const reportSettingsSchema = z.object({ labName: z.string().max(200).default('') })
export type ReportSettings = z.infer<typeof reportSettingsSchema>

/** The register's stored value, or [] when there is none or it does not parse (never a failing report). */
export const assetsOf = (stored: unknown): Asset[] => {
  const parsed = assetRegisterSchema.safeParse(stored ?? [])
  return parsed.success ? parsed.data : []
}

export const reportSettingsOf = (stored: unknown): ReportSettings => {
  const parsed = reportSettingsSchema.safeParse(stored ?? {})
  return parsed.success ? parsed.data : { labName: '' }
}

/** The assets bought in the period's months (UTC dates), oldest first. */
export function purchasesIn(assets: readonly Asset[], period: Period): AssetPurchase[] {
  const months = new Set(monthsOf(period))
  return assets
    .filter((a) => months.has(a.purchasedOn.slice(0, 7)))
    .sort((a, b) => a.purchasedOn.localeCompare(b.purchasedOn) || a.device.localeCompare(b.device))
    .map(({ device, count, purchasedOn, embodiedKgEach, source }) => ({
      device,
      count,
      purchasedOn,
      embodiedKgEach,
      source
    }))
}

/** The report's "Hardware bought in the period": each purchase in full, beside the amortised share of the runs. */
export interface HardwareBought {
  rows: (AssetPurchase & { totalKg: number })[]
  /** Scope 3 category 2: every purchase in full. */
  totalKg: number
  units: number
  /** The embodied share of the hardware the period's runs used (SCI), amortised over the devices' lifespans. */
  amortisedKg: Range
}

export const hardwareBoughtOf = (purchases: readonly AssetPurchase[], amortisedKg: Range): HardwareBought => {
  const rows = purchases.map((p) => ({ ...p, totalKg: p.count * p.embodiedKgEach }))
  return {
    rows,
    totalKg: rows.reduce((s, r) => s + r.totalKg, 0),
    units: rows.reduce((s, r) => s + r.count, 0),
    amortisedKg
  }
}
