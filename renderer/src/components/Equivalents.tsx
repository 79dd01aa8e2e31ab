import { FLIGHTS_DE } from '../../../shared/report/text/flights'
import { useAsync } from '../app/useAsync'
import { useI18n } from '../i18n/I18nProvider'
import { loadCatalogue } from '../ledger/engine'

/**
 * Digits that keep a small equivalent from reading as nothing ("0 tree-months"): whole numbers from 10 up, then one
 * decimal, below 1 two significant digits.
 */
export const equivalentDigits = (value: number): number =>
  value >= 10 ? 0 : value >= 1 ? 1 : value > 0 ? Math.max(2, 1 - Math.floor(Math.log10(value))) : 0

export function Equivalents({ kg }: { kg: number }) {
  const i18n = useI18n()
  // The method's equivalence factors live with the reference data (data/defaults.json): read once it has loaded.
  const state = useAsync(() => loadCatalogue().then((c) => c.ref.defaults.equivalents), [])
  const eq = state.data
  const num = (value: number) => i18n.num(value, equivalentDigits(value))
  const flightLabel = (label: string) => (i18n.language === 'de' ? (FLIGHTS_DE[label] ?? label) : label)
  // Nothing emitted has no equivalent worth a line.
  if (kg <= 0) return null
  return (
    <ul className="equivalents">
      <li>{eq ? i18n.t('dash.carKm', { value: num((kg * 1000) / eq.carGPerKm) }) : '\u00a0'}</li>
      <li>{eq ? i18n.t('dash.treeMonths', { value: num((kg * 1000) / eq.treeMonthG) }) : '\u00a0'}</li>
      <li>
        {eq ? i18n.t('dash.flights', { value: num(kg / eq.flightKg), flight: flightLabel(eq.flightLabel) }) : '\u00a0'}
      </li>
    </ul>
  )
}
