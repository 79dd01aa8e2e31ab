import { labDefaultsSchema } from '../emissions/lab-defaults'
import type { BackupTables } from '../ledger/backup'
import type { Period } from '../ledger/period'
import type { ReferenceData } from '../refdata/index'
import { type ReportCsvFile, reportCsvFiles } from './csv'
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

/**
 * A report from a ledger backup's tables (the command line, tests): the totals come from the archive's runs through
 * the same rollup cells the ledger keeps. The lab defaults are the archive's; invalid ones fall back to the defaults.
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
  }
): { model: ReportModel; runs: ReportRun[]; csv: ReportCsvFile[] } {
  const stored = tables.settings.find((s) => s.key === 'labDefaults')?.value
  const parsedLab = labDefaultsSchema.safeParse(stored ?? {})
  const lab = parsedLab.success ? parsedLab.data : labDefaultsSchema.parse({})
  const { fromMs, toMs } = periodBoundsMs(options.period)
  const scoped = tables.runs.filter((r) => inScope(r, options.scope))
  const runs = scoped.filter((r) => r.startedAtMs >= fromMs && r.startedAtMs < toMs)
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
    shiftSeries: options.shiftSeries
  })
  return { model, runs, csv: reportCsvFiles(model, runs, tables.projects) }
}
