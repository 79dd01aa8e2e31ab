import { Suspense, useEffect } from 'react'
import { HostProvider } from '../host/HostProvider'
import { I18nProvider, useI18n } from '../i18n/I18nProvider'
import { type Language, languages } from '../i18n/translate'
import { LedgerProvider } from '../ledger/LedgerProvider'
import { ErrorBoundary } from './ErrorBoundary'
import { HostEvents } from './HostEvents'
import { NoticesProvider } from './Notices'
import { href, matchPath, navigate, useHashRoute } from './router'
import { routeAliases, screens } from './screens'

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' }

function Shell({ databaseName }: { databaseName?: string }) {
  const { t, language, setLanguage, error: errorText } = useI18n()
  const { path, query } = useHashRoute()
  let match: { screen: (typeof screens)[number]; params: Record<string, string> } | undefined
  for (const screen of screens) {
    const params = matchPath(screen.path, path)
    if (params) {
      match = { screen, params }
      break
    }
  }
  const alias = match ? undefined : routeAliases[path.replace(/\/+$/, '') || '/']
  const search = query.toString()
  useEffect(() => {
    if (alias) navigate(alias, Object.fromEntries(new URLSearchParams(search)), true)
  }, [alias, search])
  const current = (screenPath: string) => (screenPath === '/' ? path === '/' : path === screenPath)
  return (
    <div className="app">
      <a
        className="skip"
        href="#content"
        onClick={(e) => {
          e.preventDefault()
          document.getElementById('content')?.focus()
        }}
      >
        {t('app.skip')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {screens
              .filter((s) => s.nav)
              .map((s) => (
                <li key={s.path}>
                  <a href={href(s.path)} aria-current={current(s.path) ? 'page' : undefined}>
                    {t(s.title)}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
        <label className="lang">
          <span>{t('lang.label')}</span>
          <select
            aria-label={t('lang.label')}
            value={language}
            onChange={(e) => setLanguage(e.target.value as Language)}
          >
            {languages.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main id="content" tabIndex={-1}>
        <LedgerProvider databaseName={databaseName}>
          <HostEvents />
          <ErrorBoundary
            resetKey={path}
            fallback={(error, reset) => (
              <div role="alert" className="screen-status error">
                <h1>{t('error.title')}</h1>
                <p>{t('error.screen', { message: errorText(error) })}</p>
                <button type="button" onClick={reset}>
                  {t('common.retry')}
                </button>
              </div>
            )}
          >
            <Suspense
              fallback={
                <p role="status" className="screen-status">
                  {t('common.loading')}
                </p>
              }
            >
              {match ? (
                <match.screen.component params={match.params} query={query} />
              ) : (
                alias === undefined && (
                  <section aria-labelledby="not-found-title" className="screen-status">
                    <h1 id="not-found-title">{t('error.notFoundTitle')}</h1>
                    <p role="alert">{t('error.notFound', { path })}</p>
                    <p>{t('error.notFoundHint')}</p>
                    <ul>
                      {screens
                        .filter((s) => s.nav)
                        .map((s) => (
                          <li key={s.path}>
                            <a href={href(s.path)}>{t(s.title)}</a>
                          </li>
                        ))}
                    </ul>
                  </section>
                )
              )}
            </Suspense>
          </ErrorBoundary>
        </LedgerProvider>
      </main>
    </div>
  )
}

export function App({ databaseName }: { databaseName?: string }) {
  return (
    <HostProvider>
      <I18nProvider>
        <NoticesProvider>
          <Shell databaseName={databaseName} />
        </NoticesProvider>
      </I18nProvider>
    </HostProvider>
  )
}
