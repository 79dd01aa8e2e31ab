import { useEffect, useEffectEvent } from 'react'
import { hostArchive } from '../host/archive-io'
import { useHost } from '../host/HostProvider'
import { useI18n } from '../i18n/I18nProvider'
import { useLedger } from '../ledger/LedgerProvider'
import { whenIdle } from '../lib/idle'
import { pendingRestore, startRecompute } from './background'
import { backupIfDue, incompleteCount } from './backup-flow'
import { useNotify } from './Notices'
import { navigate } from './router'
import { importWatchedBatch } from './watch-import'

/**
 * What the shell does without a screen asking: the host's menu commands (Import…, Export CSV…, Export PDF report…,
 * Back up…, About, data sources, methodology, Restore…), today's automatic backup in the desktop app, and resuming
 * a recompute a restart interrupted. Renders nothing.
 */
export function HostEvents() {
  const { api } = useHost()
  const { ledger } = useLedger()
  const { t, plural, error: errorText } = useI18n()
  const notify = useNotify()
  useEffect(
    () =>
      api.onHostEvent((event) => {
        if (event.type === 'restore-archive') {
          pendingRestore.set(hostArchive(api, event.archive))
          navigate('/settings', { section: 'backups' })
          return
        }
        if (event.type === 'watch-batch') {
          void importWatchedBatch(api, ledger, event).then(({ runs, failed }) => {
            if (runs > 0) notify({ message: (i) => i.plural('watch.imported', runs, { folder: event.folder.path }) })
            for (const f of failed)
              notify({
                message: (i) => i.t('watch.failed', { file: f.name, message: i.error(f.error) }),
                tone: 'error'
              })
          })
          return
        }
        if (event.action === 'import') navigate('/import')
        else if (event.action === 'export-pdf') navigate('/reports', { export: 'pdf' })
        else if (event.action === 'export-csv') navigate('/reports', { export: 'csv' })
        else if (event.action === 'backup') navigate('/settings', { section: 'backups' })
        else if (event.action === 'about') navigate('/about')
        else if (event.action === 'data-sources') navigate('/about', { section: 'sources' })
        else if (event.action === 'methodology') navigate('/about', { section: 'methodology' })
      }),
    [api, ledger, notify, t, plural, errorText]
  )
  // What a newly opened ledger needs once: today's backup and a recompute a restart interrupted. It notifies in the
  // language of the moment it runs, so the language is read then, not watched.
  const whenOpened = useEffectEvent(() => {
    backupIfDue(api, ledger).then(
      (result) => {
        if (!result) return
        const missing = incompleteCount(result)
        // A backup that left records out, or that a restore would partly refuse, is not a success to report.
        if (missing > 0) {
          const first = [...result.exported.skipped, ...result.written.refused][0]
          notify({
            message: (i) =>
              i.t('backup.autoIncomplete', {
                file: result.written.fileName,
                count: missing,
                first: first ? `${first.table} ${first.id}: ${first.reason}` : ''
              }),
            tone: 'error'
          })
        } else notify({ message: (i) => i.t('backup.autoWritten', { file: result.written.fileName }) })
      },
      (err: unknown) => notify({ message: (i) => i.t('backup.autoFailed', { message: i.error(err) }), tone: 'error' })
    )
    void ledger.recompute.status().then((s) => {
      if (s.remaining > 0) void startRecompute(ledger.recompute)
    })
  })
  useEffect(() => {
    // After the first screen has its figures: both read the whole ledger or load the reference data.
    void whenIdle().then(() => whenOpened())
  }, [ledger])
  return null
}
