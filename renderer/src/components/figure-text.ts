import type { KeyFigureId } from '../../../shared/report/model'
import type { I18n } from '../i18n/I18nProvider'

/** A report key figure in the app's locale, with its unit (a filed or restated figure outside the report page). */
export const figureText = (i18n: I18n, id: KeyFigureId, value: number): string => {
  if (id === 'energy') return i18n.kWh(value)
  if (id === 'runs') return i18n.int(value)
  if (id === 'gpuHours') return `${i18n.num(value)} ${i18n.unit('h')}`
  return i18n.kg(value)
}
