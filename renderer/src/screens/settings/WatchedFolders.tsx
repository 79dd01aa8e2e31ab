import { useState } from 'react'
import type { WatchedFoldersApi, WatchOverview } from '../../../../shared/host-api'
import { useAsync } from '../../app/useAsync'
import { LoadStatus } from '../../components/Status'
import { useHost } from '../../host/HostProvider'
import { useI18n } from '../../i18n/I18nProvider'
import { FolderSettings } from './FolderSettings'

const LOG_SHOWN = 50

/** Watched folders (issue 14): in the desktop app the folders main watches and its import log; in a browser, why not. */
export function WatchedFolders() {
  const { t } = useI18n()
  const { api } = useHost()
  return (
    <section id="settings-watched" className="card settings-block" aria-labelledby="watched-title">
      <h2 id="watched-title">{t('watch.title')}</h2>
      {api.watchedFolders ? <FolderList watched={api.watchedFolders} /> : <p>{t('watch.browser')}</p>}
    </section>
  )
}

function FolderList({ watched }: { watched: WatchedFoldersApi }) {
  const i18n = useI18n()
  const { t } = i18n
  const [overview, setOverview] = useState<WatchOverview | undefined>()
  const [timeZone, setTimeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone)
  const [error, setError] = useState<string | undefined>()
  const loaded = useAsync(() => watched.list(), [watched])
  const shown = overview ?? loaded.data
  const act = async (action: () => Promise<WatchOverview | null>) => {
    setError(undefined)
    try {
      const next = await action()
      if (next) setOverview(next)
    } catch (err) {
      setError(i18n.error(err))
    }
  }
  const pathOf = (id: string) => shown?.folders.find((f) => f.id === id)?.path ?? id
  return (
    <LoadStatus state={loaded}>
      {shown && (
        <>
          <p>{t('watch.intro')}</p>
          {shown.folders.length === 0 ? (
            <p>{t('watch.none')}</p>
          ) : (
            <ul aria-label={t('watch.title')}>
              {shown.folders.map((folder) => (
                <li key={folder.id}>
                  <span>{folder.path}</span> <span>{folder.timeZone ?? 'UTC'}</span>{' '}
                  <span>{folder.paused ? t('watch.paused') : t('watch.watching')}</span>{' '}
                  <button
                    type="button"
                    aria-label={t(folder.paused ? 'watch.resumeFolder' : 'watch.pauseFolder', { folder: folder.path })}
                    onClick={() => void act(() => watched.setPaused(folder.id, !folder.paused))}
                  >
                    {folder.paused ? t('watch.resume') : t('watch.pause')}
                  </button>{' '}
                  <button
                    type="button"
                    aria-label={t('watch.removeFolder', { folder: folder.path })}
                    onClick={() => void act(() => watched.remove(folder.id))}
                  >
                    {t('watch.remove')}
                  </button>{' '}
                  <FolderSettings folder={folder} watched={watched} act={act} />
                </li>
              ))}
            </ul>
          )}
          <label>
            {t('watch.timeZone')} <input value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
          </label>{' '}
          <button type="button" onClick={() => void act(() => watched.add(timeZone.trim() || undefined))}>
            {t('watch.add')}
          </button>
          {error && <p role="alert">{error}</p>}
          <h3>{t('watch.log')}</h3>
          <button type="button" onClick={() => void act(() => watched.list())}>
            {t('watch.refresh')}
          </button>
          {shown.log.length === 0 ? (
            <p>{t('watch.logEmpty')}</p>
          ) : (
            <table aria-label={t('watch.log')}>
              <thead>
                <tr>
                  <th scope="col">{t('watch.when')}</th>
                  <th scope="col">{t('watch.folder')}</th>
                  <th scope="col">{t('watch.file')}</th>
                  <th scope="col">{t('watch.outcome')}</th>
                  <th scope="col">{t('watch.runs')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.log
                  .slice(-LOG_SHOWN)
                  .reverse()
                  .map((entry, i) => (
                    <tr key={`${entry.atMs}-${i}`}>
                      <td>{i18n.dateTime(entry.atMs)}</td>
                      <td>{pathOf(entry.folderId)}</td>
                      <td>{entry.file}</td>
                      <td>
                        {t(`watch.outcome.${entry.outcome}`)}
                        {entry.detail && `: ${entry.detail}`}
                      </td>
                      <td>{i18n.int(entry.runs)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </LoadStatus>
  )
}
