import { type FormEvent, useId, useState } from 'react'
import { type NoticeText, useNotify } from '../../app/Notices'
import { Field } from '../../components/Field'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/I18nProvider'
import type { Errors } from './form-hooks'
import { useMessage } from './form-hooks'
import {
  blankFields,
  type Fields,
  fieldsOf,
  INSTRUMENT_FIELDS,
  type InstrumentKind,
  instrumentOf
} from './instrument-fields'

type Entry = { id: string } & Record<string, unknown>

/**
 * One kind of the lab's contractual instruments: its list with edit and delete (undoable), and the form that adds
 * or edits one, each refused field with its message beneath it.
 */
export function InstrumentList<E extends Entry>({
  kind,
  entries,
  title,
  empty,
  add,
  edit,
  describe,
  store,
  isKnownPlace
}: {
  kind: InstrumentKind
  entries: readonly E[]
  title: MessageKey
  empty: MessageKey
  add: MessageKey
  edit: MessageKey
  describe: (entry: E) => string
  store: (entries: E[]) => Promise<void>
  /** Whether a place is one the ledger knows (instrument-fields.ts); absent: places are not checked. */
  isKnownPlace?: (place: string) => boolean
}) {
  const i18n = useI18n()
  const { t } = i18n
  const notify = useNotify()
  const message = useMessage()
  const uid = useId()
  const [fields, setFields] = useState<Fields>(() => blankFields(kind))
  const [editing, setEditing] = useState<string>()
  const [errors, setErrors] = useState<Errors>()
  const titleId = `${uid}-title`
  const reset = () => {
    setEditing(undefined)
    setFields(blankFields(kind))
    setErrors(undefined)
  }
  const write = async (next: E[], done: NoticeText, undoTo?: readonly E[]) => {
    try {
      await store(next)
      notify({ message: done, ...(undoTo ? { undo: () => store([...undoTo]) } : {}) })
      return true
    } catch (err) {
      setErrors({ form: { key: 'settings.invalid', params: { message: i18n.error(err) } } })
      return false
    }
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const checked = instrumentOf(kind, fields, i18n.parse, editing ?? crypto.randomUUID(), isKnownPlace)
    setErrors(checked.errors)
    if (!checked.value) return
    const entry = checked.value as unknown as E
    const next = editing ? entries.map((x) => (x.id === editing ? entry : x)) : [...entries, entry]
    if (await write(next, (i) => i.t('instr.saved', { name: describe(entry) }), entries)) reset()
  }
  return (
    <section className="settings-sub" aria-labelledby={titleId}>
      <h3 id={titleId}>{t(title)}</h3>
      {entries.length === 0 ? (
        <p className="muted">{t(empty)}</p>
      ) : (
        <ul className="instrument-list">
          {entries.map((entry) => (
            <li key={entry.id} className="row">
              <span>{describe(entry)}</span>
              {'fromMonth' in entry && (
                <span className="muted">
                  {String(entry.fromMonth)} – {String(entry.toMonth)}
                </span>
              )}
              <button
                type="button"
                aria-label={t('settings.editItem', { name: describe(entry) })}
                onClick={() => {
                  setEditing(entry.id)
                  setFields(fieldsOf(kind, entry, (n) => i18n.num(n, 6)))
                  setErrors(undefined)
                }}
              >
                {t('common.edit')}
              </button>
              <button
                type="button"
                className="danger"
                aria-label={t('settings.removeItem', { name: describe(entry) })}
                onClick={() =>
                  void write(
                    entries.filter((x) => x.id !== entry.id),
                    (i) => i.t('instr.removed', { name: describe(entry) }),
                    entries
                  )
                }
              >
                {t('common.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={editing ? t(edit) : t(add)}>
        <div className="fields">
          {INSTRUMENT_FIELDS[kind].map((spec) => (
            <Field key={spec.name} id={`${uid}-${spec.name}`} label={t(spec.label)} error={message(errors, spec.name)}>
              {(p) =>
                spec.input === 'select' ? (
                  <select
                    {...p}
                    value={fields[spec.name]}
                    onChange={(e) => setFields((f) => ({ ...f, [spec.name]: e.target.value }))}
                  >
                    {spec.options!.map((o) => (
                      <option key={o} value={o}>
                        {t(`instr.type.${o}` as MessageKey)}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    {...p}
                    inputMode={spec.input === 'number' ? 'decimal' : undefined}
                    value={fields[spec.name] ?? ''}
                    onChange={(e) => setFields((f) => ({ ...f, [spec.name]: e.target.value }))}
                  />
                )
              }
            </Field>
          ))}
        </div>
        <p className="field-error" role={errors?.form ? 'alert' : undefined}>
          {message(errors, 'form') ?? ''}
        </p>
        <div className="row">
          <button type="submit" className="primary">
            {editing ? t('common.save') : t(add)}
          </button>
          {editing && (
            <button type="button" onClick={reset}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  )
}
