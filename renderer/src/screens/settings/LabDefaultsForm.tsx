import { type FormEvent, useState } from 'react'
import type { LabDefaults } from '../../../../shared/emissions/lab-defaults'
import { useNotify } from '../../app/Notices'
import { Field } from '../../components/Field'
import { LocationPicker } from '../../components/LocationPicker'
import { useI18n } from '../../i18n/I18nProvider'
import { type Catalogue } from '../../ledger/engine'
import { type Errors, useMessage, useSaveLab } from './form-hooks'
import { labDefaultsOf, type LabFields, labFieldsOf } from './lab-fields'

export function LabDefaultsForm({ lab, catalogue }: { lab: LabDefaults; catalogue?: Catalogue }) {
  const i18n = useI18n()
  const { t } = i18n
  const notify = useNotify()
  const save = useSaveLab()
  const message = useMessage()
  const [fields, setFields] = useState<LabFields>(() => labFieldsOf(lab, (n) => i18n.num(n, 6)))
  const [errors, setErrors] = useState<Errors>()
  const set = (patch: Partial<LabFields>) => setFields((f) => ({ ...f, ...patch }))
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const checked = labDefaultsOf(fields, lab, i18n.parse)
    setErrors(checked.errors)
    if (!checked.value) return
    try {
      await save(checked.value)
      notify({ message: (i) => i.t('settings.labSaved') })
    } catch (err) {
      setErrors({ form: { key: 'settings.invalid', params: { message: i18n.error(err) } } })
    }
  }
  return (
    <form className="card settings-block" aria-labelledby="lab-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="lab-title">{t('settings.lab')}</h2>
      <p className="muted">{t('settings.labHint')}</p>
      <LocationPicker
        fields={fields}
        set={set}
        catalogue={catalogue}
        errors={(name) => message(errors, name)}
        own={lab.locations}
        idPrefix="lab-loc"
        kindLabel={t('settings.defaultLocation')}
        unknownLabel={t('settings.locUnknown')}
      />
      <fieldset className="plain">
        <legend>{t('settings.ownMachines')}</legend>
        <div className="row">
          <label className="radio">
            <input
              type="radio"
              name="own-kind"
              checked={fields.ownKind === 'data-centre'}
              onChange={() => set({ ownKind: 'data-centre' })}
            />
            {t('settings.dataCentre')}
          </label>
          <label className="radio">
            <input
              type="radio"
              name="own-kind"
              checked={fields.ownKind === 'personal-computer'}
              onChange={() => set({ ownKind: 'personal-computer' })}
            />
            {t('settings.personalComputer')}
          </label>
        </div>
      </fieldset>
      <div className="fields">
        {fields.ownKind === 'data-centre' && (
          <Field id="lab-pue" label={t('settings.pue')} error={message(errors, 'pue')} hint={t('settings.pueHint')}>
            {(p) => (
              <input {...p} inputMode="decimal" value={fields.pue} onChange={(e) => set({ pue: e.target.value })} />
            )}
          </Field>
        )}
        <Field
          id="lab-renewable"
          label={t('settings.renewable')}
          error={message(errors, 'renewable')}
          hint={t('settings.renewableHint')}
        >
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
      <button type="submit" className="primary">
        {t('settings.saveLab')}
      </button>
    </form>
  )
}
