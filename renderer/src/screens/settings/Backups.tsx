import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { RestoreReport } from '../../../db'
import { pendingRestore, startRecompute } from '../../app/background'
import { backupFileName, incompleteCount, needsSafetyBackup, safetyBackup } from '../../app/backup-flow'
import { useNotify } from '../../app/Notices'
import { useAsync } from '../../app/useAsync'
import { LoadStatus } from '../../components/Status'
import { type ChosenArchive, fileArchive, hostArchive, writeArchive } from '../../host/archive-io'
import { useHost } from '../../host/HostProvider'
import { useI18n } from '../../i18n/I18nProvider'
import { useLedger } from '../../ledger/LedgerProvider'
import { RecordNotes } from './RecordNotes'

export function Backups() {
  const i18n = useI18n()
  const { t } = i18n
  const host = useHost()
  const { ledger } = useLedger()
  const notify = useNotify()
  const pending = useSyncExternalStore(pendingRestore.subscribe, pendingRestore.get)
  const [archive, setArchive] = useState<ChosenArchive>()
  const [progress, setProgress] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [report, setReport] = useState<RestoreReport>()
  const dialog = useRef<HTMLDialogElement>(null)
  const list = useAsync(async () => (host.kind === 'desktop' ? host.api.listBackups() : []), [host])
  useEffect(() => {
    // An archive chosen in File › Restore…: shown here and confirmed before anything is replaced.
    if (!pending) return
    setArchive(pending)
    setReport(undefined)
    pendingRestore.set(undefined)
    dialog.current?.showModal()
  }, [pending])

  const exportBackup = async () => {
    setError(undefined)
    try {
      const result = await writeArchive(host.api, { kind: 'save', suggestedName: backupFileName(new Date()) }, ledger)
      if (!result) return
      const file = result.written.path ?? result.written.fileName
      const missing = incompleteCount(result)
      if (missing > 0) {
        const first = [...result.exported.skipped, ...result.written.refused][0]
        setError(
          t('settings.backupIncomplete', {
            file,
            count: i18n.int(missing),
            first: first ? `${first.table} ${first.id}: ${first.reason}` : ''
          })
        )
      } else notify({ message: t('settings.backupSaved', { file }) })
    } catch (err) {
      setError(i18n.error(err))
    }
  }
  const choose = (chosen: ChosenArchive) => {
    archive?.close()
    setArchive(chosen)
    setReport(undefined)
    setError(undefined)
  }
  const chooseDesktop = async () => {
    try {
      const handle = await host.api.chooseArchive(t('settings.chooseArchive'))
      if (handle) choose(hostArchive(host.api, handle))
    } catch (err) {
      setError(i18n.error(err))
    }
  }
  const restore = async (mode: 'replace' | 'merge') => {
    dialog.current?.close()
    if (!archive) return
    setBusy(true)
    setError(undefined)
    try {
      // Replacing empties the ledger before the archive's records are written: the ledger as it is goes to
      // today's backup first (desktop), and nothing is changed if that fails.
      if (needsSafetyBackup(host.kind, { kind: mode })) {
        setProgress(t('settings.safetyBackup'))
        await safetyBackup(host.api, ledger)
      }
      setReport(
        await ledger.backups.restore(archive.source, mode, {
          onProgress: (done, total) =>
            setProgress(t('settings.restoreProgress', { done: i18n.int(done), total: i18n.int(total) }))
        })
      )
      void startRecompute(ledger.recompute)
    } catch (err) {
      setError(t('settings.restoreFailed', { file: archive.fileName, message: i18n.error(err) }))
    } finally {
      setBusy(false)
      setProgress(undefined)
    }
  }
  const openAutomatic = async (fileName: string) => {
    try {
      choose(hostArchive(host.api, await host.api.openBackup(fileName)))
    } catch (err) {
      setError(i18n.error(err))
    }
  }
  return (
    <section className="card settings-block" aria-labelledby="settings-backups" id="settings-backups-section">
      <h2 id="settings-backups">{t('settings.backups')}</h2>
      <p className="muted">{t('settings.backupsHint')}</p>
      <div className="row">
        <button type="button" className="primary" onClick={() => void exportBackup()}>
          {t('settings.exportBackup')}
        </button>
        {host.kind === 'desktop' ? (
          <button type="button" onClick={() => void chooseDesktop()}>
            {t('settings.chooseArchive')}
          </button>
        ) : (
          <label className="file-pick">
            <span>{t('settings.chooseArchive')}</span>
            <input
              type="file"
              accept=".gz,.json,application/gzip,application/json"
              onChange={(e) => {
                const file = e.target.files?.[0]
                e.target.value = ''
                if (file) choose(fileArchive(file))
              }}
            />
          </label>
        )}
      </div>
      {archive && !report && (
        <div className="restore-choice">
          <p>{t('settings.archiveChosen', { file: archive.fileName })}</p>
          <div className="row">
            <button type="button" className="danger" disabled={busy} onClick={() => dialog.current?.showModal()}>
              {t('settings.replace')}
            </button>
            <button type="button" disabled={busy} onClick={() => void restore('merge')}>
              {t('settings.merge')}
            </button>
            <button type="button" disabled={busy} onClick={() => setArchive(undefined)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {busy && <p role="status">{progress ?? t('settings.restoring')}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {report && (
        <div role="status" className="restore-report">
          <p>
            <strong>
              {report.mode === 'replace'
                ? i18n.plural('settings.replaced', report.added)
                : t('settings.merged', {
                    added: i18n.int(report.added),
                    updated: i18n.int(report.updated),
                    kept: i18n.int(report.kept)
                  })}
            </strong>
          </p>
          {report.conflicts.length > 0 && (
            <table>
              <caption>{t('settings.conflicts', { count: i18n.int(report.conflictCount) })}</caption>
              <thead>
                <tr>
                  <th>{t('settings.conflict.table')}</th>
                  <th>{t('settings.conflict.id')}</th>
                  <th>{t('settings.conflict.kept')}</th>
                  <th>{t('settings.conflict.ledger')}</th>
                  <th>{t('settings.conflict.archive')}</th>
                </tr>
              </thead>
              <tbody>
                {report.conflicts.map((c) => (
                  <tr key={`${c.table}:${c.id}`}>
                    <td>{c.table}</td>
                    <td>{c.id}</td>
                    <td>{t(c.kept === 'ledger' ? 'settings.conflict.keptLedger' : 'settings.conflict.keptArchive')}</td>
                    <td>{i18n.dateTime(c.ledgerUpdatedAt)}</td>
                    <td>{i18n.dateTime(c.archiveUpdatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {report.refusedCount > 0 && (
            <RecordNotes
              caption={t('settings.refused', { count: i18n.int(report.refusedCount) })}
              notes={report.refused}
            />
          )}
          {report.repairedCount > 0 && (
            <RecordNotes
              caption={t('settings.repaired', { count: i18n.int(report.repairedCount) })}
              notes={report.repaired}
            />
          )}
        </div>
      )}
      <h3>{t('settings.autoBackups')}</h3>
      {host.kind === 'web' ? (
        <p className="muted">{t('settings.autoBackupsWeb')}</p>
      ) : (
        <LoadStatus state={list}>
          {(list.data ?? []).length === 0 ? (
            <p className="muted">{t('settings.autoBackupsNone')}</p>
          ) : (
            <ul className="plain-list">
              {(list.data ?? []).map((b) => (
                <li key={b.fileName} className="row">
                  <span>{b.day}</span>
                  <span className="muted">{t('settings.size', { size: i18n.num(b.sizeBytes / 1e6, 2) })}</span>
                  <button
                    type="button"
                    aria-label={t('settings.useBackup', { day: b.day })}
                    onClick={() => void openAutomatic(b.fileName)}
                  >
                    {t('settings.useBackupShort')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </LoadStatus>
      )}
      <dialog ref={dialog} aria-labelledby="replace-title" className="confirm">
        <h2 id="replace-title">{t('settings.replaceTitle')}</h2>
        <p>{t('settings.replaceText', { file: archive?.fileName ?? '' })}</p>
        <div className="row">
          <button type="button" className="danger" onClick={() => void restore('replace')}>
            {t('settings.replaceConfirm')}
          </button>
          {/* A destructive confirmation opens on its safe choice (WAI-ARIA dialog pattern). */}
          {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
          <button type="button" autoFocus onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
        </div>
      </dialog>
    </section>
  )
}
