import { type FormEvent, useEffect, useEffectEvent, useMemo, useState } from 'react'
import type { RunResult } from '../../../../shared/domain/result'
import { runInputSchema } from '../../../../shared/domain/run'
import { quarterOf } from '../../../../shared/ledger/period'
import { findProjectByName } from '../../../../shared/ledger/project-names'
import type { RunRecord } from '../../../db'
import { useNotify } from '../../app/Notices'
import { navigate } from '../../app/router'
import type { ScreenProps } from '../../app/screens'
import { useAsync } from '../../app/useAsync'
import { Field } from '../../components/Field'
import { LocationPicker } from '../../components/LocationPicker'
import { ProjectPicker } from '../../components/ProjectPicker'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/I18nProvider'
import { loadCatalogue } from '../../ledger/engine'
import { useLedger } from '../../ledger/LedgerProvider'
import { useLedgerQuery } from '../../ledger/useLedgerQuery'
import { DeviceRow } from './DeviceRow'
import { draftFromFields, type FieldErrors, fieldsFromInput, type RunFields } from './run-draft'
import { TEXT_MAX_LENGTH } from './run-issues'

const KINDS = ['training', 'fine-tuning', 'hyperparameter-search', 'inference', 'other'] as const

const emptyFields = (): RunFields => ({
  kind: 'training',
  project: '',
  person: '',
  title: '',
  timing: 'duration',
  start: new Date().toISOString().slice(0, 11) + '09:00',
  end: '',
  durationH: '',
  serviceFrom: '',
  serviceTo: '',
  hoursPerDay: '24',
  devices: [{ kind: 'gpu', hardwareId: '', name: '', count: '1', utilisationPct: '100', powerW: '' }],
  memoryGB: '',
  location: { kind: 'unknown' },
  customIntensity: '',
  customLabel: '',
  pue: '',
  measuredKWh: '',
  tags: '',
  notes: ''
})

export default function RunForm({ params }: ScreenProps) {
  const i18n = useI18n()
  const { t } = i18n
  const { ledger } = useLedger()
  const notify = useNotify()
  const mode: 'new' | 'edit' | 'duplicate' =
    params.mode === 'edit' ? 'edit' : params.mode === 'duplicate' ? 'duplicate' : 'new'
  const [fields, setFields] = useState<RunFields | null>(params.id ? null : emptyFields())
  const [touched, setTouched] = useState(false)
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)
  const catalogue = useAsync(loadCatalogue, [])
  const projects = useLedgerQuery(({ ledger }) => ledger.projects.list(), [])
  /** Which project the typed name goes to: an existing one (whatever its case and spacing) or a new one. */
  const projectHint = (typed: string): string | undefined => {
    if (typed.trim() === '' || !projects.data) return undefined
    const match = findProjectByName(projects.data, typed)
    return match ? t('projectPicker.existing', { name: match.name }) : t('projectPicker.new', { name: typed.trim() })
  }
  const lab = useLedgerQuery(({ ledger }) => ledger.settings.getLabDefaults(), [])
  const existing = useAsync(async () => (params.id ? ledger.runs.get(params.id) : undefined), [ledger, params.id])
  const closedQuarters = useLedgerQuery(({ ledger }) => ledger.closedQuarters.list(), [])
  // An edit of a run in a closed quarter changes no filed figure: it becomes a restatement in the next report.
  const closedQuarter = (() => {
    const startedAt = mode === 'edit' ? existing.data?.input.startedAt : undefined
    if (!startedAt) return undefined
    const { year, quarter } = quarterOf(startedAt.slice(0, 7))
    return closedQuarters.data?.some((c) => c.quarter === `${year}-Q${quarter}`) ? `${year} Q${quarter}` : undefined
  })()
  // The form takes the run's figures once, when it loads, in the language of that moment, and the run's project as
  // the ledger has it then (renamed or merged since, not the name it was filed under): later changes of either must
  // not overwrite the user's edits, so they are read, not watched.
  const fillFrom = useEffectEvent((run: RunRecord) => {
    const f = fieldsFromInput(run.input, (v) => i18n.num(v, 6))
    const project = projects.data?.find((p) => p.id === run.projectId)?.name ?? f.project
    setFields({ ...f, project })
  })
  const projectsLoaded = projects.data !== undefined
  useEffect(() => {
    if (params.id && existing.data && projectsLoaded) fillFrom(existing.data)
  }, [existing.data, params.id, mode, projectsLoaded])
  const built = useMemo(() => (fields ? draftFromFields(fields, i18n.parse) : undefined), [fields, i18n.parse])
  // The zone-years of the run's hours (issue 12), loaded as the ledger loads them before it stores the run, so the
  // figures shown are those it will store (until they are in, the last ones loaded: other hours take yearly values).
  const hourly = useAsync(async () => {
    const parsed = built?.draft ? runInputSchema.safeParse(built.draft) : undefined
    if (!parsed?.success || !catalogue.data || !lab.data) return []
    await catalogue.data.preloadRunHourly([parsed.data], catalogue.data.ref, lab.data)
    return catalogue.data.hourlyProfilesOfRun(parsed.data, catalogue.data.ref, lab.data)
  }, [built, catalogue.data, lab.data])
  const result: RunResult | undefined = useMemo(() => {
    if (!built?.draft || !catalogue.data || !lab.data) return undefined
    const parsed = runInputSchema.safeParse(built.draft)
    if (!parsed.success) return undefined
    try {
      return catalogue.data.estimateRun(parsed.data, catalogue.data.ref, lab.data, hourly.data ?? [])
    } catch {
      return undefined
    }
  }, [built, catalogue.data, lab.data, hourly.data])
  const defaultPue = useMemo(() => {
    if (!built?.draft || !catalogue.data || !lab.data || fields?.pue === '') return result?.pue.value
    const parsed = runInputSchema.safeParse({ ...built.draft, pue: undefined })
    return parsed.success ? catalogue.data.estimateRun(parsed.data, catalogue.data.ref, lab.data).pue.value : undefined
  }, [built, catalogue.data, lab.data, result, fields?.pue])

  if (params.id && existing.status === 'ready' && !existing.data)
    return (
      <p role="alert" className="screen-status">
        {t('detail.notFound')}
      </p>
    )
  if (!fields)
    return (
      <p role="status" className="screen-status">
        {t('common.loading')}
      </p>
    )

  const set = (patch: Partial<RunFields>) => setFields((f) => (f ? { ...f, ...patch } : f))
  const errors = (name: string): string | undefined => {
    if (!touched) return undefined
    const e = (built?.errors as FieldErrors | undefined)?.[name]
    return e ? t(e.key, e.params) : undefined
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setTouched(true)
    setSaveError(null)
    if (!built?.draft) return
    setSaving(true)
    try {
      const before = mode === 'edit' ? existing.data : undefined
      const saved =
        mode === 'edit' && params.id
          ? await ledger.runs.update(params.id, built.draft)
          : await ledger.runs.create({ ...built.draft, source: { kind: 'manual' } })
      notify({
        message: t('form.saved'),
        undo: async () => {
          if (before) await ledger.runs.update(before.id, before.input, { projectId: before.projectId })
          else await ledger.runs.remove([saved.id])
        }
      })
      navigate('/runs', { run: saved.id })
    } catch (err) {
      setSaveError(i18n.error(err))
    } finally {
      setSaving(false)
    }
  }
  const title =
    mode === 'edit' ? t('form.editTitle') : mode === 'duplicate' ? t('form.duplicateTitle') : t('form.newTitle')
  return (
    <section aria-labelledby="form-title">
      <h1 id="form-title">{title}</h1>
      {catalogue.status === 'loading' && (
        <p role="status" className="muted">
          {t('form.loadingCatalogue')}
        </p>
      )}
      {closedQuarter && (
        <p role="note" className="notice-box">
          {t('form.inClosedQuarter', { quarter: closedQuarter })}
        </p>
      )}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div>
          <fieldset>
            <legend>{t('form.aboutRun')}</legend>
            <div className="fields">
              <Field id="f-kind" label={t('form.kind')}>
                {(p) => (
                  <select
                    {...p}
                    value={fields.kind}
                    onChange={(e) => set({ kind: e.target.value as RunFields['kind'] })}
                  >
                    {KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`kind.${k}` as MessageKey)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                id="f-project"
                label={t('form.project')}
                error={errors('project')}
                hint={projectHint(fields.project)}
              >
                {(p) => (
                  <ProjectPicker
                    id={p.id}
                    describedBy={p['aria-describedby']}
                    invalid={p['aria-invalid']}
                    maxLength={TEXT_MAX_LENGTH.project}
                    projects={projects.data ?? []}
                    value={fields.project}
                    onChange={(project) => set({ project })}
                  />
                )}
              </Field>
              <Field id="f-person" label={t('form.person')} error={errors('person')}>
                {(p) => (
                  <input
                    {...p}
                    maxLength={TEXT_MAX_LENGTH.person}
                    value={fields.person}
                    onChange={(e) => set({ person: e.target.value })}
                  />
                )}
              </Field>
              <Field id="f-title" label={t('form.title')} error={errors('title')}>
                {(p) => (
                  <input
                    {...p}
                    maxLength={TEXT_MAX_LENGTH.title}
                    value={fields.title}
                    onChange={(e) => set({ title: e.target.value })}
                  />
                )}
              </Field>
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('form.timing')}</legend>
            <div className="fields">
              <Field id="f-timing" label={t('form.timingMode')}>
                {(p) => (
                  <select
                    {...p}
                    value={fields.timing}
                    onChange={(e) => set({ timing: e.target.value as RunFields['timing'] })}
                  >
                    <option value="duration">{t('form.timing.duration')}</option>
                    <option value="end">{t('form.timing.end')}</option>
                    <option value="service">{t('form.timing.service')}</option>
                  </select>
                )}
              </Field>
              {fields.timing === 'service' ? (
                <>
                  <Field id="f-sfrom" label={t('form.serviceFrom')} error={errors('serviceFrom')}>
                    {(p) => (
                      <input
                        {...p}
                        type="date"
                        value={fields.serviceFrom}
                        onChange={(e) => set({ serviceFrom: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field id="f-sto" label={t('form.serviceTo')} error={errors('serviceTo')}>
                    {(p) => (
                      <input
                        {...p}
                        type="date"
                        value={fields.serviceTo}
                        onChange={(e) => set({ serviceTo: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field id="f-hpd" label={t('form.hoursPerDay')} error={errors('hoursPerDay')}>
                    {(p) => (
                      <input
                        {...p}
                        inputMode="decimal"
                        value={fields.hoursPerDay}
                        onChange={(e) => set({ hoursPerDay: e.target.value })}
                      />
                    )}
                  </Field>
                </>
              ) : (
                <>
                  <Field id="f-start" label={t('form.start')} error={errors('start')}>
                    {(p) => (
                      <input
                        {...p}
                        type="datetime-local"
                        value={fields.start}
                        onChange={(e) => set({ start: e.target.value })}
                      />
                    )}
                  </Field>
                  {fields.timing === 'end' ? (
                    <Field id="f-end" label={t('form.end')} error={errors('end')}>
                      {(p) => (
                        <input
                          {...p}
                          type="datetime-local"
                          value={fields.end}
                          onChange={(e) => set({ end: e.target.value })}
                        />
                      )}
                    </Field>
                  ) : (
                    <Field id="f-duration" label={t('form.durationH')} error={errors('durationH')}>
                      {(p) => (
                        <input
                          {...p}
                          inputMode="decimal"
                          value={fields.durationH}
                          onChange={(e) => set({ durationH: e.target.value })}
                        />
                      )}
                    </Field>
                  )}
                </>
              )}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('form.hardware')}</legend>
            {fields.devices.map((d, i) => (
              <DeviceRow
                key={i}
                index={i}
                device={d}
                catalogue={catalogue.data}
                errors={errors}
                onChange={(next) => set({ devices: fields.devices.map((x, j) => (j === i ? next : x)) })}
                onRemove={() => set({ devices: fields.devices.filter((_, j) => j !== i) })}
              />
            ))}
            <div className="row device-actions">
              <button
                type="button"
                onClick={() =>
                  set({
                    devices: [
                      ...fields.devices,
                      { kind: 'gpu', hardwareId: '', name: '', count: '1', utilisationPct: '100', powerW: '' }
                    ]
                  })
                }
              >
                {t('form.addDevice')}
              </button>
              <span className="field-error">{errors('devices') ?? ''}</span>
            </div>
            <div className="fields">
              <Field id="f-memory" label={t('form.memory')} error={errors('memoryGB')}>
                {(p) => (
                  <input
                    {...p}
                    inputMode="decimal"
                    value={fields.memoryGB}
                    onChange={(e) => set({ memoryGB: e.target.value })}
                  />
                )}
              </Field>
              <Field
                id="f-measured"
                label={t('form.measured')}
                error={errors('measuredKWh')}
                hint={t('form.measuredHint')}
              >
                {(p) => (
                  <input
                    {...p}
                    inputMode="decimal"
                    value={fields.measuredKWh}
                    onChange={(e) => set({ measuredKWh: e.target.value })}
                  />
                )}
              </Field>
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('form.location')}</legend>
            <LocationPicker fields={fields} set={set} catalogue={catalogue.data} errors={errors} />
            <div className="fields">
              <Field
                id="f-pue"
                label={t('form.pue')}
                error={errors('pue')}
                hint={defaultPue !== undefined ? t('form.pueDefault', { pue: i18n.num(defaultPue) }) : undefined}
              >
                {(p) => (
                  <input {...p} inputMode="decimal" value={fields.pue} onChange={(e) => set({ pue: e.target.value })} />
                )}
              </Field>
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('form.notes')}</legend>
            <div className="fields">
              <Field id="f-tags" label={t('form.tags')} error={errors('tags')}>
                {(p) => <input {...p} value={fields.tags} onChange={(e) => set({ tags: e.target.value })} />}
              </Field>
              <Field id="f-notes" label={t('form.notes')} error={errors('notes')} wide>
                {(p) => (
                  <textarea
                    {...p}
                    rows={3}
                    maxLength={TEXT_MAX_LENGTH.notes}
                    value={fields.notes}
                    onChange={(e) => set({ notes: e.target.value })}
                  />
                )}
              </Field>
            </div>
          </fieldset>
        </div>
        <aside className="card result-panel" aria-labelledby="result-title" aria-live="polite">
          <h2 id="result-title">{t('form.result')}</h2>
          {result ? (
            <dl className="pairs">
              <div>
                <dt>{t('total.location')}</dt>
                <dd>
                  <span className="big" data-testid="result-emissions">
                    {i18n.kg(result.emissionsKg.value)}
                  </span>
                  <span className="muted range">{i18n.rangeText(result.emissionsKg, i18n.kg)}</span>
                </dd>
              </div>
              <div>
                <dt>{t('total.market')}</dt>
                <dd>{i18n.kg(result.marketEmissionsKg.value)}</dd>
              </div>
              <div>
                <dt>{t('total.embodied')}</dt>
                <dd>{i18n.kg(result.embodiedKg.value)}</dd>
              </div>
              <div>
                <dt>{t('total.energy')}</dt>
                <dd>{i18n.kWh(result.energyKWh.value)}</dd>
              </div>
              <div>
                <dt>{t('form.pue')}</dt>
                <dd>{i18n.num(result.pue.value)}</dd>
              </div>
              <div>
                <dt>{t('form.resultIntensity')}</dt>
                <dd>{i18n.num(result.intensityGPerKWh.value)}</dd>
              </div>
              <div>
                <dt>{t('detail.method')}</dt>
                <dd>{t(`detail.method.${result.method}` as MessageKey)}</dd>
              </div>
            </dl>
          ) : (
            <p className="muted">{t('form.resultPending')}</p>
          )}
          <p className="field-error" role={saveError ? 'alert' : undefined}>
            {saveError ?? ''}
          </p>
          <button type="submit" className="primary" disabled={saving}>
            {t('form.save')}
          </button>
        </aside>
      </form>
    </section>
  )
}
