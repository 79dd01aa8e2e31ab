/**
 * The ledger's public API: the UI calls these repositories and never touches Dexie tables.
 * See docs/ledger.md.
 */
export { openLedger } from './ledger'
export { LedgerError, type LedgerErrorCode } from './errors'
export { requestPersistence, storageEstimate } from './storage'
export { SCHEMA_VERSION } from './schema'
export type * from './api'
export type { TotalsQuery, TotalsAnswer, TotalsRow, GroupKey } from '../../shared/ledger/aggregate'
export type { Period } from '../../shared/ledger/period'
export type { MergeConflict } from '../../shared/ledger/backup'
export type { RollupSums } from '../../shared/ledger/records'
export { createLedgerEngine } from './engine'
export {
  openLedgerBrowser,
  type LedgerBrowser,
  type RunBrowseQuery,
  type RunWindow,
  type RunOrder,
  type RunSortKey
} from './browse'
