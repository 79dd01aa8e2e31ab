import { createLedgerEngine, openLedger } from '../db'
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

/**
 * Reads the period's runs and totals from the ledger (this origin's IndexedDB, the same database the app window
 * uses) and builds the report model. Totals come from the rollups; the run list from the period's index range.
 */
export async function loadReportModel(params: ReportPageParams, now: Date): Promise<ReportModel> {
  const ref = loadReferenceData()
  const ledger = await openLedger({ engine: createLedgerEngine(ref) })
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
    return model
  } finally {
    ledger.close()
  }
}
