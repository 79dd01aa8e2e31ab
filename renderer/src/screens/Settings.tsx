import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from 'react'
import type { LocationInput } from '../../../shared/domain/run'
import type { LabDefaults } from '../../../shared/emissions/lab-defaults'
import type { LocationEntry } from '../../../shared/refdata/schema'
import type { RecordNote, RestoreReport } from '../../db'
import { requestPersistence, storageEstimate } from '../../db/storage'
import { cancelRecompute, pendingRestore, recomputeState, startRecompute } from '../app/background'
import { useNotify } from '../app/Notices'
import { href } from '../app/router'
import type { ScreenProps } from '../app/screens'
import { useAsync } from '../app/useAsync'
import { LoadStatus } from '../components/Status'
import { fileArchive, hostArchive, writeArchive, type ChosenArchive } from '../host/archive-io'
import { useHost } from '../host/HostProvider'
import { useI18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n/en'
import { loadCatalogue, type Catalogue } from '../ledger/engine'
import { useLedger } from '../ledger/LedgerProvider'
import { backupFileName, incompleteCount, safetyBackup } from './backup-flow'
import { Trash } from './Trash'
import {
  hardwareEntryOf,
  hardwareFieldsOf,
  labDefaultsOf,
  labFieldsOf,
  locationEntryOf,
  locationFieldsOf,
  type Checked,
  type FieldMessage,
  type HardwareFields,
  type LabFields,
  type LocationFields
} from './lab-fields'
import { locationInputOf } from '../../../shared/refdata/locations'
import { Field } from '../components/Field'

const LOCATION_KINDS = ['unknown', 'country', 'zone', 'cloud', 'custom'] as const

type Errors = Record<string, FieldMessage>

const useMessage = () => {
  const { t } = useI18n()
  return (errors: Errors | undefined, name: string): string | undefined => {
    const e = errors?.[name]
    return e ? t(e.key, e.params) : undefined
  }
}

const sameLocation = (a: LocationInput | undefined, b: LocationInput) => JSON.stringify(a) === JSON.stringify(b)

export default function Settings({ query }: ScreenProps) {
  const { t } = useI18n()
  const { ledger, revision } = useLedger()
  const lab = useAsync(() => ledger.settings.getLabDefaults(), [ledger, revision])
  const catalogue = useAsync(loadCatalogue, [])
  const section = query.get('section')
  useEffect(() => {
    if (section) document.getElementById(`settings-${section}`)?.scrollIntoView()
  }, [section])
  return (
    <section aria-labelledby="settings-title" className="settings">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <LoadStatus state={lab}>
        {lab.data && (
          <>
            <LabDefaultsForm lab={lab.data} catalogue={catalogue.data} />
            <Recompute />
            <CustomHardware lab={lab.data} />
            <CustomLocations lab={lab.data} />
          </>
        )}
      </LoadStatus>
      <Backups />
      <Trash />
      <Storage />
      <ReferenceData catalogue={catalogue.data} />
    </section>
  )
}

/** Saves the lab defaults and starts recomputing every run in the background. */
const useSaveLab = () => {
  const { ledger, changed } = useLedger()
  return async (next: LabDefaults) => {
    await ledger.settings.setLabDefaults(next)
    changed()
    void startRecompute(ledger.recompute, changed)
  }
}

function LabDefaultsForm({ lab, catalogue }: { lab: LabDefaults; catalogue?: Catalogue }) {
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

function Recompute() {
  const i18n = useI18n()
  const { t } = i18n
  const { ledger, revision, changed } = useLedger()
  const state = useSyncExternalStore(recomputeState.subscribe, recomputeState.get)
  const status = useAsync(() => ledger.recompute.status(), [ledger, revision, state.running])
  const remaining = status.data?.remaining ?? 0
  return (
    <section className="card settings-block" aria-labelledby="recompute-title">
      <h2 id="recompute-title">{t('settings.recompute')}</h2>
      {state.running ? (
        <div className="progress-line">
          <progress aria-label={t('settings.recomputing')} value={state.done} max={state.total || 1} />
          <span role="status">
            {i18n.plural('settings.recomputeProgress', state.total, { done: i18n.int(state.done) })}
          </span>
          <button type="button" onClick={cancelRecompute}>
            {t('settings.recomputeCancel')}
          </button>
        </div>
      ) : (
        <div className="row">
          <span role="status">
            {state.error !== undefined
              ? t('settings.recomputeFailed', { message: i18n.error(state.error) })
              : remaining > 0
                ? i18n.plural('settings.recomputeRemaining', remaining)
                : t('settings.recomputeDone')}
          </span>
          {remaining > 0 && (
            <button type="button" onClick={() => void startRecompute(ledger.recompute, changed)}>
              {t('settings.recomputeResume')}
            </button>
          )}
        </div>
      )}
    </section>
  )
}

/** An add/edit form over a list of the lab's own entries (custom hardware, custom locations). */
function useEntryEditor<F, E extends { id: string; name: string }>(
  blank: F,
  entries: readonly E[],
  check: (fields: F, editingId: string | undefined) => Checked<E>,
  store: (entries: E[]) => Promise<void>,
  savedMessage: (entry: E) => string
) {
  const notify = useNotify()
  const i18n = useI18n()
  const [fields, setFields] = useState<F>(blank)
  const [editing, setEditing] = useState<string>()
  const [errors, setErrors] = useState<Errors>()
  const write = async (next: E[], done: string) => {
    try {
      await store(next)
      notify({ message: done })
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
    remove: (entry: E, done: string) =>
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

function CustomHardware({ lab }: { lab: LabDefaults }) {
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
    (entry) => t('settings.hwSaved', { name: entry.name })
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
                    onClick={() => remove(h, t('settings.removed', { name: h.name }))}
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

function CustomLocations({ lab }: { lab: LabDefaults }) {
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
    (entry) => t('settings.locSaved', { name: entry.name })
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
                    onClick={() => remove(l, t('settings.removed', { name: l.name }))}
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

function Backups() {
  const i18n = useI18n()
  const { t } = i18n
  const host = useHost()
  const { ledger, changed } = useLedger()
  const notify = useNotify()
  const pending = useSyncExternalStore(pendingRestore.subscribe, pendingRestore.get)
  const [archive, setArchive] = useState<ChosenArchive>()
  const [progress, setProgress] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [report, setReport] = useState<RestoreReport>()
  const dialog = useRef<HTMLDialogElement>(null)
  const list = useAsync(async () => (host.kind === 'desktop' ? host.api.listBackups() : []), [host])
  useEffect(() => {
    // An archive chosen in File › Restore…: shown here and confirmed before anything is replaced.
    if (!pending) return
    setArchive(pending)
    setReport(undefined)
    pendingRestore.set(undefined)
    dialog.current?.showModal()
  }, [pending])

  const exportBackup = async () => {
    setError(undefined)
    try {
      const result = await writeArchive(host.api, { kind: 'save', suggestedName: backupFileName(new Date()) }, ledger)
      if (!result) return
      const file = result.written.path ?? result.written.fileName
      const missing = incompleteCount(result)
      if (missing > 0) {
        const first = [...result.exported.skipped, ...result.written.refused][0]
        setError(
          t('settings.backupIncomplete', {
            file,
            count: i18n.int(missing),
            first: first ? `${first.table} ${first.id}: ${first.reason}` : ''
          })
        )
      } else notify({ message: t('settings.backupSaved', { file }) })
    } catch (err) {
      setError(i18n.error(err))
    }
  }
  const choose = (chosen: ChosenArchive) => {
    archive?.close()
    setArchive(chosen)
    setReport(undefined)
    setError(undefined)
  }
  const chooseDesktop = async () => {
    try {
      const handle = await host.api.chooseArchive(t('settings.chooseArchive'))
      if (handle) choose(hostArchive(host.api, handle))
    } catch (err) {
      setError(i18n.error(err))
    }
  }
  const restore = async (mode: 'replace' | 'merge') => {
    dialog.current?.close()
    if (!archive) return
    setBusy(true)
    setError(undefined)
    try {
      // Replacing empties the ledger before the archive's records are written: the ledger as it is goes to
      // today's backup first (desktop), and nothing is changed if that fails.
      if (mode === 'replace' && host.kind === 'desktop') {
        setProgress(t('settings.safetyBackup'))
        await safetyBackup(host.api, ledger)
      }
      setReport(
        await ledger.backups.restore(archive.source, mode, {
          onProgress: (done, total) =>
            setProgress(t('settings.restoreProgress', { done: i18n.int(done), total: i18n.int(total) }))
        })
      )
      changed()
      void startRecompute(ledger.recompute, changed)
    } catch (err) {
      setError(t('settings.restoreFailed', { file: archive.fileName, message: i18n.error(err) }))
    } finally {
      setBusy(false)
      setProgress(undefined)
    }
  }
  const openAutomatic = async (fileName: string) => {
    try {
      choose(hostArchive(host.api, await host.api.openBackup(fileName)))
    } catch (err) {
      setError(i18n.error(err))
    }
  }
  return (
    <section className="card settings-block" aria-labelledby="settings-backups" id="settings-backups-section">
      <h2 id="settings-backups">{t('settings.backups')}</h2>
      <p className="muted">{t('settings.backupsHint')}</p>
      <div className="row">
        <button type="button" className="primary" onClick={() => void exportBackup()}>
          {t('settings.exportBackup')}
        </button>
        {host.kind === 'desktop' ? (
          <button type="button" onClick={() => void chooseDesktop()}>
            {t('settings.chooseArchive')}
          </button>
        ) : (
          <label className="file-pick">
            <span>{t('settings.chooseArchive')}</span>
            <input
              type="file"
              accept=".gz,.json,application/gzip,application/json"
              onChange={(e) => {
                const file = e.target.files?.[0]
                e.target.value = ''
                if (file) choose(fileArchive(file))
              }}
            />
          </label>
        )}
      </div>
      {archive && !report && (
        <div className="restore-choice">
          <p>{t('settings.archiveChosen', { file: archive.fileName })}</p>
          <div className="row">
            <button type="button" className="danger" disabled={busy} onClick={() => dialog.current?.showModal()}>
              {t('settings.replace')}
            </button>
            <button type="button" disabled={busy} onClick={() => void restore('merge')}>
              {t('settings.merge')}
            </button>
            <button type="button" disabled={busy} onClick={() => setArchive(undefined)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {busy && <p role="status">{progress ?? t('settings.restoring')}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {report && (
        <div role="status" className="restore-report">
          <p>
            <strong>
              {report.mode === 'replace'
                ? i18n.plural('settings.replaced', report.added)
                : t('settings.merged', {
                    added: i18n.int(report.added),
                    updated: i18n.int(report.updated),
                    kept: i18n.int(report.kept)
                  })}
            </strong>
          </p>
          {report.conflicts.length > 0 && (
            <table>
              <caption>{t('settings.conflicts', { count: i18n.int(report.conflictCount) })}</caption>
              <thead>
                <tr>
                  <th>{t('settings.conflict.table')}</th>
                  <th>{t('settings.conflict.id')}</th>
                  <th>{t('settings.conflict.kept')}</th>
                  <th>{t('settings.conflict.ledger')}</th>
                  <th>{t('settings.conflict.archive')}</th>
                </tr>
              </thead>
              <tbody>
                {report.conflicts.map((c) => (
                  <tr key={`${c.table}:${c.id}`}>
                    <td>{c.table}</td>
                    <td>{c.id}</td>
                    <td>{t(c.kept === 'ledger' ? 'settings.conflict.keptLedger' : 'settings.conflict.keptArchive')}</td>
                    <td>{i18n.dateTime(c.ledgerUpdatedAt)}</td>
                    <td>{i18n.dateTime(c.archiveUpdatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {report.refusedCount > 0 && (
            <RecordNotes
              caption={t('settings.refused', { count: i18n.int(report.refusedCount) })}
              notes={report.refused}
            />
          )}
          {report.repairedCount > 0 && (
            <RecordNotes
              caption={t('settings.repaired', { count: i18n.int(report.repairedCount) })}
              notes={report.repaired}
            />
          )}
        </div>
      )}
      <h3>{t('settings.autoBackups')}</h3>
      {host.kind === 'web' ? (
        <p className="muted">{t('settings.autoBackupsWeb')}</p>
      ) : (
        <LoadStatus state={list}>
          {(list.data ?? []).length === 0 ? (
            <p className="muted">{t('settings.autoBackupsNone')}</p>
          ) : (
            <ul className="plain-list">
              {(list.data ?? []).map((b) => (
                <li key={b.fileName} className="row">
                  <span>{b.day}</span>
                  <span className="muted">{t('settings.size', { size: i18n.num(b.sizeBytes / 1e6, 2) })}</span>
                  <button
                    type="button"
                    aria-label={t('settings.useBackup', { day: b.day })}
                    onClick={() => void openAutomatic(b.fileName)}
                  >
                    {t('settings.useBackupShort')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </LoadStatus>
      )}
      <dialog ref={dialog} aria-labelledby="replace-title" className="confirm">
        <h2 id="replace-title">{t('settings.replaceTitle')}</h2>
        <p>{t('settings.replaceText', { file: archive?.fileName ?? '' })}</p>
        <div className="row">
          <button type="button" className="danger" onClick={() => void restore('replace')}>
            {t('settings.replaceConfirm')}
          </button>
          <button type="button" autoFocus onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
        </div>
      </dialog>
    </section>
  )
}

/** Records a restore refused or corrected, each with its reason in the app's language. */
function RecordNotes({ caption, notes }: { caption: string; notes: RecordNote[] }) {
  const i18n = useI18n()
  const { t } = i18n
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th>{t('settings.conflict.table')}</th>
          <th>{t('settings.conflict.id')}</th>
          <th>{t('settings.note.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {notes.map((n, i) => (
          <tr key={`${n.table}:${n.id}:${i}`}>
            <td>{n.table}</td>
            <td>{n.id}</td>
            <td>{i18n.msg(n.msg, n.reason)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Storage() {
  const i18n = useI18n()
  const { t } = i18n
  const { revision } = useLedger()
  const [asked, setAsked] = useState(0)
  const state = useAsync(
    async () => ({ estimate: await storageEstimate(), persisted: (await navigator.storage?.persisted?.()) ?? false }),
    [revision, asked]
  )
  const mb = (bytes: number) => i18n.num(bytes / 1e6, 1)
  return (
    <section className="card settings-block" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('settings.storage')}</h2>
      <LoadStatus state={state}>
        {state.data && (
          <>
            <p>
              {state.data.estimate
                ? t('settings.storageUsed', {
                    used: mb(state.data.estimate.usageBytes),
                    quota: mb(state.data.estimate.quotaBytes)
                  })
                : t('settings.storageUnknown')}
            </p>
            <p>{state.data.persisted ? t('settings.persisted') : t('settings.notPersisted')}</p>
            {!state.data.persisted && (
              <button type="button" onClick={() => void requestPersistence().then(() => setAsked((n) => n + 1))}>
                {t('settings.askPersist')}
              </button>
            )}
          </>
        )}
      </LoadStatus>
    </section>
  )
}

function ReferenceData({ catalogue }: { catalogue?: Catalogue }) {
  const { t } = useI18n()
  const manifest = catalogue?.ref.manifest
  return (
    <section className="card settings-block" aria-labelledby="refdata-title">
      <h2 id="refdata-title">{t('settings.refdata')}</h2>
      {!manifest ? (
        <p role="status" className="muted">
          {t('form.loadingCatalogue')}
        </p>
      ) : (
        <>
          <p>{t('settings.dataVersion', { version: manifest.dataVersion })}</p>
          <ul>
            {manifest.sources.map((s) => (
              <li key={s.id}>
                {s.title}
                {s.licence ? ` (${s.licence})` : ''}
              </li>
            ))}
          </ul>
          <a href={href('/about', { section: 'sources' })}>{t('settings.refdataMore')}</a>
        </>
      )}
    </section>
  )
}
