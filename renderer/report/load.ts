import { createLedgerEngine, openLedger, type ProjectRecord, type RunRecord } from '../db'
import { labDefaultsSchema } from '../../shared/emissions/lab-defaults'
import { loadReferenceData } from '../../shared/refdata/index'
import {
  buildReportModel,
  inScope,
  periodBoundsMs,
  REPORT_QUERY_NAMES,
  reportTotalsQueries,
  type ReportModel,
  type ReportPageParams,
  type ReportTotals
} from '../../shared/report'

/** The model and what the CSV export needs beside it (reportCsvFiles(model, runs, projects)). */
export interface ReportData {
  model: ReportModel
  runs: RunRecord[]
  projects: ProjectRecord[]
}

/**
 * Reads the period's runs and totals from the ledger (this origin's IndexedDB, the same database the app window
 * uses; databaseName for the ledgers the tests open with ?db=) and builds the report model. Totals come from the
 * rollups; the run list from the period's index range. The app's Reports screen builds its CSV files with it too.
 */
export async function loadReportData(params: Pick<ReportPageParams, 'period' | 'scope' | 'labName'>, now: Date, databaseName?: string): Promise<ReportData> {
  const ref = loadReferenceData()
  const ledger = await openLedger({ name: databaseName, engine: createLedgerEngine(ref) })
  try {
    const queries = reportTotalsQueries(params.period, params.scope)
    const { fromMs, toMs } = periodBoundsMs(params.period)
    // Read-only reads, all at once: IndexedDB runs them side by side.
    const [answers, listed, storedLab, projects] = await Promise.all([
      Promise.all(REPORT_QUERY_NAMES.map((name) => ledger.aggregate.totals(queries[name]))),
      ledger.runs.list({ fromMs, toMs, newestFirst: false }),
      ledger.settings.getLabDefaults(),
      ledger.projects.list()
    ])
    const totals = Object.fromEntries(REPORT_QUERY_NAMES.map((name, i) => [name, answers[i]])) as ReportTotals
    const runs = listed.filter((r) => inScope(r, params.scope))
    const lab = labDefaultsSchema.parse(storedLab)
    // Marks for the benchmark (tests/bench/report): where the time goes.
    performance.mark('report:ledger-read')
    const model = buildReportModel({
      labName: params.labName,
      period: params.period,
      scope: params.scope,
      generatedAt: now,
      runs,
      projects,
      totals,
      ref,
      lab
    })
    performance.mark('report:model-built')
    return { model, runs, projects }
  } finally {
    ledger.close()
  }
}

export const loadReportModel = async (params: ReportPageParams, now: Date, databaseName?: string): Promise<ReportModel> =>
  (await loadReportData(params, now, databaseName)).model
