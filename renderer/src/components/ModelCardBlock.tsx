import { useState } from 'react'
import { useI18n } from '../i18n/I18nProvider'

/**
 * "Copy model-card block": the Hugging Face `co2_eq_emissions` YAML of a run or of a report's runs
 * (shared/report/model-card.ts), made on demand, copied to the clipboard and shown to select by hand where the
 * clipboard is refused. Used by the Reports screen (a project, a period) and the run detail.
 */
export function ModelCardBlock({ make, id }: { make: () => Promise<string>; id: string }) {
  const i18n = useI18n()
  const { t } = i18n
  const [block, setBlock] = useState<string>()
  const [status, setStatus] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const copy = async () => {
    setBusy(true)
    setError(undefined)
    setStatus('')
    try {
      const text = await make()
      setBlock(text)
      try {
        await navigator.clipboard.writeText(text)
        setStatus(t('modelCard.copied'))
      } catch {
        setStatus(t('modelCard.selectToCopy'))
      }
    } catch (err) {
      setError(t('modelCard.failed', { message: i18n.error(err) }))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="model-card">
      <button type="button" aria-busy={busy} disabled={busy} onClick={() => void copy()}>
        {t('modelCard.copy')}
      </button>
      <span role="status" className="hint">
        {status}
      </span>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {block !== undefined && (
        <div className="field wide">
          <label htmlFor={id}>{t('modelCard.label')}</label>
          <textarea
            id={id}
            readOnly
            rows={block.split('\n').length}
            value={block}
            onFocus={(e) => e.currentTarget.select()}
          />
          <span className="hint">{t('modelCard.hint')}</span>
        </div>
      )}
    </div>
  )
}
