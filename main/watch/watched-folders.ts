// Watched folders (issue 14): new or changed CodeCarbon, nvidia-smi and sacct files in a folder the user chose are
// imported as batches, each file once per content. Everything outside (the file watcher, the disk, the ledger in the
// renderer, notices) is injected, so that this runs and is tested in plain Node without Electron.
import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import { z } from 'zod'
import { detectFormat, type ImportFormat } from '../../shared/import'
import {
  type WatchedFolder,
  watchedFolderSchema,
  type WatchFolderSettings,
  type WatchLogEntry,
  watchLogEntrySchema
} from '../../shared/watch/schema'
import { decodeText } from '../files/decode-text'

/** The formats a folder takes: what instruments and schedulers write there, never the ledger's own files. */
export const WATCHED_FORMATS: readonly ImportFormat[] = ['codecarbon', 'nvidia-smi', 'slurm']
/** Files arriving together (a job's end writes several) go as one batch after this quiet time. */
export const BATCH_QUIET_MS = 2000
const MAX_LOG_ENTRIES = 500

export { type WatchedFolder, watchedFolderSchema, type WatchLogEntry, watchLogEntrySchema }

/** What survives a restart: the folders, the content hashes already imported from each, and the import log. */
export const watchStateSchema = z.strictObject({
  version: z.literal(1),
  folders: z.array(watchedFolderSchema),
  /** folder id → content hashes (sha-256) imported from it: a file renamed or copied again is not imported twice. */
  imported: z.record(z.string(), z.array(z.string())),
  log: z.array(watchLogEntrySchema)
})
export type WatchState = z.infer<typeof watchStateSchema>

export const emptyWatchState = (): WatchState => ({ version: 1, folders: [], imported: {}, log: [] })

export interface WatchedFile {
  name: string
  format: ImportFormat
  text: string
}

/** A started watch on one folder: events for files added or changed in it (existing files count as added). */
export interface FolderWatch {
  close(): Promise<void>
}

export interface WatchDeps {
  watch(path: string, onFile: (path: string) => void, onError: (error: Error) => void): FolderWatch
  readFile(path: string): Promise<Uint8Array>
  loadState(): Promise<WatchState>
  saveState(state: WatchState): Promise<void>
  /** Imports one folder's batch into the ledger (the renderer's), resolving with the runs each file stored. */
  deliver(folder: WatchedFolder, files: WatchedFile[]): Promise<{ name: string; runs: number; error?: string }[]>
  notify(notice: { kind: 'imported' | 'error'; folderId: string; text: string }): void
  now(): number
  /** Schedules the batch; tests pass a short delay. */
  setTimer(fn: () => void, ms: number): { cancel(): void }
}

export interface WatchedFolders {
  start(): Promise<void>
  stop(): Promise<void>
  list(): WatchedFolder[]
  log(): WatchLogEntry[]
  add(folder: Omit<WatchedFolder, 'paused'>): Promise<void>
  remove(id: string): Promise<void>
  setPaused(id: string, paused: boolean): Promise<void>
  /** A folder's zone and partitions (null forgets one); batches from now on carry them. */
  update(id: string, settings: WatchFolderSettings): Promise<void>
  /** Resolves when every batch started so far has been delivered and recorded. */
  idle(): Promise<void>
}

export function createWatchedFolders(deps: WatchDeps, quietMs = BATCH_QUIET_MS): WatchedFolders {
  let state = emptyWatchState()
  const watches = new Map<string, FolderWatch>()
  const pending = new Map<string, { paths: Set<string>; timer: { cancel(): void } }>()
  let chain: Promise<void> = Promise.resolve()

  const record = (entry: Omit<WatchLogEntry, 'atMs'>): void => {
    state.log = [...state.log, { atMs: deps.now(), ...entry }].slice(-MAX_LOG_ENTRIES)
  }

  const flush = async (folderId: string, paths: string[]): Promise<void> => {
    const folder = state.folders.find((f) => f.id === folderId)
    if (!folder || folder.paused) return
    const known = new Set(state.imported[folderId] ?? [])
    const batch: (WatchedFile & { hash: string })[] = []
    for (const path of paths) {
      const name = basename(path)
      let bytes: Uint8Array
      try {
        bytes = await deps.readFile(path)
      } catch (error) {
        // gone again (a temporary file renamed into place): its final name brings its own event
        record({ folderId, file: name, outcome: 'skipped', runs: 0, detail: (error as Error).message })
        continue
      }
      const hash = createHash('sha256').update(bytes).digest('hex')
      if (known.has(hash)) {
        record({ folderId, file: name, outcome: 'unchanged', runs: 0, detail: 'already imported' })
        continue
      }
      const text = decodeText(bytes)
      const detected = detectFormat(text.slice(0, 64 * 1024), name)
      if ('error' in detected || !WATCHED_FORMATS.includes(detected.format)) {
        const detail = 'error' in detected ? detected.error : `${name}: a ${detected.format} file is not watched`
        record({ folderId, file: name, outcome: 'skipped', runs: 0, detail })
        continue
      }
      batch.push({ name, format: detected.format, text, hash })
    }
    if (batch.length > 0) {
      let results: Awaited<ReturnType<WatchDeps['deliver']>>
      try {
        results = await deps.deliver(
          folder,
          batch.map(({ name, format, text }) => ({ name, format, text }))
        )
      } catch (error) {
        results = batch.map((f) => ({ name: f.name, runs: 0, error: (error as Error).message }))
      }
      let runs = 0
      const failed: string[] = []
      batch.forEach((file, i) => {
        const result = results[i]
        if (!result || result.error !== undefined) {
          failed.push(file.name)
          const detail = result?.error ?? 'not delivered'
          record({ folderId, file: file.name, outcome: 'failed', runs: 0, detail })
          return
        }
        known.add(file.hash)
        runs += result.runs
        record({ folderId, file: file.name, outcome: 'imported', runs: result.runs, detail: '' })
      })
      state.imported = { ...state.imported, [folderId]: [...known] }
      if (runs > 0 || failed.length === 0) {
        deps.notify({
          kind: 'imported',
          folderId,
          text: `${folder.path}: ${runs} run(s) from ${batch.length - failed.length} file(s)`
        })
      }
      if (failed.length > 0) {
        deps.notify({ kind: 'error', folderId, text: `${folder.path}: could not import ${failed.join(', ')}` })
      }
    }
    await deps.saveState(state)
  }

  const onFile = (folderId: string, path: string): void => {
    const entry = pending.get(folderId)
    entry?.timer.cancel()
    const paths = entry?.paths ?? new Set<string>()
    paths.add(path)
    const timer = deps.setTimer(() => {
      pending.delete(folderId)
      chain = chain.then(() => flush(folderId, [...paths]))
    }, quietMs)
    pending.set(folderId, { paths, timer })
  }

  const open = (folder: WatchedFolder): void => {
    if (folder.paused || watches.has(folder.id)) return
    watches.set(
      folder.id,
      deps.watch(
        folder.path,
        (path) => onFile(folder.id, path),
        (error) => {
          record({ folderId: folder.id, file: '', outcome: 'failed', runs: 0, detail: error.message })
          deps.notify({ kind: 'error', folderId: folder.id, text: `${folder.path}: ${error.message}` })
        }
      )
    )
  }

  const close = async (id: string): Promise<void> => {
    pending.get(id)?.timer.cancel()
    pending.delete(id)
    await watches.get(id)?.close()
    watches.delete(id)
  }

  const save = async (): Promise<void> => {
    chain = chain.then(() => deps.saveState(state))
    await chain
  }

  return {
    async start() {
      state = await deps.loadState()
      for (const folder of state.folders) open(folder)
    },
    async stop() {
      for (const id of [...watches.keys()]) await close(id)
      await chain
    },
    list: () => state.folders.map((f) => ({ ...f })),
    log: () => [...state.log],
    async add(given) {
      const folder = watchedFolderSchema.parse({ ...given, paused: false })
      if (state.folders.some((f) => f.id === folder.id || f.path === folder.path)) return
      state.folders = [...state.folders, folder]
      await save()
      open(folder)
    },
    async remove(id) {
      await close(id)
      state.folders = state.folders.filter((f) => f.id !== id)
      const { [id]: _removed, ...imported } = state.imported
      state.imported = imported
      await save()
    },
    async setPaused(id, paused) {
      state.folders = state.folders.map((f) => (f.id === id ? { ...f, paused } : f))
      await save()
      const folder = state.folders.find((f) => f.id === id)
      if (paused) await close(id)
      else if (folder) open(folder)
    },
    async update(id, { timeZone, slurmPartitions }) {
      state.folders = state.folders.map((f) => {
        if (f.id !== id) return f
        const { timeZone: _zone, slurmPartitions: _partitions, ...rest } = f
        return {
          ...rest,
          ...(timeZone === null ? {} : { timeZone }),
          ...(slurmPartitions === null ? {} : { slurmPartitions })
        }
      })
      await save()
    },
    async idle() {
      await chain
    }
  }
}
