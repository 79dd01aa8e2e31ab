import type { LabDefaults } from '../../../../shared/emissions/lab-defaults'
import { Field } from '../../components/Field'
import { useI18n } from '../../i18n/I18nProvider'
import { useEntryEditor, useMessage, useSaveLab } from './form-hooks'
import { hardwareEntryOf, type HardwareFields, hardwareFieldsOf } from './lab-fields'

export function CustomHardware({ lab }: { lab: LabDefaults }) {
  const i18n = useI18n()
  const { t } = i18n
  const save = useSaveLab()
  const message = useMessage()
  const blank: HardwareFields = { kind: 'gpu', name: '', tdpW: '', memoryGB: '' }
  const { fields, set, editing, errors, submit, edit, cancel, remove } = useEntryEditor(
    blank,
    lab.hardware,
    (f, editingId) => hardwareEntryOf(f, i18n.parse, lab.hardware, editingId),
    (hardware) => save({ ...lab, hardware }),
    (entry) => (i) => i.t('settings.hwSaved', { name: entry.name })
  )
  return (
    <section className="card settings-block" aria-labelledby="hw-title">
      <h2 id="hw-title">{t('settings.hardware')}</h2>
      {lab.hardware.length === 0 ? (
        <p className="muted">{t('settings.hwEmpty')}</p>
      ) : (
        <table aria-labelledby="hw-title">
          <thead>
            <tr>
              <th>{t('form.device')}</th>
              <th>{t('form.deviceKind')}</th>
              <th className="num">{t('settings.tdp')}</th>
              <th>
                <span className="visually-hidden">{t('import.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lab.hardware.map((h) => (
              <tr key={h.id}>
                <td>{h.name}</td>
                <td>{h.kind.toUpperCase()}</td>
                <td className="num">{i18n.num(h.tdpW)} W</td>
                <td className="row">
                  <button
                    type="button"
                    aria-label={t('settings.editItem', { name: h.name })}
                    onClick={() =>
                      edit(
                        h,
                        hardwareFieldsOf(h, (n) => i18n.num(n, 6))
                      )
                    }
                  >
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    aria-label={t('settings.removeItem', { name: h.name })}
                    onClick={() => remove(h, (i) => i.t('settings.removed', { name: h.name }))}
                  >
                    {t('common.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-label={editing ? t('settings.hwEdit') : t('settings.hwAdd')}
      >
        <h3>{editing ? t('settings.hwEdit') : t('settings.hwAdd')}</h3>
        <div className="fields">
          <Field id="hw-kind" label={t('form.deviceKind')}>
            {(p) => (
              <select
                {...p}
                value={fields.kind}
                disabled={editing !== undefined}
                onChange={(e) => set({ kind: e.target.value as HardwareFields['kind'] })}
              >
                <option value="gpu">GPU</option>
                <option value="cpu">CPU</option>
                <option value="tpu">TPU</option>
              </select>
            )}
          </Field>
          <Field id="hw-name" label={t('settings.hwName')} error={message(errors, 'name')}>
            {(p) => <input {...p} value={fields.name} onChange={(e) => set({ name: e.target.value })} />}
          </Field>
          <Field id="hw-tdp" label={t('settings.tdp')} error={message(errors, 'tdpW')}>
            {(p) => (
              <input {...p} inputMode="decimal" value={fields.tdpW} onChange={(e) => set({ tdpW: e.target.value })} />
            )}
          </Field>
          <Field id="hw-memory" label={t('settings.hwMemory')} error={message(errors, 'memoryGB')}>
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={fields.memoryGB}
                onChange={(e) => set({ memoryGB: e.target.value })}
              />
            )}
          </Field>
        </div>
        <p className="field-error" role={errors?.form ? 'alert' : undefined}>
          {message(errors, 'form') ?? ''}
        </p>
        <div className="row">
          <button type="submit" className="primary">
            {editing ? t('common.save') : t('settings.hwAddButton')}
          </button>
          {editing && (
            <button type="button" onClick={cancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  )
}
