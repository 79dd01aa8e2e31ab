import { useMemo, useState } from 'react'
import { isTimeZone } from '../../../shared/import/time-zone'
import { useI18n } from '../i18n/I18nProvider'

/** Every IANA zone the runtime knows, UTC first; read once (the list has some 400 names). */
let zones: string[] | undefined
const allZones = (): string[] => (zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')])

/**
 * A searchable IANA time zone picker (Europe/Berlin, America/Chicago): typing filters the list the browser offers;
 * the zone is taken when the text is a zone's name, so a half-typed name never re-reads a file.
 */
export function TimeZonePicker({
  id,
  label,
  value,
  onChange,
  disabled
}: {
  id: string
  label: string
  value: string | undefined
  onChange: (zone: string | undefined) => void
  disabled?: boolean
}) {
  const { t } = useI18n()
  const [text, setText] = useState(value ?? '')
  const list = useMemo(allZones, [])
  const invalid = text.trim() !== '' && !isTimeZone(text.trim())
  const take = (next: string) => {
    setText(next)
    const zone = next.trim()
    if (zone === '') onChange(undefined)
    else if (isTimeZone(zone) && zone !== value) onChange(zone)
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        list={`${id}-zones`}
        value={text}
        disabled={disabled}
        placeholder={t('zone.placeholder')}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-msg`}
        onChange={(e) => take(e.target.value)}
      />
      <datalist id={`${id}-zones`}>
        {list.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <span id={`${id}-msg`} className={invalid ? 'field-error' : 'hint'}>
        {invalid ? t('zone.unknown', { zone: text.trim() }) : value ? '' : t('zone.assumedUtc')}
      </span>
    </div>
  )
}
