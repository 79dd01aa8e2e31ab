// The planner's public API: pure functions on plain data, for the CLI, the compare-and-plan screen, the dashboard
// and the report. docs/planning.md describes it.
export { PlanningError, type PlanningErrorCode } from './errors'
export { HOUR_MS, floorToHour, hourlySeriesSchema, isoHour, seriesOfProfile, type HourlySeries } from './hourly'
export {
  PAPER_STRATEGIES,
  comparePaperStrategies,
  planTimeShift,
  shiftJobSchema,
  shiftStrategySchema,
  type ShiftJob,
  type ShiftPlan,
  type ShiftStrategy
} from './timeshift'
export { shiftJobOfRun, whatRunWouldHaveSaved } from './run-shift'
export { strategySpan, sweepStarts, type SweepResult } from './sweep'
export { seriesOnAnyDate, type ProjectedSeries, type ZoneYearValues } from './projection'
export {
  dodgeStudy,
  whatIfStrategies,
  type Study,
  type StudyRow,
  type StudyStrategyResult,
  type StudyZone,
  type WhatIfJob,
  type WhatIfTotal
} from './study'
export {
  DEFAULT_MFU,
  compareHardware,
  hardwareOptionsSchema,
  hardwareWorkloadSchema,
  sortHardwareRows,
  type HardwareComparison,
  type HardwareRow,
  type HardwareSortKey,
  type HardwareWorkload,
  type HardwareWorkloadDraft,
  type Precision
} from './hardware'
export {
  compareLocations,
  locationScopeSchema,
  type LocationComparison,
  type LocationRanking,
  type LocationRow,
  type LocationScope
} from './location'
export { recommendChanges, recommendationOptionsSchema, type LedgerRun, type Recommendation } from './recommend'
export { savingAcrossLocations, savingInSameScenario } from './saving'
