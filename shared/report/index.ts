// The quarterly report: a pure model from the ledger's runs and totals, its CSV exports and its citable statement.
export { type ReportCsvFile, reportCsvFiles, reportCsvReadme, RUN_COLUMNS, TOTALS_COLUMNS } from './csv'
export {
  energyUnitOf,
  formatChange,
  formatPercent,
  formatQuantity,
  formatRange,
  inUnit,
  massUnitOf,
  MATERIAL_FLOOR,
  materialChange,
  MWH,
  REPORT_LOCALES,
  type ReportLanguage,
  type TableUnit
} from './format'
export { inScope, labOfTables, periodBoundsMs, reportFromTables, runsStartedIn } from './from-archive'
export { type AssetPurchase, type FactorLine, type GhgFigures, ghgFiguresOf, type ScopeLine } from './ghg'
export {
  type BreakdownRow,
  buildReportModel,
  deviceSummary,
  type KeyFigure,
  type LargestRun,
  type ReportInput,
  type ReportModel,
  type ReportRun,
  type Restatement,
  type SignOff,
  type SourceLine,
  type TrendPoint
} from './model'
export { shortenNames, TABLE_NAME_CHARS } from './names'
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
  marketCellsFromRuns,
  REPORT_QUERY_NAMES,
  reportMarketQuery,
  type ReportQueryName,
  type ReportTotals,
  reportTotalsQueries,
  totalsFromRuns,
  trendPeriod
} from './queries'
export { type CitableStatement, citableStatement, latexEscape } from './statement'
export { type ReportText, reportText } from './text/index'
export {
  loadShiftSeries,
  type RunShiftSeries,
  type ShiftableRun,
  type TimeShiftStrategyTotal,
  type TimeShiftWhatIf,
  timeShiftWhatIfOf
} from './time-shift'
export { referenceForWhatIfs, type WhatIf, type WhatIfs, whatIfsOf } from './what-ifs'
