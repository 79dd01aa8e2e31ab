import { labDefaultsSchema } from '../../shared/emissions/lab-defaults'
import { filedModelIn } from '../../shared/ledger/closed-quarter'
import { type ExplainedRun, isExplained } from '../../shared/ledger/compact'
import { loadReferenceData } from '../../shared/refdata/index'
import {
  buildReportModel,
  inScope,
  loadShiftSeries,
  periodBoundsMs,
  REPORT_QUERY_NAMES,
  reportMarketQuery,
  type ReportModel,
  type ReportPageParams,
  type ReportRun,
  reportText,
  type ReportTotals,
  reportTotalsQueries
} from '../../shared/report'
import { purchasesIn } from '../../shared/report/assets'
import { closableQuarterOf } from '../../shared/report/restatements'
import { upstreamIntensities } from '../../shared/report/upstream'
import { createLedgerEngine, type Ledger, openLedger, type ProjectRecord, type RunRecord } from '../db'

/** Slices of the period read side by side: IndexedDB reads one while the page takes in another. */
const READ_SLICES = 8

/** The period's runs, oldest first, as ledger.runs.list gives them, read in READ_SLICES time slices at once. */
async function readRuns(ledger: Pick<Ledger<unknown>, 'runs'>, fromMs: number, toMs: number): Promise<RunRecord[]> {
  const bounds = Array.from({ length: READ_SLICES + 1 }, (_, i) =>
    i === READ_SLICES ? toMs : fromMs + Math.floor(((toMs - fromMs) * i) / READ_SLICES)
  )
  const slices = await Promise.all(
    bounds.slice(1).map((to, i) => ledger.runs.list({ fromMs: bounds[i]!, toMs: to, newestFirst: false }))
  )
  return slices.flat()
}

/**
 * The runs as the report model reads them: whole results as stored, compact ones with their cites as stored (the
 * model reads their assumptions, sources and intensity line there), and only compact runs stored before cites
 * existed rebuilt (runs.explain). The CSV export reads every run's trace: `explainAll` rebuilds every compact run.
 */
async function reportRuns(
  ledger: Pick<Ledger<unknown>, 'runs'>,
  listed: RunRecord[],
  explainAll: boolean
): Promise<ReportRun[]> {
  if (explainAll) return ledger.runs.explain(listed)
  const rebuild = listed.filter((r) => !isExplained(r.result) && r.result.cites === undefined)
  const rebuilt = new Map((await ledger.runs.explain(rebuild)).map((r) => [r.id, r]))
  // Every run not rebuilt is whole or has its cites (the filter above): a ReportResult.
  return listed.map((r) => rebuilt.get(r.id) ?? (r as ReportRun))
}

/** The model and what the CSV export needs beside it (reportCsvFiles(model, runs, projects)). */
export interface ReportData {
  model: ReportModel
  /** With their trace, assumptions and sources rebuilt (the report cites them; stored runs keep figures only). */
  runs: ExplainedRun[]
  projects: ProjectRecord[]
}

/**
 * Reads the period's runs and totals from the ledger (this origin's IndexedDB, the same database the app window
 * uses; databaseName for the ledgers the tests open with ?db=) and builds the report model. Totals come from the
 * rollups; the run list from the period's index range. The app's Reports screen builds its CSV files with it too.
 */
export const loadReportData = (
  params: Pick<ReportPageParams, 'period' | 'scope' | 'labName' | 'language'>,
  now: Date,
  databaseName?: string
): Promise<ReportData> => load(params, now, databaseName, true)

/**
 * loadReportData; the page itself needs the model only, so a closed quarter's filed model is printed without reading
 * or rebuilding the quarter's runs (withRuns false: runs and projects are then empty).
 */
async function load(
  params: Pick<ReportPageParams, 'period' | 'scope' | 'labName' | 'language'>,
  now: Date,
  databaseName: string | undefined,
  withRuns: boolean
): Promise<ReportData> {
  performance.mark('report:load-start')
  const ref = loadReferenceData()
  const ledger = await openLedger({ name: databaseName, engine: createLedgerEngine(ref) })
  performance.mark('report:ledger-open')
  try {
    const quarter = closableQuarterOf(params.period, params.scope)
    // A closed quarter prints as it was filed (issue 13); its later changes are restatements in the next report.
    const filedFirst = !withRuns && quarter ? await ledger.closedQuarters.get(quarter) : undefined
    if (filedFirst) return { model: filedModelIn(filedFirst, params.language), runs: [], projects: [] }
    const queries = reportTotalsQueries(params.period, params.scope)
    const { fromMs, toMs } = periodBoundsMs(params.period)
    // Read-only reads, all at once: IndexedDB runs them side by side.
    const [answers, listed, storedLab, projects, assets, filed, restatements] = await Promise.all([
      Promise.all(REPORT_QUERY_NAMES.map((name) => ledger.aggregate.totals(queries[name]))),
      readRuns(ledger, fromMs, toMs).then((r) => (performance.mark('report:runs-read'), r)),
      ledger.settings.getLabDefaults(),
      ledger.projects.list(),
      ledger.settings.getAssets(),
      quarter ? ledger.closedQuarters.get(quarter) : undefined,
      ledger.closedQuarters.restatements(reportText(params.language ?? 'en'), { beforeMonth: params.period.start })
    ])
    if (filed) return { model: filedModelIn(filed, params.language), runs: await ledger.runs.explain(listed), projects }
    const totals = Object.fromEntries(REPORT_QUERY_NAMES.map((name, i) => [name, answers[i]])) as ReportTotals
    const runs = await reportRuns(
      ledger,
      listed.filter((r) => inScope(r, params.scope)),
      withRuns
    )
    performance.mark('report:runs-explained')
    const lab = labDefaultsSchema.parse(storedLab)
    const marketCells = await ledger.aggregate.totals(reportMarketQuery(params.period, lab.instruments))
    // Marks for the benchmark (tests/bench/report): where the time goes.
    performance.mark('report:ledger-read')
    // The time-shifting what-if plans each run on its zone's hours: those zone-years load first (lazily, per zone).
    const shiftSeries = await loadShiftSeries(runs, ref, lab)
    performance.mark('report:hourly-loaded')
    // Scope 3 category 3 needs the direct factors of the hourly profiles the runs were computed on.
    const upstream = await upstreamIntensities(runs, ref, lab)
    const model = buildReportModel({
      labName: params.labName,
      period: params.period,
      scope: params.scope,
      generatedAt: now,
      runs,
      projects,
      totals,
      ref,
      lab,
      marketCells,
      language: params.language,
      shiftSeries,
      purchases: purchasesIn(assets, params.period),
      upstreamGPerKWh: upstream,
      restatements
    })
    performance.mark('report:model-built')
    // withRuns: every run was rebuilt above (explainAll); the page itself needs the model only.
    return { model, runs: withRuns ? (runs as ExplainedRun[]) : [], projects }
  } finally {
    ledger.close()
  }
}

export const loadReportModel = async (
  params: ReportPageParams,
  now: Date,
  databaseName?: string
): Promise<ReportModel> => (await load(params, now, databaseName, false)).model
