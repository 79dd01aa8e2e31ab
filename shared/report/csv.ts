import { type CsvCell, toCsv } from '../csv/write'
import type { Range } from '../domain/range'
import type { RunResult } from '../domain/result'
import type { LocationInput } from '../domain/run'
import { reconcile, type ReconcilePart, type Reconciliation, writtenLocation } from '../emissions/reconcile'
import type { RunMarket } from '../emissions/run-market'
import type { RollupSums } from '../ledger/records'
import { gpuHoursOf, primaryDevice } from '../ledger/rollup'
import type { BreakdownRow, ReportModel, ReportRun } from './model'

/** A run with its whole result: the runs file cites each run's assumptions, sources and reconciliation. */
export type CsvRun = ReportRun & { result: RunResult }

/**
 * The report's CSV files. Column order is part of the format (docs/formats/report-csv.md): add columns at the
 * end, never reorder or rename.
 */
export interface ReportCsvFile {
  name: string
  content: string
}

interface Column<T> {
  name: string
  cell: (row: T) => CsvCell
}

interface RunRow {
  run: CsvRun
  projectName: string
  /** The run's market-based figure as the period's totals count it (run-market.ts); absent: the run's own. */
  market?: RunMarket
}

const locationPart = (
  l: LocationInput,
  part: 'provider' | 'region' | 'code' | 'zone' | 'label' | 'intensity'
): CsvCell => {
  switch (part) {
    case 'provider':
      return l.kind === 'cloud' ? l.provider : ''
    case 'region':
      return l.kind === 'cloud' ? l.region : ''
    case 'code':
      return l.kind === 'country' ? l.code : ''
    case 'zone':
      return l.kind === 'zone' ? l.zone : ''
    case 'label':
      return l.kind === 'custom' ? l.label : ''
    case 'intensity':
      return l.kind === 'custom' ? l.intensityGPerKWh : ''
  }
}

/** value, low and high of a range: emissions_kg, emissions_low_kg, emissions_high_kg. */
const rangeColumns = <T>(figure: string, unit: string, pick: (row: T) => Range): Column<T>[] => [
  { name: `${figure}_${unit}`, cell: (r) => pick(r).value },
  { name: `${figure}_low_${unit}`, cell: (r) => pick(r).low },
  { name: `${figure}_high_${unit}`, cell: (r) => pick(r).high }
]

/** Every input and every computed figure of a run; units in the column names. */
export const RUN_COLUMNS: Column<RunRow>[] = [
  { name: 'run_id', cell: (r) => r.run.id },
  { name: 'project_id', cell: (r) => r.run.projectId },
  { name: 'project', cell: (r) => r.projectName },
  { name: 'person', cell: (r) => r.run.person },
  { name: 'kind', cell: (r) => r.run.input.kind },
  { name: 'title', cell: (r) => r.run.input.title },
  { name: 'started_at_utc', cell: (r) => new Date(r.run.startedAtMs).toISOString() },
  { name: 'started_at_as_given', cell: (r) => r.run.input.startedAt },
  { name: 'duration_s', cell: (r) => r.run.input.durationS },
  { name: 'hours_per_day_h', cell: (r) => r.run.input.hoursPerDay },
  { name: 'hardware_class', cell: (r) => primaryDevice(r.run.input).hardwareClass },
  { name: 'hardware_model', cell: (r) => primaryDevice(r.run.input).hardwareModel },
  {
    name: 'gpu_count',
    cell: (r) => r.run.input.devices.filter((d) => d.kind === 'gpu').reduce((n, d) => n + d.count, 0)
  },
  { name: 'gpu_hours_h', cell: (r) => gpuHoursOf(r.run.input) },
  { name: 'devices_json', cell: (r) => JSON.stringify(r.run.input.devices) },
  { name: 'memory_gb', cell: (r) => r.run.input.memoryGB },
  { name: 'location_kind', cell: (r) => r.run.input.location.kind },
  { name: 'location_provider', cell: (r) => locationPart(r.run.input.location, 'provider') },
  { name: 'location_region', cell: (r) => locationPart(r.run.input.location, 'region') },
  { name: 'location_country', cell: (r) => locationPart(r.run.input.location, 'code') },
  { name: 'location_zone', cell: (r) => locationPart(r.run.input.location, 'zone') },
  { name: 'location_custom_label', cell: (r) => locationPart(r.run.input.location, 'label') },
  { name: 'location_custom_intensity_g_per_kwh', cell: (r) => locationPart(r.run.input.location, 'intensity') },
  { name: 'pue_given', cell: (r) => r.run.input.pue },
  { name: 'measured_energy_kwh', cell: (r) => r.run.input.measuredEnergyKWh },
  { name: 'measured_energy_includes_pue', cell: (r) => r.run.input.measuredEnergyIncludesPue },
  { name: 'reported_emissions_kg', cell: (r) => r.run.input.reportedEmissionsKg },
  { name: 'renewable_share_given', cell: (r) => r.run.input.renewableShare },
  { name: 'tags', cell: (r) => r.run.input.tags.join('; ') },
  { name: 'notes', cell: (r) => r.run.input.notes },
  { name: 'source_kind', cell: (r) => r.run.input.source.kind },
  { name: 'source_file', cell: (r) => r.run.input.source.fileName },
  { name: 'source_external_id', cell: (r) => r.run.input.source.externalId },
  { name: 'method', cell: (r) => r.run.result.method },
  ...rangeColumns<RunRow>('it_energy', 'kwh', (r) => r.run.result.itEnergyKWh),
  ...rangeColumns<RunRow>('energy', 'kwh', (r) => r.run.result.energyKWh),
  { name: 'gpu_energy_kwh', cell: (r) => r.run.result.breakdownKWh.gpu },
  { name: 'cpu_energy_kwh', cell: (r) => r.run.result.breakdownKWh.cpu },
  { name: 'tpu_energy_kwh', cell: (r) => r.run.result.breakdownKWh.tpu },
  { name: 'memory_energy_kwh', cell: (r) => r.run.result.breakdownKWh.memory },
  { name: 'overhead_energy_kwh', cell: (r) => r.run.result.breakdownKWh.overhead },
  ...rangeColumns<RunRow>('pue', 'ratio', (r) => r.run.result.pue),
  ...rangeColumns<RunRow>('intensity', 'g_per_kwh', (r) => r.run.result.intensityGPerKWh),
  ...rangeColumns<RunRow>('emissions', 'kg', (r) => r.run.result.emissionsKg),
  ...rangeColumns<RunRow>('market_emissions', 'kg', (r) => r.market?.emissionsKg ?? r.run.result.marketEmissionsKg),
  ...rangeColumns<RunRow>('embodied', 'kg', (r) => r.run.result.embodiedKg),
  { name: 'car_km', cell: (r) => r.run.result.equivalents.carKm },
  { name: 'tree_months', cell: (r) => r.run.result.equivalents.treeMonths },
  { name: 'flights', cell: (r) => r.run.result.equivalents.flights },
  { name: 'location_id', cell: (r) => r.run.result.locationId },
  { name: 'location_label', cell: (r) => r.run.result.locationLabel },
  { name: 'assumptions', cell: (r) => r.run.result.assumptions.join(' | ') },
  { name: 'source_ids', cell: (r) => r.run.result.sources.map((s) => s.id).join('; ') },
  { name: 'data_version', cell: (r) => r.run.result.dataVersion },
  // issue 11, reconciliation: what the file itself reported, the ledger's recomputed figure and the gap's parts
  { name: 'reported_energy_kwh', cell: (r) => r.run.input.reported?.energyKWh },
  { name: 'reported_intensity_g_per_kwh', cell: (r) => r.run.input.reported?.intensityGPerKWh },
  { name: 'reported_pue_ratio', cell: (r) => r.run.input.reported?.pue },
  { name: 'reported_location', cell: (r) => (r.run.input.reported ? writtenLocation(r.run.input) : '') },
  { name: 'reported_location_fallback', cell: (r) => r.run.input.reported?.locationFallback },
  { name: 'counted_emissions', cell: (r) => (r.run.result.recomputed ? 'reported' : 'recomputed') },
  {
    name: 'recomputed_emissions_kg',
    cell: (r) => (r.run.result.recomputed?.emissionsKg ?? r.run.result.emissionsKg).value
  },
  { name: 'reconcile_gap_kg', cell: (r) => reconcileOf(r)?.gapKg },
  { name: 'reconcile_intensity_gap_kg', cell: (r) => gapPart(r, 'intensity') },
  { name: 'reconcile_pue_gap_kg', cell: (r) => gapPart(r, 'pue') },
  { name: 'reconcile_energy_gap_kg', cell: (r) => gapPart(r, 'energy') },
  // what the market_emissions columns are: the run's share of the lab's instruments, or the run's own figure
  { name: 'market_basis', cell: (r) => r.market?.basis ?? 'run' }
]

/** The run's reconciliation, made once per row for its four columns. */
const reconciled = new WeakMap<RunRow, Reconciliation | undefined>()
function reconcileOf(row: RunRow): Reconciliation | undefined {
  if (!reconciled.has(row)) reconciled.set(row, reconcile(row.run.input, row.run.result))
  return reconciled.get(row)
}
const gapPart = (row: RunRow, kind: ReconcilePart['kind']): CsvCell =>
  reconcileOf(row)?.parts.find((p) => p.kind === kind)?.gapKg

/** The sums of an aggregated row, after its group columns. */
export const TOTALS_COLUMNS: Column<RollupSums>[] = [
  { name: 'runs', cell: (s) => s.runs },
  ...rangeColumns<RollupSums>('energy', 'kwh', (s) => s.energyKWh),
  ...rangeColumns<RollupSums>('emissions', 'kg', (s) => s.emissionsKg),
  ...rangeColumns<RollupSums>('market_emissions', 'kg', (s) => s.marketEmissionsKg),
  ...rangeColumns<RollupSums>('embodied', 'kg', (s) => s.embodiedKg),
  { name: 'gpu_hours_h', cell: (s) => s.gpuHours }
]

const table = <T>(columns: Column<T>[], rows: Iterable<T>): string => {
  const cells = function* (): Generator<CsvCell[]> {
    for (const row of rows) yield columns.map((c) => c.cell(row))
  }
  return toCsv(
    columns.map((c) => c.name),
    cells()
  )
}

const breakdownTable = (groupColumns: [string, string], rows: BreakdownRow[], m: ReportModel): string =>
  table<BreakdownRow>(
    [
      { name: 'period', cell: () => m.periodLabel },
      { name: groupColumns[0], cell: (r) => r.key },
      { name: groupColumns[1], cell: (r) => r.label },
      { name: 'detail', cell: (r) => r.detail },
      ...TOTALS_COLUMNS.map((c) => ({ name: c.name, cell: (r: BreakdownRow) => c.cell(r.sums) })),
      { name: 'share_of_emissions_ratio', cell: (r) => r.share },
      { name: 'data_version', cell: () => m.dataVersion }
    ],
    rows
  )

/**
 * The CSV files of a report: runs.csv (every run of the period that started in it), the aggregated tables and the
 * key figures. UTF-8 text, RFC 4180, CRLF, formulas neutralised by shared/csv/write.
 */
export function reportCsvFiles(
  model: ReportModel,
  runs: readonly CsvRun[],
  projects: readonly { id: string; name: string }[]
): ReportCsvFile[] {
  const projectName = new Map(projects.map((p) => [p.id, p.name]))
  const sorted = [...runs].sort((a, b) => a.startedAtMs - b.startedAtMs || a.id.localeCompare(b.id))
  return [
    {
      name: 'runs.csv',
      content: table(
        RUN_COLUMNS,
        sorted.map((run) => ({
          run,
          projectName: projectName.get(run.projectId) ?? run.projectId,
          ...(model.runMarket[run.id] ? { market: model.runMarket[run.id] } : {})
        }))
      )
    },
    {
      name: 'summary.csv',
      content: table(
        [
          { name: 'period', cell: () => model.periodLabel },
          { name: 'scope', cell: () => model.scopeLabel },
          { name: 'figure', cell: (k) => k.id },
          { name: 'label', cell: (k) => k.label },
          { name: 'unit', cell: (k) => k.unit },
          { name: 'value', cell: (k) => k.value.value },
          { name: 'low', cell: (k) => k.value.low },
          { name: 'high', cell: (k) => k.value.high },
          { name: 'previous_period_value', cell: (k) => k.previous },
          { name: 'change_vs_previous_ratio', cell: (k) => k.changeVsPrevious },
          { name: 'year_before_value', cell: (k) => k.yearBefore },
          { name: 'change_vs_year_before_ratio', cell: (k) => k.changeVsYearBefore },
          { name: 'data_version', cell: () => model.dataVersion }
        ],
        model.keyFigures
      )
    },
    { name: 'by-project.csv', content: breakdownTable(['project_id', 'project'], model.byProject, model) },
    { name: 'by-person.csv', content: breakdownTable(['person', 'person_label'], model.byPerson, model) },
    { name: 'by-hardware.csv', content: breakdownTable(['hardware_model', 'hardware'], model.byHardware, model) },
    { name: 'by-location.csv', content: breakdownTable(['location_id', 'location'], model.byLocation, model) },
    {
      name: 'by-month.csv',
      content: table(
        [
          { name: 'month', cell: (t) => t.month },
          { name: 'in_period', cell: (t) => t.inPeriod },
          { name: 'runs', cell: (t) => t.runs },
          ...rangeColumns<ReportModel['trend'][number]>('energy', 'kwh', (t) => t.energyKWh),
          ...rangeColumns<ReportModel['trend'][number]>('emissions', 'kg', (t) => t.emissionsKg),
          ...rangeColumns<ReportModel['trend'][number]>('market_emissions', 'kg', (t) => t.marketEmissionsKg),
          { name: 'data_version', cell: () => model.dataVersion }
        ],
        model.trend
      )
    }
  ]
}

const FILE_PURPOSES: Record<string, string> = {
  'runs.csv': 'one row per run that started in the period (within the scope), oldest first: every input and figure',
  'summary.csv': 'the key figures with ranges and their changes against the previous period and the year before',
  'by-project.csv': 'the period per project (from the monthly rollups)',
  'by-person.csv': 'the period per person',
  'by-hardware.csv': 'the period per main device',
  'by-location.csv': 'the period per location',
  'by-month.csv': 'the twelve months to the end of the period'
}

/**
 * README.txt for a folder of the report's CSV files: each file, what a row is and its columns in order, with the
 * unit convention. Plain ASCII English, so it reads anywhere the CSV files do.
 */
export function reportCsvReadme(model: ReportModel, files: readonly ReportCsvFile[]): ReportCsvFile {
  const lines = [
    `Carbon Ledger report CSV files: ${model.labName}, ${model.periodLabel} (${model.period.start} to ${model.period.end}), reference data ${model.dataVersion}.`,
    '',
    'UTF-8, RFC 4180 (comma separated, quoted where needed), CRLF, one header row, dot decimals. Units are in the',
    'column names: _kwh kilowatt-hours, _kg kilograms of CO2e, _g_per_kwh grams CO2e per kWh, _s seconds, _h hours,',
    '_gb gigabytes, _ratio a plain ratio. A figure has three columns: the best estimate, _low_ and _high_ bounds.',
    'A text cell starting with = + - @ tab or CR has a leading apostrophe so a spreadsheet never runs it as a formula.',
    "runs.csv: reported_* columns hold what an imported file itself reported (CodeCarbon's energy, the intensity its",
    'emissions imply, its PUE, its location as written); reported_emissions_kg beside recomputed_emissions_kg (the',
    "ledger's data) and counted_emissions (which of the two emissions_kg counts, a lab setting); reconcile_*_gap_kg",
    'split recomputed minus reported into intensity, PUE and IT energy (they sum to reconcile_gap_kg).',
    'Full column meanings: docs/formats/report-csv.md in the Carbon Ledger sources.',
    '',
    ...(model.signOff.preparedBy
      ? [
          `This quarter is closed (prepared by ${model.signOff.preparedBy}, signed ${model.signOff.date}): summary.csv`,
          'and the by-* tables hold the figures as filed; runs.csv lists the runs as the ledger holds them now, so its',
          'sums differ where runs changed after closing. The next report lists those changes as restatements.',
          ''
        ]
      : [])
  ]
  for (const file of files) {
    const header = file.content.slice(0, file.content.indexOf('\r\n'))
    lines.push(`${file.name}: ${FILE_PURPOSES[file.name] ?? 'report table'}.`)
    lines.push(`  columns: ${header.split(',').join(', ')}`)
    lines.push('')
  }
  return { name: 'README.txt', content: lines.join('\r\n') }
}
