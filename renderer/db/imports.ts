import type { RunResult } from '../../shared/domain/result'
import type { RunInput } from '../../shared/domain/run'
import { classifyImport, stableRunId } from '../../shared/ledger/import-plan'
import { projectKey, tidyProjectName } from '../../shared/ledger/project-names'
import type { ImportBatch, ProjectMapping, RunRecord } from '../../shared/ledger/records'
import { msg } from '../../shared/messages/index'
import type { ImportPreview, ImportSource, ImportsRepo } from './api'
import {
  type LedgerContext,
  makeRunRecord,
  parseRunInput,
  projectNamed,
  RunDelta,
  UNASSIGNED_PROJECT,
  writeRunDelta
} from './context'
import { guarded, LedgerError } from './errors'
import { deleteRuns, storedVersions } from './run-ranges'
import { ensureSpace } from './space'
import { yieldToUi } from './yield'

interface PreparedRun {
  id: string
  input: RunInput
  /** The run's row in the source (1-based), to name it when its computation fails. */
  row: number
  /** Which source project name (and kind) the run's project comes from. */
  mappingId: string
}

const mappingIdOf = (sourceKind: string, sourceName: string): string => `${sourceKind}:${sourceName}`

/**
 * Settings key of the marker an import's write leaves while it runs (written before its transaction, removed after):
 * found at the next start, it means the page went away mid-write, and the transaction with it.
 */
const WRITING_PREFIX = 'importWriting:'

/** Stored runs the preview reads at once, to compare an import with. */
const PREVIEW_READ_BLOCK = 2000

/** Runs validated and computed between two turns of the event loop: a 100,000-run file must not hold the page. */
const PREPARE_SLICE = 250

/**
 * Validates every run of an import and gives each its stable id; later duplicates of an id replace earlier ones. A
 * run that fails is skipped with its reason, in the preview and the commit alike. Nothing is computed yet: a run found unchanged
 * (most of a re-import) is never computed. Yields to the page every PREPARE_SLICE runs (it runs before any
 * transaction, so the pause cannot end one).
 */
const prepare = async (source: ImportSource): Promise<{ runs: PreparedRun[]; invalid: ImportPreview['skipped'] }> => {
  const byId = new Map<string, PreparedRun>()
  const invalid: ImportPreview['skipped'] = []
  for (const [index, run] of source.runs.entries()) {
    if (index > 0 && index % PREPARE_SLICE === 0) await yieldToUi()
    try {
      const input = parseRunInput(run.input, `run ${index + 1} of ${source.fileName}`)
      const id = stableRunId(input, run.externalId ?? input.source.externalId)
      byId.set(id, { id, input, row: index + 1, mappingId: mappingIdOf(input.source.kind, input.project.trim()) })
    } catch (err) {
      const message =
        err instanceof LedgerError
          ? err.message
          : `Run ${index + 1} of ${source.fileName} could not be read: ${(err as Error).message}`
      invalid.push({ row: index + 1, field: 'input', message })
    }
  }
  return { runs: [...byId.values()], invalid }
}

/**
 * The runs in order of id, so that a chunk's stored versions are one key range (storedVersions); projects are
 * resolved in the file's order (the first name of a new project names it).
 */
const inIdOrder = (runs: PreparedRun[]): PreparedRun[] =>
  [...runs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

/**
 * Computes a run that is to be written; a run the engine cannot compute is skipped with its row and reason (pushed
 * to `invalid`), as the preview reports it too.
 */
const computeOrSkip = (
  run: PreparedRun,
  fileName: string,
  compute: (input: RunInput) => RunResult,
  invalid: ImportPreview['skipped']
): RunResult | undefined => {
  try {
    return compute(run.input)
  } catch (err) {
    const message = `Run ${run.row} of ${fileName} could not be computed: ${(err as Error).message}`
    invalid.push({ row: run.row, field: 'input', message })
    return undefined
  }
}

export const importsRepo = <L>(ctx: LedgerContext<L>): ImportsRepo => {
  const { db } = ctx

  /**
   * Where each source project name goes: this import's override, the remembered mapping, the project of that
   * name, or a new project. Reads only Dexie, so it runs inside the commit transaction too.
   */
  const resolveProjects = async (
    runs: PreparedRun[],
    overrides: Record<string, string>,
    namedOverrides: Record<string, string> = {}
  ) => {
    const names = new Map<string, { sourceKind: string; sourceName: string; runs: number }>()
    for (const r of runs) {
      const entry = names.get(r.mappingId) ?? {
        sourceKind: r.input.source.kind,
        sourceName: r.input.project.trim(),
        runs: 0
      }
      entry.runs++
      names.set(r.mappingId, entry)
    }
    const resolved = new Map<string, ImportPreview['projects'][number] & { sourceKind: string }>()
    for (const [mappingId, { sourceKind, sourceName, runs: count }] of names) {
      const override = overrides[sourceName]
      const named = override === undefined ? tidyProjectName(namedOverrides[sourceName] ?? '') : ''
      const remembered =
        override === undefined && named === '' ? (await db.mappings.get(mappingId))?.projectId : override
      const project = remembered !== undefined ? await db.projects.get(remembered) : undefined
      if (override !== undefined && !project)
        throw new LedgerError('not-found', `No project with id ${override} to map "${sourceName}" to.`)
      const wanted = named || tidyProjectName(sourceName) || UNASSIGNED_PROJECT
      const byName = project ?? (await projectNamed(db, wanted))
      resolved.set(
        mappingId,
        byName
          ? { sourceKind, sourceName, action: 'map', projectId: byName.id, projectName: byName.name, runs: count }
          : { sourceKind, sourceName, action: 'create', projectName: wanted, runs: count }
      )
    }
    return resolved
  }

  /**
   * Removes those of the projects an import created that hold no run (trash included), with their mappings; how many
   * went. A project made by hand stays, even empty.
   */
  const removeIfEmpty = async (projectIds: Iterable<string>): Promise<number> => {
    // A project holds runs while a project × month rollup cell counts one (cells go at 0 members): a few hundred cells
    // read, where counting a project's index entries right after deleting them walks every deleted entry.
    const holding = new Set(
      (await db.rollups.where('[level+month]').between(['pm', ''], ['pm', '\uffff']).toArray()).map(
        (cell) => cell.project
      )
    )
    let removed = 0
    for (const id of projectIds) {
      if (holding.has(id) || !(await db.projects.get(id))?.createdByImport) continue
      if ((await db.trash.filter((t) => t.run.projectId === id).count()) > 0) continue
      await db.mappings.filter((m) => m.projectId === id).delete()
      await db.projects.delete(id)
      removed++
    }
    return removed
  }

  const commit: ImportsRepo['commit'] = async (source, options = {}) => {
    const lab = await ctx.lab()
    const stamp = await ctx.stamp()
    await ctx.engine.prepare?.(
      source.runs.map((run) => run.input),
      lab
    )
    const { runs, invalid } = await prepare(source)
    const compute = (input: RunInput) => ctx.engine.compute(input, lab)
    const chunkSize = Math.max(1, options.chunkSize ?? 2000)
    const batchId = ctx.newId()
    const now = ctx.now()
    // Refused before the transaction when it would not fit: a disk filling mid-write may cost the whole database.
    await ensureSpace(ctx, { runs: runs.length })
    const cancelled = () => new LedgerError('cancelled', msg('import.cancelled', { file: source.fileName }))
    if (options.signal?.aborted) throw cancelled()
    const marker = `${WRITING_PREFIX}${batchId}`
    await guarded(() => db.settings.put({ key: marker, value: { fileName: source.fileName }, updatedAt: now }))

    return guarded(() =>
      db.transaction(
        'rw',
        [db.runs, db.projects, db.mappings, db.imports, db.superseded, db.rollups, db.projection],
        async () => {
          const projects = await resolveProjects(runs, options.projectMap ?? {}, options.projectNames ?? {})
          // Source names given a project for this import only keep the mapping they had (or none).
          const forThisImportOnly = new Set(
            options.rememberNames === false
              ? Object.entries(options.projectNames ?? {})
                  .filter(([, name]) => tidyProjectName(name) !== '')
                  .map(([source]) => source)
              : []
          )
          const projectOf = new Map<string, string>()
          const mappings: ProjectMapping[] = []
          // Two sources (CodeCarbon and nvidia-smi runs of one file, or two names chosen alike) may name the same new
          // project, whatever their case and spacing: create it once.
          const created = new Map<string, string>()
          for (const [mappingId, p] of projects) {
            let projectId = p.projectId ?? created.get(projectKey(p.projectName))
            if (projectId === undefined) {
              projectId = ctx.newId()
              created.set(projectKey(p.projectName), projectId)
              await db.projects.add({
                id: projectId,
                name: p.projectName,
                description: '',
                createdByImport: batchId,
                createdAt: now,
                updatedAt: now
              })
            }
            projectOf.set(mappingId, projectId)
            if (!forThisImportOnly.has(p.sourceName))
              mappings.push({
                id: mappingId,
                sourceKind: p.sourceKind,
                sourceName: p.sourceName,
                projectId,
                updatedAt: now
              })
          }
          await db.mappings.bulkPut(mappings)

          const counts = { added: 0, updated: 0, unchanged: 0 }
          const delta = new RunDelta()
          const ordered = inIdOrder(runs)
          for (let start = 0; start < ordered.length; start += chunkSize) {
            // Throwing inside the transaction aborts it: the runs, rollups and projects written so far go with it.
            if (options.signal?.aborted) throw cancelled()
            const chunk = ordered.slice(start, start + chunkSize)
            const stored = await storedVersions(
              db,
              chunk.map((r) => r.id)
            )
            const writes: RunRecord[] = []
            const replaced = []
            for (const [i, run] of chunk.entries()) {
              const previous = stored[i]
              const projectId = projectOf.get(run.mappingId)!
              const action = classifyImport({ input: run.input, projectId }, previous, stamp)
              if (action === 'unchanged') {
                counts.unchanged++
                continue
              }
              const result = computeOrSkip(run, source.fileName, compute, invalid)
              if (result === undefined) continue
              const record = makeRunRecord({
                id: run.id,
                projectId,
                input: run.input,
                result,
                computeStamp: stamp,
                importId: previous?.importId ?? batchId,
                createdAt: previous?.createdAt ?? now,
                updatedAt: previous ? Math.max(now, previous.updatedAt + 1) : now
              })
              if (previous) {
                counts.updated++
                replaced.push({ importId: batchId, runId: run.id, previous })
                delta.add(previous, -1)
              } else counts.added++
              delta.add(record, 1)
              writes.push(record)
            }
            await db.superseded.bulkPut(replaced)
            await db.runs.bulkPut(writes)
            options.onProgress?.(start + chunk.length, runs.length)
          }
          if (options.signal?.aborted) throw cancelled()
          await writeRunDelta(db, delta)
          const batch: ImportBatch = {
            id: batchId,
            format: source.format,
            fileName: source.fileName,
            importedAt: now,
            ...counts,
            // Rows, not errors (a row may have several), and not the duplicates a later row of the same run replaced.
            skipped: (source.skippedRows ?? source.errors.length) + invalid.length,
            updatedAt: now
          }
          await db.imports.add(batch)
          return batch
        }
      )
    ).finally(() => guarded(() => db.settings.delete(marker)).catch(() => undefined))
  }

  return {
    preview: async (source) => {
      const lab = await ctx.lab()
      await ctx.engine.prepare?.(
        source.runs.map((run) => run.input),
        lab
      )
      const { runs, invalid } = await prepare(source)
      const ordered = inIdOrder(runs)
      const compute = (input: RunInput) => ctx.engine.compute(input, lab)
      const stamp = await ctx.stamp()
      const { projects, stored } = await guarded(() =>
        db.transaction('r', [db.runs, db.projects, db.mappings], async () => {
          const projects = await resolveProjects(runs, {})
          // In blocks: one read of 100,000 runs holds the page for seconds.
          const stored: (RunRecord | undefined)[] = []
          for (let at = 0; at < runs.length; at += PREVIEW_READ_BLOCK)
            stored.push(
              ...(await storedVersions(
                db,
                ordered.slice(at, at + PREVIEW_READ_BLOCK).map((r) => r.id)
              ))
            )
          return { projects, stored }
        })
      )
      const counts = { added: 0, updated: 0, unchanged: 0 }
      for (const [i, run] of ordered.entries()) {
        if (i > 0 && i % PREPARE_SLICE === 0) await yieldToUi()
        // A project still to be created makes every run of it new or updated: it cannot be unchanged.
        const projectId = projects.get(run.mappingId)?.projectId ?? ''
        const action = classifyImport({ input: run.input, projectId }, stored[i], stamp)
        // A run to be written is computed, as the commit will: one the engine refuses is skipped.
        if (action !== 'unchanged' && computeOrSkip(run, source.fileName, compute, invalid) === undefined) continue
        counts[action === 'add' ? 'added' : action === 'update' ? 'updated' : 'unchanged']++
      }
      invalid.sort((a, b) => a.row - b.row)
      return {
        format: source.format,
        fileName: source.fileName,
        runsFound: source.runs.length,
        ...counts,
        skipped: [...source.errors, ...invalid],
        warnings: [
          ...source.warnings,
          ...source.runs.flatMap((r, i) => (r.warnings ?? []).map((message) => ({ row: i + 1, message })))
        ],
        projects: [...projects.values()].map(({ sourceKind: _kind, ...p }) => p)
      }
    },
    commit,
    list: () => guarded(() => db.imports.orderBy('importedAt').reverse().toArray()),
    undo: (batchId) =>
      guarded(() =>
        db.transaction(
          'rw',
          [db.runs, db.imports, db.superseded, db.rollups, db.projection, db.projects, db.mappings, db.trash],
          async () => {
            if (!(await db.imports.get(batchId)))
              throw new LedgerError('not-found', `No import batch with id ${batchId}.`)
            const delta = new RunDelta()
            const created = await db.runs.where('importId').equals(batchId).toArray()
            for (const run of created) delta.add(run, -1)
            await deleteRuns(
              db,
              created.map((r) => r.id)
            )
            const replaced = await db.superseded.where('importId').equals(batchId).toArray()
            const current = await db.runs.bulkGet(replaced.map((s) => s.runId))
            // Only runs still present are reverted: one deleted since stays deleted.
            const reverts = replaced.filter((_, i) => current[i] !== undefined)
            for (const [i, s] of replaced.entries()) {
              const now = current[i]
              if (now === undefined) continue
              delta.add(now, -1)
              delta.add(s.previous, 1)
            }
            await db.runs.bulkPut(reverts.map((s) => s.previous))
            await db.superseded.where('importId').equals(batchId).delete()
            await db.imports.delete(batchId)
            await writeRunDelta(db, delta)
            // The projects its runs were in: those an import created go when this undo leaves them empty.
            const emptied = new Set([...created, ...current.filter((r) => r !== undefined)].map((r) => r.projectId))
            const projectsRemoved = await removeIfEmpty(emptied)
            return { removed: created.length, reverted: reverts.length, projectsRemoved }
          }
        )
      ),
    takeInterrupted: () =>
      guarded(() =>
        db.transaction('rw', db.settings, async () => {
          const markers = await db.settings.where('key').startsWith(WRITING_PREFIX).toArray()
          await db.settings.bulkDelete(markers.map((m) => m.key))
          const names = markers.map((m) => (m.value as { fileName?: unknown } | undefined)?.fileName)
          return names.find((n): n is string => typeof n === 'string') ?? (markers.length > 0 ? '' : undefined)
        })
      ),
    mappings: {
      list: () => guarded(() => db.mappings.toArray()),
      set: (sourceKind, sourceName, projectId) =>
        guarded(() =>
          db.transaction('rw', [db.mappings, db.projects], async () => {
            if (!(await db.projects.get(projectId)))
              throw new LedgerError('not-found', `No project with id ${projectId}.`)
            const mapping = {
              id: mappingIdOf(sourceKind, sourceName),
              sourceKind,
              sourceName,
              projectId,
              updatedAt: ctx.now()
            }
            await db.mappings.put(mapping)
            return mapping
          })
        ),
      remove: (id) => guarded(() => db.mappings.delete(id))
    }
  }
}
