import { useState } from 'react'
import { dodgeStudy, type Study, type StudyZone } from '../../../../shared/planning'
import { bundledHourlyYears, loadHourlyProfile } from '../../../../shared/refdata/hourly'
import { BarChart } from '../../components/Chart'
import { Field } from '../../components/Field'
import { strategyName } from '../../components/ShiftPlans'
import { useI18n } from '../../i18n/I18nProvider'
import type { Catalogue } from '../../ledger/engine'
import { message } from './cells'

const STUDY_YEARS = [2021, 2022, 2023, 2024]

/** Lets the progress line paint between zone-years, so the screen stays responsive while ~42 of them load. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * Dodge et al. (2022)'s table for one workload and year: per bundled zone, the mean saving over every start hour of
 * each of the paper's eight settings, beside the saving of moving there from the dirtiest zone (shared/planning/study.ts).
 */
export function StudySection({ catalogue }: { catalogue?: Catalogue }) {
  const i18n = useI18n()
  const { t } = i18n
  const [hoursText, setHoursText] = useState('6')
  const [powerText, setPowerText] = useState('1')
  const [year, setYear] = useState(2024)
  const [progress, setProgress] = useState<{ done: number; total: number }>()
  const [study, setStudy] = useState<Study>()
  const [error, setError] = useState<string>()
  const hours = i18n.parse(hoursText)
  const powerKW = i18n.parse(powerText)
  const hoursError =
    hours === undefined
      ? t('form.notNumber')
      : !Number.isInteger(hours) || hours < 1
        ? t('shift.wholeHours')
        : undefined
  const powerError = powerKW === undefined ? t('form.notNumber') : powerKW <= 0 ? t('form.min', { min: 0 }) : undefined

  const run = async () => {
    if (hoursError || powerError || !catalogue) return
    setError(undefined)
    setStudy(undefined)
    const zones = (catalogue.ref.manifest.hourlyZones ?? []).filter((z) => bundledHourlyYears(z).includes(year))
    const loaded: StudyZone[] = []
    setProgress({ done: 0, total: zones.length })
    try {
      for (const zone of zones) {
        const profile = await loadHourlyProfile(zone, year)
        if (profile) loaded.push({ zone, label: profile.name, year, intensitiesGPerKWh: profile.lifecycleGPerKWh })
        setProgress({ done: loaded.length, total: zones.length })
        await nextFrame()
      }
      setStudy(dodgeStudy(loaded, { hours: hours!, powerKW: powerKW! }))
    } catch (e) {
      setError(message(e, i18n))
    } finally {
      setProgress(undefined)
    }
  }

  const strategies = study?.rows[0]?.strategies.map((s) => s.strategy) ?? []
  return (
    <section className="card" aria-labelledby="study-title">
      <h2 id="study-title">{t('study.title')}</h2>
      <p className="muted">{t('study.intro')}</p>
      <div className="fields">
        <Field id="study-hours" label={t('shift.hours')} error={hoursError}>
          {(p) => <input {...p} inputMode="numeric" value={hoursText} onChange={(e) => setHoursText(e.target.value)} />}
        </Field>
        <Field id="study-power" label={t('shift.power')} error={powerError}>
          {(p) => <input {...p} inputMode="decimal" value={powerText} onChange={(e) => setPowerText(e.target.value)} />}
        </Field>
        <Field id="study-year" label={t('study.year')}>
          {(p) => (
            <select {...p} value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {STUDY_YEARS.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field">
          <span aria-hidden="true">&nbsp;</span>
          <button type="button" disabled={progress !== undefined || !catalogue} onClick={() => void run()}>
            {t('study.run')}
          </button>
        </div>
      </div>
      <div aria-live="polite">
        {progress && (
          <p role="status">
            <progress max={progress.total} value={progress.done} aria-label={t('study.progressLabel')} />{' '}
            {t('study.progress', { done: progress.done, total: progress.total })}
          </p>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </div>
      {study && (
        <>
          <div className="chart-box">
            <BarChart
              label={t('study.chart', { year })}
              labels={study.rows.map((r) => r.zone)}
              series={[
                { label: t('study.region'), values: study.rows.map((r) => r.regionSavingPct) },
                ...[3, 7].flatMap((i) =>
                  strategies[i]
                    ? [
                        {
                          label: strategyName(strategies[i], i18n),
                          values: study.rows.map((r) => r.strategies[i]!.meanSavingsPct)
                        }
                      ]
                    : []
                )
              ]}
              unit="%"
              format={(v) => `${i18n.num(v, 1)} %`}
            />
          </div>
          <div className="table-scroll">
            <table aria-label={t('study.table', { year })}>
              <thead>
                <tr>
                  <th scope="col">{t('shift.zone')}</th>
                  {strategies.map((s, i) => (
                    <th key={i} scope="col" className="num">
                      {strategyName(s, i18n)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('study.region')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {study.rows.map((r) => (
                  <tr key={r.zone}>
                    <th scope="row">{`${r.zone} · ${r.label}`}</th>
                    {r.strategies.map((s, i) => (
                      <td key={i} className="num">
                        {i18n.num(s.meanSavingsPct, 1)} %
                      </td>
                    ))}
                    <td className="num">{i18n.num(r.regionSavingPct, 1)} %</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">{t('study.note', { reference: study.referenceZone })}</p>
        </>
      )}
    </section>
  )
}
