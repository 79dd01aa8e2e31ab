import { appendFileSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { chokidarWatch } from '../../../main/watch/chokidar-watch'
import {
  createWatchedFolders,
  emptyWatchState,
  type WatchDeps,
  type WatchedFile,
  type WatchedFolders,
  watchStateSchema
} from '../../../main/watch/watched-folders'
import { createImporter } from '../../../shared/import'

const fixture = (path: string): string => readFileSync(join(__dirname, '../../fixtures/import', path), 'utf8')

/** The app around the watcher: a ledger that counts runs by id, the state file on disk, notices kept. */
function harness(stateFile: string) {
  const ledger = new Map<string, string>()
  const deliveries: string[][] = []
  const notices: string[] = []
  const deps: WatchDeps = {
    watch: (path, onFile, onError) => chokidarWatch(path, onFile, onError, { stableMs: 100 }),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    loadState: async () => {
      try {
        return watchStateSchema.parse(JSON.parse(await readFile(stateFile, 'utf8')))
      } catch {
        return emptyWatchState()
      }
    },
    saveState: (state) => writeFile(stateFile, JSON.stringify(state)),
    deliver: async (folder, files: WatchedFile[]) => {
      deliveries.push(files.map((f) => f.name))
      return files.map((file) => {
        const importer = createImporter(file.format, {
          fileName: file.name,
          ...(folder.timeZone ? { timeZone: folder.timeZone } : {})
        })
        importer.push(file.text)
        const result = importer.finish()
        // the ledger upserts by external id, as renderer/db does
        for (const run of result.runs) ledger.set(run.externalId, run.input.startedAt)
        return { name: file.name, runs: result.runs.length }
      })
    },
    notify: (notice) => notices.push(`${notice.kind}: ${notice.text}`),
    now: () => Date.now(),
    setTimer: (fn, ms) => {
      const t = setTimeout(fn, ms)
      return { cancel: () => clearTimeout(t) }
    }
  }
  return { deps, ledger, deliveries, notices }
}

let running: WatchedFolders | undefined
afterEach(async () => {
  await running?.stop()
  running = undefined
})

/** Waits until the watcher has seen the disk settle and delivered what it will. */
async function settle(service: WatchedFolders, check: () => void): Promise<void> {
  await vi.waitFor(
    async () => {
      await service.idle()
      check()
    },
    { timeout: 8000, interval: 100 }
  )
}

describe('watched folders (Node, no Electron)', () => {
  it('imports files that appear and change, not renamed copies, nothing twice after a restart; pause and resume', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'watched-'))
    const stateFile = join(mkdtempSync(join(tmpdir(), 'watch-state-')), 'watch.json')
    writeFileSync(join(folder, 'cluster-q1.psv'), fixture('slurm/sacct-energy-gpu.psv'))

    const app = harness(stateFile)
    running = createWatchedFolders(app.deps, 150)
    await running.start()
    await running.add({ id: 'f1', path: folder, timeZone: 'Europe/Berlin' })
    // a file already there when the folder is added
    await settle(running, () => expect(app.deliveries).toEqual([['cluster-q1.psv']]))
    expect(app.ledger.size).toBe(10)
    expect(app.ledger.get('slurm:58180@2025-03-30T01:30:00')).toBe('2025-03-30T01:30:00+01:00')

    // a new file appears
    writeFileSync(join(folder, 'emissions.csv'), fixture('codecarbon/multi-rank.csv'))
    await settle(running, () => expect(app.deliveries).toHaveLength(2))
    expect(app.ledger.size).toBe(17)

    // it changes: CodeCarbon appends a row; the file is imported again, the ledger upserts
    const lines = fixture('codecarbon/multi-rank.csv').trimEnd().split('\n')
    appendFileSync(join(folder, 'emissions.csv'), `${lines.at(-1)!.replace('000000000012', '000000000013')}\n`)
    await settle(running, () => expect(app.deliveries).toHaveLength(3))
    expect(app.ledger.size).toBe(18)

    // renamed: same content, nothing imported
    renameSync(join(folder, 'cluster-q1.psv'), join(folder, 'cluster-2025-q1.psv'))
    await settle(running, () =>
      expect(running!.log().some((e) => e.file === 'cluster-2025-q1.psv' && e.outcome === 'unchanged')).toBe(true)
    )
    expect(app.deliveries).toHaveLength(3)

    // a file of a format the folder does not take
    writeFileSync(join(folder, 'runs.json'), '{"runs": []}')
    await settle(running, () =>
      expect(running!.log().some((e) => e.file === 'runs.json' && e.outcome === 'skipped')).toBe(true)
    )

    // the app restarts: every file is seen again at start, none is imported again
    await running.stop()
    const restarted = harness(stateFile)
    running = createWatchedFolders(restarted.deps, 150)
    await running.start()
    expect(running.list()).toEqual([{ id: 'f1', path: folder, paused: false, timeZone: 'Europe/Berlin' }])
    await settle(running, () =>
      expect(running!.log().filter((e) => e.outcome === 'unchanged').length).toBeGreaterThanOrEqual(3)
    )
    expect(restarted.deliveries).toEqual([])

    // paused: a new file waits; resumed: it comes in
    await running.setPaused('f1', true)
    writeFileSync(join(folder, 'later.psv'), fixture('slurm/sacct-no-energy.psv'))
    await new Promise((resolve) => setTimeout(resolve, 600))
    await running.idle()
    expect(restarted.deliveries).toEqual([])
    await running.setPaused('f1', false)
    await settle(running, () => expect(restarted.deliveries).toEqual([['later.psv']]))
    expect(restarted.notices.at(-1)).toMatch(/10 run\(s\) from 1 file/)
    const log = running.log()
    expect(log.filter((e) => e.outcome === 'imported').map((e) => [e.file, e.runs])).toEqual([
      ['cluster-q1.psv', 10],
      ['emissions.csv', 7],
      ['emissions.csv', 8],
      ['later.psv', 10]
    ])
  }, 60_000)

  it('records a failed delivery and tries the file again when it next changes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'watched-'))
    const stateFile = join(mkdtempSync(join(tmpdir(), 'watch-state-')), 'watch.json')
    const app = harness(stateFile)
    let fail = true
    const deliver = app.deps.deliver
    app.deps.deliver = async (f, files) => {
      if (fail) throw new Error('the ledger is closed')
      return deliver(f, files)
    }
    running = createWatchedFolders(app.deps, 150)
    await running.start()
    await running.add({ id: 'f2', path: folder })
    writeFileSync(join(folder, 'a.psv'), fixture('slurm/sacct-no-energy.psv'))
    await settle(running, () => expect(running!.log().map((e) => e.outcome)).toEqual(['failed']))
    expect(app.notices.at(-1)).toContain('could not import a.psv')
    fail = false
    writeFileSync(join(folder, 'a.psv'), `${fixture('slurm/sacct-no-energy.psv')}\n`)
    await settle(running, () => expect(app.ledger.size).toBe(10))
  }, 30_000)

  it("keeps a folder's edited zone and partitions in the state file, for files imported from then on", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'watched-'))
    const stateFile = join(mkdtempSync(join(tmpdir(), 'watch-state-')), 'watch.json')
    const app = harness(stateFile)
    running = createWatchedFolders(app.deps, 150)
    await running.start()
    await running.add({ id: 'f1', path: folder, timeZone: 'UTC' })
    const partitions = { 'gpu-a100': { gpu: 'NVIDIA A100-SXM4-80GB' } }
    await running.update('f1', { timeZone: 'Europe/Berlin', slurmPartitions: partitions })
    const saved = watchStateSchema.parse(JSON.parse(readFileSync(stateFile, 'utf8')))
    expect(saved.folders[0]).toEqual({
      id: 'f1',
      path: folder,
      paused: false,
      timeZone: 'Europe/Berlin',
      slurmPartitions: partitions
    })
    // a file arriving now is imported with the new zone
    writeFileSync(join(folder, 'cluster-q1.psv'), fixture('slurm/sacct-energy-gpu.psv'))
    await settle(running, () => expect(app.deliveries).toEqual([['cluster-q1.psv']]))
    expect(app.ledger.get('slurm:58180@2025-03-30T01:30:00')).toBe('2025-03-30T01:30:00+01:00')
    await running.update('f1', { timeZone: null, slurmPartitions: null })
    expect(running.list()[0]).toEqual({ id: 'f1', path: folder, paused: false })
  })
})
