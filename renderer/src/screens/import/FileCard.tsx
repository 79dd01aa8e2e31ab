import { type ReactNode, useMemo } from 'react'
import type { Message } from '../../../../shared/messages/message'
import { href } from '../../app/router'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/I18nProvider'
import { coveredPeriod, periodQuery } from './covered-period'
import { type FileState, RUNS_SHOWN } from './file-state'
import {
  type PreviewWarning,
  previewWarnings,
  skippedRowCount,
  type StoredEnergy,
  UTC_OFFSETS_MINUTES,
  utcOffsetLabel
} from './import-flow'
import { Reconciliation } from './Reconciliation'

/** Above this many warnings the list is folded: a file can warn once per row. */
const WARNINGS_SHOWN = 50

const percent = (done: number, total: number) => (total > 0 ? Math.round((done / total) * 100) : 0)

export function FileCard({
  file,
  onOffset,
  onCancel,
  onCommit,
  onDiscard,
  onUndo,
  onDownloadErrors,
  children
}: {
  file: FileState
  onOffset: (offsetMinutes: number | undefined) => void
  /** Stops the write: nothing of the import stays. */
  onCancel: () => void
  onCommit: () => void
  onDiscard: () => void
  onUndo: () => void
  onDownloadErrors: () => void
  /** Choices of one format (a cluster's zone and partitions, ranks to merge), shown above the counts. */
  children?: ReactNode
}) {
  const i18n = useI18n()
  const { t } = i18n
  const titleId = `file-${file.key}`
  const { preview, result, batch } = file
  const skipped = preview?.skipped ?? []
  const skippedRows = result ? skippedRowCount(result, skipped) : 0
  // From the importer's result, not the preview's copy: that numbers a run's warnings by the run, not its file row.
  const warnings = useMemo(() => (result ? previewWarnings(result) : []), [result])
  // The dashboard opens on the period the imported runs cover, not on today's quarter that may hold none of them.
  const dashboardHref = useMemo(() => {
    const period = coveredPeriod((result?.runs ?? []).map((r) => r.input.startedAt))
    return href('/', period ? periodQuery(period) : undefined)
  }, [result])
  const say = (problem: { message: string; msg?: Message }): string => i18n.msg(problem.msg, problem.message)
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

      {file.phase !== 'committing' && file.phase !== 'committed' && result?.format !== 'slurm' && (
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
      {file.clockRemembered && result?.format !== 'slurm' && file.phase !== 'committed' && (
        <p className="hint">{t('import.zoneRemembered')}</p>
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

      {children}
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
          {file.reconciliation && <Reconciliation file={file.reconciliation} name={String(file.key)} />}

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
              <button type="button" onClick={onCancel}>
                {t('import.cancel')}
              </button>
            </div>
          )}
          {/* Skipped rows, not errors (a row may have several): the same count the batch record stores (renderer/db/imports.ts). */}
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
                <a href={dashboardHref}>{t('import.showDashboard')}</a>
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
