import {
  applyToMonth,
  type MonthView,
  monthView,
  type ProjectionDelta,
  type ProjectionPart
} from '../../shared/ledger/projection'
import type { LedgerDb } from './schema'

/** A month's parts, in order. Chained on Dexie's promise, so a live query goes on tracking what it read. */
export const readParts = (db: LedgerDb, month: string): Promise<ProjectionPart[]> =>
  db.projection.where('[month+seq]').between([month, -Infinity], [month, Infinity]).toArray()

export const readMonth = (db: LedgerDb, month: string): Promise<MonthView> => readParts(db, month).then(monthView)

/**
 * Writes a projection delta: per month touched, one part more (or the month compacted). Inside the run-writing
 * transaction, which must include the projection table.
 */
export const writeProjection = async (db: LedgerDb, delta: ProjectionDelta): Promise<void> => {
  for (const [month, changes] of delta.months) {
    const stored = await readParts(db, month)
    const { put, remove } = applyToMonth(month, stored, changes)
    await db.projection.bulkDelete(remove.map((seq): [string, number] => [month, seq]))
    await db.projection.bulkPut(put)
  }
}
