import { toCsv } from '../../../../shared/csv/write'
import { add, exact, type Range } from '../../../../shared/domain/range'
import type { RunMarket } from '../../../../shared/emissions/run-market'
import type { ExplainedRun } from '../../../../shared/ledger/compact'
import { RUN_COLUMNS } from '../../../../shared/report/csv'
import type { RunRecord, RunWindow } from '../../../db'
import { localDay } from '../../format/local-day'

/** Rows read per call when a whole view is read (totals, export): a few MB at a time. */
const READ_BLOCK = 2000

/** Every row of a complete window, block by block, in its order; stops between blocks once the signal aborts. */
export async function* rowsOf(win: RunWindow, signal?: AbortSignal): AsyncGenerator<RunRecord[]> {
  for (let offset = 0; offset < win.total; offset += READ_BLOCK) {
    if (signal?.aborted) throw new DOMException('The runs view changed before it was read.', 'AbortError')
    yield await win.rows(offset, READ_BLOCK)
  }
}

export interface RunTotals {
  runs: number
  energyKWh: Range
  /** Location-based, as the table's CO2e column; ranges summed bound by bound, as the rollups do. */
  emissionsKg: Range
}

export const noTotals = (): RunTotals => ({ runs: 0, energyKWh: exact(0), emissionsKg: exact(0) })

export const addRuns = (totals: RunTotals, runs: readonly RunRecord[]): RunTotals =>
  runs.reduce(
    (t, r) => ({
      runs: t.runs + 1,
      energyKWh: add(t.energyKWh, r.result.energyKWh),
      emissionsKg: add(t.emissionsKg, r.result.emissionsKg)
    }),
    totals
  )

/** The runs as the report's runs.csv (docs/formats/report-csv.md), in the table's order. */
export const runsCsv = (
  runs: readonly ExplainedRun[],
  projectName: (id: string) => string,
  market: ReadonlyMap<string, RunMarket> = new Map()
): string =>
  toCsv(
    RUN_COLUMNS.map((c) => c.name),
    runs.map((run) => {
      const m = market.get(run.id)
      const row = { run, projectName: projectName(run.projectId) || run.projectId, ...(m ? { market: m } : {}) }
      return RUN_COLUMNS.map((c) => c.cell(row))
    })
  )

/** runs-2026-12-04.csv: the local day of the export. */
export const runsCsvFileName = (now: Date): string => `runs-${localDay(now)}.csv`
