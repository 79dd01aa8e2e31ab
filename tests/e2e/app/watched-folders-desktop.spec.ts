import { readFileSync } from 'node:fs'
import { expect, type Page, test } from '@playwright/test'

// The desktop app's watched folders without an Electron binary: the page gets a stand-in for the preload's bridge
// (window.api) that keeps one folder in memory, records what Settings asks main to do and can send the host events
// main sends. Everything else of the renderer (ledger, import, Settings) is the real built app in Chromium.
const FOLDER = '/data/cluster-a/sacct'

const installBridge = (page: Page) =>
  page.addInitScript((path: string) => {
    type Folder = { id: string; path: string; paused: boolean; timeZone?: string; slurmPartitions?: object }
    const calls: { method: string; args: unknown[] }[] = []
    let folder: Folder = { id: 'f1', path, paused: false }
    let listener: ((event: unknown) => void) | undefined
    const overview = () => ({ folders: [folder], log: [] })
    const record = <T>(method: string, args: unknown[], answer: T): Promise<T> => {
      calls.push({ method, args })
      return Promise.resolve(answer)
    }
    const watchedFolders = {
      list: () => record('list', [], overview()),
      add: () => record('add', [], null),
      remove: (id: string) => record('remove', [id], overview()),
      setPaused: (id: string, paused: boolean) => {
        folder = { ...folder, paused }
        return record('setPaused', [id, paused], overview())
      },
      update: (id: string, settings: { timeZone: string | null; slurmPartitions: object | null }) => {
        const { timeZone: _zone, slurmPartitions: _partitions, ...rest } = folder
        folder = {
          ...rest,
          ...(settings.timeZone !== null ? { timeZone: settings.timeZone } : {}),
          ...(settings.slurmPartitions !== null ? { slurmPartitions: settings.slurmPartitions } : {})
        }
        return record('update', [id, settings], overview())
      },
      batchDone: (batchId: string, results: unknown) => record('batchDone', [batchId, results], undefined)
    }
    const api = {
      watchedFolders,
      appInfo: () =>
        Promise.resolve({
          name: 'Carbon Ledger',
          version: '0.0.0-test',
          platform: 'linux',
          arch: 'x64',
          electronVersion: 'stand-in',
          chromeVersion: 'stand-in',
          isPackaged: false
        }),
      backupStatus: () => Promise.resolve({ due: false, latest: null, keep: 14 }),
      listBackups: () => Promise.resolve([]),
      diskFreeBytes: () => Promise.resolve(undefined),
      openLink: () => Promise.resolve(false),
      onHostEvent: (l: (event: unknown) => void) => {
        listener = l
        return () => {
          listener = undefined
        }
      }
    }
    // Whatever else a screen asks of the host is not part of this test: it fails loudly, naming the call.
    ;(window as unknown as { api: unknown }).api = new Proxy(api, {
      get: (target, key) =>
        key in target
          ? target[key as keyof typeof target]
          : () => Promise.reject(new Error(`stand-in host: ${String(key)} is not part of this test`))
    })
    Object.assign(window, {
      standIn: {
        calls,
        folder: () => folder,
        emit: (event: unknown) => listener?.(event)
      }
    })
  }, FOLDER)

type StandIn = {
  calls: { method: string; args: unknown[] }[]
  folder: () => unknown
  emit: (event: unknown) => void
}
const standIn = <T>(page: Page, read: (s: StandIn) => T) =>
  page.evaluate((body) => {
    const s = (window as unknown as { standIn: StandIn }).standIn
    return (new Function('s', `return (${body})(s)`) as (s: StandIn) => T)(s)
  }, read.toString())

/** What main does when a watched folder gets a file: a watch-batch event with the folder as it is now. */
const sendBatch = (page: Page, batchId: string, name: string, text: string) =>
  page.evaluate(
    ([batch, file, body]) => {
      const s = (window as unknown as { standIn: StandIn }).standIn
      s.emit({
        type: 'watch-batch',
        batchId: batch,
        folder: s.folder(),
        files: [{ name: file, format: 'slurm', text: body }]
      })
    },
    [batchId, name, text] as const
  )

test("a watched folder's zone and partitions are edited in Settings, and its sacct batch is imported with them", async ({
  page
}) => {
  await page.setViewportSize({ width: 1024, height: 900 })
  await installBridge(page)
  const db = `e2e-watched-desktop-${Date.now()}`
  await page.goto(`/?db=${db}#/settings?section=watched`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 20_000 })

  const section = page.getByRole('region', { name: 'Watched folders' })
  await expect(section.getByRole('list', { name: 'Watched folders' }).getByText(FOLDER)).toBeVisible()
  await section.getByRole('button', { name: `Edit the time zone and partitions of ${FOLDER}` }).click()
  const editor = section.getByRole('group', { name: `Time zone and partitions of ${FOLDER}` })
  await editor.getByLabel('Time zone of timestamps without one').fill('Europe/Berlin')
  await expect.poll(() => standIn(page, (s) => s.folder())).toMatchObject({ timeZone: 'Europe/Berlin' })

  await editor.getByLabel('Set another partition (its name in sacct)').fill('gpu-a100')
  const form = editor.getByRole('form', { name: 'Hardware and location of partition gpu-a100' })
  await form.getByLabel('GPU model of its nodes').fill('NVIDIA A100-SXM4-80GB')
  await form.getByLabel('Location given as').selectOption('country')
  await form.getByLabel('Search locations').fill('Germany')
  await form.getByLabel('Location', { exact: true }).selectOption('country:DEU')
  await form.getByRole('button', { name: 'Remember for gpu-a100' }).click()
  await expect(editor.getByRole('list', { name: `Partitions of ${FOLDER}` })).toContainText(
    'gpu-a100 NVIDIA A100-SXM4-80GB'
  )
  const updates = await standIn(page, (s) => s.calls.filter((c) => c.method === 'update').map((c) => c.args[1]))
  expect(updates.at(-1)).toEqual({
    timeZone: 'Europe/Berlin',
    slurmPartitions: {
      'gpu-a100': { gpu: 'NVIDIA A100-SXM4-80GB', location: { kind: 'country', code: 'DEU' } }
    }
  })
  await section.screenshot({ path: 'tests/artifacts/watched-folder-settings-1024.png' })

  // main sends the folder (with what was just set) and a new sacct file; the renderer imports it and answers
  const text = readFileSync('tests/fixtures/import/slurm/sacct-energy-gpu.psv', 'utf8')
  await sendBatch(page, '0123456789abcdef01234567', 'sacct-energy-gpu.psv', text)
  await expect(page.getByText(`Watched folder ${FOLDER}: 10 runs imported or updated.`)).toBeVisible({
    timeout: 20_000
  })
  const done = await standIn(page, (s) => s.calls.find((c) => c.method === 'batchDone')?.args)
  expect(done).toEqual(['0123456789abcdef01234567', [{ name: 'sacct-energy-gpu.psv', runs: 10 }]])

  // the same batch again (main restarted before it heard back): nothing is stored twice
  await sendBatch(page, '0123456789abcdef01234568', 'sacct-energy-gpu.psv', text)
  await expect
    .poll(() => standIn(page, (s) => s.calls.filter((c) => c.method === 'batchDone').map((c) => c.args[1])))
    .toEqual([[{ name: 'sacct-energy-gpu.psv', runs: 10 }], [{ name: 'sacct-energy-gpu.psv', runs: 0 }]])

  await page.getByRole('link', { name: 'Runs', exact: true }).click()
  await expect(page.getByText('10 runs', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'pretrain-7b' }).first().click()
  // the folder's partition decided the job's GPUs and location, matched to the catalogue
  await expect(page.getByText('8 × NVIDIA A100-SXM4-80GB, 100%', { exact: true })).toBeVisible()
  await expect(page.getByText('DEU → Germany', { exact: true })).toBeVisible()
  await expect(page.getByText(/GPU NVIDIA A100-SXM4-80GB, location from the lab's partition mapping/)).toBeVisible()
})
