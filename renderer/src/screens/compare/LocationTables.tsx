import { useState } from 'react'
import { type LocationComparison, type LocationScope } from '../../../../shared/planning'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/I18nProvider'
import { locationName } from '../../i18n/location-names'
import { Notes, RangeCell, SavingCell } from './cells'

const SCOPES: LocationScope[] = ['same-provider', 'cloud', 'country', 'zone']

const LOCATION_ROWS = 20

export function LocationTables({ comparison }: { comparison: LocationComparison }) {
  const i18n = useI18n()
  const { t, num } = i18n
  const scopes = SCOPES.filter((s) => comparison.rankings.some((r) => r.scope === s))
  const [scope, setScope] = useState<LocationScope>(scopes[0] ?? 'cloud')
  const ranking = comparison.rankings.find((r) => r.scope === scope) ?? comparison.rankings[0]
  const shown = ranking ? ranking.rows.filter((r, i) => i < LOCATION_ROWS || r.current) : []
  return (
    <section className="card" aria-labelledby="loc-title">
      <h2 id="loc-title">{t('compare.locationsTitle')}</h2>
      <p className="muted">
        {t('compare.locationsCurrent', {
          location: locationName(
            comparison.current.locationId,
            i18n.msg(comparison.current.labelMsg, comparison.current.label),
            i18n.language
          ),
          kg: i18n.kg(comparison.current.emissionsKg.value),
          market: i18n.kg(comparison.current.marketEmissionsKg.value)
        })}
      </p>
      <div className="row" role="group" aria-label={t('compare.scope')}>
        {scopes.map((s) => (
          <button key={s} type="button" aria-pressed={s === scope} onClick={() => setScope(s)}>
            {t(`compare.scope.${s}` as MessageKey)}
          </button>
        ))}
      </div>
      {ranking && (
        <div className="table-scroll">
          <table aria-label={t('compare.locationTable', { scope: t(`compare.scope.${ranking.scope}` as MessageKey) })}>
            <thead>
              <tr>
                <th scope="col">{t('compare.col.rank')}</th>
                <th scope="col">{t('compare.col.location')}</th>
                <th scope="col" className="num">
                  {t('compare.col.intensity')}
                </th>
                <th scope="col" className="num">
                  PUE
                </th>
                <th scope="col" className="num">
                  {t('compare.col.emissions')}
                </th>
                <th scope="col" className="num">
                  {t('compare.col.market')}
                </th>
                <th scope="col" className="num">
                  {t('compare.col.saving')}
                </th>
                <th scope="col" className="num">
                  {t('compare.col.marketSaving')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.locationId} className={r.current ? 'current' : undefined}>
                  <td>{ranking.rows.indexOf(r) + 1}</td>
                  <th scope="row">
                    {locationName(r.locationId, r.name, i18n.language)}
                    {r.current && (
                      <>
                        {' '}
                        <span className="tag">{t('compare.current')}</span>
                      </>
                    )}
                    {r.hourlyZone && (
                      <>
                        {' '}
                        <span className="tag">{t('compare.hourly')}</span>
                      </>
                    )}
                  </th>
                  <td className="num">
                    {num(r.intensityGPerKWh.value)} ({r.intensityYear})
                  </td>
                  <td className="num">{num(r.pue.value)}</td>
                  <RangeCell range={r.emissionsKg} format={i18n.kg} i18n={i18n} />
                  <RangeCell range={r.marketEmissionsKg} format={i18n.kg} i18n={i18n} />
                  <SavingCell saving={r.savingKg} i18n={i18n} />
                  <SavingCell saving={r.marketSavingKg} i18n={i18n} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ranking && ranking.rows.length > LOCATION_ROWS && (
        <p className="muted">{t('compare.locationsTop', { shown: LOCATION_ROWS, count: ranking.rows.length })}</p>
      )}
      <Notes notes={comparison.notes} msgs={comparison.noteMsgs} />
    </section>
  )
}
