import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { LedgerError } from '../../renderer/db'
import { ARCHIVE_TABLES } from '../../shared/ledger/archive'
import { type BackupTables, buildArchive } from '../../shared/ledger/backup'
import type { Asset } from '../../shared/report/assets'
import { exportBytes, readLines, sourceOf } from './archive-support'
import { gpuRun, openTest } from './support'

const dgx: Asset = {
  id: 'asset-1',
  device: 'NVIDIA DGX H100',
  count: 2,
  purchasedOn: '2026-02-14',
  embodiedKgEach: 3500,
  source: 'NVIDIA product carbon footprint 2024'
}

describe("the lab's report settings and asset register in backups (issue 13)", () => {
  it('travel in the archive and a restore puts them back', async () => {
    const source = await openTest()
    await source.runs.create(gpuRun({ hours: 5 }))
    await source.settings.setReportSettings({ labName: 'Vision Lab' })
    await source.settings.setAssets([dgx])
    const bytes = await exportBytes(source)
    const settings = readLines(bytes)
      .records.filter((l) => l.t === 'settings')
      .map((l) => l.r.key)
    expect(settings).toEqual(expect.arrayContaining(['reportSettings', 'assetRegister']))

    const target = await openTest()
    expect(await target.settings.getReportSettings()).toEqual({ labName: '' })
    expect(await target.settings.getAssets()).toEqual([])
    await target.backups.restore(sourceOf(bytes), 'replace')
    expect(await target.settings.getReportSettings()).toEqual({ labName: 'Vision Lab' })
    expect(await target.settings.getAssets()).toEqual([dgx])
  })

  it('restores an archive written before they existed, with an empty register and no lab name', async () => {
    const source = await openTest()
    await source.runs.create(gpuRun({ hours: 5 }))
    const tables = Object.fromEntries(ARCHIVE_TABLES.map((t) => [t, [] as unknown[]])) as unknown as BackupTables
    for (const { t, r } of readLines(await exportBytes(source)).records)
      (tables[t as keyof BackupTables] as unknown[]).push(r)
    const old = await buildArchive(tables, { schemaVersion: 1, dataVersion: 'test-1', createdAt: new Date() })
    expect(old.tables.settings.map((s) => s.key)).not.toContain('assetRegister')

    const target = await openTest()
    await target.settings.setReportSettings({ labName: 'Overwritten by replace' })
    const report = await target.backups.restore(sourceOf(JSON.stringify(old)), 'replace')
    expect(report.refusedCount).toBe(0)
    expect(await target.runs.list({})).toHaveLength(1)
    expect(await target.settings.getReportSettings()).toEqual({ labName: '' })
    expect(await target.settings.getAssets()).toEqual([])
  })

  it('refuses an invalid register, keeping the one stored', async () => {
    const ledger = await openTest()
    await ledger.settings.setAssets([dgx])
    const bad = { ...dgx, id: 'asset-2', count: 0 }
    await expect(ledger.settings.setAssets([dgx, bad])).rejects.toBeInstanceOf(LedgerError)
    await expect(ledger.settings.setAssets([{ ...dgx, purchasedOn: '2026-02-30' }])).rejects.toThrow(/purchasedOn/)
    expect(await ledger.settings.getAssets()).toEqual([dgx])
  })
})
