import { useState } from 'react'
import { needsSafetyBackup, safetyBackup } from '../../app/backup-flow'
import { useNotify } from '../../app/Notices'
import { LoadStatus } from '../../components/Status'
import { useHost } from '../../host/HostProvider'
import { useI18n } from '../../i18n/I18nProvider'
import { useLedger } from '../../ledger/LedgerProvider'
import { useLedgerQuery } from '../../ledger/useLedgerQuery'

const TITLES_SHOWN = 3

/**
 * The deleted runs, by deletion, newest first: each can be put back (with its figures and rollups) long after the
 * undo notice has gone; emptying the trash is the one irreversible step and asks first.
 */
export function Trash() {
  const i18n = useI18n()
  const { t } = i18n
  const { ledger } = useLedger()
  const notify = useNotify()
  const host = useHost()
  const state = useLedgerQuery(({ ledger }) => ledger.trash.list(), [])
  const [confirming, setConfirming] = useState(false)
  const deletions = state.data ?? []
  const trashed = deletions.reduce((n, d) => n + d.runs.length, 0)
  const fail = (err: unknown) => notify({ message: i18n.error(err), tone: 'error' })
  const restore = async (deletionId: string) => {
    try {
      const restored = await ledger.trash.restore(deletionId)
      notify({ message: i18n.plural('trash.restored', restored) })
    } catch (err) {
      fail(err)
    }
  }
  const empty = async () => {
    try {
      // Emptying cannot be undone: the ledger with its trash goes to today's backup first (desktop).
      if (needsSafetyBackup(host.kind, { kind: 'empty-trash', runs: trashed })) await safetyBackup(host.api, ledger)
      const removed = await ledger.trash.empty()
      setConfirming(false)
      notify({ message: i18n.plural('trash.emptied', removed) })
    } catch (err) {
      fail(err)
    }
  }
  return (
    <section className="card settings-block" aria-labelledby="trash-title" id="settings-trash">
      <h2 id="trash-title">{t('trash.title')}</h2>
      <p className="muted">{t('trash.explain')}</p>
      <LoadStatus state={state}>
        {deletions.length === 0 ? (
          <p>{t('trash.none')}</p>
        ) : (
          <>
            <table aria-labelledby="trash-title">
              <thead>
                <tr>
                  <th scope="col">{t('trash.deletedAt')}</th>
                  <th scope="col">{t('trash.runsCol')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('trash.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {deletions.map((d) => {
                  const titles = d.runs.slice(0, TITLES_SHOWN).map((r) => r.input.title || t('runs.untitled'))
                  const more = d.runs.length - titles.length
                  return (
                    <tr key={d.deletionId}>
                      <td>{i18n.dateTime(d.deletedAt)}</td>
                      <td>
                        {i18n.plural('trash.runs', d.runs.length)}: {titles.join(', ')}
                        {more > 0 ? ` ${t('trash.more', { count: i18n.int(more) })}` : ''}
                      </td>
                      <td>
                        <button
                          type="button"
                          onClick={() => void restore(d.deletionId)}
                          aria-label={t('trash.restoreNamed', { runs: titles.join(', ') })}
                        >
                          {t('trash.restore')}
                        </button>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
            {confirming ? (
              <div className="row" role="alert">
                <span>{i18n.plural('trash.confirmEmpty', trashed)}</span>
                <button type="button" className="danger" onClick={() => void empty()}>
                  {t('trash.emptyForGood')}
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            ) : (
              <button type="button" className="danger" onClick={() => setConfirming(true)}>
                {t('trash.empty')}
              </button>
            )}
          </>
        )}
      </LoadStatus>
    </section>
  )
}
