import type { Range } from '../../../shared/domain/range'
import { relativeChange } from '../format/format'
import type { I18n } from '../i18n/I18nProvider'

/** One key figure of a period: its value, its range, and its change against the previous period. */
export function Total({ title, range, previous, format, i18n }: { title: string; range: Range; previous: number; format: (v: number) => string; i18n: I18n }) {
  const change = relativeChange(range.value, previous)
  return (
    <div className="card total">
      <dt>{title}</dt>
      <dd className="figure">{format(range.value)}</dd>
      <dd className="range">{i18n.rangeText(range, format) || '\u00a0'}</dd>
      <dd className="change">{change === undefined ? i18n.t('total.noPrevious') : i18n.t('total.change', { change: i18n.pct(change, true) })}</dd>
    </div>
  )
}
