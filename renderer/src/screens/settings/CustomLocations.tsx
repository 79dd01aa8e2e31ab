import type { LabDefaults } from '../../../../shared/emissions/lab-defaults'
import { Field } from '../../components/Field'
import { useI18n } from '../../i18n/I18nProvider'
import { useEntryEditor, useMessage, useSaveLab } from './form-hooks'
import { locationEntryOf, type LocationFields, locationFieldsOf } from './lab-fields'

export function CustomLocations({ lab }: { lab: LabDefaults }) {
  const i18n = useI18n()
  const { t } = i18n
  const save = useSaveLab()
  const message = useMessage()
  const blank: LocationFields = {
    kind: 'zone',
    code: '',
    name: '',
    intensity: '',
    year: String(new Date().getFullYear()),
    pue: '',
    renewablePct: ''
  }
  const { fields, set, editing, errors, submit, edit, cancel, remove } = useEntryEditor(
    blank,
    lab.locations,
    (f, editingId) => locationEntryOf(f, i18n.parse, lab.locations, editingId),
    (locations) => save({ ...lab, locations }),
    (entry) => (i) => i.t('settings.locSaved', { name: entry.name })
  )
  const codeLabel =
    fields.kind === 'country'
      ? t('settings.loc.codeCountry')
      : fields.kind === 'cloud'
        ? t('settings.loc.codeCloud')
        : t('settings.loc.codeZone')
  return (
    <section className="card settings-block" aria-labelledby="loc-title">
      <h2 id="loc-title">{t('settings.locations')}</h2>
      {lab.locations.length === 0 ? (
        <p className="muted">{t('settings.locEmpty')}</p>
      ) : (
        <table aria-labelledby="loc-title">
          <thead>
            <tr>
              <th>{t('settings.loc.name')}</th>
              <th>{t('settings.loc.id')}</th>
              <th className="num">{t('form.customIntensity')}</th>
              <th>
                <span className="visually-hidden">{t('import.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lab.locations.map((l) => (
              <tr key={l.id}>
                <td>{l.name}</td>
                <td>{l.id}</td>
                <td className="num">{i18n.num(l.intensities[l.intensities.length - 1]?.intensityGPerKWh ?? 0)}</td>
                <td className="row">
                  <button
                    type="button"
                    aria-label={t('settings.editItem', { name: l.name })}
                    onClick={() =>
                      edit(
                        l,
                        locationFieldsOf(l, (n) => i18n.num(n, 6))
                      )
                    }
                  >
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    aria-label={t('settings.removeItem', { name: l.name })}
                    onClick={() => remove(l, (i) => i.t('settings.removed', { name: l.name }))}
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
        aria-label={editing ? t('settings.locEdit') : t('settings.locAdd')}
      >
        <h3>{editing ? t('settings.locEdit') : t('settings.locAdd')}</h3>
        <div className="fields">
          <Field id="cl-kind" label={t('settings.loc.kind')}>
            {(p) => (
              <select
                {...p}
                value={fields.kind}
                disabled={editing !== undefined}
                onChange={(e) => set({ kind: e.target.value as LocationFields['kind'] })}
              >
                <option value="zone">{t('form.loc.zone')}</option>
                <option value="country">{t('form.loc.country')}</option>
                <option value="cloud">{t('form.loc.cloud')}</option>
              </select>
            )}
          </Field>
          <Field id="cl-code" label={codeLabel} error={message(errors, 'code')}>
            {(p) => (
              <input
                {...p}
                value={fields.code}
                disabled={editing !== undefined}
                onChange={(e) => set({ code: e.target.value })}
              />
            )}
          </Field>
          <Field id="cl-name" label={t('settings.loc.name')} error={message(errors, 'name')}>
            {(p) => <input {...p} value={fields.name} onChange={(e) => set({ name: e.target.value })} />}
          </Field>
          <Field id="cl-intensity" label={t('form.customIntensity')} error={message(errors, 'intensity')}>
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={fields.intensity}
                onChange={(e) => set({ intensity: e.target.value })}
              />
            )}
          </Field>
          <Field id="cl-year" label={t('settings.loc.year')} error={message(errors, 'year')}>
            {(p) => (
              <input {...p} inputMode="numeric" value={fields.year} onChange={(e) => set({ year: e.target.value })} />
            )}
          </Field>
          <Field id="cl-pue" label={t('settings.loc.pue')} error={message(errors, 'pue')}>
            {(p) => (
              <input {...p} inputMode="decimal" value={fields.pue} onChange={(e) => set({ pue: e.target.value })} />
            )}
          </Field>
          <Field id="cl-renewable" label={t('settings.renewable')} error={message(errors, 'renewable')}>
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={fields.renewablePct}
                onChange={(e) => set({ renewablePct: e.target.value })}
              />
            )}
          </Field>
        </div>
        <p className="field-error" role={errors?.form ? 'alert' : undefined}>
          {message(errors, 'form') ?? ''}
        </p>
        <div className="row">
          <button type="submit" className="primary">
            {editing ? t('common.save') : t('settings.locAddButton')}
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
