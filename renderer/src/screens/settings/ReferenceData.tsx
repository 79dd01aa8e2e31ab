import { href } from '../../app/router'
import { useI18n } from '../../i18n/I18nProvider'
import { type Catalogue } from '../../ledger/engine'

export function ReferenceData({ catalogue }: { catalogue?: Catalogue }) {
  const { t } = useI18n()
  const manifest = catalogue?.ref.manifest
  return (
    <section className="card settings-block" aria-labelledby="refdata-title">
      <h2 id="refdata-title">{t('settings.refdata')}</h2>
      {!manifest ? (
        <p role="status" className="muted">
          {t('form.loadingCatalogue')}
        </p>
      ) : (
        <>
          <p>{t('settings.dataVersion', { version: manifest.dataVersion })}</p>
          <ul>
            {manifest.sources.map((s) => (
              <li key={s.id}>
                {s.title}
                {s.licence ? ` (${s.licence})` : ''}
              </li>
            ))}
          </ul>
          <a href={href('/about', { section: 'sources' })}>{t('settings.refdataMore')}</a>
        </>
      )}
    </section>
  )
}
