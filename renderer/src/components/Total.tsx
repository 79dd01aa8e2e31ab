import type { Range } from '../../../shared/domain/range'
import { relativeChange } from '../format/format'
import type { I18n } from '../i18n/I18nProvider'

/**
 * How a figure compares with the previous period's: as a change, or from tenfold up as a factor ("×1,361,207" reads
 * better than "+136,120,569 %" after a nearly empty period), or not at all without a previous figure.
 */
export const comparison = (
  current: number,
  previous: number
): { kind: 'none' } | { kind: 'factor'; factor: number } | { kind: 'change'; change: number } => {
  const change = relativeChange(current, previous)
  if (change === undefined) return { kind: 'none' }
  return change + 1 >= 10 ? { kind: 'factor', factor: change + 1 } : { kind: 'change', change }
}

/** One key figure of a period: its value, its range, and its change against the previous period. */
export function Total({
  title,
  range,
  previous,
  format,
  i18n,
  note
}: {
  title: string
  range: Range
  previous: number
  format: (v: number) => string
  i18n: I18n
  /** Where the figure comes from, when its title alone does not say (the market-based one). */
  note?: string
}) {
  const c = comparison(range.value, previous)
  const text =
    c.kind === 'none'
      ? i18n.t('total.noPrevious')
      : c.kind === 'factor'
        ? i18n.t('total.times', { factor: i18n.num(c.factor, c.factor >= 100 ? 0 : 1), previous: format(previous) })
        : i18n.t('total.change', { change: i18n.pct(c.change, true) })
  return (
    <div className="card total">
      <dt>{title}</dt>
      <dd className="figure">{format(range.value)}</dd>
      <dd className="range">{i18n.rangeText(range, format) || '\u00a0'}</dd>
      <dd className="change">{text}</dd>
      {note && <dd className="muted note">{note}</dd>}
    </div>
  )
}
