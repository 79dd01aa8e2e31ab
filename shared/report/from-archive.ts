import { type LabDefaults, labDefaultsSchema } from '../emissions/lab-defaults'
import type { BackupTables } from '../ledger/backup'
import { unexplainedResult } from '../ledger/compact'
import type { Period } from '../ledger/period'
import type { ReferenceData } from '../refdata/index'
import { assetsOf, purchasesIn, REPORT_SETTING_KEYS } from './assets'
import { type CsvRun, type ReportCsvFile, reportCsvFiles } from './csv'
import type { ReportLanguage } from './format'
import { buildReportModel, type ReportModel, type ReportRun } from './model'
import type { ReportScope } from './params'
import { marketCellsFromRuns, totalsFromRuns } from './queries'
import type { RunShiftSeries } from './time-shift'

const monthStartMs = (month: string): number => Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1)

/** Epoch-ms bounds of a period: [first instant, first instant after it). */
export const periodBoundsMs = (p: Period): { fromMs: number; toMs: number } => ({
  fromMs: monthStartMs(p.start),
  toMs: Date.UTC(Number(p.end.slice(0, 4)), Number(p.end.slice(5, 7)), 1)
})

export const inScope = (run: Pick<ReportRun, 'projectId' | 'person'>, scope: ReportScope): boolean =>
  (scope.projectIds.length === 0 || scope.projectIds.includes(run.projectId)) &&
  (scope.people.length === 0 || scope.people.includes(run.person))

/** The archive's lab defaults; invalid or missing ones fall back to the defaults. */
export const labOfTables = (tables: Pick<BackupTables, 'settings'>): LabDefaults => {
  const stored = tables.settings.find((s) => s.key === 'labDefaults')?.value
  const parsed = labDefaultsSchema.safeParse(stored ?? {})
  return parsed.success ? parsed.data : labDefaultsSchema.parse({})
}

/** The runs that started in the period (any scope): what upstreamIntensities needs before reportFromTables. */
export const runsStartedIn = <R extends Pick<ReportRun, 'startedAtMs'>>(runs: readonly R[], period: Period): R[] => {
  const { fromMs, toMs } = periodBoundsMs(period)
  return runs.filter((r) => r.startedAtMs >= fromMs && r.startedAtMs < toMs)
}

/**
 * A report from a ledger backup's tables (the command line, tests): the totals come from the archive's runs through
 * the same rollup cells the ledger keeps; the lab defaults and the asset register are the archive's. The runs of the
 * period are cited with their trace: pass them explained (explain-archive.ts).
 */
export function reportFromTables(
  tables: BackupTables,
  options: {
    period: Period
    scope: ReportScope
    labName: string
    generatedAt: Date
    ref: ReferenceData
    language?: ReportLanguage
    /** The runs' hourly series for the time-shifting what-if (loadShiftSeries); without it no run is covered. */
    shiftSeries?: ReadonlyMap<string, RunShiftSeries>
    /** Scope 3 category 3's input (upstreamIntensities of the period's runs); without it the line is not separable. */
    upstreamGPerKWh?: ReadonlyMap<string, number>
  }
): { model: ReportModel; runs: CsvRun[]; csv: ReportCsvFile[] } {
  const lab = labOfTables(tables)
  const scoped = tables.runs.filter((r) => inScope(r, options.scope))
  const runs = runsStartedIn(scoped, options.period).map((r) => ({ ...r, result: unexplainedResult(r.result) }))
  const assets = assetsOf(tables.settings.find((s) => s.key === REPORT_SETTING_KEYS.assets)?.value)
  const model = buildReportModel({
    labName: options.labName,
    period: options.period,
    scope: options.scope,
    generatedAt: options.generatedAt,
    runs,
    projects: tables.projects,
    totals: totalsFromRuns(scoped, options.period, options.scope),
    // Certificates are shared by every run of their period: the whole lab's runs, not the scope's.
    marketCells: marketCellsFromRuns(tables.runs, options.period, lab.instruments),
    ref: options.ref,
    lab,
    language: options.language,
    shiftSeries: options.shiftSeries,
    purchases: purchasesIn(assets, options.period),
    upstreamGPerKWh: options.upstreamGPerKWh
  })
  return { model, runs, csv: reportCsvFiles(model, runs, tables.projects) }
}
