import { useEffect, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useLedger } from '../../ledger/LedgerProvider'

/**
 * Says so when the page went away (reload, crash, closed window) while an import was being written: the write was
 * one transaction, which the browser rolled back, so nothing of it is in the ledger. Shown once: reading the
 * ledger's marker clears it.
 */
export function InterruptedImport() {
  const { t } = useI18n()
  const { ledger } = useLedger()
  const [fileName, setFileName] = useState<string | undefined>()
  useEffect(() => {
    // Only ever sets: a second reading (React's strict mode runs effects twice) finds the marker gone.
    ledger.imports
      .takeInterrupted()
      .then((name) => {
        if (name !== undefined) setFileName(name)
      })
      // Only a notice: a ledger that cannot be read says so on the screen's other sections.
      .catch(() => undefined)
  }, [ledger])
  if (fileName === undefined) return null
  return (
    <div className="card notice-interrupted" role="alert">
      <p>{fileName ? t('import.interrupted', { file: fileName }) : t('import.interruptedUnnamed')}</p>
      <button type="button" onClick={() => setFileName(undefined)}>
        {t('common.close')}
      </button>
    </div>
  )
}
