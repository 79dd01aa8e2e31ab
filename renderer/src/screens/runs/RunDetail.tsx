import { lazy, Suspense, useEffect, useRef } from 'react'
import { modelCardCo2Block } from '../../../../shared/report/model-card'
import type { RunRecord } from '../../../db'
import { href } from '../../app/router'
import { ModelCardBlock } from '../../components/ModelCardBlock'
import { LoadStatus } from '../../components/Status'
import { useRunMarket } from '../../components/useRunsMarket'
import { useHost } from '../../host/HostProvider'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/I18nProvider'
import { locationName } from '../../i18n/location-names'
import { useLedgerQuery } from '../../ledger/useLedgerQuery'
import { Reported } from './Reported'
import { RunMarket, RunMarketNote } from './RunMarket'
import { useExplainedRun } from './useExplainedRun'

// The planner and the hourly profiles load only when a run with known times is shown.
const RunShift = lazy(() => import('../../components/RunShift'))

const locationText = (run: RunRecord, num: (value: number) => string): string => {
  const l = run.input.location
  if (l.kind === 'cloud') return `${l.provider} ${l.region}`
  if (l.kind === 'country') return l.code
  if (l.kind === 'zone') return l.zone
  if (l.kind === 'custom') return `${l.label} (${num(l.intensityGPerKWh)} g/kWh)`
  return '–'
}

/** Everything about one run, down to the formula with its numbers, so every figure can be checked by hand. */
export function RunDetail({
  runId,
  projectName,
  onDelete,
  onClose
}: {
  runId: string
  projectName: (id: string) => string
  onDelete: (run: RunRecord) => void
  onClose: () => void
}) {
  const i18n = useI18n()
  const { t } = i18n
  const { api } = useHost()
  const state = useExplainedRun(useLedgerQuery(({ ledger }) => ledger.runs.get(runId), [runId]))
  const run = state.data
  const market = useRunMarket(run).data
  const heading = useRef<HTMLHeadingElement>(null)
  const panel = useRef<HTMLElement>(null)
  // Opening a run (by click or Enter) lands on the panel, not 100 tab stops away from it.
  useEffect(() => heading.current?.focus(), [runId])
  // Escape closes the panel from inside it, and also when focus has fallen back to the page (after its last control).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as Node | null
      if (e.key !== 'Escape' || e.defaultPrevented) return
      if (target !== document.body && !(target && panel.current?.contains(target))) return
      e.preventDefault()
      onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    // Focusable so that the long trace can be scrolled with the keyboard (a scrolling region with no control in it).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <aside className="card detail" aria-labelledby="detail-title" ref={panel} tabIndex={0}>
      <div className="row">
        <h2 id="detail-title" ref={heading} tabIndex={-1}>
          {t('detail.title')}
        </h2>
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <LoadStatus state={state}>
        {!run ? (
          <p>{t('detail.notFound')}</p>
        ) : (
          <>
            <p>
              <strong>{run.input.title || t('runs.untitled')}</strong>
            </p>
            <dl className="pairs headline" aria-label={t('detail.headline')}>
              <div>
                <dt>{t('detail.headlineEmissions')}</dt>
                <dd>
                  <span className="big" data-testid="detail-emissions">
                    {i18n.kg(run.result.emissionsKg.value)}
                  </span>
                  <span className="muted range">{i18n.rangeText(run.result.emissionsKg, i18n.kg)}</span>
                </dd>
              </div>
              <div>
                <dt>{t('total.energy')}</dt>
                <dd>
                  {i18n.kWh(run.result.energyKWh.value)}
                  <span className="muted range">{i18n.rangeText(run.result.energyKWh, i18n.kWh)}</span>
                </dd>
              </div>
              <RunMarket market={market} />
            </dl>
            <RunMarketNote run={run} market={market} />
            <div className="row">
              <a href={href(`/runs/${encodeURIComponent(run.id)}/edit`)}>{t('common.edit')}</a>
              <a href={href(`/runs/${encodeURIComponent(run.id)}/duplicate`)}>{t('common.duplicate')}</a>
              <a href={href('/compare', { run: run.id })}>{t('detail.whenWhere')}</a>
              <button type="button" className="danger" onClick={() => onDelete(run)}>
                {t('common.delete')}
              </button>
            </div>
            <Reported run={run} />
            <ModelCardBlock
              id="run-model-card"
              make={async () => modelCardCo2Block([run], (await api.appInfo()).version)}
            />
            <h3>{t('detail.inputs')}</h3>
            <table>
              <tbody>
                <tr>
                  <th scope="row">{t('form.kind')}</th>
                  <td>{t(`kind.${run.input.kind}` as MessageKey)}</td>
                </tr>
                <tr>
                  <th scope="row">{t('form.project')}</th>
                  <td>{projectName(run.projectId)}</td>
                </tr>
                <tr>
                  <th scope="row">{t('form.person')}</th>
                  <td>{run.input.person || '–'}</td>
                </tr>
                <tr>
                  <th scope="row">{t('form.start')}</th>
                  <td>{i18n.dateTime(run.startedAtMs)}</td>
                </tr>
                <tr>
                  <th scope="row">{t('form.durationH')}</th>
                  <td>
                    {i18n.num(run.input.durationS / 3600)}
                    {run.input.hoursPerDay !== undefined
                      ? ` (${t('form.hoursPerDay')}: ${i18n.num(run.input.hoursPerDay)})`
                      : ''}
                  </td>
                </tr>
                {run.input.devices.map((d, i) => (
                  <tr key={i}>
                    <th scope="row">
                      {t('form.hardware')} {i + 1}
                    </th>
                    <td>
                      {i18n.num(d.count)} × {d.name}, {i18n.pct(d.utilization)}
                      {d.powerW !== undefined ? `, ${i18n.num(d.powerW)} W` : ''}
                      {d.measuredPowerW !== undefined
                        ? `, ${t('detail.measuredPower', { power: i18n.num(d.measuredPowerW) })}`
                        : ''}
                    </td>
                  </tr>
                ))}
                {run.input.memoryGB !== undefined && (
                  <tr>
                    <th scope="row">{t('form.memory')}</th>
                    <td>{i18n.num(run.input.memoryGB)}</td>
                  </tr>
                )}
                <tr>
                  <th scope="row">{t('form.location')}</th>
                  <td>
                    {locationText(run, (v) => i18n.num(v, 2))} →{' '}
                    {locationName(
                      run.result.locationId,
                      i18n.msg(run.result.locationLabelMsg, run.result.locationLabel),
                      i18n.language
                    )}
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t('form.pue')}</th>
                  <td>
                    {run.input.pue !== undefined
                      ? i18n.num(run.input.pue)
                      : t('detail.defaultPue', { pue: i18n.num(run.result.pue.value) })}
                  </td>
                </tr>
                {run.input.measuredEnergyKWh !== undefined && (
                  <tr>
                    <th scope="row">{t('form.measured')}</th>
                    <td>{i18n.num(run.input.measuredEnergyKWh)}</td>
                  </tr>
                )}
                <tr>
                  <th scope="row">{t('runs.filterSource')}</th>
                  <td>
                    {t(`source.${run.input.source.kind}` as MessageKey)}
                    {run.input.source.fileName ? ` (${run.input.source.fileName})` : ''}
                  </td>
                </tr>
                {run.input.source.jobId !== undefined && (
                  <tr>
                    <th scope="row">{t('detail.jobId')}</th>
                    <td>{run.input.source.jobId}</td>
                  </tr>
                )}
                {run.input.notes !== '' && (
                  <tr>
                    <th scope="row">{t('form.notes')}</th>
                    {/* an import's trace: where each figure came from (a Slurm job's partition mapping), one per line */}
                    <td style={{ whiteSpace: 'pre-line' }}>{run.input.notes}</td>
                  </tr>
                )}
                {run.input.outcome && (
                  <tr>
                    <th scope="row">{t('detail.outcome')}</th>
                    <td>
                      {t(run.input.outcome.successful ? 'detail.outcomeOk' : 'detail.outcomeUnsuccessful', {
                        state: run.input.outcome.state
                      })}
                    </td>
                  </tr>
                )}
                <tr>
                  <th scope="row">{t('detail.method')}</th>
                  <td>{t(`detail.method.${run.result.method}` as MessageKey)}</td>
                </tr>
              </tbody>
            </table>
            <h3>{t('detail.trace')}</h3>
            <table aria-label={t('detail.trace')}>
              <thead>
                <tr>
                  <th scope="col">{t('detail.step')}</th>
                  <th scope="col">{t('detail.formula')}</th>
                  <th scope="col" className="num">
                    {t('detail.value')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {run.result.trace.map((step, i) => (
                  <tr key={i}>
                    <td>{i18n.msg(step.labelMsg, step.label ?? '')}</td>
                    <td className="formula">{i18n.msg(step.formulaMsg, step.formula)}</td>
                    <td className="num">
                      {i18n.num(step.value, 4)} {i18n.unit(step.unit)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>{t('detail.assumptions')}</h3>
            {run.result.assumptions.length === 0 ? (
              <p className="muted">{t('common.none')}</p>
            ) : (
              <ul>
                {run.result.assumptions.map((a, i) => (
                  <li key={i}>{i18n.msg(run.result.assumptionMsgs?.[i], a)}</li>
                ))}
              </ul>
            )}
            <h3>{t('detail.sources')}</h3>
            <ul>
              {run.result.sources.map((s) => (
                <li key={s.id}>
                  {s.title}
                  {s.version ? `, ${s.version}` : ''}
                  {s.licence ? ` (${s.licence})` : ''}
                </li>
              ))}
            </ul>
            <p className="muted">
              {t('detail.dataVersion')}: {run.result.dataVersion}
            </p>
            {run.input.hoursPerDay === undefined && run.input.durationS > 0 && (
              <section aria-labelledby="whatif-title">
                <h3 id="whatif-title">{t('shift.whatIf')}</h3>
                <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
                  <RunShift input={run.input} result={run.result} />
                </Suspense>
              </section>
            )}
          </>
        )}
      </LoadStatus>
    </aside>
  )
}
