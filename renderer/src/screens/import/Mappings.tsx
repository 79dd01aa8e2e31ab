import type { ProjectRecord } from '../../../db'
import { useNotify } from '../../app/Notices'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/I18nProvider'
import { useLedger } from '../../ledger/LedgerProvider'

export function Mappings({
  mappings,
  projects,
  status
}: {
  mappings: { id: string; sourceKind: string; sourceName: string; projectId: string }[]
  projects: ProjectRecord[]
  status: string
}) {
  const { t } = useI18n()
  const { ledger } = useLedger()
  const notify = useNotify()
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work()
    } catch (err) {
      notify({ message: (i) => i.error(err), tone: 'error' })
    }
  }
  return (
    <section aria-labelledby="mappings-title" className="card">
      <h2 id="mappings-title">{t('import.mappings')}</h2>
      <p className="muted">{t('import.mappingsHint')}</p>
      {status !== 'loading' && mappings.length === 0 ? (
        <p className="muted">{t('import.noMappings')}</p>
      ) : (
        <table aria-labelledby="mappings-title">
          <thead>
            <tr>
              <th>{t('import.col.sourceProject')}</th>
              <th>{t('import.col.source')}</th>
              <th>{t('import.col.ledgerProject')}</th>
              <th>
                <span className="visually-hidden">{t('import.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {mappings.map((m) => {
              const label = m.sourceName || t('import.noProjectName')
              return (
                <tr key={m.id}>
                  <td>{label}</td>
                  <td>{t(`source.${m.sourceKind}` as MessageKey)}</td>
                  <td>
                    <select
                      aria-label={t('import.mapTo', { name: label })}
                      value={m.projectId}
                      onChange={(e) =>
                        void act(() => ledger.imports.mappings.set(m.sourceKind, m.sourceName, e.target.value))
                      }
                    >
                      {projects.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={t('import.forgetMapping', { name: label })}
                      onClick={() => void act(() => ledger.imports.mappings.remove(m.id))}
                    >
                      {t('import.forget')}
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
