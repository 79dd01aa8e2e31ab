import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { BackupArchive } from '../../../../shared/host-api'
import type { RestoreReport } from '../../../db'
import { pendingRestore, startRecompute } from '../../app/background'
import { useNotify } from '../../app/Notices'
import { useAsync } from '../../app/useAsync'
import { LoadStatus } from '../../components/Status'
import { useHost } from '../../host/HostProvider'
import { useI18n } from '../../i18n/I18nProvider'
import { useLedger } from '../../ledger/LedgerProvider'
import { backupFileName } from './backup-flow'

export function Backups() {
  const i18n = useI18n()
  const { t } = i18n
  const host = useHost()
  const { ledger, changed } = useLedger()
  const notify = useNotify()
  const pending = useSyncExternalStore(pendingRestore.subscribe, pendingRestore.get)
  const [archive, setArchive] = useState<BackupArchive>()
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
      const outcome = await host.api.saveFile({
        suggestedName: backupFileName(new Date()),
        content: await ledger.backups.exportText(),
        filters: [{ name: t('settings.backupFilter'), extensions: ['json'] }]
      })
      if (outcome.status === 'saved') notify({ message: t('settings.backupSaved', { file: outcome.path }) })
    } catch (err) {
      setError(i18n.error(err))
    }
  }
  const choose = (chosen: BackupArchive) => {
    setArchive(chosen)
    setReport(undefined)
    setError(undefined)
  }
  const chooseDesktop = async () => {
    const [file] = await host.api.openFiles({
      title: t('settings.chooseArchive'),
      multiple: false,
      filters: [{ name: t('settings.backupFilter'), extensions: ['json'] }]
    })
    if (file) choose({ fileName: file.name, text: file.text })
  }
  const restore = async (mode: 'replace' | 'merge') => {
    dialog.current?.close()
    if (!archive) return
    setBusy(true)
    setError(undefined)
    try {
      setReport(await ledger.backups.restore(archive.text, mode))
      changed()
      void startRecompute(ledger.recompute, changed)
    } catch (err) {
      setError(t('settings.restoreFailed', { file: archive.fileName, message: i18n.error(err) }))
    } finally {
      setBusy(false)
    }
  }
  const openAutomatic = async (fileName: string) => {
    try {
      choose(await host.api.readBackup(fileName))
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
              accept=".json,application/json"
              onChange={(e) => {
                const file = e.target.files?.[0]
                e.target.value = ''
                if (file) void file.text().then((text) => choose({ fileName: file.name, text }))
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
      {busy && <p role="status">{t('settings.restoring')}</p>}
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
              <caption>{t('settings.conflicts', { count: i18n.int(report.conflicts.length) })}</caption>
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
