import { type ImportResult, type RankGroup } from '../../../../shared/import'
import type { Message } from '../../../../shared/messages/message'
import type { ImportBatch, ImportPreview } from '../../../db'
import { type StoredEnergy, type TextChunk } from './import-flow'
import type { FileReconciliation } from './reconcile-file'

/** Runs listed in a preview; a log can hold thousands. */
export const RUNS_SHOWN = 200

export interface Picked {
  name: string
  /** The file itself, for the parse worker; absent where only chunks can be had. */
  source?: Blob | string
  chunks: () => AsyncIterable<TextChunk>
}

type Phase = 'reading' | 'previewing' | 'failed' | 'ready' | 'committing' | 'committed'

export interface FileState {
  key: number
  /** Which pick of files it came with: "Import all" takes only the latest pick's files. */
  pick: number
  name: string
  picked: Picked
  /** The clock of zone-less timestamps, minutes east of UTC; undefined: UTC assumed, with the importer's warning. */
  offsetMinutes?: number
  /** Slurm: the IANA zone sacct ran in (daylight saving included); undefined: UTC assumed, with a warning. */
  timeZone?: string
  /** The clock is the one chosen for a file of this name at an earlier import (until another is chosen). */
  clockRemembered?: boolean
  /** The importer's own result, before the lab's people and the rank choice (result is what will be stored). */
  parsed?: ImportResult
  /** CodeCarbon rows recognised as ranks of one run, and those chosen to be merged. */
  rankGroups?: RankGroup[]
  mergeIds?: string[]
  phase: Phase
  done: number
  total: number
  error?: string
  /** Why the file was refused, for the screen's language (error is its English text). */
  errorMsg?: Message
  result?: ImportResult
  /** The energy each listed run will be stored with, computed as the ledger will (first RUNS_SHOWN runs). */
  energies?: (StoredEnergy | undefined)[]
  /** The file's own emissions against the ledger's (issue 11); absent when no run reported any. */
  reconciliation?: FileReconciliation
  preview?: ImportPreview
  batch?: ImportBatch
}
