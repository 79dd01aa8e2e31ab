import { useId } from 'react'
import { Field } from '../../components/Field'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/I18nProvider'
import { useEntryEditor, useMessage } from './form-hooks'
import { blankFields, fieldsOf, INSTRUMENT_FIELDS, type InstrumentKind, instrumentOf } from './instrument-fields'
import type { Checked } from './lab-fields'

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
  const message = useMessage()
  const uid = useId()
  const titleId = `${uid}-title`
  // Every change offers to put the list before it back.
  const {
    fields,
    set,
    editing,
    errors,
    submit,
    edit: startEdit,
    cancel: reset,
    remove
  } = useEntryEditor(
    blankFields(kind),
    entries,
    (f, editingId) =>
      instrumentOf(kind, f, i18n.parse, editingId ?? crypto.randomUUID(), isKnownPlace) as unknown as Checked<E>,
    store,
    (entry) => (i) => i.t('instr.saved', { name: describe(entry) }),
    { undoable: true }
  )
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
                onClick={() =>
                  startEdit(
                    entry,
                    fieldsOf(kind, entry, (n) => i18n.num(n, 6))
                  )
                }
              >
                {t('common.edit')}
              </button>
              <button
                type="button"
                className="danger"
                aria-label={t('settings.removeItem', { name: describe(entry) })}
                onClick={() => remove(entry, (i) => i.t('instr.removed', { name: describe(entry) }))}
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
                  <select {...p} value={fields[spec.name]} onChange={(e) => set({ [spec.name]: e.target.value })}>
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
                    onChange={(e) => set({ [spec.name]: e.target.value })}
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
