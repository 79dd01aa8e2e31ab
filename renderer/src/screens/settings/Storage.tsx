import { useState } from 'react'
import { requestPersistence, storageEstimate } from '../../../db'
import { useAsync } from '../../app/useAsync'
import { LoadStatus } from '../../components/Status'
import { useI18n } from '../../i18n/I18nProvider'
import { useLedger } from '../../ledger/LedgerProvider'

export function Storage() {
  const i18n = useI18n()
  const { t } = i18n
  const { revision } = useLedger()
  const [asked, setAsked] = useState(0)
  const state = useAsync(
    async () => ({ estimate: await storageEstimate(), persisted: (await navigator.storage?.persisted?.()) ?? false }),
    [revision, asked]
  )
  const mb = (bytes: number) => i18n.num(bytes / 1e6, 1)
  return (
    <section className="card settings-block" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('settings.storage')}</h2>
      <LoadStatus state={state}>
        {state.data && (
          <>
            <p>
              {state.data.estimate
                ? t('settings.storageUsed', {
                    used: mb(state.data.estimate.usageBytes),
                    quota: mb(state.data.estimate.quotaBytes)
                  })
                : t('settings.storageUnknown')}
            </p>
            <p>{state.data.persisted ? t('settings.persisted') : t('settings.notPersisted')}</p>
            {!state.data.persisted && (
              <button type="button" onClick={() => void requestPersistence().then(() => setAsked((n) => n + 1))}>
                {t('settings.askPersist')}
              </button>
            )}
          </>
        )}
      </LoadStatus>
    </section>
  )
}
