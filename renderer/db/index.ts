/**
 * The ledger's public API: the UI calls these repositories and never touches Dexie tables.
 * See docs/ledger.md.
 */
export type { GroupKey, TotalsAnswer, TotalsQuery, TotalsRow } from '../../shared/ledger/aggregate'
export type { CheckSummary, RecordNote } from '../../shared/ledger/archive'
export type { MergeConflict } from '../../shared/ledger/backup'
export type { Period } from '../../shared/ledger/period'
export {
  devicesOfKey,
  hardwareKey,
  locationKey,
  locationOfKey,
  type ProjectedDevice,
  type ProjectedLocation,
  projectionValue
} from '../../shared/ledger/projection'
export type { RollupSums } from '../../shared/ledger/records'
export type * from './api'
export { checkArchive } from './archive-stream'
export {
  type LedgerBrowser,
  openLedgerBrowser,
  type RunBrowseQuery,
  type RunOrder,
  type RunSortColumn,
  type RunSortKey,
  type RunWhere,
  type RunWindow
} from './browse'
export { createLedgerEngine } from './engine'
export { LedgerError, type LedgerErrorCode } from './errors'
export { openLedger } from './ledger'
export { SCHEMA_VERSION } from './schema'
export { requestPersistence, storageEstimate } from './storage'
