import type { z } from 'zod'
import { type RunInput, type RunInputDraft, runInputSchema } from '../../shared/domain/run'
import { compactResult } from '../../shared/ledger/compact'
import { engineStamp } from '../../shared/ledger/import-plan'
import { monthOf } from '../../shared/ledger/period'
import { findProjectByName, tidyProjectName } from '../../shared/ledger/project-names'
import { ProjectionDelta } from '../../shared/ledger/projection'
import type { ProjectRecord, RunRecord } from '../../shared/ledger/records'
import { applyDelta, RollupDelta } from '../../shared/ledger/rollup'
import type { LedgerEngine } from './api'
import { LedgerError } from './errors'
import { writeProjection } from './projection'
import type { LedgerDb } from './schema'

/** What every repository shares: the database, the engine, and the lab defaults currently in force. */
export interface LedgerContext<L> {
  db: LedgerDb
  engine: LedgerEngine<L>
  /** The lab defaults in force, cached after the first read (callable inside transactions without settings). */
  lab(): Promise<L>
  /**
   * The lab defaults read from settings now (and cached): what a live query calls, so that it observes the record
   * and runs again when they change, here or in another window.
   */
  readLab(): Promise<L>
  /** undefined: read them again from settings (after a restore). */
  setLabCache(lab: L | undefined): void
  stamp(): Promise<string>
  /** The stamp from readLab(): for live queries. */
  readStamp(): Promise<string>
  now(): number
  newId(): string
  /** Free bytes of the disk holding the ledger, from the host; undefined where unknown. */
  freeDiskBytes(): Promise<number | undefined>
}

export const describeIssues = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ')

/** Validates a run draft before any transaction opens; a refusal names the field. */
export const parseRunInput = (draft: RunInputDraft, what = 'run'): RunInput => {
  const parsed = runInputSchema.safeParse(draft)
  if (!parsed.success) throw new LedgerError('invalid', `Invalid ${what}: ${describeIssues(parsed.error)}`)
  return parsed.data
}

/**
 * Builds the stored record of a run; its result was computed before the transaction. Only the figures are stored:
 * the trace, assumptions and sources are rebuilt on demand (runs.explain, shared/ledger/compact.ts).
 */
export const makeRunRecord = (fields: {
  id: string
  projectId: string
  input: RunInput
  result: RunRecord['result']
  computeStamp: string
  importId: string
  createdAt: number
  updatedAt: number
}): RunRecord => ({
  ...fields,
  result: compactResult(fields.result),
  person: fields.input.person.trim(),
  startedAtMs: Date.parse(fields.input.startedAt),
  startMonth: monthOf(Date.parse(fields.input.startedAt)),
  emissionsKg: fields.result.emissionsKg.value
})

export const UNASSIGNED_PROJECT = 'Unassigned'

/**
 * The project a run's project name refers to, created if new. Must run inside a transaction that includes
 * `projects`; awaits only Dexie.
 */
export const resolveProjectByName = async <L>(ctx: LedgerContext<L>, name: string): Promise<string> => {
  const projectName = tidyProjectName(name) || UNASSIGNED_PROJECT
  const found = await projectNamed(ctx.db, projectName)
  if (found) return found.id
  const now = ctx.now()
  const id = ctx.newId()
  await ctx.db.projects.add({ id, name: projectName, description: '', createdAt: now, updatedAt: now })
  return id
}

/**
 * The project of a name whatever its case and spacing ("vision inference " is "Vision inference"). Projects are
 * few (hundreds), so the table is scanned: an index cannot fold case.
 */
export const projectNamed = async (db: LedgerDb, name: string): Promise<ProjectRecord | undefined> =>
  (await db.projects.where('name').equals(name).first()) ?? findProjectByName(await db.projects.toArray(), name)

/**
 * What a transaction's run writes change besides the runs: the rollup cells and the runs projection. Every run
 * written or removed is added to it (+1 / -1) and it is written once, with writeRunDelta, before the transaction
 * ends: so neither can disagree with the runs.
 */
export class RunDelta {
  readonly rollups = new RollupDelta()
  readonly projection = new ProjectionDelta()

  add(run: RunRecord, sign: 1 | -1): void {
    this.rollups.add(run, sign)
    this.projection.add(run, sign)
  }
}

/** Inside the run-writing transaction, which must include the rollups and projection tables. */
export const writeRunDelta = async (db: LedgerDb, delta: RunDelta): Promise<void> => {
  await writeRollups(db, delta.rollups)
  await writeProjection(db, delta.projection)
}

/** Writes a rollup delta: one bulkGet, one bulkPut, one bulkDelete. Inside the run-writing transaction. */
const writeRollups = async (db: LedgerDb, delta: RollupDelta): Promise<void> => {
  const keys = delta.keys()
  if (keys.length === 0) return
  const stored = await db.rollups.bulkGet(keys)
  const puts = []
  const deletes = []
  for (const [i, key] of keys.entries()) {
    const next = applyDelta(stored[i], delta.cells.get(key)!)
    if (next) puts.push(next)
    else deletes.push(key)
  }
  await db.rollups.bulkPut(puts)
  await db.rollups.bulkDelete(deletes)
}

export const createContext = <L>(
  db: LedgerDb,
  engine: LedgerEngine<L>,
  freeDiskBytes: () => Promise<number | undefined> = async () => undefined
): LedgerContext<L> => {
  let cached: L | undefined
  // Dexie promises (then, not async/await): a live query goes on tracking the reads made after awaiting them.
  const readLab = (): Promise<L> =>
    db.settings.get('labDefaults').then((stored) => {
      const parsed = stored ? engine.labDefaultsSchema.safeParse(stored.value) : undefined
      cached = parsed?.success ? parsed.data : engine.defaultLabDefaults
      return cached
    })
  const lab = async (): Promise<L> => cached ?? readLab()
  const stampOf = (l: L) => engineStamp(engine, l)
  return {
    db,
    engine,
    lab,
    readLab,
    setLabCache: (l) => {
      cached = l
    },
    stamp: async () => stampOf(await lab()),
    readStamp: () => readLab().then(stampOf),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    freeDiskBytes: () => freeDiskBytes().catch(() => undefined)
  }
}
