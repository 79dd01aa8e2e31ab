import { useMemo, useState } from 'react'
import {
  comparePaperStrategies,
  type HourlySeries,
  PlanningError,
  scaledToRun,
  seriesOfProfile,
  type ShiftPlan
} from '../../../../shared/planning'
import { parseHourlyProfileCsv } from '../../../../shared/refdata/hourly-import'
import { useAsync } from '../../app/useAsync'
import { bundledSeriesAround } from '../../components/bundled-series'
import { Field } from '../../components/Field'
import { ShiftPlans, strategyName } from '../../components/ShiftPlans'
import { LoadStatus } from '../../components/Status'
import { useHost } from '../../host/HostProvider'
import { useI18n } from '../../i18n/I18nProvider'
import { type Catalogue } from '../../ledger/engine'
import { message } from './cells'
import { fieldFromUtc, utcFromField } from './compare-form'

type Profiles = Record<string, HourlySeries>

/** A logged run the planner starts from: its zone, start, length and mean power, and what it emitted. */
export interface ShiftSeed {
  zone: string
  startUtcMs: number
  hours: number
  powerKW: number
  emissionsKg: number
}

export function TimeShift({ catalogue, seed }: { catalogue?: Catalogue; seed?: ShiftSeed }) {
  const i18n = useI18n()
  const { t } = i18n
  const { api } = useHost()
  const [zone, setZone] = useState(seed?.zone ?? 'DE-LU')
  const [start, setStart] = useState(fieldFromUtc(seed?.startUtcMs ?? Date.UTC(2024, 2, 1, 8)))
  const [hoursText, setHoursText] = useState(seed ? String(seed.hours) : '4')
  const [powerText, setPowerText] = useState(seed ? i18n.num(seed.powerKW, 3) : '2')
  const [imported, setImported] = useState<Profiles>({})
  const [importError, setImportError] = useState<string>()
  const bundled = useMemo(() => catalogue?.ref.manifest.hourlyZones ?? [], [catalogue])
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
  const seriesStartMs = startMs ?? Date.UTC(2024, 0, 1)
  const seriesHours = hours !== undefined && Number.isInteger(hours) && hours >= 1 ? hours : 1
  const series = useAsync(async (): Promise<{ series: HourlySeries; fromYears: number[] } | undefined> => {
    if (imported[zone]) return { series: imported[zone], fromYears: [] }
    const around = await bundledSeriesAround(zone, seriesStartMs, seriesHours)
    return around ? { series: around.series, fromYears: around.fromYears } : undefined
  }, [zone, imported, seriesStartMs, seriesHours])
  // While the fields still hold the run's own job, the table speaks in the run's kilograms, as its detail does.
  const asSeeded =
    seed !== undefined &&
    zone === seed.zone &&
    startMs === seed.startUtcMs &&
    hours === seed.hours &&
    powerText === i18n.num(seed.powerKW, 3)
  const outcome = useMemo(() => {
    if (!series.data || !valid) return undefined
    try {
      const plans = comparePaperStrategies(series.data.series, {
        startUtcMs: startMs!,
        hours: hours!,
        powerKW: powerKW!
      })
      return { plans: asSeeded ? scaledToRun(plans, seed.emissionsKg) : plans }
    } catch (error) {
      if (error instanceof PlanningError) return { error: message(error, i18n) }
      throw error
    }
  }, [series.data, valid, startMs, hours, powerKW, i18n, asSeeded, seed])

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
                zone: series.data.series.zone,
                label: series.data.series.label,
                hours: series.data.series.intensitiesGPerKWh.length,
                from: i18n.dateTime(series.data.series.startUtcMs)
              })}
              {series.data.fromYears.length > 0 &&
                ` ${t('shift.projectedFrom', {
                  from: series.data.fromYears[0]!,
                  to: series.data.fromYears.at(-1)!
                })}`}
            </p>
            {outcome?.error && (
              <p role="alert" className="error">
                {outcome.error}
              </p>
            )}
            {outcome?.plans && (
              <ShiftPlans plans={outcome.plans} caption={t('shift.caption', { zone: series.data.series.zone })} />
            )}
            {outcome?.plans && asSeeded && <AgainstRun plans={outcome.plans} emissionsKg={seed.emissionsKg} />}
          </>
        )}
      </LoadStatus>
    </section>
  )
}

/**
 * The best of the paper's settings against what the run emitted: the plan's share of its own baseline applied to
 * the run's emissions, so PUE and the run's own intensity method carry over.
 */
function AgainstRun({ plans, emissionsKg }: { plans: ShiftPlan[]; emissionsKg: number }) {
  const i18n = useI18n()
  const best = plans.reduce((a, b) => (b.savingsPct > a.savingsPct ? b : a))
  return (
    <p role="status" aria-label={i18n.t('shift.againstRunLabel')}>
      {i18n.t('shift.againstRun', {
        emitted: i18n.kg(emissionsKg),
        saved: i18n.kg((emissionsKg * best.savingsPct) / 100),
        percent: i18n.num(best.savingsPct, 1),
        strategy: strategyName(best.strategy, i18n)
      })}
    </p>
  )
}
