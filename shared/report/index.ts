// The quarterly report: a pure model from the ledger's runs and totals, its CSV exports and its citable statement.
export {
  buildReportModel,
  deviceSummary,
  type BreakdownRow,
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
export {
  reportTotalsQueries,
  totalsFromRuns,
  trendPeriod,
  REPORT_QUERY_NAMES,
  type ReportQueryName,
  type ReportTotals
} from './queries'
export {
  parsePeriodText,
  parseReportParams,
  periodText,
  reportParamsRecord,
  reportScopeSchema,
  type ReportPageParams,
  type ReportScope
} from './params'
export { reportCsvFiles, reportCsvReadme, RUN_COLUMNS, TOTALS_COLUMNS, type ReportCsvFile } from './csv'
export { citableStatement, latexEscape, type CitableStatement } from './statement'
export { dataQualityOf, type DataQuality } from './quality'
export { referenceForWhatIfs, whatIfsOf, type WhatIf, type WhatIfs } from './what-ifs'
export {
  energyUnitOf,
  formatChange,
  formatPercent,
  formatQuantity,
  formatRange,
  inUnit,
  massUnitOf,
  materialChange,
  MATERIAL_FLOOR,
  MWH,
  REPORT_LOCALES,
  type ReportLanguage,
  type TableUnit
} from './format'
export { ghgFiguresOf, type AssetPurchase, type FactorLine, type GhgFigures, type ScopeLine } from './ghg'
export { shortenNames, TABLE_NAME_CHARS } from './names'
export { reportText, type ReportText } from './text/index'
export { inScope, periodBoundsMs, reportFromTables } from './from-archive'
