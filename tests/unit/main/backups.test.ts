import * as nodeFs from 'node:fs/promises'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  backupFileName,
  backupNamesNewestFirst,
  backupsToRemove,
  createBackupStore,
  isBackupDue,
  localDay
} from '../../../main/backup/backups'
import { HostError } from '../../../main/ipc/host-error'
import { createArchiveWriter } from '../../../shared/ledger/archive'
import { signLines } from '../../support/archive-lines'

const at = (year: number, month: number, day: number, hour = 12) => new Date(year, month - 1, day, hour)
const name = (day: string) => `carbon-ledger-backup-${day}.json`
const gz = (day: string) => `carbon-ledger-backup-${day}.jsonl.gz`

describe('backup naming and rotation', () => {
  it('names a backup by the local day, zero-padded', () => {
    expect(localDay(at(2026, 3, 5, 0))).toBe('2026-03-05')
    expect(localDay(at(2026, 12, 31, 23))).toBe('2026-12-31')
    expect(backupFileName(at(2026, 1, 9))).toBe('carbon-ledger-backup-2026-01-09.jsonl.gz')
  })

  it('orders backups newest first and ignores other files', () => {
    const entries = [
      name('2026-01-10'),
      'notes.txt',
      name('2025-12-31'),
      name('2026-02-01'),
      'carbon-ledger-backup-latest.json',
      '.carbon-ledger-backup-2026-02-02.json.ab.tmp'
    ]
    expect(backupNamesNewestFirst(entries)).toEqual([name('2026-02-01'), name('2026-01-10'), name('2025-12-31')])
  })

  it('removes all but the newest N', () => {
    const entries = ['2026-01-01', '2026-01-03', '2026-01-02', '2026-01-05', '2026-01-04'].map(name)
    expect(backupsToRemove(entries, 3)).toEqual([name('2026-01-02'), name('2026-01-01')])
    expect(backupsToRemove(entries, 5)).toEqual([])
    expect(backupsToRemove(entries, 1)).toEqual(['2026-01-04', '2026-01-03', '2026-01-02', '2026-01-01'].map(name))
    expect(() => backupsToRemove(entries, 0)).toThrow(RangeError)
  })

  it('is due until today has a backup', () => {
    expect(isBackupDue([], at(2026, 5, 1))).toBe(true)
    expect(isBackupDue([name('2026-04-30')], at(2026, 5, 1))).toBe(true)
    expect(isBackupDue([name('2026-04-30'), name('2026-05-01')], at(2026, 5, 1, 23))).toBe(false)
    expect(isBackupDue([gz('2026-05-01')], at(2026, 5, 1, 23))).toBe(false)
  })
})

/** A valid version-3 archive holding `projects` projects. */
const archive = (projects = 1): Uint8Array => {
  const w = createArchiveWriter({ schemaVersion: 3, dataVersion: 'd', createdAt: new Date(0) })
  const parts = [w.header()]
  for (let i = 0; i < projects; i++)
    parts.push(w.record('projects', { id: `p${i}`, name: `P${i}`, description: '', createdAt: 1, updatedAt: 1 })!)
  parts.push(w.trailer())
  return new Uint8Array(gzipSync(Buffer.concat(parts)))
}

describe('backup store on disk', () => {
  let dir: string
  let now: Date
  beforeEach(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'carbon-ledger-backups-')), 'backups')
    now = at(2026, 11, 23, 9)
  })
  afterEach(async () => {
    await rm(join(dir, '..'), { recursive: true, force: true })
  })
  const store = (keep = 3, choosePath = async (): Promise<string | null> => null) =>
    createBackupStore({ dir, keep, now: () => now, choosePath })
  /** Streams bytes in small chunks, as the renderer does with larger ones. */
  const writeDaily = async (backups: ReturnType<typeof store>, bytes: Uint8Array) => {
    const opened = await backups.openWrite({ kind: 'daily' })
    if (opened.status !== 'open') throw new Error('not opened')
    for (let at = 0; at < bytes.length; at += 7) await backups.writeChunk(opened.writeId, bytes.subarray(at, at + 7))
    return backups.close(opened.writeId)
  }

  it('writes today’s backup chunk by chunk, reads it back and counts it, then reports it as done', async () => {
    const backups = store()
    expect(await backups.status()).toEqual({ due: true, latest: null, keep: 3 })
    const bytes = archive(3)
    const written = await writeDaily(backups, bytes)
    expect(written).toMatchObject({
      fileName: gz('2026-11-23'),
      sizeBytes: bytes.length,
      counts: { projects: 3, runs: 0 },
      refusedCount: 0,
      removed: []
    })
    expect(await readdir(dir)).toEqual([gz('2026-11-23')])
    expect(await backups.status()).toMatchObject({ due: false, latest: { fileName: gz('2026-11-23') } })
  })

  it('keeps the newest N across days, backups of the old format included', async () => {
    const backups = store(3)
    await nodeFs.mkdir(dir, { recursive: true })
    await writeFile(join(dir, name('2026-11-19')), '{}')
    for (const day of [20, 21, 21]) {
      now = at(2026, 11, day, 9)
      await writeDaily(backups, archive(day))
    }
    now = at(2026, 11, 22, 9)
    expect((await writeDaily(backups, archive(22))).removed).toEqual([name('2026-11-19')])
    now = at(2026, 11, 23, 9)
    const last = await writeDaily(backups, archive(23))
    expect(last.removed).toEqual([gz('2026-11-20')])
    expect((await backups.list()).map((entry) => entry.fileName)).toEqual([
      gz('2026-11-23'),
      gz('2026-11-22'),
      gz('2026-11-21')
    ])
  })

  it('keeps the earlier backups and no file when today’s archive does not read back whole', async () => {
    const backups = store(1)
    now = at(2026, 11, 22, 9)
    await writeDaily(backups, archive(2))
    now = at(2026, 11, 23, 9)
    const good = archive(5)
    await expect(writeDaily(backups, good.subarray(0, good.length - 9))).rejects.toThrow(/was not kept/)
    expect(await readdir(dir)).toEqual([gz('2026-11-22')])
    expect(await backups.status()).toMatchObject({ due: true, latest: { fileName: gz('2026-11-22') } })
  })

  it('keeps a backup a restore would partly refuse, says so, and rotates nothing', async () => {
    const backups = store(1)
    now = at(2026, 11, 22, 9)
    await writeDaily(backups, archive(1))
    now = at(2026, 11, 23, 9)
    const header = {
      format: 'carbon-ledger-backup',
      archiveVersion: 3,
      schemaVersion: 3,
      dataVersion: 'd',
      createdAt: new Date(0).toISOString()
    }
    const project = { id: 'p', name: 'P', description: '', createdAt: 1, updatedAt: 1 }
    const bad = signLines(header, [
      JSON.stringify({ t: 'projects', r: project }),
      JSON.stringify({ t: 'projects', r: { ...project, createdAt: -5 } })
    ])
    const written = await writeDaily(backups, bad)
    expect(written).toMatchObject({ refusedCount: 1, refused: [{ table: 'projects', id: 'p' }], removed: [] })
    expect((await readdir(dir)).sort()).toEqual([gz('2026-11-22'), gz('2026-11-23')])
  })

  it('abandons a write without leaving its temporary file', async () => {
    const backups = store()
    const opened = await backups.openWrite({ kind: 'daily' })
    if (opened.status !== 'open') throw new Error('not opened')
    await backups.writeChunk(opened.writeId, archive().subarray(0, 10))
    await backups.abort(opened.writeId)
    expect(await readdir(dir)).toEqual([])
    await expect(backups.writeChunk(opened.writeId, new Uint8Array(1))).rejects.toBeInstanceOf(HostError)
  })

  it('saves where the user chose, atomically, and says when the dialog was cancelled', async () => {
    const target = join(dir, '..', 'mine.jsonl.gz')
    const backups = store(3, async () => target)
    const opened = await backups.openWrite({ kind: 'save', suggestedName: 'x.jsonl.gz' })
    if (opened.status !== 'open') throw new Error('not opened')
    await backups.writeChunk(opened.writeId, archive(2))
    expect(await backups.close(opened.writeId)).toMatchObject({
      fileName: 'mine.jsonl.gz',
      path: target,
      counts: { projects: 2 }
    })
    expect(await store().openWrite({ kind: 'save', suggestedName: 'x' })).toEqual({ status: 'cancelled' })
  })

  it('reads an archive by offset, and only backups of the pattern by name', async () => {
    const backups = store()
    const bytes = archive(4)
    await writeDaily(backups, bytes)
    const handle = await backups.openBackup(gz('2026-11-23'))
    expect(handle).toMatchObject({ fileName: gz('2026-11-23'), sizeBytes: bytes.length })
    expect(await backups.readChunk(handle.readId, 0)).toEqual(bytes)
    expect((await backups.readChunk(handle.readId, bytes.length)).length).toBe(0)
    backups.closeRead(handle.readId)
    await expect(backups.readChunk(handle.readId, 0)).rejects.toBeInstanceOf(HostError)
    for (const fileName of [
      '../window-state.json',
      '..%2fsecret.json',
      'carbon-ledger-backup-2026-11-23.json/../../x'
    ]) {
      const error = await backups.openBackup(fileName).catch((e: unknown) => e)
      expect(error, fileName).toBeInstanceOf(HostError)
      expect((error as Error).message).toBe(`${fileName} is not a backup of Carbon Ledger.`)
    }
    await expect(backups.openBackup(name('2020-01-01'))).rejects.toThrow(
      'The backup carbon-ledger-backup-2020-01-01.json no longer exists.'
    )
  })
})
