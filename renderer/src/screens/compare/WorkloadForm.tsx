import { type FormEvent, useMemo, useState } from 'react'
import { locationInputOf } from '../../../../shared/refdata/locations'
import type { RunRecord } from '../../../db'
import { Field } from '../../components/Field'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/I18nProvider'
import { countryOptions, locationName } from '../../i18n/location-names'
import { type Catalogue } from '../../ledger/engine'
import { type FieldErrors, type WorkloadFields, type WorkloadKind } from './compare-form'

export function WorkloadForm({
  catalogue,
  onSubmit,
  runs,
  runId,
  setRunId
}: {
  catalogue?: Catalogue
  onSubmit: (fields: WorkloadFields) => FieldErrors
  runs: RunRecord[]
  runId: string
  setRunId: (id: string) => void
}) {
  const i18n = useI18n()
  const { t, num, language } = i18n
  const [fields, setFields] = useState<WorkloadFields>({
    kind: runId ? 'run' : 'gpu-hours',
    hardwareId: '',
    gpuHours: '',
    count: '1',
    totalFlops: '',
    location: { kind: 'unknown' },
    precision: 'fp16',
    mfuPct: '40',
    mfuLowPct: '30',
    mfuHighPct: '50'
  })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [hwSearch, setHwSearch] = useState('')
  const [locSearch, setLocSearch] = useState('')
  const set = (patch: Partial<WorkloadFields>) => setFields((f) => ({ ...f, ...patch }))
  const err = (name: keyof FieldErrors): string | undefined =>
    errors[name] ? t(`compare.err.${errors[name]}` as MessageKey) : undefined
  const hardware = useMemo(() => {
    if (!catalogue) return []
    const found = [
      ...catalogue.searchHardware(catalogue.ref, hwSearch, 'gpu', 40),
      ...catalogue.searchHardware(catalogue.ref, hwSearch, 'tpu', 10)
    ]
    const current = fields.hardwareId ? catalogue.findHardware(catalogue.ref, fields.hardwareId) : undefined
    return current && !found.some((h) => h.id === current.id) ? [current, ...found] : found
  }, [catalogue, hwSearch, fields.hardwareId])
  const locations = useMemo(() => {
    if (!catalogue) return []
    // Countries are also found by their name in the UI language ("Deutschland"), which the catalogue does not hold.
    const named =
      locSearch.trim() === ''
        ? []
        : countryOptions(catalogue.ref.locations, locSearch, language)
            .slice(0, 10)
            .map((o) => o.entry)
    const searched = catalogue.searchLocations(catalogue.ref, locSearch, 60)
    const found = [...named.filter((l) => !searched.includes(l)), ...searched]
    const current =
      fields.location.kind === 'unknown' ? undefined : catalogue.resolveLocation(catalogue.ref, fields.location)
    return current && !found.some((l) => l.id === current.id) ? [current, ...found] : found
  }, [catalogue, locSearch, fields.location, language])
  const currentLocation =
    catalogue && fields.location.kind !== 'unknown'
      ? catalogue.resolveLocation(catalogue.ref, fields.location)
      : undefined
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setErrors(onSubmit(fields))
  }
  return (
    <form className="card compare-form" onSubmit={submit} aria-labelledby="workload-title" noValidate>
      <h2 id="workload-title">{t('compare.workload')}</h2>
      <fieldset className="choice">
        <legend>{t('compare.workloadKind')}</legend>
        {(['run', 'gpu-hours', 'flops'] as WorkloadKind[]).map((k) => (
          <label key={k}>
            <input
              type="radio"
              name="workload-kind"
              value={k}
              checked={fields.kind === k}
              onChange={() => set({ kind: k })}
            />
            {t(`compare.kind.${k}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <div className="fields">
        {fields.kind === 'run' ? (
          <Field
            id="cmp-run"
            label={t('compare.run')}
            hint={runs.length === 0 ? t('compare.noRuns') : i18n.plural('compare.runHint', runs.length)}
          >
            {(p) => (
              <select {...p} value={runId} onChange={(e) => setRunId(e.target.value)}>
                <option value="">–</option>
                {runs.map((r) => (
                  <option key={r.id} value={r.id}>
                    {(r.input.title || t('runs.untitled')) +
                      ` · ${i18n.date(r.startedAtMs)} · ${i18n.kg(r.emissionsKg)}`}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <>
            <Field id="cmp-hw-search" label={t('compare.hardwareSearch')}>
              {(p) => <input {...p} type="search" value={hwSearch} onChange={(e) => setHwSearch(e.target.value)} />}
            </Field>
            <Field
              id="cmp-hw"
              label={fields.kind === 'gpu-hours' ? t('compare.referenceGpu') : t('compare.currentGpu')}
              error={err('hardwareId')}
            >
              {(p) => (
                <select
                  {...p}
                  value={fields.hardwareId}
                  disabled={!catalogue}
                  onChange={(e) => set({ hardwareId: e.target.value })}
                >
                  <option value="">–</option>
                  {hardware.map((h) => (
                    <option key={h.id} value={h.id}>
                      {h.name} ({num(h.tdpW)} W{h.fp16Tflops !== undefined ? `, ${num(h.fp16Tflops)} TFLOPS fp16` : ''})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {fields.kind === 'gpu-hours' ? (
              <Field id="cmp-gpu-hours" label={t('compare.gpuHours')} error={err('gpuHours')}>
                {(p) => (
                  <input
                    {...p}
                    inputMode="decimal"
                    value={fields.gpuHours}
                    onChange={(e) => set({ gpuHours: e.target.value })}
                  />
                )}
              </Field>
            ) : (
              <Field
                id="cmp-flops"
                label={t('compare.totalFlops')}
                error={err('totalFlops')}
                hint={t('compare.flopsHint')}
              >
                {(p) => (
                  <input
                    {...p}
                    inputMode="decimal"
                    value={fields.totalFlops}
                    onChange={(e) => set({ totalFlops: e.target.value })}
                  />
                )}
              </Field>
            )}
            <Field id="cmp-count" label={t('compare.count')} error={err('count')}>
              {(p) => (
                <input
                  {...p}
                  inputMode="numeric"
                  value={fields.count}
                  onChange={(e) => set({ count: e.target.value })}
                />
              )}
            </Field>
            <Field id="cmp-loc-search" label={t('compare.locationSearch')}>
              {(p) => <input {...p} type="search" value={locSearch} onChange={(e) => setLocSearch(e.target.value)} />}
            </Field>
            <Field
              id="cmp-loc"
              label={t('compare.location')}
              hint={fields.location.kind === 'unknown' ? t('compare.locationUnknown') : undefined}
            >
              {(p) => (
                <select
                  {...p}
                  value={currentLocation?.id ?? ''}
                  disabled={!catalogue}
                  onChange={(e) => {
                    const entry = locations.find((l) => l.id === e.target.value)
                    set({ location: (entry && locationInputOf(entry)) ?? { kind: 'unknown' } })
                  }}
                >
                  <option value="">{t('compare.locationNone')}</option>
                  {locations.map((l) => (
                    <option key={l.id} value={l.id}>
                      {locationName(l.id, l.name, i18n.language)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        )}
        <Field id="cmp-precision" label={t('compare.precision')}>
          {(p) => (
            <select
              {...p}
              value={fields.precision}
              onChange={(e) => set({ precision: e.target.value as WorkloadFields['precision'] })}
            >
              <option value="fp16">fp16</option>
              <option value="fp32">fp32</option>
            </select>
          )}
        </Field>
        <Field id="cmp-mfu" label={t('compare.mfu')} error={err('mfu')} hint={t('compare.mfuHint')}>
          {(p) => (
            <input {...p} inputMode="decimal" value={fields.mfuPct} onChange={(e) => set({ mfuPct: e.target.value })} />
          )}
        </Field>
        <Field id="cmp-mfu-low" label={t('compare.mfuLow')}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={fields.mfuLowPct}
              onChange={(e) => set({ mfuLowPct: e.target.value })}
            />
          )}
        </Field>
        <Field id="cmp-mfu-high" label={t('compare.mfuHigh')}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={fields.mfuHighPct}
              onChange={(e) => set({ mfuHighPct: e.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={!catalogue}>
          {t('compare.submit')}
        </button>
        {!catalogue && <span className="muted">{t('form.loadingCatalogue')}</span>}
      </div>
    </form>
  )
}
