import type { RunRecord } from '../../../db'
import { useRunMarket } from '../../components/useRunsMarket'
import { useI18n } from '../../i18n/I18nProvider'

/**
 * A run's market-based figure in its key figures, as the dashboard and the report count it, with the sentence that
 * says what it is: its share of the lab's instruments, its own renewable share and supplier factor, or equal to
 * location-based (docs/methodology.md, "Market-based").
 */
export function RunMarket({ run }: { run: RunRecord }) {
  const i18n = useI18n()
  const { t } = i18n
  const market = useRunMarket(run).data
  if (!market) return null
  const { emissionsKg } = market
  const note =
    market.basis === 'instruments'
      ? t('market.run.instruments')
      : run.result.marketEmissionsKg.value === run.result.emissionsKg.value
        ? t('market.run.location')
        : t('market.run.own')
  return (
    <div>
      <dt>{t('total.market')}</dt>
      <dd>
        <span data-testid="detail-market">{i18n.kg(emissionsKg.value)}</span>
        <span className="muted range">{i18n.rangeText(emissionsKg, i18n.kg)}</span>
      </dd>
      <dd className="muted market-note" data-testid="detail-market-note">
        {note}
      </dd>
    </div>
  )
}
