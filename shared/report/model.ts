import { add as addRanges, type Range } from '../domain/range'
import type { RunResult } from '../domain/result'
import type { RunInput } from '../domain/run'
import { hasInstruments } from '../emissions/instruments'
import type { LabDefaults } from '../emissions/lab-defaults'
import { type MarketCell, marketContextOf, type MarketFigures, marketFigures, placeInfoOf } from '../emissions/market'
import { type RunMarket, runsMarket } from '../emissions/run-market'
import type { TotalsAnswer } from '../ledger/aggregate'
import { topN } from '../ledger/aggregate'
import { monthsOf, type Period, periodLabel, previousPeriod, sameMonthsYearBefore } from '../ledger/period'
import type { RollupSums } from '../ledger/records'
import { primaryDevice, runMonthParts } from '../ledger/rollup'
import { addSums, zeroSums } from '../ledger/sums'
import { locationName } from '../refdata/country-names'
import type { ReferenceData } from '../refdata/index'
import { buildWasteModel, type WasteModel } from '../waste/waste'
import { type HardwareBought, hardwareBoughtOf } from './assets'
import { assumptionTextsOf, citesOfResult, type ReportResult } from './cites'
import { MATERIAL_FLOOR, materialChange } from './format'
import { type ReportLanguage } from './format'
import { type AssetPurchase, type GhgFigures, ghgFiguresOf } from './ghg'
import { GLOSSARY } from './glossary'
import { type MethodologyLine, methodologyOf } from './methodology'
import type { ReportScope } from './params'
import { type DataQuality, dataQualityOf } from './quality'
import { type ReportTotals, trendPeriod } from './queries'
import { type CitableStatement, citableStatement } from './statement'
import { reportText } from './text/index'
import { type RunShiftSeries, type TimeShiftWhatIf, timeShiftWhatIfOf } from './time-shift'
import { type WhatIfs, whatIfsOf } from './what-ifs'

/**
 * A stored run as the report reads it (structurally a ledger RunRecord): its result whole, or compact with what the
 * report cites of it (cites.ts).
 */
export interface ReportRun {
  id: string
  projectId: string
  person: string
  startedAtMs: number
  input: RunInput
  result: ReportResult
}

export interface ReportInput {
  labName: string
  period: Period
  scope: ReportScope
  generatedAt: Date
  /** The runs that started in the period, within the scope. */
  runs: readonly ReportRun[]
  projects: readonly { id: string; name: string }[]
  /** The answers to reportTotalsQueries(period, scope). */
  totals: ReportTotals
  ref: ReferenceData
  lab: LabDefaults
  /** The language of the model's texts (names of nothing, methodology, assumptions, statement); English by default. */
  language?: ReportLanguage
  /** The answer to reportMarketQuery: the lab's month × location × project × person cells for the market-based figure. */
  marketCells?: TotalsAnswer
  /** Hardware bought in the period (the asset register); none when the lab keeps none. */
  purchases?: AssetPurchase[]
  /** Life-cycle minus direct intensity of the runs on hourly factors, by run id (upstreamIntensities). */
  upstreamGPerKWh?: ReadonlyMap<string, number>
  /** Figures of closed quarters that changed since they were filed (see Restatement). */
  restatements?: Restatement[]
  signOff?: SignOff
  /**
   * The runs' hourly series for the time-shifting what-if (time-shift.ts loadShiftSeries, by run id); without it
   * every run counts as not covered.
   */
  shiftSeries?: ReadonlyMap<string, RunShiftSeries>
}

/** A filed figure of a closed quarter that a later change moved: listed in the next report and on the dashboard. */
export interface Restatement {
  period: string
  figure: KeyFigureId
  filed: number
  now: number
  cause: string
}

/** Who prepared and reviewed the report; blank fields print as lines to sign by hand. */
export interface SignOff {
  preparedBy: string
  reviewedBy: string
  date: string
  notes: string
}

export type KeyFigureId = 'emissions' | 'market' | 'embodied' | 'energy' | 'runs' | 'gpuHours'

export interface KeyFigure {
  id: KeyFigureId
  label: string
  unit: string
  value: Range
  previous: number
  yearBefore: number
  /**
   * Relative change, (now − then) / then; null when either figure is not material (materialChange): the report
   * then says "no comparable figure".
   */
  changeVsPrevious: number | null
  changeVsYearBefore: number | null
}

export interface BreakdownRow {
  key: string
  label: string
  /** A second column: a hardware class, a location's kind. */
  detail: string
  sums: RollupSums
  /** Share of the period's location-based emissions, 0–1. */
  share: number
}

export interface TrendPoint {
  month: string
  emissionsKg: Range
  marketEmissionsKg: Range
  energyKWh: Range
  runs: number
  inPeriod: boolean
}

export interface LargestRun {
  id: string
  title: string
  kind: string
  project: string
  person: string
  startedAt: string
  hardware: string
  location: string
  method: RunResult['method']
  energyKWh: Range
  emissionsKg: Range
}

export interface SourceLine {
  id: string
  title: string
  version: string
  licence: string
  attribution: string
  url: string
  /** Runs of the period whose result cites this source. */
  runs: number
}

export interface ReportModel {
  language: ReportLanguage
  /** Each run's share of the lab's instruments by run id (run-market.ts); empty when the lab holds none. */
  runMarket: Record<string, RunMarket>
  labName: string
  period: Period
  periodLabel: string
  previousPeriodLabel: string
  yearBeforeLabel: string
  scope: ReportScope
  scopeLabel: string
  generatedAt: string
  dataVersion: string
  /** The data versions the period's runs were computed with (normally just dataVersion). */
  runDataVersions: string[]
  total: RollupSums
  keyFigures: KeyFigure[]
  equivalents: { carKm: number; treeMonths: number; flights: number; flightLabel: string }
  byProject: BreakdownRow[]
  byPerson: BreakdownRow[]
  byHardware: BreakdownRow[]
  byLocation: BreakdownRow[]
  trend: TrendPoint[]
  largestRuns: LargestRun[]
  whatIfs: WhatIfs
  /** What starting later (Flexible Start, Pause & Resume) would have saved over the period's runs. */
  timeShift: TimeShiftWhatIf
  /** Energy and emissions of unsuccessful jobs and of runs with idle GPUs, per person and project (shared/waste). */
  waste: WasteModel
  dataQuality: DataQuality
  methodology: MethodologyLine[]
  assumptions: { text: string; runs: number }[]
  sources: SourceLine[]
  glossary: { term: string; definition: string }[]
  /** Figures by scope and category, energy, the factor register and intensity metrics (ghg.ts). */
  ghg: GhgFigures
  /** Hardware bought in the period (asset register), in full, beside the amortised embodied share. */
  hardwareBought: HardwareBought
  projectCount: number
  peopleCount: number
  restatements: Restatement[]
  signOff: SignOff
  statement: CitableStatement
}

const LARGEST_RUNS = 10
const ASSUMPTIONS_SHOWN = 20

const keyFigures = (totals: ReportTotals): KeyFigure[] => {
  const now = totals.total.total
  const prev = totals.previous.total
  const before = totals.yearBefore.total
  const figure = (
    id: KeyFigureId,
    label: string,
    unit: string,
    floor: number,
    pick: (s: RollupSums) => Range
  ): KeyFigure => ({
    id,
    label,
    unit,
    value: pick(now),
    previous: pick(prev).value,
    yearBefore: pick(before).value,
    changeVsPrevious: materialChange(pick(now).value, pick(prev).value, floor),
    changeVsYearBefore: materialChange(pick(now).value, pick(before).value, floor)
  })
  const exactOf = (n: number): Range => ({ value: n, low: n, high: n })
  return [
    figure('emissions', 'Emissions, location-based', 'kg CO2e', MATERIAL_FLOOR.kg, (s) => s.emissionsKg),
    figure('market', 'Emissions, market-based', 'kg CO2e', MATERIAL_FLOOR.kg, (s) => s.marketEmissionsKg),
    figure('embodied', 'Embodied emissions (hardware share)', 'kg CO2e', MATERIAL_FLOOR.kg, (s) => s.embodiedKg),
    figure('energy', 'Energy (facility)', 'kWh', MATERIAL_FLOOR.kWh, (s) => s.energyKWh),
    figure('runs', 'Runs', 'runs', MATERIAL_FLOOR.runs, (s) => exactOf(s.runs)),
    figure('gpuHours', 'GPU-hours', 'h', MATERIAL_FLOOR.gpuHours, (s) => exactOf(s.gpuHours))
  ]
}

/**
 * With contractual instruments, the market-based key figure is the sum of the runs' shares of them (run-market.ts),
 * the figure the Scope 2 table, the runs CSV and the dashboard give, not the runs' own stored figures. The earlier
 * periods' figures were summed on the runs' own basis: no change against them is claimed.
 */
const withAllocatedMarket = (
  keys: KeyFigure[],
  runs: readonly ReportRun[],
  runMarket: Readonly<Record<string, RunMarket>>
): KeyFigure[] => {
  if (Object.keys(runMarket).length === 0) return keys
  const value = addRanges(...runs.map((r) => runMarket[r.id]?.emissionsKg ?? r.result.marketEmissionsKg))
  return keys.map((k) => (k.id === 'market' ? { ...k, value, changeVsPrevious: null, changeVsYearBefore: null } : k))
}

/**
 * Display names of hardware ids and location ids: the lab's own entries first, then the catalogue; countries in the
 * report's language (the app's naming, shared/refdata/country-names.ts).
 */
interface Names {
  project: (id: string) => string
  hardware: (id: string) => string
  location: (id: string) => string
  locationKind: (id: string) => string
}

const namesOf = (input: ReportInput): Names => {
  const language = input.language ?? 'en'
  const t = reportText(language).names
  const projects = new Map(input.projects.map((p) => [p.id, p.name]))
  const hardware = new Map([...input.ref.hardware, ...input.lab.hardware].map((h) => [h.id, h.name]))
  const locations = new Map(
    [...input.ref.locations, ...input.lab.locations].map((l) => [l.id, { name: l.name, kind: l.kind as string }])
  )
  // A custom location's id is not in the tables: its label is on the runs.
  const runLabels = new Map(input.runs.map((r) => [r.result.locationId, r.result.locationLabel]))
  return {
    project: (id) => projects.get(id) ?? id,
    hardware: (id) => (id === 'none' ? t.noDevice : (hardware.get(id) ?? id)),
    location: (id) =>
      id === 'unknown'
        ? t.unknownLocation
        : locationName(id, locations.get(id)?.name ?? runLabels.get(id) ?? id, language),
    locationKind: (id) => (id === 'unknown' ? 'unknown' : (locations.get(id)?.kind ?? 'custom'))
  }
}

const breakdown = (
  answer: ReportTotals[keyof ReportTotals],
  totalKg: number,
  label: (group: Partial<Record<string, string>>) => { key: string; label: string; detail: string },
  market?: ReadonlyMap<string, Range>
): BreakdownRow[] =>
  answer.rows.map((row) => {
    const named = label(row.group)
    const allocated = market?.get(named.key)
    return {
      ...named,
      sums: allocated ? { ...row.totals, marketEmissionsKg: allocated } : row.totals,
      share: totalKg > 0 ? row.totals.emissionsKg.value / totalKg : 0
    }
  })

/**
 * With contractual instruments, each group's market-based figure is the sum of its runs' shares (run-market.ts), as
 * the key figure; undefined without instruments (the rollups' sums stand).
 */
const marketByGroup = (
  runs: readonly ReportRun[],
  runMarket: Readonly<Record<string, RunMarket>>,
  keyOf: (run: ReportRun) => string
): ReadonlyMap<string, Range> | undefined => {
  if (Object.keys(runMarket).length === 0) return undefined
  const sums = new Map<string, Range>()
  for (const r of runs) {
    const key = keyOf(r)
    sums.set(key, addRanges(sums.get(key) ?? exactZero, runMarket[r.id]?.emissionsKg ?? r.result.marketEmissionsKg))
  }
  return sums
}
const exactZero: Range = { value: 0, low: 0, high: 0 }

const scopeLabelOf = (scope: ReportScope, names: Names, language: ReportLanguage): string => {
  const t = reportText(language).names
  const parts: string[] = []
  if (scope.projectIds.length > 0) parts.push(`${t.projects} ${scope.projectIds.map(names.project).join(', ')}`)
  if (scope.people.length > 0) parts.push(`${t.people} ${scope.people.join(', ')}`)
  return parts.length === 0 ? t.wholeLab : parts.join('; ')
}

const assumptionsOf = (runs: readonly ReportRun[], language: ReportLanguage): { text: string; runs: number }[] => {
  const counts = new Map<string, number>()
  for (const run of runs)
    for (const a of new Set(assumptionTextsOf(run.result, language))) counts.set(a, (counts.get(a) ?? 0) + 1)
  return [...counts]
    .map(([text, n]) => ({ text, runs: n }))
    .sort((a, b) => b.runs - a.runs || a.text.localeCompare(b.text))
    .slice(0, ASSUMPTIONS_SHOWN)
}

const sourcesOf = (runs: readonly ReportRun[], ref: ReferenceData): SourceLine[] => {
  const cited = new Map<string, number>()
  for (const run of runs)
    for (const id of new Set(citesOfResult(run.result).sourceIds)) cited.set(id, (cited.get(id) ?? 0) + 1)
  return ref.manifest.sources.map((s) => ({
    id: s.id,
    title: s.title,
    version: s.version ?? '',
    licence: s.licence ?? '',
    attribution: s.attribution,
    url: s.url ?? '',
    runs: cited.get(s.id) ?? 0
  }))
}

/** The whole report as plain data: every figure the page and the CSV files show. Pure. */
export function buildReportModel(input: ReportInput): ReportModel {
  const { totals, ref, lab, runs, period } = input
  const language = input.language ?? 'en'
  const names = namesOf(input)
  const total = totals.total.total
  const totalKg = total.emissionsKg.value
  const eq = ref.defaults.equivalents
  const inPeriod = new Set(monthsOf(period))
  const trendByMonth = new Map(totals.trend.rows.map((r) => [r.group.month ?? '', r.totals]))
  const trendMonths = monthsOf(trendPeriod(period))
  const zero = { value: 0, low: 0, high: 0 }
  const largest = topN(runs, LARGEST_RUNS, (r) => r.result.emissionsKg.value)
  const whatIfs = whatIfsOf(
    runs.map((r) => ({ id: r.id, input: r.input, result: r.result })),
    ref,
    lab,
    totalKg
  )
  const timeShift = timeShiftWhatIfOf(runs, input.shiftSeries ?? new Map())
  const dataQuality = dataQualityOf(runs.map((r) => r.result))
  const scopeLabel = scopeLabelOf(input.scope, names, language)
  const runMarket = runMarketOf(input)
  const keys = withAllocatedMarket(keyFigures(totals), runs, runMarket)
  const cloud = totals.byLocation.rows
    .filter((r) => names.locationKind(r.group.location ?? '') === 'cloud')
    .reduce((sum, r) => addSums(sum, r.totals), zeroSums())
  const market = scope2MarketOf(input, names.locationKind)
  const projectCount = totals.byProject.rows.filter((r) => r.totals.runs > 0).length
  // runs with nobody named are someone's too: they count in the emissions, not as one more person
  const peopleCount = totals.byPerson.rows.filter((r) => r.totals.runs > 0 && r.group.person).length
  const base = {
    language,
    runMarket,
    labName: input.labName,
    period,
    periodLabel: periodLabel(period),
    previousPeriodLabel: periodLabel(previousPeriod(period)),
    yearBeforeLabel: periodLabel(sameMonthsYearBefore(period)),
    scope: input.scope,
    scopeLabel,
    generatedAt: input.generatedAt.toISOString(),
    dataVersion: ref.manifest.dataVersion,
    runDataVersions: [...new Set(runs.map((r) => r.result.dataVersion))].sort(),
    total,
    keyFigures: keys,
    equivalents: {
      carKm: (totalKg * 1000) / eq.carGPerKm,
      treeMonths: (totalKg * 1000) / eq.treeMonthG,
      flights: totalKg / eq.flightKg,
      flightLabel: eq.flightLabel
    },
    byProject: breakdown(
      totals.byProject,
      totalKg,
      (g) => ({
        key: g.project ?? '',
        label: names.project(g.project ?? ''),
        detail: ''
      }),
      marketByGroup(runs, runMarket, (r) => r.projectId)
    ),
    byPerson: breakdown(
      totals.byPerson,
      totalKg,
      (g) => ({
        key: g.person ?? '',
        label: g.person || reportText(language).names.nobody,
        detail: ''
      }),
      marketByGroup(runs, runMarket, (r) => r.person)
    ),
    byHardware: breakdown(
      totals.byHardware,
      totalKg,
      (g) => ({
        key: g.hardwareModel ?? '',
        label: names.hardware(g.hardwareModel ?? ''),
        detail: (g.hardwareClass ?? '').toUpperCase()
      }),
      marketByGroup(runs, runMarket, (r) => primaryDevice(r.input).hardwareModel)
    ),
    byLocation: breakdown(
      totals.byLocation,
      totalKg,
      (g) => ({
        key: g.location ?? '',
        label: names.location(g.location ?? ''),
        detail: names.locationKind(g.location ?? '')
      }),
      marketByGroup(runs, runMarket, (r) => r.result.locationId)
    ),
    trend: trendMonths.map((month) => {
      const s = trendByMonth.get(month)
      return {
        month,
        emissionsKg: s?.emissionsKg ?? zero,
        marketEmissionsKg: s?.marketEmissionsKg ?? zero,
        energyKWh: s?.energyKWh ?? zero,
        runs: s?.runs ?? 0,
        inPeriod: inPeriod.has(month)
      }
    }),
    largestRuns: largest.map((r) => ({
      id: r.id,
      title: r.input.title || reportText(language).names.untitled,
      kind: r.input.kind,
      project: names.project(r.projectId),
      person: r.person,
      startedAt: r.input.startedAt,
      hardware: deviceSummary(r.input),
      location: locationName(r.result.locationId, r.result.locationLabel, language),
      method: r.result.method,
      energyKWh: r.result.energyKWh,
      emissionsKg: r.result.emissionsKg
    })),
    whatIfs,
    timeShift,
    waste: buildWasteModel(
      runs.map((r) => ({ project: names.project(r.projectId), person: r.person, input: r.input, result: r.result }))
    ),
    dataQuality,
    methodology: methodologyOf(ref, lab, language),
    assumptions: assumptionsOf(runs, language),
    sources: sourcesOf(runs, ref),
    glossary: GLOSSARY[language],
    ghg: ghgFiguresOf({
      total,
      cloud,
      runs,
      people: peopleCount,
      projects: projectCount,
      purchases: input.purchases,
      ...(market ? { market } : {}),
      isCloud: (r) => names.locationKind(r.result.locationId) === 'cloud',
      upstreamGPerKWh: input.upstreamGPerKWh,
      placeName: (r) => locationName(r.result.locationId, r.result.locationLabel, language)
    }),
    hardwareBought: hardwareBoughtOf(input.purchases ?? [], total.embodiedKg),
    projectCount,
    peopleCount,
    restatements: input.restatements ?? [],
    signOff: input.signOff ?? { preparedBy: '', reviewedBy: '', date: '', notes: '' }
  }
  return { ...base, statement: citableStatement(base) }
}

/**
 * Scope 2 market-based from the lab's instruments over its own machines' cells in the report's scope (cloud runs are
 * Scope 3), or undefined when it holds none or the caller asked no market cells (archives read by the CLI).
 */
function scope2MarketOf(input: ReportInput, locationKind: (id: string) => string): MarketFigures | undefined {
  const { lab, marketCells, ref, period, scope } = input
  if (!marketCells || !hasInstruments(lab.instruments)) return undefined
  const byId = new Map([...ref.locations, ...lab.locations].map((l) => [l.id, l]))
  const cells: MarketCell[] = marketCells.rows.map((r) => ({
    month: r.group.month ?? '',
    locationId: r.group.location ?? 'unknown',
    project: r.group.project ?? '',
    person: r.group.person ?? '',
    energyKWh: r.totals.energyKWh,
    emissionsKg: r.totals.emissionsKg
  }))
  const inScope = (c: MarketCell & { person?: string }) =>
    locationKind(c.locationId) !== 'cloud' &&
    (scope.projectIds.length === 0 || scope.projectIds.includes(c.project ?? '')) &&
    (scope.people.length === 0 || scope.people.includes(c.person ?? ''))
  const placeOf = (id: string) => {
    const entry = byId.get(id)
    return entry && placeInfoOf(entry)
  }
  return marketFigures(
    cells,
    lab.instruments,
    { fromMonth: period.start, toMonth: period.end },
    {
      placeOf,
      ...(lab.supplierIntensityGPerKWh !== undefined ? { labSupplierGPerKWh: lab.supplierIntensityGPerKWh } : {})
    },
    inScope
  )
}

/** Each run's share of the lab's instruments, from the same cells as the Scope 2 market-based line. */
function runMarketOf(input: ReportInput): Record<string, RunMarket> {
  const { lab, marketCells, ref, runs } = input
  if (!marketCells || !hasInstruments(lab.instruments)) return {}
  const cells: MarketCell[] = marketCells.rows.map((r) => ({
    month: r.group.month ?? '',
    locationId: r.group.location ?? 'unknown',
    energyKWh: r.totals.energyKWh,
    emissionsKg: r.totals.emissionsKg
  }))
  const sources = runs.map((r) => ({
    id: r.id,
    locationId: r.result.locationId,
    months: runMonthParts(r),
    ownMarketKg: r.result.marketEmissionsKg
  }))
  const context = marketContextOf([...ref.locations, ...lab.locations], lab.supplierIntensityGPerKWh)
  return Object.fromEntries(runsMarket(sources, cells, lab.instruments, context))
}

/** "4 × NVIDIA A100 80GB", devices joined by " + ". */
export const deviceSummary = (input: RunInput): string =>
  input.devices.length === 0
    ? primaryDevice(input).hardwareModel
    : input.devices.map((d) => `${d.count} × ${d.name}`).join(' + ')
