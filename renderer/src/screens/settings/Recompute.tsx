import { useSyncExternalStore } from 'react'
import { cancelRecompute, recomputeState, startRecompute } from '../../app/background'
import { useI18n } from '../../i18n/I18nProvider'
import { useLedger } from '../../ledger/LedgerProvider'
import { useLedgerQuery } from '../../ledger/useLedgerQuery'

export function Recompute() {
  const i18n = useI18n()
  const { t } = i18n
  const { ledger } = useLedger()
  const state = useSyncExternalStore(recomputeState.subscribe, recomputeState.get)
  const status = useLedgerQuery(({ ledger }) => ledger.recompute.status(), [])
  const remaining = status.data?.remaining ?? 0
  return (
    <section className="card settings-block" aria-labelledby="recompute-title">
      <h2 id="recompute-title">{t('settings.recompute')}</h2>
      {state.running ? (
        <div className="progress-line">
          <progress aria-label={t('settings.recomputing')} value={state.done} max={state.total || 1} />
          <span role="status">
            {i18n.plural('settings.recomputeProgress', state.total, { done: i18n.int(state.done) })}
          </span>
          <button type="button" onClick={cancelRecompute}>
            {t('settings.recomputeCancel')}
          </button>
        </div>
      ) : (
        <div className="row">
          <span role="status">
            {state.error !== undefined
              ? t('settings.recomputeFailed', { message: i18n.error(state.error) })
              : remaining > 0
                ? i18n.plural('settings.recomputeRemaining', remaining)
                : t('settings.recomputeDone')}
          </span>
          {remaining > 0 && (
            <button type="button" onClick={() => void startRecompute(ledger.recompute)}>
              {t('settings.recomputeResume')}
            </button>
          )}
        </div>
      )}
    </section>
  )
}
