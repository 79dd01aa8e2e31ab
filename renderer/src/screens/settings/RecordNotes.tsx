import type { RecordNote } from '../../../db'
import { useI18n } from '../../i18n/I18nProvider'

/** Records a restore refused or corrected, each with its reason in the app's language. */
export function RecordNotes({ caption, notes }: { caption: string; notes: RecordNote[] }) {
  const i18n = useI18n()
  const { t } = i18n
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th>{t('settings.conflict.table')}</th>
          <th>{t('settings.conflict.id')}</th>
          <th>{t('settings.note.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {notes.map((n, i) => (
          <tr key={`${n.table}:${n.id}:${i}`}>
            <td>{n.table}</td>
            <td>{n.id}</td>
            <td>{i18n.msg(n.msg, n.reason)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
