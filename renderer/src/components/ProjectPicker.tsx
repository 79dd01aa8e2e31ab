import { type KeyboardEvent, useId, useMemo, useState } from 'react'
import { findProjectByName, suggestProjects } from '../../../shared/ledger/project-names'

export interface PickableProject {
  id: string
  name: string
}

/** Options the list shows at once; typing narrows them. */
const SHOWN = 30

/**
 * A project name field that offers the existing projects (a combobox with its listbox, ARIA 1.2 pattern): typing
 * filters them whatever the case and spacing, arrow keys move through them, Enter takes one, Escape closes the list.
 * What is typed may still be a new name; onChange gives the existing project the text refers to, if any.
 */
export function ProjectPicker({
  value,
  onChange,
  projects,
  id,
  label,
  describedBy,
  invalid,
  maxLength,
  placeholder
}: {
  value: string
  onChange: (name: string, project?: PickableProject) => void
  projects: readonly PickableProject[]
  id?: string
  /** The accessible name when no <label for> names the field. */
  label?: string
  describedBy?: string
  invalid?: boolean
  maxLength?: number
  placeholder?: string
}) {
  const ownId = useId()
  const inputId = id ?? `${ownId}-input`
  const listId = `${inputId}-list`
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const options = useMemo(() => suggestProjects(projects, value, SHOWN), [projects, value])
  const expanded = open && options.length > 0
  const choose = (p: PickableProject) => {
    onChange(p.name, p)
    setOpen(false)
    setActive(-1)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (!open) setOpen(true)
      const step = e.key === 'ArrowDown' ? 1 : -1
      setActive((a) => (options.length === 0 ? -1 : (a + step + options.length) % options.length))
    } else if (e.key === 'Enter' && expanded && active >= 0 && options[active]) {
      e.preventDefault()
      choose(options[active])
    } else if (e.key === 'Escape' && open) {
      e.preventDefault()
      setOpen(false)
      setActive(-1)
    }
  }
  return (
    <div className="project-picker">
      <input
        id={inputId}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-label={label}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        autoComplete="off"
        maxLength={maxLength}
        placeholder={placeholder}
        value={value}
        onChange={(e) => {
          onChange(e.target.value, findProjectByName(projects, e.target.value))
          setOpen(true)
          setActive(-1)
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={label} hidden={!expanded}>
        {options.map((p, i) => (
          <li
            key={p.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            title={p.name}
            // mousedown, not click: the input keeps its focus and the list does not close first.
            onMouseDown={(e) => {
              e.preventDefault()
              choose(p)
            }}
          >
            {p.name}
          </li>
        ))}
      </ul>
    </div>
  )
}
