// The quarterly report: a pure model from the ledger's runs and totals, its CSV exports and its citable statement.
export { type ReportCsvFile, reportCsvFiles, RUN_COLUMNS, TOTALS_COLUMNS } from './csv'
export { formatChange, formatPercent, formatQuantity, formatRange } from './format'
export { inScope, periodBoundsMs, reportFromTables } from './from-archive'
export {
  type BreakdownRow,
  buildReportModel,
  deviceSummary,
  type KeyFigure,
  type LargestRun,
  type ReportInput,
  type ReportModel,
  type ReportRun,
  type SourceLine,
  type TrendPoint
} from './model'
export {
  parsePeriodText,
  parseReportParams,
  periodText,
  type ReportPageParams,
  reportParamsRecord,
  type ReportScope,
  reportScopeSchema
} from './params'
export { type DataQuality, dataQualityOf } from './quality'
export {
  REPORT_QUERY_NAMES,
  type ReportQueryName,
  type ReportTotals,
  reportTotalsQueries,
  totalsFromRuns,
  trendPeriod
} from './queries'
export { type CitableStatement, citableStatement, latexEscape } from './statement'
export { referenceForWhatIfs, type WhatIf, type WhatIfs, whatIfsOf } from './what-ifs'
