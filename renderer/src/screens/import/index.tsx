import { type DragEvent, useRef, useState } from 'react'
import type { RunInput } from '../../../../shared/domain/run'
import { catalogueMatcher, type ImportResult, type SlurmPartition } from '../../../../shared/import'
import { plannedProjectNames, type ProjectPlan } from '../../../../shared/ledger/project-names'
import type { ImportBatch } from '../../../db'
import { needsSafetyBackup, safetyBackup } from '../../app/backup-flow'
import { useNotify } from '../../app/Notices'
import { useAsync } from '../../app/useAsync'
import { LoadStatus } from '../../components/Status'
import { useHost } from '../../host/HostProvider'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/I18nProvider'
import { loadCatalogue } from '../../ledger/engine'
import { useLedger } from '../../ledger/LedgerProvider'
import { useLedgerQuery } from '../../ledger/useLedgerQuery'
import { ClusterSetup } from './ClusterSetup'
import { type FileState, type Picked, RUNS_SHOWN } from './file-state'
import { FileCard } from './FileCard'
import { chunksOfBlob, chunksOfText, parseChunks, rowErrorsCsv, rowErrorsFileName, storedEnergies } from './import-flow'
import { InterruptedImport } from './InterruptedImport'
import { Mappings } from './Mappings'
import { parseOffThread, type ParseSettings } from './parse-off-thread'
import { prepareResult } from './prepare-result'
import { ProjectPlanPanel } from './ProjectPlanPanel'
import { RankChoices } from './RankChoices'
import { reconcileFile } from './reconcile-file'

/** Runs per write chunk: between chunks the page repaints its progress and a cancel takes effect. */
const WRITE_CHUNK_RUNS = 500
const EACH_PROJECT: ProjectPlan = { kind: 'each', names: {} }

export default function Import() {
  const i18n = useI18n()
  const { t } = i18n
  const host = useHost()
  const { ledger } = useLedger()
  const notify = useNotify()
  const [files, setFiles] = useState<FileState[]>([])
  const [dragging, setDragging] = useState(false)
  const nextKey = useRef(0)
  const [pick, setPick] = useState(0)
  const queue = useRef<Promise<void>>(Promise.resolve())
  const projects = useLedgerQuery(({ ledger }) => ledger.projects.list(), [])
  const batches = useLedgerQuery(({ ledger }) => ledger.imports.list(), [])
  const mappings = useLedgerQuery(({ ledger }) => ledger.imports.mappings.list(), [])
  const catalogue = useAsync(loadCatalogue, [])

  const update = (key: number, patch: Partial<FileState>) =>
    setFiles((all) => all.map((f) => (f.key === key ? { ...f, ...patch } : f)))

  const [chosen, setChosen] = useState<string[]>([])
  /** Where the runs of the latest pick's files go: chosen once, for all of them. */
  const [plan, setPlan] = useState<ProjectPlan>(EACH_PROJECT)
  const cancels = useRef(new Map<number, AbortController>())

  /** The preview of what the ledger will store: counts, projects and each listed run's energy. */
  const previewOf = async (key: number, result: ImportResult) => {
    try {
      const catalogue = await loadCatalogue()
      const preview = await ledger.imports.preview(result)
      const lab = await ledger.settings.getLabDefaults()
      // the preview loaded the zone-years these runs need: each is computed as the ledger will store it
      const compute = (input: RunInput) =>
        catalogue.estimateRun(input, catalogue.ref, lab, catalogue.hourlyProfilesOfRun(input, catalogue.ref, lab))
      const energies = storedEnergies(result.runs, compute, RUNS_SHOWN)
      const reconciliation = reconcileFile(result.runs, compute)
      update(key, { phase: 'ready', preview, energies, reconciliation })
    } catch (err) {
      update(key, { phase: 'failed', error: i18n.error(err) })
    }
  }

  const read = async (key: number, picked: Picked, clock: Pick<FileState, 'offsetMinutes' | 'timeZone'> = {}) => {
    // The page's catalogue (for the hardware matcher) loads while the worker parses.
    const loading = loadCatalogue()
    const cluster = await ledger.settings.getCluster()
    const { offsetMinutes } = clock
    const timeZone = clock.timeZone ?? cluster.timeZone
    const settings: ParseSettings = {
      ...(offsetMinutes !== undefined ? { timeZoneOffsetMinutes: offsetMinutes } : {}),
      ...(timeZone !== undefined ? { timeZone } : {}),
      slurmPartitions: cluster.partitions
    }
    const progress = (done: number, total: number) => update(key, { done, total })
    const onPage = async () => {
      const { ref } = await loading
      return parseChunks(picked.name, picked.chunks(), { matchHardware: catalogueMatcher(ref), ...settings }, progress)
    }
    // Off the page's thread where a worker can run; on the page (in chunks, yielding) where it cannot.
    const outcome =
      picked.source !== undefined && typeof Worker !== 'undefined'
        ? await parseOffThread({ name: picked.name, source: picked.source, settings }, progress).catch(onPage)
        : await onPage()
    // For the import benchmark (tests/bench/ui/import-parse.bench.ts): where the parse ends and the preview begins.
    performance.mark('import:parsed')
    if (!outcome.ok) return update(key, { phase: 'failed', error: outcome.error, errorMsg: outcome.errorMsg })
    const prepared = prepareResult(outcome.result, cluster)
    const zone = outcome.result.format === 'slurm' ? { timeZone } : {}
    update(key, { phase: 'previewing', parsed: outcome.result, ...zone, ...prepared })
    await previewOf(key, prepared.result)
  }
  /** Merge or keep apart one group of ranks: the preview is made again from the importer's result. */
  const chooseRanks = (file: FileState, groupId: string, merge: boolean) => {
    if (!file.parsed) return
    const ids = (file.mergeIds ?? []).filter((id) => id !== groupId).concat(merge ? [groupId] : [])
    // The choice shows at once (the radios are controlled); the preview follows.
    update(file.key, { mergeIds: ids, phase: 'previewing' })
    queue.current = queue.current.then(async () => {
      const prepared = prepareResult(file.parsed!, await ledger.settings.getCluster(), ids)
      update(file.key, { phase: 'previewing', preview: undefined, ...prepared })
      await previewOf(file.key, prepared.result)
    })
  }
  /** The cluster's zone for this file; remembered as the one offered first next time. */
  const setZone = async (file: FileState, timeZone: string | undefined) => {
    try {
      const { timeZone: _previous, ...cluster } = await ledger.settings.getCluster()
      await ledger.settings.setCluster(timeZone === undefined ? cluster : { ...cluster, timeZone })
    } catch (err) {
      notify({ message: i18n.error(err), tone: 'error' })
    }
    reread(file, { timeZone })
  }
  /** A partition set in the preview is remembered for every later import, then the file is read again with it. */
  const setPartition = async (file: FileState, partition: string, setting: SlurmPartition) => {
    try {
      const cluster = await ledger.settings.getCluster()
      await ledger.settings.setCluster({ ...cluster, partitions: { ...cluster.partitions, [partition]: setting } })
      notify({ message: t('cluster.partitionSaved', { partition }) })
      reread(file, {})
    } catch (err) {
      notify({ message: i18n.error(err), tone: 'error' })
    }
  }

  /** Files are read one after another (each in chunks), so several big files never compete for the page. */
  const add = (picked: Picked[]) => {
    if (picked.length === 0) return
    const added = picked.map((p) => ({ p, key: nextKey.current++ }))
    const thisPick = pick + 1
    setPick(thisPick)
    setPlan(EACH_PROJECT)
    setChosen(picked.map((p) => p.name))
    setFiles((all) => [
      ...added.map(({ p, key }): FileState => ({
        key,
        pick: thisPick,
        name: p.name,
        picked: p,
        phase: 'reading',
        done: 0,
        total: 0
      })),
      ...all
    ])
    for (const { p, key } of added) queue.current = queue.current.then(() => read(key, p))
  }
  /** The file read again with its clock's offset or zone, so the preview shows the runs at their true UTC times. */
  const reread = (file: FileState, clock: Pick<FileState, 'offsetMinutes' | 'timeZone'>) => {
    const next = { offsetMinutes: file.offsetMinutes, timeZone: file.timeZone, ...clock }
    update(file.key, {
      ...next,
      phase: 'reading',
      done: 0,
      total: 0,
      preview: undefined,
      result: undefined,
      energies: undefined,
      error: undefined,
      errorMsg: undefined
    })
    queue.current = queue.current.then(() => read(file.key, file.picked, next))
  }
  const setOffset = (file: FileState, offsetMinutes: number | undefined) => reread(file, { offsetMinutes })
  const addFiles = (list: FileList | null) =>
    add([...(list ?? [])].map((file) => ({ name: file.name, source: file, chunks: () => chunksOfBlob(file) })))
  const pickDesktop = async () => {
    const opened = await host.api.openFiles({
      title: t('import.pick'),
      multiple: true,
      filters: [
        { name: t('import.filterName'), extensions: ['csv', 'json', 'txt', 'log'] },
        { name: t('import.filterAll'), extensions: ['*'] }
      ]
    })
    add(opened.map((f) => ({ name: f.name, source: f.text, chunks: () => chunksOfText(f.text) })))
  }
  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    addFiles(e.dataTransfer.files)
  }

  const commit = async (file: FileState) => {
    if (!file.result) return
    const sources = file.preview?.projects.map((p) => p.sourceName) ?? []
    const projectNames = plannedProjectNames(file.pick === pick ? plan : EACH_PROJECT, file.name, sources)
    const controller = new AbortController()
    cancels.current.set(file.key, controller)
    update(file.key, { phase: 'committing', done: 0, total: file.result.runs.length, error: undefined })
    try {
      const batch = await ledger.imports.commit(file.result, {
        projectNames,
        chunkSize: WRITE_CHUNK_RUNS,
        signal: controller.signal,
        onProgress: (done, total) => update(file.key, { done, total })
      })
      update(file.key, { phase: 'committed', batch })
    } catch (err) {
      const wasCancelled = controller.signal.aborted
      update(file.key, {
        phase: 'ready',
        error: wasCancelled ? undefined : t('import.commitFailed', { message: i18n.error(err) })
      })
      if (wasCancelled) notify({ message: t('import.cancelledNotice', { file: file.name }) })
    } finally {
      cancels.current.delete(file.key)
    }
  }
  const importable = files.filter(
    (f) => f.pick === pick && f.phase === 'ready' && f.preview && f.preview.added + f.preview.updated > 0
  )
  // The files whose projects the plan decides: the latest pick's, previewed, not yet imported.
  const planFiles = files.flatMap((f) =>
    f.pick === pick && f.preview && f.phase !== 'committed' && f.preview.projects.length > 0
      ? [{ name: f.name, preview: f.preview }]
      : []
  )
  const commitAll = async () => {
    for (const f of importable) await commit(f)
  }
  const undo = async (batch: ImportBatch, key?: number) => {
    try {
      // Undoing a large batch rewrites many runs: the ledger as it is goes to today's backup first (desktop).
      if (needsSafetyBackup(host.kind, { kind: 'undo-import', runs: batch.added + batch.updated }))
        await safetyBackup(host.api, ledger)
      const { removed, reverted } = await ledger.imports.undo(batch.id)
      if (key !== undefined) setFiles((all) => all.filter((f) => f.key !== key))
      notify({ message: i18n.plural('import.undone', removed, { file: batch.fileName, reverted: i18n.int(reverted) }) })
    } catch (err) {
      notify({ message: i18n.error(err), tone: 'error' })
    }
  }
  const downloadErrors = async (file: FileState) => {
    const errors = file.preview?.skipped ?? []
    try {
      await host.api.saveFile({
        suggestedName: rowErrorsFileName(file.name, new Date()),
        content: rowErrorsCsv(
          errors.map((e) => ({ fileName: file.name, ...e })),
          (e) => i18n.msg(e.msg, e.message)
        ),
        filters: [{ name: 'CSV', extensions: ['csv'] }]
      })
    } catch (err) {
      notify({ message: i18n.error(err), tone: 'error' })
    }
  }

  return (
    <section aria-labelledby="import-title" className="import">
      <h1 id="import-title">{t('import.title')}</h1>
      <div
        className={`dropzone card ${dragging ? 'dragging' : ''}`}
        role="region"
        aria-label={t('import.dropzone')}
        onDragOver={(e) => {
          e.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('import.dropHint')}</p>
        {host.kind === 'desktop' ? (
          <button type="button" className="primary" onClick={() => void pickDesktop()}>
            {t('import.pick')}
          </button>
        ) : (
          <label className="file-pick">
            <span className="button">{t('import.pick')}</span>
            <input
              type="file"
              multiple
              className="visually-hidden"
              onChange={(e) => {
                addFiles(e.target.files)
                e.target.value = ''
              }}
            />
          </label>
        )}
        <p className="chosen" aria-live="polite" data-testid="import-chosen">
          {chosen.length > 0 ? t('import.chosen', { files: chosen.join(', ') }) : t('import.noneChosen')}
        </p>
        <p className="muted">{t('import.formats')}</p>
      </div>

      <InterruptedImport />
      {planFiles.length > 0 && (
        <ProjectPlanPanel
          files={planFiles}
          plan={plan}
          onPlan={setPlan}
          projects={projects.data ?? []}
          disabled={files.some((f) => f.pick === pick && f.phase === 'committing')}
        />
      )}
      {importable.length > 1 && (
        <div className="row import-all">
          <button type="button" className="primary" onClick={() => void commitAll()}>
            {i18n.plural('import.all', importable.length)}
          </button>
        </div>
      )}
      {files.map((file) => (
        <FileCard
          key={file.key}
          file={file}
          onOffset={(minutes) => setOffset(file, minutes)}
          onCancel={() => cancels.current.get(file.key)?.abort()}
          onCommit={() => void commit(file)}
          onDiscard={() => setFiles((all) => all.filter((f) => f.key !== file.key))}
          onUndo={() => file.batch && void undo(file.batch, file.key)}
          onDownloadErrors={() => void downloadErrors(file)}
        >
          <ClusterSetup
            file={file}
            catalogue={catalogue.data}
            onTimeZone={(timeZone) => void setZone(file, timeZone)}
            onPartition={(partition, setting) => void setPartition(file, partition, setting)}
          />
          <RankChoices file={file} onChoose={(groupId, merge) => chooseRanks(file, groupId, merge)} />
        </FileCard>
      ))}

      <section aria-labelledby="batches-title" className="card">
        <h2 id="batches-title">{t('import.batches')}</h2>
        <LoadStatus state={batches}>
          {(batches.data ?? []).length === 0 ? (
            <p className="muted">{t('import.noBatches')}</p>
          ) : (
            <table aria-labelledby="batches-title">
              <thead>
                <tr>
                  <th>{t('import.col.file')}</th>
                  <th>{t('import.col.format')}</th>
                  <th>{t('import.col.when')}</th>
                  <th className="num">{t('import.col.added')}</th>
                  <th className="num">{t('import.col.updated')}</th>
                  <th className="num">{t('import.col.unchanged')}</th>
                  <th className="num">{t('import.col.skipped')}</th>
                  <th>
                    <span className="visually-hidden">{t('import.col.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {(batches.data ?? []).map((b) => (
                  <tr key={b.id}>
                    <td>{b.fileName}</td>
                    <td>{t(`import.format.${b.format}` as MessageKey)}</td>
                    <td>{i18n.dateTime(b.importedAt)}</td>
                    <td className="num">{i18n.int(b.added)}</td>
                    <td className="num">{i18n.int(b.updated)}</td>
                    <td className="num">{i18n.int(b.unchanged)}</td>
                    <td className="num">{i18n.int(b.skipped)}</td>
                    <td>
                      <button
                        type="button"
                        aria-label={t('import.undoBatch', { file: b.fileName })}
                        onClick={() => void undo(b)}
                      >
                        {t('common.undo')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </LoadStatus>
      </section>

      <Mappings mappings={mappings.data ?? []} projects={projects.data ?? []} status={mappings.status} />
    </section>
  )
}
