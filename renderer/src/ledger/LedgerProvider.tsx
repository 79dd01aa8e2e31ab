import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react'
// Deep imports on purpose: renderer/db/index also exports createLedgerEngine, which would pull the reference data
// into the first chunk.
import { type LedgerBrowser, openLedgerBrowser } from '../../db/browse'
import { openLedger } from '../../db/ledger'
import { requestPersistence } from '../../db/storage'
import { useI18n } from '../i18n/I18nProvider'
import { type AppLedger, lazyEngine, withEngine } from './engine'

export interface LedgerAccess {
  ledger: AppLedger
  browser: LedgerBrowser
}

const LedgerContext = createContext<LedgerAccess | null>(null)

type State =
  | { status: 'opening' }
  | { status: 'failed'; error: unknown }
  | { status: 'open'; ledger: AppLedger; browser: LedgerBrowser }

/** Opens the ledger once for the whole app. Tests and the benchmark may open another database with ?db=name. */
export function LedgerProvider({ children, databaseName }: { children: ReactNode; databaseName?: string }) {
  const { t, error: errorText } = useI18n()
  const [state, setState] = useState<State>({ status: 'opening' })
  const [banner, setBanner] = useState<string | null>(null)
  useEffect(() => {
    let closed = false
    let opened: { ledger: AppLedger; browser: LedgerBrowser } | undefined
    Promise.all([
      openLedger({ name: databaseName, engine: lazyEngine, onBlocked: setBanner, onVersionChange: setBanner }),
      openLedgerBrowser(databaseName, lazyEngine)
    ])
      .then(([raw, browser]) => {
        opened = { ledger: withEngine(raw), browser }
        if (closed) {
          raw.close()
          browser.close()
          return
        }
        setState({ status: 'open', ...opened })
        void requestPersistence()
      })
      .catch((err: unknown) => setState({ status: 'failed', error: err }))
    return () => {
      closed = true
      opened?.ledger.close()
      opened?.browser.close()
    }
  }, [databaseName])
  // Screens read through useLedgerQuery (live queries): nothing here changes when the ledger's data does.
  const value = useMemo<LedgerAccess | null>(
    () => (state.status === 'open' ? { ledger: state.ledger, browser: state.browser } : null),
    [state]
  )
  return (
    <>
      {banner && (
        <p role="alert" className="banner">
          {banner}
        </p>
      )}
      {state.status === 'opening' && (
        <p role="status" className="screen-status">
          {t('ledger.opening')}
        </p>
      )}
      {state.status === 'failed' && (
        <p role="alert" className="screen-status error">
          {t('ledger.failed', { message: errorText(state.error) })}
        </p>
      )}
      {value && <LedgerContext.Provider value={value}>{children}</LedgerContext.Provider>}
    </>
  )
}

export const useLedger = (): LedgerAccess => {
  const value = useContext(LedgerContext)
  if (!value) throw new Error('useLedger outside LedgerProvider')
  return value
}
