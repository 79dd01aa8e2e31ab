import type { Range } from '../../../../shared/domain/range'
import type { Message } from '../../../../shared/messages/message'
import type { UnitFormat } from '../../format/format'
import { type I18n, useI18n } from '../../i18n/I18nProvider'
import { savingShown } from './compare-form'

/** Why a comparison failed, in the UI language (a PlanningError carries its message, as every user-facing error). */
export const message = (error: unknown, i18n: I18n): string => i18n.error(error)

/** A comparison's notes in the UI language (notes: their English text, kept for a result without messages). */
export const Notes = ({ notes, msgs }: { notes: string[]; msgs: Message[] | undefined }) => {
  const i18n = useI18n()
  return (
    <ul className="notes">
      {notes.map((n, i) => (
        <li key={n}>{i18n.msg(msgs?.[i], n)}</li>
      ))}
    </ul>
  )
}

export const RangeCell = ({ range, format, i18n }: { range: Range; format: UnitFormat; i18n: I18n }) => (
  <td className="num">
    {format(range.value)}
    {range.low !== range.high && <span className="range-text">{i18n.rangeText(range, format)}</span>}
  </td>
)

/** A saving against the current choice; an option that emits more says "4.29 kg more", never "−4.29 kg". */
export const SavingCell = ({ saving, i18n }: { saving: Range; i18n: I18n }) => {
  const { more, amount } = savingShown(saving)
  return (
    <td className="num">
      {more ? i18n.t('compare.more', { amount: i18n.kg(amount.value) }) : i18n.kg(amount.value)}
      {amount.low !== amount.high && <span className="range-text">{i18n.rangeText(amount, i18n.kg)}</span>}
    </td>
  )
}
