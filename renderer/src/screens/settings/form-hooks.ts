import { type FormEvent, useState } from 'react'
import type { LabDefaults } from '../../../../shared/emissions/lab-defaults'
import { startRecompute } from '../../app/background'
import { type NoticeText, useNotify } from '../../app/Notices'
import { useI18n } from '../../i18n/I18nProvider'
import { useLedger } from '../../ledger/LedgerProvider'
import { type Checked, type FieldMessage } from './lab-fields'

export type Errors = Record<string, FieldMessage>

export const useMessage = () => {
  const { t } = useI18n()
  return (errors: Errors | undefined, name: string): string | undefined => {
    const e = errors?.[name]
    return e ? t(e.key, e.params) : undefined
  }
}

/** Saves the lab defaults and starts recomputing every run in the background. */
export const useSaveLab = () => {
  const { ledger } = useLedger()
  return async (next: LabDefaults) => {
    await ledger.settings.setLabDefaults(next)
    void startRecompute(ledger.recompute)
  }
}

/**
 * An add/edit form over a list of the lab's own entries (custom hardware and locations, the asset register, the
 * contractual instruments): the fields typed, the entry being edited, each refused field's message, and the writes
 * (add, replace, remove) with their notice. undoable: each notice offers to put the list before it back.
 */
export function useEntryEditor<F, E extends { id: string }>(
  blank: F,
  entries: readonly E[],
  check: (fields: F, editingId: string | undefined) => Checked<E>,
  store: (entries: E[]) => Promise<void>,
  savedMessage: (entry: E) => NoticeText,
  { undoable = false }: { undoable?: boolean } = {}
) {
  const notify = useNotify()
  const i18n = useI18n()
  const [fields, setFields] = useState<F>(blank)
  const [editing, setEditing] = useState<string>()
  const [errors, setErrors] = useState<Errors>()
  const write = async (next: E[], done: NoticeText) => {
    const before = [...entries]
    try {
      await store(next)
      notify({ message: done, ...(undoable ? { undo: () => store(before) } : {}) })
      return true
    } catch (err) {
      setErrors({ form: { key: 'settings.invalid', params: { message: i18n.error(err) } } })
      return false
    }
  }
  const cancel = () => {
    setEditing(undefined)
    setFields(blank)
    setErrors(undefined)
  }
  return {
    fields,
    editing,
    errors,
    set: (patch: Partial<F>) => setFields((f) => ({ ...f, ...patch })),
    edit: (entry: E, entryFields: F) => {
      setEditing(entry.id)
      setFields(entryFields)
      setErrors(undefined)
    },
    cancel,
    remove: (entry: E, done: NoticeText) =>
      void write(
        entries.filter((x) => x.id !== entry.id),
        done
      ),
    submit: async (e: FormEvent) => {
      e.preventDefault()
      const checked = check(fields, editing)
      setErrors(checked.errors)
      if (!checked.value) return
      const entry = checked.value
      const next = editing ? entries.map((x) => (x.id === editing ? entry : x)) : [...entries, entry]
      if (await write(next, savedMessage(entry))) cancel()
    }
  }
}
