import * as nodeFs from 'node:fs/promises'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  backupFileName,
  type BackupFs,
  backupNamesNewestFirst,
  backupsToRemove,
  createBackupStore,
  isBackupDue,
  localDay
} from '../../../main/backup/backups'
import { HostError } from '../../../main/ipc/host-error'

const at = (year: number, month: number, day: number, hour = 12) => new Date(year, month - 1, day, hour)
const name = (day: string) => `carbon-ledger-backup-${day}.json`

describe('backup naming and rotation', () => {
  it('names a backup by the local day, zero-padded', () => {
    expect(localDay(at(2026, 3, 5, 0))).toBe('2026-03-05')
    expect(localDay(at(2026, 12, 31, 23))).toBe('2026-12-31')
    expect(backupFileName(at(2026, 1, 9))).toBe('carbon-ledger-backup-2026-01-09.json')
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
  })
})

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
  const store = (keep = 3, fs: BackupFs = nodeFs) => createBackupStore({ dir, keep, now: () => now, fs })

  it('creates the folder, reports a backup as due, writes it and then reports it as done', async () => {
    const backups = store()
    expect(await backups.status()).toEqual({ due: true, latest: null, keep: 3 })
    const written = await backups.write('{"version":1,"runs":[]}')
    expect(written).toEqual({
      written: { fileName: name('2026-11-23'), day: '2026-11-23', sizeBytes: 23 },
      removed: []
    })
    expect(await readFile(join(dir, name('2026-11-23')), 'utf8')).toBe('{"version":1,"runs":[]}')
    expect(await backups.status()).toEqual({ due: false, latest: written.written, keep: 3 })
  })

  it('replaces the same day’s backup and keeps the newest N across days', async () => {
    const backups = store(3)
    for (const [day, text] of [
      [19, '{"d":19}'],
      [20, '{"d":20}'],
      [21, '{"d":21}'],
      [21, '{"d":"21 again"}'],
      [22, '{"d":22}']
    ] as const) {
      now = at(2026, 11, day, 9)
      await backups.write(text)
    }
    now = at(2026, 11, 23, 9)
    const last = await backups.write('{"d":23}')
    expect(last.removed).toEqual([name('2026-11-20')])
    expect((await backups.list()).map((entry) => entry.fileName)).toEqual([
      name('2026-11-23'),
      name('2026-11-22'),
      name('2026-11-21')
    ])
    expect((await backups.read(name('2026-11-21'))).text).toBe('{"d":"21 again"}')
  })

  it('leaves the user’s own files alone and sweeps stale temporary files', async () => {
    const backups = store(1)
    await nodeFs.mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'my-notes.txt'), 'mine')
    await writeFile(join(dir, `.${name('2026-11-20')}.0badc0ffee.tmp`), '{"half":')
    await backups.write('{}')
    expect((await readdir(dir)).sort()).toEqual([name('2026-11-23'), 'my-notes.txt'])
  })

  it('keeps yesterday’s backup intact when today’s write fails', async () => {
    now = at(2026, 11, 22, 9)
    await store().write('{"d":22}')
    now = at(2026, 11, 23, 9)
    const fullDisk: BackupFs = {
      ...nodeFs,
      open: async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
      }
    }
    await expect(store(3, fullDisk).write('{"d":23}')).rejects.toThrow('ENOSPC')
    expect(await readdir(dir)).toEqual([name('2026-11-22')])
    expect(await store().status()).toMatchObject({ due: true, latest: { fileName: name('2026-11-22') } })
  })

  it('serialises concurrent writes so neither loses its file', async () => {
    const backups = store()
    const [first, second] = await Promise.all([backups.write('{"n":1}'), backups.write('{"n":2}')])
    expect(first.written.fileName).toBe(second.written.fileName)
    expect(await readFile(join(dir, name('2026-11-23')), 'utf8')).toBe('{"n":2}')
    expect(await readdir(dir)).toEqual([name('2026-11-23')])
  })

  it('reads only names of the backup pattern, so nothing outside the folder can be asked for', async () => {
    const backups = store()
    for (const fileName of [
      '../window-state.json',
      '..%2fsecret.json',
      'carbon-ledger-backup-2026-11-23.json/../../x',
      'notes.txt'
    ]) {
      const error = await backups.read(fileName).catch((e: unknown) => e)
      expect(error, fileName).toBeInstanceOf(HostError)
      expect((error as Error).message).toBe(`${fileName} is not a backup of Carbon Ledger.`)
    }
    await expect(backups.read(name('2020-01-01'))).rejects.toThrow(
      'The backup carbon-ledger-backup-2020-01-01.json no longer exists.'
    )
  })
})
