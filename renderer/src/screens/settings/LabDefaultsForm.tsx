import { type FormEvent, useMemo, useState } from 'react'
import type { LocationInput } from '../../../../shared/domain/run'
import type { LabDefaults } from '../../../../shared/emissions/lab-defaults'
import { locationInputOf } from '../../../../shared/refdata/locations'
import type { LocationEntry } from '../../../../shared/refdata/schema'
import { useNotify } from '../../app/Notices'
import { Field } from '../../components/Field'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/I18nProvider'
import { type Catalogue } from '../../ledger/engine'
import { type Errors, useMessage, useSaveLab } from './form-hooks'
import { labDefaultsOf, type LabFields, labFieldsOf } from './lab-fields'

const LOCATION_KINDS = ['unknown', 'country', 'zone', 'cloud', 'custom'] as const

const sameLocation = (a: LocationInput | undefined, b: LocationInput) => JSON.stringify(a) === JSON.stringify(b)

export function LabDefaultsForm({ lab, catalogue }: { lab: LabDefaults; catalogue?: Catalogue }) {
  const i18n = useI18n()
  const { t } = i18n
  const notify = useNotify()
  const save = useSaveLab()
  const message = useMessage()
  const [fields, setFields] = useState<LabFields>(() => labFieldsOf(lab, (n) => i18n.num(n, 6)))
  const [errors, setErrors] = useState<Errors>()
  const [search, setSearch] = useState('')
  const set = (patch: Partial<LabFields>) => setFields((f) => ({ ...f, ...patch }))
  const kind = fields.location.kind
  const options = useMemo(() => {
    if (!catalogue || (kind !== 'cloud' && kind !== 'country' && kind !== 'zone')) return []
    const own = lab.locations.filter((l) => l.kind === kind)
    const found = catalogue
      .searchLocations(catalogue.ref, search, 300)
      .filter((l) => l.kind === kind && !own.some((o) => o.id === l.id))
    const list = [...own, ...found.slice(0, 40)]
    const current =
      list.find((l) => sameLocation(locationInputOf(l), fields.location)) ??
      catalogue.resolveLocation(catalogue.ref, fields.location)
    return current && !list.includes(current) ? [current, ...list] : list
  }, [catalogue, search, kind, lab.locations, fields.location])
  const selected = options.find((l) => sameLocation(locationInputOf(l), fields.location))
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const checked = labDefaultsOf(fields, lab, i18n.parse)
    setErrors(checked.errors)
    if (!checked.value) return
    try {
      await save(checked.value)
      notify({ message: t('settings.labSaved') })
    } catch (err) {
      setErrors({ form: { key: 'settings.invalid', params: { message: i18n.error(err) } } })
    }
  }
  const latest = (l: LocationEntry) => l.intensities[l.intensities.length - 1]?.intensityGPerKWh ?? 0
  return (
    <form className="card settings-block" aria-labelledby="lab-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="lab-title">{t('settings.lab')}</h2>
      <p className="muted">{t('settings.labHint')}</p>
      <div className="fields">
        <Field id="lab-loc-kind" label={t('settings.defaultLocation')}>
          {(p) => (
            <select
              {...p}
              value={kind}
              onChange={(e) => {
                const k = e.target.value as (typeof LOCATION_KINDS)[number]
                set({
                  location:
                    k === 'custom'
                      ? { kind: 'custom', intensityGPerKWh: 0, label: 'custom' }
                      : k === 'unknown'
                        ? { kind: 'unknown' }
                        : k === 'cloud'
                          ? { kind: 'cloud', provider: '', region: '' }
                          : k === 'country'
                            ? { kind: 'country', code: '' }
                            : { kind: 'zone', zone: '' }
                })
              }}
            >
              {LOCATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(k === 'unknown' ? 'settings.locUnknown' : (`form.loc.${k}` as MessageKey))}
                </option>
              ))}
            </select>
          )}
        </Field>
        {(kind === 'cloud' || kind === 'country' || kind === 'zone') && (
          <>
            <Field id="lab-loc-search" label={t('form.locationSearch')}>
              {(p) => <input {...p} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}
            </Field>
            <Field
              id="lab-loc"
              label={t('form.location')}
              error={message(errors, 'location')}
              hint={!catalogue ? t('form.loadingCatalogue') : options.length === 0 ? t('form.locationNone') : undefined}
            >
              {(p) => (
                <select
                  {...p}
                  value={selected?.id ?? ''}
                  disabled={!catalogue}
                  onChange={(e) => {
                    const entry = options.find((o) => o.id === e.target.value)
                    const input = entry && locationInputOf(entry)
                    if (input) set({ location: input })
                  }}
                >
                  <option value="">–</option>
                  {options.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name} ({i18n.num(latest(l))} g/kWh)
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        )}
        {kind === 'custom' && (
          <>
            <Field id="lab-intensity" label={t('form.customIntensity')} error={message(errors, 'customIntensity')}>
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={fields.customIntensity}
                  onChange={(e) => set({ customIntensity: e.target.value })}
                />
              )}
            </Field>
            <Field id="lab-intensity-label" label={t('form.customLabel')}>
              {(p) => (
                <input {...p} value={fields.customLabel} onChange={(e) => set({ customLabel: e.target.value })} />
              )}
            </Field>
          </>
        )}
      </div>
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
