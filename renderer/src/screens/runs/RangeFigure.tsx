import type { Range } from '../../../../shared/domain/range'
import type { UnitFormat } from '../../format/format'
import { useI18n } from '../../i18n/I18nProvider'

/** A total and, when it is uncertain, its range in the same unit: "12.4 kWh (range 11.2 kWh – 14.9 kWh)". */
export function RangeFigure({ range, format }: { range: Range; format: UnitFormat }) {
  const i18n = useI18n()
  const text = i18n.rangeText(range, format)
  return (
    <>
      <strong>{format(range.value, range.high)}</strong>
      {text && <span className="muted"> ({text})</span>}
    </>
  )
}
