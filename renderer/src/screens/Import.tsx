import { useMemo, useRef, useState, type DragEvent } from 'react'
import { catalogueMatcher, type ImportResult } from '../../../shared/import/index'
import type { Message } from '../../../shared/messages/message'
import type { ImportBatch, ImportPreview, ProjectRecord } from '../../db'
import { useNotify } from '../app/Notices'
import { href } from '../app/router'
import { useAsync } from '../app/useAsync'
import { LoadStatus } from '../components/Status'
import { useHost } from '../host/HostProvider'
import { useI18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n/en'
import { loadCatalogue } from '../ledger/engine'
import { useLedger } from '../ledger/LedgerProvider'
import { SAFETY_BACKUP_RUNS, safetyBackup } from './backup-flow'
import {
  chunksOfBlob,
  chunksOfText,
  parseChunks,
  previewWarnings,
  rowErrorsCsv,
  rowErrorsFileName,
  skippedRowCount,
  storedEnergies,
  UTC_OFFSETS_MINUTES,
  utcOffsetLabel,
  type PreviewWarning,
  type StoredEnergy,
  type TextChunk
} from './import-flow'

/** Above this many warnings the list is folded: a file can warn once per row. */
const WARNINGS_SHOWN = 50
/** Runs listed in a preview; a log can hold thousands. */
const RUNS_SHOWN = 200
const NEW_PROJECT = ''

interface Picked {
  name: string
  chunks: () => AsyncIterable<TextChunk>
}

type Phase = 'reading' | 'previewing' | 'failed' | 'ready' | 'committing' | 'committed'

interface FileState {
  key: number
  name: string
  picked: Picked
  /** The clock of zone-less timestamps, minutes east of UTC; undefined: UTC assumed, with the importer's warning. */
  offsetMinutes?: number
  phase: Phase
  done: number
  total: number
  error?: string
  /** Why the file was refused, for the screen's language (error is its English text). */
  errorMsg?: Message
  result?: ImportResult
  /** The energy each listed run will be stored with, computed as the ledger will (first RUNS_SHOWN runs). */
  energies?: (StoredEnergy | undefined)[]
  preview?: ImportPreview
  /** Source project name → chosen ledger project id ('' keeps the preview's own choice). */
  projectMap: Record<string, string>
  batch?: ImportBatch
}

const percent = (done: number, total: number) => (total > 0 ? Math.round((done / total) * 100) : 0)

export default function Import() {
  const i18n = useI18n()
  const { t } = i18n
  const host = useHost()
  const { ledger, revision, changed } = useLedger()
  const notify = useNotify()
  const [files, setFiles] = useState<FileState[]>([])
  const [dragging, setDragging] = useState(false)
  const nextKey = useRef(0)
  const queue = useRef<Promise<void>>(Promise.resolve())
  const projects = useAsync(() => ledger.projects.list(), [ledger, revision])
  const batches = useAsync(() => ledger.imports.list(), [ledger, revision])
  const mappings = useAsync(() => ledger.imports.mappings.list(), [ledger, revision])

  const update = (key: number, patch: Partial<FileState>) =>
    setFiles((all) => all.map((f) => (f.key === key ? { ...f, ...patch } : f)))

  const [chosen, setChosen] = useState<string[]>([])

  const read = async (key: number, picked: Picked, offsetMinutes?: number) => {
    const catalogue = await loadCatalogue()
    const options = {
      matchHardware: catalogueMatcher(catalogue.ref),
      ...(offsetMinutes !== undefined ? { timeZoneOffsetMinutes: offsetMinutes } : {})
    }
    const outcome = await parseChunks(picked.name, picked.chunks(), options, (done, total) =>
      update(key, { done, total })
    )
    if (!outcome.ok) return update(key, { phase: 'failed', error: outcome.error, errorMsg: outcome.errorMsg })
    update(key, { phase: 'previewing', result: outcome.result })
    try {
      const preview = await ledger.imports.preview(outcome.result)
      const lab = await ledger.settings.getLabDefaults()
      const energies = storedEnergies(
        outcome.result.runs,
        (input) => catalogue.estimateRun(input, catalogue.ref, lab),
        RUNS_SHOWN
      )
      update(key, { phase: 'ready', preview, energies })
    } catch (err) {
      update(key, { phase: 'failed', error: err instanceof Error ? err.message : String(err) })
    }
  }

  /** Files are read one after another (each in chunks), so several big files never compete for the page. */
  const add = (picked: Picked[]) => {
    const added = picked.map((p) => ({ p, key: nextKey.current++ }))
    if (picked.length > 0) setChosen(picked.map((p) => p.name))
    setFiles((all) => [
      ...added.map(({ p, key }): FileState => ({
        key,
        name: p.name,
        picked: p,
        phase: 'reading',
        done: 0,
        total: 0,
        projectMap: {}
      })),
      ...all
    ])
    for (const { p, key } of added) queue.current = queue.current.then(() => read(key, p))
  }
  /** The file read again with its clock's offset, so the preview shows the runs at their true UTC times. */
  const setOffset = (file: FileState, offsetMinutes: number | undefined) => {
    update(file.key, {
      offsetMinutes,
      phase: 'reading',
      done: 0,
      total: 0,
      preview: undefined,
      result: undefined,
      energies: undefined,
      error: undefined,
      errorMsg: undefined
    })
    queue.current = queue.current.then(() => read(file.key, file.picked, offsetMinutes))
  }
  const addFiles = (list: FileList | null) =>
    add([...(list ?? [])].map((file) => ({ name: file.name, chunks: () => chunksOfBlob(file) })))
  const pickDesktop = async () => {
    const opened = await host.api.openFiles({
      title: t('import.pick'),
      multiple: true,
      filters: [
        { name: t('import.filterName'), extensions: ['csv', 'json', 'txt', 'log'] },
        { name: t('import.filterAll'), extensions: ['*'] }
      ]
    })
    add(opened.map((f) => ({ name: f.name, chunks: () => chunksOfText(f.text) })))
  }
  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    addFiles(e.dataTransfer.files)
  }

  const commit = async (file: FileState) => {
    if (!file.result) return
    const projectMap = Object.fromEntries(Object.entries(file.projectMap).filter(([, id]) => id !== NEW_PROJECT))
    update(file.key, { phase: 'committing', done: 0, total: file.result.runs.length, error: undefined })
    try {
      const batch = await ledger.imports.commit(file.result, {
        projectMap,
        onProgress: (done, total) => update(file.key, { done, total })
      })
      update(file.key, { phase: 'committed', batch })
      changed()
    } catch (err) {
      update(file.key, {
        phase: 'ready',
        error: t('import.commitFailed', { message: i18n.error(err) })
      })
    }
  }
  const importable = files.filter((f) => f.phase === 'ready' && f.preview && f.preview.added + f.preview.updated > 0)
  const commitAll = async () => {
    for (const f of importable) await commit(f)
  }
  const undo = async (batch: ImportBatch, key?: number) => {
    try {
      // Undoing a large batch rewrites many runs: the ledger as it is goes to today's backup first (desktop).
      if (host.kind === 'desktop' && batch.added + batch.updated > SAFETY_BACKUP_RUNS)
        await safetyBackup(host.api, ledger)
      const { removed, reverted } = await ledger.imports.undo(batch.id)
      if (key !== undefined) setFiles((all) => all.filter((f) => f.key !== key))
      changed()
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
      notify({ message: err instanceof Error ? err.message : String(err), tone: 'error' })
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
          projects={projects.data ?? []}
          onOffset={(minutes) => setOffset(file, minutes)}
          onMap={(sourceName, projectId) =>
            update(file.key, { projectMap: { ...file.projectMap, [sourceName]: projectId } })
          }
          onCommit={() => void commit(file)}
          onDiscard={() => setFiles((all) => all.filter((f) => f.key !== file.key))}
          onUndo={() => file.batch && void undo(file.batch, file.key)}
          onDownloadErrors={() => void downloadErrors(file)}
        />
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

const messageOf = (problem: object): Message | undefined => (problem as { msg?: Message }).msg

function FileCard({
  file,
  projects,
  onOffset,
  onMap,
  onCommit,
  onDiscard,
  onUndo,
  onDownloadErrors
}: {
  file: FileState
  projects: ProjectRecord[]
  onOffset: (offsetMinutes: number | undefined) => void
  onMap: (sourceName: string, projectId: string) => void
  onCommit: () => void
  onDiscard: () => void
  onUndo: () => void
  onDownloadErrors: () => void
}) {
  const i18n = useI18n()
  const { t } = i18n
  const titleId = `file-${file.key}`
  const { preview, result, batch } = file
  const skipped = preview?.skipped ?? []
  const skippedRows = result ? skippedRowCount(result, skipped) : 0
  // From the importer's result, not the preview's copy: that numbers a run's warnings by the run, not its file row.
  const warnings = useMemo(() => (result ? previewWarnings(result) : []), [result])
  const say = (problem: { message: string }): string => i18n.msg(messageOf(problem), problem.message)
  const sayWarning = (w: PreviewWarning): string => {
    if (!w.run) return say(w)
    const params = { title: w.run.title || t('runs.untitled'), message: say(w) }
    if (w.run.row === undefined) return t('import.warningOfRun', params)
    return t(w.run.unit === 'run' ? 'import.warningAtRun' : 'import.warningAtRow', { ...params, row: w.run.row })
  }
  const energyText = (energy: StoredEnergy | undefined): string => {
    if (!energy) return '–'
    const stored = i18n.kWh(energy.storedKWh)
    if (energy.kind === 'withPue')
      return t('import.energy.withPue', { measured: i18n.kWh(energy.measuredKWh), stored, pue: i18n.num(energy.pue) })
    return t(`import.energy.${energy.kind}`, { stored })
  }
  return (
    <section className="card import-file" aria-labelledby={titleId}>
      <div className="row">
        <h2 id={titleId}>{file.name}</h2>
        {result && <span className="tag">{t(`import.format.${result.format}` as MessageKey)}</span>}
        <span className="spacer" />
        {file.phase !== 'committing' && file.phase !== 'committed' && (
          <button type="button" onClick={onDiscard} aria-label={t('import.closeFile', { file: file.name })}>
            {t('common.close')}
          </button>
        )}
      </div>

      {file.phase !== 'committing' && file.phase !== 'committed' && (
        <label className="row zone-pick">
          <span>{t('import.zone')}</span>
          <select
            value={file.offsetMinutes ?? ''}
            disabled={file.phase === 'reading' || file.phase === 'previewing'}
            onChange={(e) => onOffset(e.target.value === '' ? undefined : Number(e.target.value))}
          >
            <option value="">{t('import.zoneAssumed')}</option>
            {UTC_OFFSETS_MINUTES.map((m) => (
              <option key={m} value={m}>
                {utcOffsetLabel(m)}
              </option>
            ))}
          </select>
        </label>
      )}
      {file.phase === 'reading' && (
        <div className="progress-line">
          <progress aria-label={t('import.reading', { file: file.name })} value={file.done} max={file.total || 1} />
          <span>{t('import.readingPct', { pct: percent(file.done, file.total) })}</span>
        </div>
      )}
      {file.phase === 'previewing' && <p role="status">{t('import.previewing')}</p>}
      {file.phase === 'failed' && (
        <div role="alert" className="error">
          <p>{t('import.refused', { reason: i18n.msg(file.errorMsg, file.error ?? '') })}</p>
          <p>{t('import.nothingWritten')}</p>
        </div>
      )}

      {preview && result && (
        <>
          <p className="import-counts" data-testid="import-counts">
            {i18n.plural('import.found', preview.runsFound, { rows: i18n.plural('import.rows', result.rows) })}{' '}
            <strong>
              {t('import.counts', {
                added: i18n.int(preview.added),
                updated: i18n.int(preview.updated),
                unchanged: i18n.int(preview.unchanged)
              })}
            </strong>
            {skippedRows > 0 && <> {i18n.plural('import.skippedCount', skippedRows)}</>}
          </p>

          {preview.projects.length > 0 && file.phase !== 'committed' && (
            <table className="mapping">
              <caption>{t('import.projects')}</caption>
              <thead>
                <tr>
                  <th>{t('import.col.sourceProject')}</th>
                  <th className="num">{t('import.col.runs')}</th>
                  <th>{t('import.col.ledgerProject')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.projects.map((p) => {
                  const label = p.sourceName || t('import.noProjectName')
                  const chosen = file.projectMap[p.sourceName] ?? NEW_PROJECT
                  return (
                    <tr key={p.sourceName}>
                      <td>{label}</td>
                      <td className="num">{i18n.int(p.runs)}</td>
                      <td>
                        <select
                          aria-label={t('import.mapTo', { name: label })}
                          value={chosen}
                          disabled={file.phase !== 'ready'}
                          onChange={(e) => onMap(p.sourceName, e.target.value)}
                        >
                          <option value={NEW_PROJECT}>
                            {p.action === 'create'
                              ? t('import.createProject', { name: p.projectName })
                              : t('import.keepProject', { name: p.projectName })}
                          </option>
                          {projects
                            .filter((x) => x.id !== p.projectId)
                            .map((x) => (
                              <option key={x.id} value={x.id}>
                                {x.name}
                              </option>
                            ))}
                        </select>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          )}

          {result.runs.length > 0 && (
            <details className="preview-runs" open={result.runs.length <= 10}>
              <summary>{i18n.plural('import.runsList', result.runs.length)}</summary>
              <div className="table-scroll">
                <table aria-label={t('import.runsTable', { file: file.name })}>
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t('import.col.row')}
                      </th>
                      <th scope="col">{t('runs.col.title')}</th>
                      <th scope="col">{t('runs.col.start')}</th>
                      <th scope="col">{t('runs.col.project')}</th>
                      <th scope="col" className="num">
                        {t('import.col.energyStored')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.runs.slice(0, RUNS_SHOWN).map((r, i) => (
                      <tr key={i}>
                        <td className="num">{r.row ?? '–'}</td>
                        <td>{r.input.title || t('runs.untitled')}</td>
                        <td>{i18n.dateTime(Date.parse(r.input.startedAt))}</td>
                        <td>{r.input.project || t('import.noProjectName')}</td>
                        <td className="num">{energyText(file.energies?.[i])}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {result.runs.length > RUNS_SHOWN && (
                <p className="muted">
                  {t('import.moreWarnings', { count: i18n.int(result.runs.length - RUNS_SHOWN) })}
                </p>
              )}
              <p className="muted">{t('import.energyNote')}</p>
            </details>
          )}

          {skipped.length > 0 && (
            <div className="skipped">
              <div className="row">
                <h3 id={`${titleId}-skipped`}>{t('import.skippedTitle', { count: i18n.int(skippedRows) })}</h3>
                <button type="button" onClick={onDownloadErrors}>
                  {t('import.downloadErrors')}
                </button>
              </div>
              <div className="table-scroll">
                <table aria-labelledby={`${titleId}-skipped`}>
                  <thead>
                    <tr>
                      <th className="num">{t('import.col.row')}</th>
                      <th>{t('import.col.field')}</th>
                      <th>{t('import.col.message')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {skipped.map((s, i) => (
                      <tr key={i}>
                        <td className="num">{s.row}</td>
                        <td>{s.field}</td>
                        <td>{say(s)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          )}

          {warnings.length > 0 && (
            <details open={warnings.length <= 5}>
              <summary>{t('import.warnings', { count: i18n.int(warnings.length) })}</summary>
              <ul className="warnings">
                {warnings.slice(0, WARNINGS_SHOWN).map((w, i) => (
                  <li key={i}>
                    {sayWarning(w)}
                    {w.msg?.id === 'import.utcAssumed' && <> {t('import.zoneHint')}</>}
                  </li>
                ))}
              </ul>
              {warnings.length > WARNINGS_SHOWN && (
                <p className="muted">
                  {t('import.moreWarnings', { count: i18n.int(warnings.length - WARNINGS_SHOWN) })}
                </p>
              )}
            </details>
          )}

          {file.error && (
            <p role="alert" className="error">
              {file.error}
            </p>
          )}
          {file.phase === 'ready' && (
            <div className="row">
              {preview.added + preview.updated > 0 ? (
                <button type="button" className="primary" onClick={onCommit}>
                  {i18n.plural('import.commit', preview.added + preview.updated + preview.unchanged)}
                </button>
              ) : (
                preview.runsFound > 0 && <span className="muted">{t('import.nothingNew')}</span>
              )}
            </div>
          )}
          {file.phase === 'committing' && (
            <div className="progress-line">
              <progress aria-label={t('import.writing', { file: file.name })} value={file.done} max={file.total || 1} />
              <span>{i18n.plural('import.writingCount', file.total, { done: i18n.int(file.done) })}</span>
            </div>
          )}
          {/* The rows this file skipped, counted here: the batch record counts errors (renderer/db/imports.ts). */}
          {file.phase === 'committed' && batch && (
            <div className="import-done" role="status">
              <p>
                <strong>
                  {t('import.done', {
                    added: i18n.int(batch.added),
                    updated: i18n.int(batch.updated),
                    unchanged: i18n.int(batch.unchanged),
                    skipped: i18n.plural('import.rows', skippedRows)
                  })}
                </strong>
              </p>
              <div className="row">
                <a href={href('/runs')}>{t('import.showRuns')}</a>
                <a href={href('/')}>{t('import.showDashboard')}</a>
                <button type="button" onClick={onUndo}>
                  {t('import.undoThis')}
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  )
}

function Mappings({
  mappings,
  projects,
  status
}: {
  mappings: { id: string; sourceKind: string; sourceName: string; projectId: string }[]
  projects: ProjectRecord[]
  status: string
}) {
  const { t } = useI18n()
  const { ledger, changed } = useLedger()
  const notify = useNotify()
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work()
      changed()
    } catch (err) {
      notify({ message: err instanceof Error ? err.message : String(err), tone: 'error' })
    }
  }
  return (
    <section aria-labelledby="mappings-title" className="card">
      <h2 id="mappings-title">{t('import.mappings')}</h2>
      <p className="muted">{t('import.mappingsHint')}</p>
      {status !== 'loading' && mappings.length === 0 ? (
        <p className="muted">{t('import.noMappings')}</p>
      ) : (
        <table aria-labelledby="mappings-title">
          <thead>
            <tr>
              <th>{t('import.col.sourceProject')}</th>
              <th>{t('import.col.source')}</th>
              <th>{t('import.col.ledgerProject')}</th>
              <th>
                <span className="visually-hidden">{t('import.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {mappings.map((m) => {
              const label = m.sourceName || t('import.noProjectName')
              return (
                <tr key={m.id}>
                  <td>{label}</td>
                  <td>{t(`source.${m.sourceKind}` as MessageKey)}</td>
                  <td>
                    <select
                      aria-label={t('import.mapTo', { name: label })}
                      value={m.projectId}
                      onChange={(e) =>
                        void act(() => ledger.imports.mappings.set(m.sourceKind, m.sourceName, e.target.value))
                      }
                    >
                      {projects.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={t('import.forgetMapping', { name: label })}
                      onClick={() => void act(() => ledger.imports.mappings.remove(m.id))}
                    >
                      {t('import.forget')}
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
