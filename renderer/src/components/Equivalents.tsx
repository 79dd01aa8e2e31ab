import { useAsync } from '../app/useAsync'
import { useI18n } from '../i18n/I18nProvider'
import { loadCatalogue } from '../ledger/engine'

export function Equivalents({ kg }: { kg: number }) {
  const i18n = useI18n()
  // The method's equivalence factors live with the reference data (data/defaults.json): read once it has loaded.
  const state = useAsync(() => loadCatalogue().then((c) => c.ref.defaults.equivalents), [])
  const eq = state.data
  return (
    <ul className="equivalents">
      <li>{eq ? i18n.t('dash.carKm', { value: i18n.num((kg * 1000) / eq.carGPerKm, 0) }) : '\u00a0'}</li>
      <li>{eq ? i18n.t('dash.treeMonths', { value: i18n.num((kg * 1000) / eq.treeMonthG, 0) }) : '\u00a0'}</li>
      <li>
        {eq ? i18n.t('dash.flights', { value: i18n.num(kg / eq.flightKg, 2), flight: eq.flightLabel }) : '\u00a0'}
      </li>
    </ul>
  )
}
