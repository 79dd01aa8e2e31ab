import { useId, useMemo, useState } from 'react'
import { foldText } from '../../../shared/refdata/text'
import { useI18n } from '../i18n/I18nProvider'

export interface ChecklistItem {
  id: string
  label: string
}

/**
 * A list of checkboxes that stays usable with hundreds of long names: a search narrows it (case and accents
 * ignored), "select all shown" and "clear shown" act on what the search shows, and each name wraps inside the panel
 * with its full text on hover.
 */
export function SearchableChecklist({
  label,
  items,
  selected,
  onChange,
  empty
}: {
  label: string
  items: readonly ChecklistItem[]
  selected: readonly string[]
  onChange: (ids: string[]) => void
  empty: string
}) {
  const { t, int } = useI18n()
  const searchId = useId()
  const [query, setQuery] = useState('')
  const shown = useMemo(() => {
    const folded = foldText(query)
    return folded === '' ? items : items.filter((i) => foldText(i.label).includes(folded))
  }, [items, query])
  const shownIds = shown.map((i) => i.id)
  const set = new Set(selected)
  return (
    <div className="searchable-checklist">
      {items.length > 0 && (
        <div className="row">
          <label htmlFor={searchId} className="visually-hidden">
            {t('checklist.search', { list: label })}
          </label>
          <input
            id={searchId}
            type="search"
            placeholder={t('checklist.searchPlaceholder')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button
            type="button"
            disabled={shownIds.every((id) => set.has(id))}
            onClick={() => onChange([...selected, ...shownIds.filter((id) => !set.has(id))])}
          >
            {t('checklist.selectShown', { count: int(shown.length) })}
          </button>
          <button
            type="button"
            disabled={!shownIds.some((id) => set.has(id))}
            onClick={() => onChange(selected.filter((id) => !shownIds.includes(id)))}
          >
            {t('checklist.clearShown')}
          </button>
          <span className="muted" aria-live="polite">
            {t('checklist.chosen', { chosen: int(selected.length), total: int(items.length) })}
          </span>
        </div>
      )}
      <ul className="checklist" aria-label={label}>
        {items.length === 0 && <li className="muted">{empty}</li>}
        {shown.map((item) => (
          <li key={item.id}>
            <label className="check" title={item.label}>
              <input
                type="checkbox"
                checked={set.has(item.id)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...selected, item.id] : selected.filter((id) => id !== item.id))
                }
              />
              <span className="check-label">{item.label}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  )
}
