import { useMemo } from 'react'
import { reconcile } from '../../../../shared/emissions/reconcile'
import type { ExplainedRun } from '../../../../shared/ledger/compact'
import { href } from '../../app/router'
import { useI18n } from '../../i18n/I18nProvider'
import { locationName } from '../../i18n/location-names'

/**
 * "What the file reported" (issue 11, reconciliation): the imported file's own emissions, energy, PUE, intensity and
 * location beside the ledger's recomputed figures, the gap split into its parts (shared/emissions/reconcile.ts), and
 * which of the two figures the ledger counts. Nothing for a run whose file reported no emissions.
 */
export function Reported({ run }: { run: ExplainedRun }) {
  const i18n = useI18n()
  const { t } = i18n
  const r = useMemo(() => reconcile(run.input, run.result), [run])
  if (r === undefined) return null
  const { result } = run
  const reported = run.input.reported
  const recomputed = result.recomputed?.emissionsKg ?? result.emissionsKg
  const part = (kind: 'pue' | 'energy' | 'intensity') => r.parts.find((p) => p.kind === kind)
  const fileKWh = reported?.energyKWh ?? run.input.measuredEnergyKWh
  const fileIntensity = part('intensity')?.fileValue ?? reported?.intensityGPerKWh
  const dash = '–'
  const resolved = locationName(result.locationId, i18n.msg(r.location.resolved), i18n.language)
  const written = r.location.fallback ? t('reported.fallback', { location: r.location.written }) : r.location.written
  const gapSign = r.gapKg > 0 ? '+' : r.gapKg < 0 ? '−' : ''
  return (
    <section aria-labelledby="reported-title" className="reported">
      <h3 id="reported-title">{t('reported.title')}</h3>
      <p className="muted">{t('reported.intro')}</p>
      <table aria-label={t('reported.title')}>
        <thead>
          <tr>
            <th scope="col">{t('reported.figure')}</th>
            <th scope="col" className="num">
              {t('reported.file')}
            </th>
            <th scope="col" className="num">
              {t('reported.ledger')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('reported.emissions')}</th>
            <td className="num" data-testid="reported-file-kg">
              {i18n.kg(r.reportedKg)}
            </td>
            <td className="num" data-testid="reported-ledger-kg">
              {i18n.kg(recomputed.value)} <span className="muted range">{i18n.rangeText(recomputed, i18n.kg)}</span>
            </td>
          </tr>
          <tr>
            <th scope="row">{t('reported.energy')}</th>
            <td className="num">{fileKWh === undefined ? dash : i18n.kWh(fileKWh)}</td>
            <td className="num">{i18n.kWh(result.energyKWh.value)}</td>
          </tr>
          <tr>
            <th scope="row">{t('reported.pue')}</th>
            <td className="num">{reported?.pue !== undefined ? i18n.num(reported.pue, 2) : t('reported.noPue')}</td>
            <td className="num">{i18n.num(result.pue.value, 2)}</td>
          </tr>
          <tr>
            <th scope="row">{t('reported.intensity')}</th>
            <td className="num">{fileIntensity === undefined ? dash : `${i18n.num(fileIntensity, 1)} g/kWh`}</td>
            <td className="num">{`${i18n.num(result.intensityGPerKWh.value, 1)} g/kWh`}</td>
          </tr>
          <tr>
            <th scope="row">{t('reported.location')}</th>
            <td className="num">{written}</td>
            <td className="num">{resolved}</td>
          </tr>
        </tbody>
      </table>
      <p data-testid="reported-gap">
        {t('reported.gap', {
          gap: `${gapSign}${i18n.kg(Math.abs(r.gapKg))}`,
          ratio: r.reportedKg > 0 ? i18n.num(r.recomputedKg / r.reportedKg, 2) : dash
        })}
      </p>
      <h4>{t('reported.why')}</h4>
      <ul aria-label={t('reported.why')}>
        {r.reasons.map((reason, i) => (
          <li key={i}>{i18n.msg(reason)}</li>
        ))}
      </ul>
      <p data-testid="reported-counted">
        {result.recomputed
          ? t('reported.countedReported', { kg: i18n.kg(result.emissionsKg.value) })
          : t('reported.countedRecomputed', { kg: i18n.kg(result.emissionsKg.value) })}{' '}
        <a href={href('/settings', { section: 'counted' })}>{t('reported.settingsLink')}</a>
      </p>
    </section>
  )
}
