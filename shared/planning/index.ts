// The planner's public API: pure functions on plain data, for the CLI, the compare-and-plan screen, the dashboard
// and the report. docs/planning.md describes it.
export { PlanningError, type PlanningErrorCode } from './errors'
export {
  compareHardware,
  DEFAULT_MFU,
  type HardwareComparison,
  hardwareOptionsSchema,
  type HardwareRow,
  type HardwareSortKey,
  type HardwareWorkload,
  type HardwareWorkloadDraft,
  hardwareWorkloadSchema,
  type Precision,
  sortHardwareRows
} from './hardware'
export { floorToHour, HOUR_MS, type HourlySeries, hourlySeriesSchema, isoHour, seriesOfProfile } from './hourly'
export {
  compareLocations,
  type LocationComparison,
  type LocationRanking,
  type LocationRow,
  type LocationScope,
  locationScopeSchema
} from './location'
export { type ProjectedSeries, seriesOnAnyDate, type ZoneYearValues } from './projection'
export { type LedgerRun, type Recommendation, recommendationOptionsSchema, recommendChanges } from './recommend'
export { savedOfRun, scaledToRun, shiftJobOfRun, whatRunWouldHaveSaved } from './run-shift'
export { savingAcrossLocations, savingInSameScenario } from './saving'
export {
  dodgeStudy,
  type Study,
  type StudyRow,
  type StudyStrategyResult,
  type StudyZone,
  type WhatIfJob,
  whatIfStrategies,
  type WhatIfTotal
} from './study'
export { strategySpan, type SweepResult, sweepStarts } from './sweep'
export {
  comparePaperStrategies,
  PAPER_STRATEGIES,
  paperReachHours,
  planTimeShift,
  type ShiftJob,
  shiftJobSchema,
  type ShiftPlan,
  type ShiftStrategy,
  shiftStrategySchema
} from './timeshift'
