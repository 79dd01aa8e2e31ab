import type { RunMarket as RunMarketFigure } from '../../../../shared/emissions/run-market'
import type { RunRecord } from '../../../db'
import { useI18n } from '../../i18n/I18nProvider'

/**
 * A run's market-based figure among its key figures, as the dashboard and the report count it (useRunMarket). One
 * term, one definition: the sentence saying what it is comes below the list (RunMarketNote).
 */
export function RunMarket({ market }: { market: RunMarketFigure | undefined }) {
  const i18n = useI18n()
  if (!market) return null
  return (
    <div>
      <dt>{i18n.t('total.market')}</dt>
      <dd>
        <span data-testid="detail-market">{i18n.kg(market.emissionsKg.value)}</span>
        <span className="muted range">{i18n.rangeText(market.emissionsKg, i18n.kg)}</span>
      </dd>
    </div>
  )
}

/**
 * What the market-based figure is: the run's share of the lab's instruments, its own renewable share and supplier
 * factor, or equal to location-based (docs/methodology.md, "Market-based").
 */
export function RunMarketNote({ run, market }: { run: RunRecord; market: RunMarketFigure | undefined }) {
  const { t } = useI18n()
  if (!market) return null
  const note =
    market.basis === 'instruments'
      ? t('market.run.instruments')
      : run.result.marketEmissionsKg.value === run.result.emissionsKg.value
        ? t('market.run.location')
        : t('market.run.own')
  return (
    <p className="muted market-note" data-testid="detail-market-note">
      {note}
    </p>
  )
}
