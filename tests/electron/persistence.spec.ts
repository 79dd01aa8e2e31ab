import { gzipSync } from 'node:zlib'
import { expect, test } from '@playwright/test'
import { createArchiveWriter } from '../../shared/ledger/archive'
import { electronBinary, launchApp, SKIP_MESSAGE, temporaryDir } from './support'

test.skip(electronBinary() === null, SKIP_MESSAGE)

/** An empty ledger's archive (version 3: gzip-compressed JSON lines), as bytes the page can send. */
const emptyArchive = (): number[] => {
  const writer = createArchiveWriter({ schemaVersion: 3, dataVersion: 'e2e', createdAt: new Date(0) })
  return [...gzipSync(Buffer.concat([writer.header(), writer.trailer()]))]
}

test('keeps IndexedDB and backups across a relaunch with the same user-data folder', async () => {
  const profile = temporaryDir('carbon-ledger-electron-')
  const archive = emptyArchive()
  try {
    const first = await launchApp(profile.path)
    try {
      await first.page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('carbon-ledger-e2e-probe', 1)
            open.onupgradeneeded = () => open.result.createObjectStore('probe')
            open.onerror = () => reject(open.error)
            open.onsuccess = () => {
              const tx = open.result.transaction('probe', 'readwrite')
              tx.objectStore('probe').put({ energyKWh: 30 }, 'run-1')
              tx.oncomplete = () => {
                open.result.close()
                resolve()
              }
              tx.onerror = () => reject(tx.error)
            }
          })
      )
      const written = await first.page.evaluate(async (bytes) => {
        const opened = await window.api!.openArchiveWrite({ kind: 'daily' })
        if (opened.status !== 'open') throw new Error('not opened')
        await window.api!.writeArchiveChunk(opened.writeId, new Uint8Array(bytes))
        return window.api!.closeArchiveWrite(opened.writeId)
      }, archive)
      expect(written).toMatchObject({ removed: [], refusedCount: 0, counts: { projects: 0 } })
    } finally {
      await first.app.close()
    }

    const second = await launchApp(profile.path)
    try {
      expect(second.page.url()).toBe('app://carbon-ledger/index.html')
      const stored = await second.page.evaluate(
        () =>
          new Promise<unknown>((resolve, reject) => {
            const open = indexedDB.open('carbon-ledger-e2e-probe', 1)
            open.onerror = () => reject(open.error)
            open.onsuccess = () => {
              const request = open.result.transaction('probe').objectStore('probe').get('run-1')
              request.onsuccess = () => resolve(request.result)
              request.onerror = () => reject(request.error)
            }
          })
      )
      expect(stored).toEqual({ energyKWh: 30 })
      const backups = await second.page.evaluate(() => window.api!.listBackups())
      expect(backups).toHaveLength(1)
      expect(
        await second.page.evaluate(async (fileName) => {
          const handle = await window.api!.openBackup(fileName)
          return [...(await window.api!.readArchiveChunk(handle.readId, 0))]
        }, backups[0]?.fileName ?? '')
      ).toEqual(archive)
      expect(await second.page.evaluate(() => window.api!.backupStatus())).toMatchObject({ due: false })
    } finally {
      await second.app.close()
    }
  } finally {
    profile.remove()
  }
})
