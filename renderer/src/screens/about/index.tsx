import { type MouseEvent, useEffect } from 'react'
import manifestJson from '../../../../data/manifest.json'
import { dataManifestSchema } from '../../../../shared/refdata/schema'
import type { ScreenProps } from '../../app/screens'
import { useAsync } from '../../app/useAsync'
import { LoadStatus } from '../../components/Status'
import { useHost } from '../../host/HostProvider'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/I18nProvider'

// The manifest alone (a few KB), not the reference tables: About opens instantly.
const manifest = dataManifestSchema.parse(manifestJson)

const METHOD_POINTS: MessageKey[] = [
  'about.method.energy',
  'about.method.measured',
  'about.method.pue',
  'about.method.location',
  'about.method.market',
  'about.method.embodied',
  'about.method.ranges'
]

/** An external link opens in the user's browser through the host, which refuses anything but allowlisted https. */
function ExternalLink({ url, children }: { url: string; children: string }) {
  const { api } = useHost()
  if (!url.startsWith('https://')) return <span>{children}</span>
  const open = (e: MouseEvent) => {
    e.preventDefault()
    void api.openLink(url)
  }
  return (
    <a href={url} onClick={open} rel="noreferrer noopener">
      {children}
    </a>
  )
}

export default function About({ query }: ScreenProps) {
  const { t } = useI18n()
  const { api } = useHost()
  const info = useAsync(() => api.appInfo(), [api])
  const section = query.get('section')
  useEffect(() => {
    if (section) document.getElementById(`about-${section}`)?.scrollIntoView()
  }, [section])
  return (
    <section aria-labelledby="about-title" className="about">
      <h1 id="about-title">{t('about.title')}</h1>
      <div className="card settings-block">
        <LoadStatus state={info}>
          {info.data && (
            <dl className="facts">
              <dt>{t('about.version')}</dt>
              <dd data-testid="app-version">
                {info.data.name} {info.data.version}
              </dd>
              <dt>{t('about.dataVersion')}</dt>
              <dd>{manifest.dataVersion}</dd>
              {info.data.electronVersion && (
                <>
                  <dt>Electron</dt>
                  <dd>{info.data.electronVersion}</dd>
                </>
              )}
              <dt>Chromium</dt>
              <dd>{info.data.chromeVersion || t('common.unknown')}</dd>
              <dt>{t('about.platform')}</dt>
              <dd>{[info.data.platform, info.data.arch].filter(Boolean).join(' ')}</dd>
            </dl>
          )}
        </LoadStatus>
        <p>{t('about.offline')}</p>
      </div>

      <section className="card settings-block" aria-labelledby="about-sources">
        <h2 id="about-sources">{t('about.sources')}</h2>
        <p className="muted">{t('about.sourcesHint')}</p>
        <ul className="sources">
          {manifest.sources.map((s) => (
            <li key={s.id} aria-labelledby={`src-${s.id}`}>
              <h3 id={`src-${s.id}`}>{s.title}</h3>
              <dl className="facts">
                {s.licence && (
                  <>
                    <dt>{t('about.licence')}</dt>
                    <dd>{s.licence}</dd>
                  </>
                )}
                {s.version && (
                  <>
                    <dt>{t('about.sourceVersion')}</dt>
                    <dd>{s.version}</dd>
                  </>
                )}
                {s.retrieved && (
                  <>
                    <dt>{t('about.retrieved')}</dt>
                    <dd>{s.retrieved}</dd>
                  </>
                )}
                {s.url && (
                  <>
                    <dt>{t('about.url')}</dt>
                    <dd>
                      <ExternalLink url={s.url}>{s.url}</ExternalLink>
                    </dd>
                  </>
                )}
                <dt>{t('about.attribution')}</dt>
                <dd className="attribution">{s.attribution}</dd>
              </dl>
            </li>
          ))}
        </ul>
        <h3 id="about-odbl">{t('about.odblTitle')}</h3>
        <p>{t('about.odbl')}</p>
      </section>

      <section className="card settings-block" aria-labelledby="about-methodology">
        <h2 id="about-methodology">{t('about.methodology')}</h2>
        <ul>
          {METHOD_POINTS.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
        <p className="muted">{t('about.methodMore')}</p>
      </section>
    </section>
  )
}
