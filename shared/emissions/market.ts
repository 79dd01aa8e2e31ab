import { assertFinite } from '../domain/limits'
import { add, exact, type Range, scale } from '../domain/range'
import type { LocationEntry } from '../refdata/schema'
import type { Certificate, Instruments, ProviderClaim, SupplierFactor } from './instruments'

/**
 * Market-based Scope 2 emissions from the lab's contractual instruments (docs/methodology.md, "Market-based"). A
 * certificate is a volume: which runs it covers depends on every run of its period, so it is applied where the
 * period's figures are summed, over the ledger's monthly rollup cells (month × location × project), not per run.
 *
 * Order of the instruments for a cell's energy (GHG Protocol Scope 2 guidance, the hierarchy of table 6.3):
 * 1. certificates of its place and month, volume allocated in time order (oldest month first; pro rata among the
 *    cells of one month, since the rollups do not keep the order of runs within a month), until the MWh are used up;
 * 2. the rest at a supplier-specific factor for its place and month;
 * 3. a cloud cell at its provider's published market-based factor for the year, only if the lab opted in;
 * 4. else the residual mix of its place and year: the lab's own entry, else one the reference data bundles (none
 *    yet);
 * 5. else the location-based figure, with the note that this likely understates the market-based figure.
 * Certificates and supplier factors are the lab's own purchases: they cover its own machines, never a cloud region.
 * Offsets are not instruments and never enter (offsetsOf reports them apart).
 */

/** One rollup cell: the energy and location-based emissions of a month at a location (and project). */
export interface MarketCell {
  month: string
  locationId: string
  project?: string
  person?: string
  energyKWh: Range
  emissionsKg: Range
}

/** What the ledger knows of a location: the place codes it answers to, and its provider for a cloud region. */
export interface PlaceInfo {
  /** Upper-case codes: the country's ISO2 and ISO3, the zone, the grid zone a cloud region draws from. */
  codes: readonly string[]
  /** Set for a cloud region. */
  provider?: string
}

export interface ResidualMix {
  intensityGPerKWh: number
  sourceId: string
  year: number
}

export interface MarketContext {
  placeOf: (locationId: string) => PlaceInfo | undefined
  /** The residual mix of a place and year, where the reference data bundles one. */
  residualOf?: (place: PlaceInfo, year: number) => ResidualMix | undefined
  /** A lab-wide supplier factor without place or period (Settings' older single field), for own machines. */
  labSupplierGPerKWh?: number
}

/** How an instrument (or a fallback) counted in the period. */
export type MarketLine =
  | { kind: 'certificate'; instrument: Certificate; energyKWh: number; emissionsKg: number; usedMWhToDate: number }
  | { kind: 'supplier'; instrument: SupplierFactor; energyKWh: number; emissionsKg: number }
  | { kind: 'lab-supplier'; intensityGPerKWh: number; energyKWh: number; emissionsKg: number }
  | { kind: 'provider'; instrument: ProviderClaim; energyKWh: number; emissionsKg: number }
  | { kind: 'residual'; mix: ResidualMix; energyKWh: number; emissionsKg: number }
  | { kind: 'location'; energyKWh: number; emissionsKg: number }

/**
 * How the energy of one month at one location counts: the same for every run there, since a certificate is shared
 * pro rata within a month and every other step applies to the whole cell.
 */
export interface CellRate {
  /** kg per kWh of the energy from the instruments and the residual mix (their factors × the share they cover). */
  instrumentKgPerKWh: number
  /** The share of the energy left at the location-based figure (step 5). */
  locationShare: number
}

export interface MarketFigures {
  marketEmissionsKg: Range
  /** The instruments behind the figure and the fallbacks, in the order above; energy in the period only. */
  lines: MarketLine[]
  /** Energy of the period at the location-based figure (step 5): the figure likely understates. */
  locationFallbackKWh: number
  /** Each month and location of the period (included or not), keyed by rateKey: what a run there is charged. */
  rates: Map<string, CellRate>
}

export const rateKey = (month: string, locationId: string): string => `${month}|${locationId}`

const G_PER_KG = 1000
const KWH_PER_MWH = 1000

const monthIn = (month: string, p: { fromMonth: string; toMonth: string }) => p.fromMonth <= month && month <= p.toMonth

const matches = (place: string, info: PlaceInfo | undefined): boolean =>
  info !== undefined && info.codes.includes(place)

/** Same provider however it is spelled ("Google Cloud", "gcp"). */
const sameProvider = (a: string, b: string): boolean => {
  const n = (s: string) =>
    s
      .toLowerCase()
      .replace(/google( cloud( platform)?)?/, 'gcp')
      .replace(/amazon( web services)?/, 'aws')
      .replace(/microsoft( azure)?/, 'azure')
      .replace(/[^a-z0-9]/g, '')
  return n(a) === n(b)
}

/** The residual mix of a place and year: the lab's own entry first, else one the reference data bundles (none yet). */
function residualOf(instruments: Instruments, place: PlaceInfo, year: number, context: MarketContext) {
  const own = instruments.residualMixes.find((r) => r.year === year && matches(r.place, place))
  if (own) return { intensityGPerKWh: own.intensityGPerKWh, sourceId: own.source, year: own.year }
  return context.residualOf?.(place, year)
}

interface Portion {
  energyKWh: number
  intensityGPerKWh: number
}

/**
 * The market-based emissions of the cells whose month lies in [fromMonth, toMonth]. `cells` must hold every month
 * of every certificate's period that starts before toMonth too, so that what earlier months used is known.
 */
export function marketFigures(
  cells: readonly MarketCell[],
  instruments: Instruments,
  period: { fromMonth: string; toMonth: string },
  context: MarketContext,
  include: (cell: MarketCell) => boolean = () => true
): MarketFigures {
  const ordered = [...cells].filter((c) => c.energyKWh.value > 0).sort((a, b) => a.month.localeCompare(b.month))
  const info = new Map<string, PlaceInfo | undefined>()
  const placeOf = (id: string) => {
    if (!info.has(id)) info.set(id, context.placeOf(id))
    return info.get(id)
  }
  const own = (c: MarketCell) => placeOf(c.locationId)?.provider === undefined
  const uncovered = new Map<MarketCell, number>(ordered.map((c) => [c, c.energyKWh.value]))
  const covered = new Map<MarketCell, { certificate: Certificate; kWh: number }[]>()

  // 1. Certificates, those whose period ends first first (they expire first), each through its months in order.
  const certificates = [...instruments.certificates].sort(
    (a, b) => a.toMonth.localeCompare(b.toMonth) || a.fromMonth.localeCompare(b.fromMonth)
  )
  const usedToDate = new Map<Certificate, number>()
  for (const certificate of certificates) {
    let leftKWh = certificate.volumeMWh * KWH_PER_MWH
    let used = 0
    const months = [...new Set(ordered.map((c) => c.month))].filter(
      (m) => monthIn(m, certificate) && m <= period.toMonth
    )
    for (const month of months) {
      if (leftKWh <= 0) break
      const candidates = ordered.filter(
        (c) => c.month === month && own(c) && matches(certificate.place, placeOf(c.locationId))
      )
      const needKWh = candidates.reduce((s, c) => s + uncovered.get(c)!, 0)
      if (needKWh <= 0) continue
      const takeKWh = Math.min(leftKWh, needKWh)
      for (const c of candidates) {
        const kWh = (takeKWh * uncovered.get(c)!) / needKWh
        uncovered.set(c, uncovered.get(c)! - kWh)
        covered.set(c, [...(covered.get(c) ?? []), { certificate, kWh }])
      }
      leftKWh -= takeKWh
      used += takeKWh
    }
    usedToDate.set(certificate, used / KWH_PER_MWH)
  }

  const lines = new Map<unknown, MarketLine>()
  const rates = new Map<string, CellRate>()
  let counted = false
  const line = (key: unknown, make: () => MarketLine, kWh: number, gPerKWh: number) => {
    if (!counted) return
    const l = lines.get(key) ?? make()
    l.energyKWh += kWh
    l.emissionsKg += (kWh * gPerKWh) / G_PER_KG
    lines.set(key, l)
  }
  const parts: Range[] = []
  let locationFallbackKWh = 0
  for (const cell of ordered) {
    if (!monthIn(cell.month, period)) continue
    counted = include(cell)
    const place = placeOf(cell.locationId)
    const year = Number(cell.month.slice(0, 4))
    const portions: Portion[] = []
    for (const { certificate, kWh } of covered.get(cell) ?? []) {
      portions.push({ energyKWh: kWh, intensityGPerKWh: certificate.intensityGPerKWh })
      line(
        certificate,
        () => ({
          kind: 'certificate',
          instrument: certificate,
          energyKWh: 0,
          emissionsKg: 0,
          usedMWhToDate: usedToDate.get(certificate) ?? 0
        }),
        kWh,
        certificate.intensityGPerKWh
      )
    }
    const restKWh = uncovered.get(cell)!
    const supplier = own(cell)
      ? instruments.supplierFactors.find((s) => monthIn(cell.month, s) && matches(s.place, place))
      : undefined
    const claim =
      place?.provider !== undefined && instruments.optInProviderClaims
        ? instruments.providerClaims.find((p) => p.year === year && sameProvider(p.provider, place.provider!))
        : undefined
    const residual = place ? residualOf(instruments, place, year, context) : undefined
    const labSupplier = own(cell) ? context.labSupplierGPerKWh : undefined
    let locationShare = 0
    if (restKWh > 0) {
      if (supplier) {
        portions.push({ energyKWh: restKWh, intensityGPerKWh: supplier.intensityGPerKWh })
        line(
          supplier,
          () => ({ kind: 'supplier', instrument: supplier, energyKWh: 0, emissionsKg: 0 }),
          restKWh,
          supplier.intensityGPerKWh
        )
      } else if (labSupplier !== undefined) {
        portions.push({ energyKWh: restKWh, intensityGPerKWh: labSupplier })
        line(
          'lab-supplier',
          () => ({ kind: 'lab-supplier', intensityGPerKWh: labSupplier, energyKWh: 0, emissionsKg: 0 }),
          restKWh,
          labSupplier
        )
      } else if (claim) {
        portions.push({ energyKWh: restKWh, intensityGPerKWh: claim.intensityGPerKWh })
        line(
          claim,
          () => ({ kind: 'provider', instrument: claim, energyKWh: 0, emissionsKg: 0 }),
          restKWh,
          claim.intensityGPerKWh
        )
      } else if (residual) {
        portions.push({ energyKWh: restKWh, intensityGPerKWh: residual.intensityGPerKWh })
        line(
          `residual|${residual.sourceId}|${residual.year}|${residual.intensityGPerKWh}`,
          () => ({ kind: 'residual', mix: residual, energyKWh: 0, emissionsKg: 0 }),
          restKWh,
          residual.intensityGPerKWh
        )
      } else {
        locationShare = restKWh / cell.energyKWh.value
        if (counted) {
          locationFallbackKWh += restKWh
          const l = lines.get('location') ?? { kind: 'location', energyKWh: 0, emissionsKg: 0 }
          l.energyKWh += restKWh
          l.emissionsKg += cell.emissionsKg.value * locationShare
          lines.set('location', l)
        }
      }
    }
    // A contractual factor is exact; the energy's range carries through, each portion keeping its share of it.
    const share = (kWh: number) => kWh / cell.energyKWh.value
    const kgPerKWhOfShares = portions.reduce((s, p) => s + (share(p.energyKWh) * p.intensityGPerKWh) / G_PER_KG, 0)
    rates.set(rateKey(cell.month, cell.locationId), { instrumentKgPerKWh: kgPerKWhOfShares, locationShare })
    if (counted) parts.push(add(scale(cell.energyKWh, kgPerKWhOfShares), scale(cell.emissionsKg, locationShare)))
  }
  const marketEmissionsKg = parts.length === 0 ? exact(0) : add(...parts)
  assertFinite('marketFigures marketEmissionsKg', marketEmissionsKg)
  const order = ['certificate', 'supplier', 'lab-supplier', 'provider', 'residual', 'location']
  return {
    marketEmissionsKg,
    lines: [...lines.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind)),
    locationFallbackKWh,
    rates
  }
}

/** A run's part in one month: its energy and location-based emissions there (rollup.ts's month shares). */
export interface RunMonthPart {
  month: string
  energyKWh: Range
  emissionsKg: Range
}

/**
 * A run's market-based figure as its share of the period's allocation: each month's energy at the rate of its month
 * and location, so the runs of a period sum to the period's figure (the dashboard's and the report's). A month the
 * rates lack (no energy in its cell) counts at the location-based figure.
 */
export function runMarketShare(
  parts: readonly RunMonthPart[],
  locationId: string,
  rates: ReadonlyMap<string, CellRate>
): Range {
  const shares = parts.map((p) => {
    const rate = rates.get(rateKey(p.month, locationId)) ?? { instrumentKgPerKWh: 0, locationShare: 1 }
    return add(scale(p.energyKWh, rate.instrumentKgPerKWh), scale(p.emissionsKg, rate.locationShare))
  })
  const kg = shares.length === 0 ? exact(0) : add(...shares)
  assertFinite('runMarketShare', kg)
  return kg
}

/** The months a market-based figure for the period needs from the rollups: from the earliest certificate that reaches it. */
export function marketSpan(
  instruments: Instruments,
  period: { fromMonth: string; toMonth: string }
): { fromMonth: string; toMonth: string } {
  // A certificate reaching into the span may have shared earlier months with another one: widen until none does.
  let fromMonth = period.fromMonth
  for (;;) {
    const earliest = instruments.certificates
      .filter((c) => c.fromMonth <= period.toMonth && c.toMonth >= fromMonth)
      .reduce((m, c) => (c.fromMonth < m ? c.fromMonth : m), fromMonth)
    if (earliest === fromMonth) return { fromMonth, toMonth: period.toMonth }
    fromMonth = earliest
  }
}

/** Offsets recorded for the period's years: reported apart, never subtracted from any figure. */
export function offsetsOf<T extends { tonnes: number; year: number }>(
  offsets: readonly T[],
  period: { fromMonth: string; toMonth: string }
): { offsets: T[]; tonnes: number } {
  const from = Number(period.fromMonth.slice(0, 4))
  const to = Number(period.toMonth.slice(0, 4))
  const within = offsets.filter((o) => o.year >= from && o.year <= to)
  return { offsets: within, tonnes: within.reduce((s, o) => s + o.tonnes, 0) }
}

/**
 * The place codes a location answers to: its country (ISO2, ISO3), its zone, the grid zone of a cloud region, and
 * the Electricity Maps zone of its hourly profile (DE-LU for Germany).
 */
export function placeInfoOf(entry: LocationEntry): PlaceInfo {
  const codes = new Set<string>()
  for (const code of [entry.iso2, entry.iso3, entry.countryIso3, entry.gridZone, entry.hourlyZone])
    if (code) codes.add(code.toUpperCase())
  if (entry.kind === 'zone') codes.add(entry.id.replace(/^zone:/, '').toUpperCase())
  return { codes: [...codes], ...(entry.kind === 'cloud' && entry.provider ? { provider: entry.provider } : {}) }
}

/** The market context of the lab's locations (the reference data's and its own): place codes by location id. */
export function marketContextOf(
  locations: readonly LocationEntry[],
  labSupplierGPerKWh: number | undefined
): MarketContext {
  const byId = new Map(locations.map((l) => [l.id, l]))
  const places = new Map<string, PlaceInfo | undefined>()
  return {
    placeOf: (id: string) => {
      if (!places.has(id)) {
        const entry = byId.get(id)
        places.set(id, entry && placeInfoOf(entry))
      }
      return places.get(id)
    },
    ...(labSupplierGPerKWh !== undefined ? { labSupplierGPerKWh } : {})
  }
}

/** Every place code an instrument may name: the countries, zones and grid zones of the known locations. */
export const knownPlaces = (locations: readonly LocationEntry[]): Set<string> =>
  new Set(locations.flatMap((l) => placeInfoOf(l).codes))
