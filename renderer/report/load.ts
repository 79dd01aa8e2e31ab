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
    const answers = await Promise.all(REPORT_QUERY_NAMES.map((name) => ledger.aggregate.totals(queries[name])))
    const totals = Object.fromEntries(REPORT_QUERY_NAMES.map((name, i) => [name, answers[i]])) as ReportTotals
    const { fromMs, toMs } = periodBoundsMs(params.period)
    const runs = (await ledger.runs.list({ fromMs, toMs, newestFirst: false })).filter((r) => inScope(r, params.scope))
    const lab = labDefaultsSchema.parse(await ledger.settings.getLabDefaults())
    return buildReportModel({
      labName: params.labName,
      period: params.period,
      scope: params.scope,
      generatedAt: now,
      runs,
      projects: await ledger.projects.list(),
      totals,
      ref,
      lab
    })
  } finally {
    ledger.close()
  }
}
