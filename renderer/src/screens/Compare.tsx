import { lazy, Suspense, useEffect, useMemo, useState, type FormEvent } from 'react'
import type { Range } from '../../../shared/domain/range'
import type { Message } from '../../../shared/messages/message'
import {
  comparePaperStrategies,
  compareHardware,
  compareLocations,
  PlanningError,
  seriesOfProfile,
  type HardwareComparison,
  type HardwareRow,
  type HardwareSortKey,
  type HourlySeries,
  type LocationComparison,
  type LocationScope
} from '../../../shared/planning/index'
import { loadHourlyProfile, parseHourlyProfileCsv } from '../../../shared/refdata/hourly'
import type { RunRecord } from '../../db'
import type { ScreenProps } from '../app/screens'
import { useAsync } from '../app/useAsync'
import { ShiftPlans } from '../components/ShiftPlans'
import { LoadStatus } from '../components/Status'
import { useHost } from '../host/HostProvider'
import { useI18n, type I18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n/en'
import { loadCatalogue, type Catalogue } from '../ledger/engine'
import { useLedger } from '../ledger/LedgerProvider'
import {
  fieldFromUtc,
  savingShown,
  sortRows,
  utcFromField,
  workloadRequest,
  type FieldErrors,
  type WorkloadFields,
  type WorkloadKind
} from './compare-form'
import { locationInputOf } from '../../../shared/refdata/locations'
import { Field } from '../components/Field'
import type { UnitFormat } from '../format/format'
import { countryOptions, locationName } from '../i18n/location-names'

const RunShift = lazy(() => import('../components/RunShift'))

const SCOPES: LocationScope[] = ['same-provider', 'cloud', 'country', 'zone']
const LOCATION_ROWS = 20
const HARDWARE_ROWS = 25

/** Why a comparison failed, in the UI language when the planner says why. */
const message = (error: unknown, i18n: I18n): string =>
  error instanceof PlanningError
    ? i18n.msg(error.msg, error.message)
    : error instanceof Error
      ? error.message
      : String(error)

/** A comparison's notes in the UI language (notes: their English text, kept for a result without messages). */
const Notes = ({ notes, msgs }: { notes: string[]; msgs: Message[] | undefined }) => {
  const i18n = useI18n()
  return (
    <ul className="notes">
      {notes.map((n, i) => (
        <li key={n}>{i18n.msg(msgs?.[i], n)}</li>
      ))}
    </ul>
  )
}

const RangeCell = ({ range, format, i18n }: { range: Range; format: UnitFormat; i18n: I18n }) => (
  <td className="num">
    {format(range.value)}
    {range.low !== range.high && <span className="range-text">{i18n.rangeText(range, format)}</span>}
  </td>
)

/** A saving against the current choice; an option that emits more says "4.29 kg more", never "−4.29 kg". */
const SavingCell = ({ saving, i18n }: { saving: Range; i18n: I18n }) => {
  const { more, amount } = savingShown(saving)
  return (
    <td className="num">
      {more ? i18n.t('compare.more', { amount: i18n.kg(amount.value) }) : i18n.kg(amount.value)}
      {amount.low !== amount.high && <span className="range-text">{i18n.rangeText(amount, i18n.kg)}</span>}
    </td>
  )
}

// ---------------------------------------------------------------- workload

function WorkloadForm({
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

// ---------------------------------------------------------------- rankings

type SortKey = HardwareSortKey | 'efficiency'

function HardwareTable({ comparison }: { comparison: HardwareComparison }) {
  const i18n = useI18n()
  const { t, num } = i18n
  const [sortKey, setSortKey] = useState<SortKey>('emissions')
  const [showAll, setShowAll] = useState(false)
  const sorted = useMemo(() => sortRows(comparison.rows, sortKey), [comparison, sortKey])
  const shown = showAll ? sorted : sorted.filter((r, i) => i < HARDWARE_ROWS || r.current)
  const hours = (v: number) => `${num(v)} h`
  // A render function, not a component: a component made per render would remount and lose the button's focus.
  const sortHeader = (k: SortKey, label: string) => (
    <th key={k} scope="col" className="num" aria-sort={sortKey === k ? 'ascending' : 'none'}>
      <button type="button" className="sort" onClick={() => setSortKey(k)}>
        {label}
        <span aria-hidden="true">{sortKey === k ? ' ▲' : ''}</span>
      </button>
    </th>
  )
  const mfu = comparison.mfu
  return (
    <section className="card" aria-labelledby="hw-title">
      <h2 id="hw-title">{t('compare.hardwareTitle')}</h2>
      <p className="muted">
        {i18n.plural('compare.hardwareAssumptions', comparison.deviceCount, {
          precision: comparison.precision,
          mfu: i18n.pct(mfu.value),
          low: i18n.pct(mfu.low),
          high: i18n.pct(mfu.high),
          current: comparison.current?.name ?? t('compare.noCurrent')
        })}
      </p>
      <div className="table-scroll">
        <table aria-label={t('compare.hardwareTable')}>
          <thead>
            <tr>
              <th scope="col">{t('compare.col.rank')}</th>
              <th scope="col">{t('compare.col.hardware')}</th>
              <th scope="col" className="num">
                {t('compare.col.tflops', { precision: comparison.precision })}
              </th>
              <th scope="col" className="num">
                {t('compare.col.tdp')}
              </th>
              {sortHeader('efficiency', t('compare.col.gflopsPerW'))}
              {sortHeader('time', t('compare.col.time'))}
              {sortHeader('energy', t('compare.col.energy'))}
              {sortHeader('emissions', t('compare.col.emissions'))}
              <th scope="col" className="num">
                {t('compare.col.market')}
              </th>
              <th scope="col" className="num">
                {t('compare.col.saving')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r: HardwareRow) => (
              <tr key={r.hardwareId} className={r.current ? 'current' : undefined}>
                <td>{sorted.indexOf(r) + 1}</td>
                <th scope="row">
                  {r.name}
                  {r.current && (
                    <>
                      {' '}
                      <span className="tag">{t('compare.current')}</span>
                    </>
                  )}
                  {r.custom && (
                    <>
                      {' '}
                      <span className="tag">{t('compare.custom')}</span>
                    </>
                  )}
                </th>
                <td className="num">{num(r.peakTflops)}</td>
                <td className="num">{num(r.tdpW)}</td>
                <td className="num">{num(r.gflopsPerW)}</td>
                <RangeCell range={r.wallHours} format={hours} i18n={i18n} />
                <RangeCell range={r.energyKWh} format={i18n.kWh} i18n={i18n} />
                <RangeCell range={r.emissionsKg} format={i18n.kg} i18n={i18n} />
                <RangeCell range={r.marketEmissionsKg} format={i18n.kg} i18n={i18n} />
                {r.savingKg ? <SavingCell saving={r.savingKg} i18n={i18n} /> : <td className="num">–</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sorted.length > HARDWARE_ROWS && (
        <button type="button" onClick={() => setShowAll((s) => !s)}>
          {showAll ? t('compare.showFewer') : t('compare.showAll', { count: sorted.length })}
        </button>
      )}
      {comparison.withoutFlops.length > 0 && (
        <p className="muted">
          {i18n.plural('compare.withoutFlops', comparison.withoutFlops.length, { precision: comparison.precision })}
        </p>
      )}
      <Notes notes={comparison.notes} msgs={comparison.noteMsgs} />
    </section>
  )
}

function LocationTables({ comparison }: { comparison: LocationComparison }) {
  const i18n = useI18n()
  const { t, num } = i18n
  const scopes = SCOPES.filter((s) => comparison.rankings.some((r) => r.scope === s))
  const [scope, setScope] = useState<LocationScope>(scopes[0] ?? 'cloud')
  const ranking = comparison.rankings.find((r) => r.scope === scope) ?? comparison.rankings[0]
  const shown = ranking ? ranking.rows.filter((r, i) => i < LOCATION_ROWS || r.current) : []
  return (
    <section className="card" aria-labelledby="loc-title">
      <h2 id="loc-title">{t('compare.locationsTitle')}</h2>
      <p className="muted">
        {t('compare.locationsCurrent', {
          location: locationName(
            comparison.current.locationId,
            i18n.msg(comparison.current.labelMsg, comparison.current.label),
            i18n.language
          ),
          kg: i18n.kg(comparison.current.emissionsKg.value),
          market: i18n.kg(comparison.current.marketEmissionsKg.value)
        })}
      </p>
      <div className="row" role="group" aria-label={t('compare.scope')}>
        {scopes.map((s) => (
          <button key={s} type="button" aria-pressed={s === scope} onClick={() => setScope(s)}>
            {t(`compare.scope.${s}` as MessageKey)}
          </button>
        ))}
      </div>
      {ranking && (
        <div className="table-scroll">
          <table aria-label={t('compare.locationTable', { scope: t(`compare.scope.${ranking.scope}` as MessageKey) })}>
            <thead>
              <tr>
                <th scope="col">{t('compare.col.rank')}</th>
                <th scope="col">{t('compare.col.location')}</th>
                <th scope="col" className="num">
                  {t('compare.col.intensity')}
                </th>
                <th scope="col" className="num">
                  PUE
                </th>
                <th scope="col" className="num">
                  {t('compare.col.emissions')}
                </th>
                <th scope="col" className="num">
                  {t('compare.col.market')}
                </th>
                <th scope="col" className="num">
                  {t('compare.col.saving')}
                </th>
                <th scope="col" className="num">
                  {t('compare.col.marketSaving')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.locationId} className={r.current ? 'current' : undefined}>
                  <td>{ranking.rows.indexOf(r) + 1}</td>
                  <th scope="row">
                    {locationName(r.locationId, r.name, i18n.language)}
                    {r.current && (
                      <>
                        {' '}
                        <span className="tag">{t('compare.current')}</span>
                      </>
                    )}
                    {r.hourlyZone && (
                      <>
                        {' '}
                        <span className="tag">{t('compare.hourly')}</span>
                      </>
                    )}
                  </th>
                  <td className="num">
                    {num(r.intensityGPerKWh.value)} ({r.intensityYear})
                  </td>
                  <td className="num">{num(r.pue.value)}</td>
                  <RangeCell range={r.emissionsKg} format={i18n.kg} i18n={i18n} />
                  <RangeCell range={r.marketEmissionsKg} format={i18n.kg} i18n={i18n} />
                  <SavingCell saving={r.savingKg} i18n={i18n} />
                  <SavingCell saving={r.marketSavingKg} i18n={i18n} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ranking && ranking.rows.length > LOCATION_ROWS && (
        <p className="muted">{t('compare.locationsTop', { shown: LOCATION_ROWS, count: ranking.rows.length })}</p>
      )}
      <Notes notes={comparison.notes} msgs={comparison.noteMsgs} />
    </section>
  )
}

// ---------------------------------------------------------------- time shifting

type Profiles = Record<string, HourlySeries>

function TimeShift({ catalogue }: { catalogue?: Catalogue }) {
  const i18n = useI18n()
  const { t } = i18n
  const { api } = useHost()
  const [zone, setZone] = useState('DE-LU')
  const [start, setStart] = useState(fieldFromUtc(Date.UTC(2024, 2, 1, 8)))
  const [hoursText, setHoursText] = useState('4')
  const [powerText, setPowerText] = useState('2')
  const [imported, setImported] = useState<Profiles>({})
  const [importError, setImportError] = useState<string>()
  const bundled = catalogue?.ref.manifest.hourlyZones ?? []
  const zoneName = (z: string) => catalogue?.resolveLocation(catalogue.ref, { kind: 'zone', zone: z })?.name
  const otherZones = useMemo(
    () =>
      catalogue
        ? catalogue.ref.locations.filter(
            (l) => l.kind === 'zone' && !bundled.includes(l.id.slice(5)) && !imported[l.id.slice(5)]
          )
        : [],
    [catalogue, bundled, imported]
  )
  const series = useAsync(async (): Promise<HourlySeries | undefined> => {
    if (imported[zone]) return imported[zone]
    const profile = await loadHourlyProfile(zone)
    return profile ? seriesOfProfile(profile) : undefined
  }, [zone, imported])

  const importProfile = async () => {
    setImportError(undefined)
    const files = await api.openFiles({
      title: t('shift.import'),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      multiple: false
    })
    const file = files[0]
    if (!file) return
    try {
      const s = seriesOfProfile(parseHourlyProfileCsv(file.text, file.name))
      setImported((p) => ({ ...p, [s.zone]: s }))
      setZone(s.zone)
    } catch (error) {
      setImportError(message(error, i18n))
    }
  }

  const hours = i18n.parse(hoursText)
  const powerKW = i18n.parse(powerText)
  const startMs = utcFromField(start)
  const fieldErrors = {
    start: startMs === undefined ? t('form.invalidDate') : undefined,
    hours:
      hours === undefined
        ? t('form.notNumber')
        : !Number.isInteger(hours) || hours < 1
          ? t('shift.wholeHours')
          : undefined,
    power: powerKW === undefined ? t('form.notNumber') : powerKW < 0 ? t('form.min', { min: 0 }) : undefined
  }
  const valid = !fieldErrors.start && !fieldErrors.hours && !fieldErrors.power
  const outcome = useMemo(() => {
    if (!series.data || !valid) return undefined
    try {
      return { plans: comparePaperStrategies(series.data, { startUtcMs: startMs!, hours: hours!, powerKW: powerKW! }) }
    } catch (error) {
      if (error instanceof PlanningError) return { error: message(error, i18n) }
      throw error
    }
  }, [series.data, valid, startMs, hours, powerKW, i18n])

  return (
    <section className="card" aria-labelledby="shift-title">
      <h2 id="shift-title">{t('shift.title')}</h2>
      <p className="muted">{t('shift.intro')}</p>
      <div className="fields">
        <Field id="shift-zone" label={t('shift.zone')}>
          {(p) => (
            <select {...p} value={zone} onChange={(e) => setZone(e.target.value)}>
              <optgroup label={t('shift.bundled')}>
                {bundled.map((z) => (
                  <option key={z} value={z}>
                    {zoneName(z) ? `${z} · ${zoneName(z)}` : z}
                  </option>
                ))}
              </optgroup>
              {Object.keys(imported).length > 0 && (
                <optgroup label={t('shift.imported')}>
                  {Object.values(imported).map((s) => (
                    <option key={s.zone} value={s.zone}>{`${s.zone} · ${s.label}`}</option>
                  ))}
                </optgroup>
              )}
              <optgroup label={t('shift.withoutHourly')}>
                {otherZones.map((l) => (
                  <option key={l.id} value={l.id.slice(5)}>{`${l.id.slice(5)} · ${l.name}`}</option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
        <Field id="shift-start" label={t('shift.start')} error={fieldErrors.start}>
          {(p) => <input {...p} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />}
        </Field>
        <Field id="shift-hours" label={t('shift.hours')} error={fieldErrors.hours}>
          {(p) => <input {...p} inputMode="numeric" value={hoursText} onChange={(e) => setHoursText(e.target.value)} />}
        </Field>
        <Field id="shift-power" label={t('shift.power')} error={fieldErrors.power}>
          {(p) => <input {...p} inputMode="decimal" value={powerText} onChange={(e) => setPowerText(e.target.value)} />}
        </Field>
        <div className="field">
          <span aria-hidden="true">&nbsp;</span>
          <button type="button" onClick={() => void importProfile()}>
            {t('shift.import')}
          </button>
        </div>
      </div>
      {importError && (
        <p role="alert" className="error">
          {t('shift.importFailed', { message: importError })}
        </p>
      )}
      <LoadStatus state={series}>
        {series.data === undefined ? (
          <p role="status" className="notice-box">
            {t('shift.noHourly', { zone })}
          </p>
        ) : (
          <>
            <p className="muted">
              {t('shift.covers', {
                zone: series.data.zone,
                label: series.data.label,
                hours: series.data.intensitiesGPerKWh.length,
                from: i18n.dateTime(series.data.startUtcMs)
              })}
            </p>
            {outcome?.error && (
              <p role="alert" className="error">
                {outcome.error}
              </p>
            )}
            {outcome?.plans && (
              <ShiftPlans plans={outcome.plans} caption={t('shift.caption', { zone: series.data.zone })} />
            )}
          </>
        )}
      </LoadStatus>
    </section>
  )
}

// ---------------------------------------------------------------- screen

type Results = {
  hardware?: HardwareComparison
  locations?: LocationComparison
  locationsMissing?: boolean
  error?: string
}

export default function Compare({ query }: ScreenProps) {
  const { t } = useI18n()
  const { ledger, revision } = useLedger()
  const i18n = useI18n()
  const catalogueState = useAsync(loadCatalogue, [])
  const catalogue = catalogueState.data
  const lab = useAsync(() => ledger.settings.getLabDefaults(), [ledger, revision])
  const runs = useAsync(() => ledger.aggregate.topRuns({ n: 200 }), [ledger, revision])
  const [runId, setRunId] = useState(query.get('run') ?? '')
  const run = useAsync(async () => (runId ? ledger.runs.get(runId) : undefined), [ledger, runId, revision])
  const [results, setResults] = useState<Results>()
  const [busy, setBusy] = useState(false)
  useEffect(() => setResults(undefined), [runId])

  const submit = (fields: WorkloadFields): FieldErrors => {
    const { request, errors } = workloadRequest(fields, i18n.parse)
    if (!request || !catalogue || !lab.data) return errors
    if (fields.kind === 'run' && !run.data) {
      setResults({ error: t('compare.chooseRun') })
      return errors
    }
    setBusy(true)
    // Let the busy state paint: ranking ~670 locations takes a fraction of a second.
    setTimeout(() => {
      try {
        const workload = fields.kind === 'run' ? { kind: 'run' as const, run: run.data!.input } : request.workload!
        const hardware = compareHardware(workload, catalogue.ref, lab.data!, request.options)
        const locations = hardware.currentRun
          ? compareLocations(hardware.currentRun, catalogue.ref, lab.data!)
          : undefined
        setResults({ hardware, locations, locationsMissing: !locations })
      } catch (error) {
        setResults({ error: message(error, i18n) })
      } finally {
        setBusy(false)
      }
    }, 0)
    return errors
  }

  const chosen = run.data
  return (
    <section aria-labelledby="compare-title" className="compare">
      <h1 id="compare-title">{t('compare.title')}</h1>
      <p className="muted">{t('compare.intro')}</p>
      <LoadStatus state={catalogueState}>
        <WorkloadForm
          catalogue={catalogue}
          onSubmit={submit}
          runs={runs.data ?? []}
          runId={runId}
          setRunId={setRunId}
        />
      </LoadStatus>
      <div aria-live="polite" aria-busy={busy}>
        {busy && (
          <p role="status" className="screen-status">
            {t('compare.computing')}
          </p>
        )}
        {results?.error && (
          <p role="alert" className="error">
            {results.error}
          </p>
        )}
      </div>
      {results?.hardware && <HardwareTable comparison={results.hardware} />}
      {results?.locations && <LocationTables comparison={results.locations} />}
      {results?.locationsMissing && <p className="card muted">{t('compare.locationsNeedCurrent')}</p>}
      {chosen && (
        <section className="card" aria-labelledby="run-shift-title">
          <h2 id="run-shift-title">
            {t('compare.runWouldHaveSaved', { title: chosen.input.title || t('runs.untitled') })}
          </h2>
          <Suspense
            fallback={
              <p role="status" className="screen-status">
                {t('common.loading')}
              </p>
            }
          >
            <RunShift input={chosen.input} result={chosen.result} />
          </Suspense>
        </section>
      )}
      <TimeShift catalogue={catalogue} />
    </section>
  )
}
