import { useState } from 'react'
import { requestPersistence, storageEstimate } from '../../../db'
import { useAsync } from '../../app/useAsync'
import { LoadStatus } from '../../components/Status'
import { useI18n } from '../../i18n/I18nProvider'
import { useLedgerQuery } from '../../ledger/useLedgerQuery'

export function Storage() {
  const i18n = useI18n()
  const { t } = i18n
  /** The browser's answer when the user asked for persistent storage; before that, what it says now. */
  const [granted, setGranted] = useState<boolean>()
  const estimate = useLedgerQuery(async ({ ledger }) => {
    // The browser's estimate is no ledger read: counting the runs first makes the live query run again (and the
    // estimate be asked again) whenever runs are added, changed or removed.
    await ledger.runs.count()
    return storageEstimate()
  }, [])
  const persisted = useAsync(async () => (await navigator.storage?.persisted?.()) ?? false, [])
  const isPersisted = granted ?? persisted.data
  const mb = (bytes: number) => i18n.num(bytes / 1e6, 1)
  return (
    <section className="card settings-block" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('settings.storage')}</h2>
      <LoadStatus state={estimate}>
        <p>
          {estimate.data
            ? t('settings.storageUsed', { used: mb(estimate.data.usageBytes), quota: mb(estimate.data.quotaBytes) })
            : t('settings.storageUnknown')}
        </p>
      </LoadStatus>
      {isPersisted !== undefined && (
        <>
          <p>{isPersisted ? t('settings.persisted') : t('settings.notPersisted')}</p>
          {!isPersisted && (
            <button type="button" onClick={() => void requestPersistence().then(setGranted)}>
              {t('settings.askPersist')}
            </button>
          )}
        </>
      )}
    </section>
  )
}
