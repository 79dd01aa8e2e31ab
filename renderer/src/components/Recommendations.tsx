import type { Period } from '../../../shared/ledger/period'
import { type HourlySeries, recommendChanges, seriesOfProfile } from '../../../shared/planning/index'
import { loadHourlyProfile } from '../../../shared/refdata/hourly'
import { isMaterialSaving } from '../../../shared/report/what-ifs'
import { href } from '../app/router'
import { useI18n } from '../i18n/I18nProvider'
import { loadCatalogue } from '../ledger/engine'
import { useLedgerQuery } from '../ledger/useLedgerQuery'
import { RECOMMENDATION_RUN_LIMIT, recommendationMessage } from './recommendation-message'

const WINDOW_HOURS = 24
const LIMIT = 3

/**
 * The few changes (region, hardware, start time) that would have saved the most in the period, from the lab's own
 * runs. Its own chunk, loaded after the dashboard's figures, so the first paint never waits for the planner.
 */
export default function Recommendations({ period, projectId }: { period: Period; projectId?: string }) {
  const i18n = useI18n()
  const { t } = i18n
  // The period's fields, not the object: callers build a new one on every render.
  const { kind, start, end } = period
  const state = useLedgerQuery(
    async ({ ledger }) => {
      const period: Period = { kind, start, end }
      // The ledger reads first, then the catalogue: a live query tracks only the reads made before it awaits anything
      // that is not Dexie's (the catalogue and the profiles are chunks, fetched).
      const catalogueLoad = loadCatalogue()
      const [lab, runs, totals] = await Promise.all([
        ledger.settings.getLabDefaults(),
        ledger.aggregate.topRuns({ n: RECOMMENDATION_RUN_LIMIT, period, projectId }),
        ledger.aggregate.totals({ period, ...(projectId !== undefined ? { filter: { project: [projectId] } } : {}) })
      ])
      const catalogue = await catalogueLoad
      // Only the zones these runs are in: each profile is its own chunk.
      const zones = new Set<string>()
      for (const run of runs) {
        const location = run.input.location.kind === 'unknown' ? lab.location : run.input.location
        const zone = catalogue.resolveLocation(catalogue.ref, location)?.hourlyZone
        if (zone) zones.add(zone)
      }
      const hourly: Record<string, HourlySeries> = {}
      for (const zone of zones) {
        const profile = await loadHourlyProfile(zone)
        if (profile) hourly[zone] = seriesOfProfile(profile)
      }
      // Only changes worth making, as in the report: at least 1 % of the period's emissions and at least 1 kg.
      const recommendations = recommendChanges(runs, catalogue.ref, lab, hourly, {
        limit: LIMIT,
        windowHours: WINDOW_HOURS
      }).filter((r) => isMaterialSaving(r.savedKg.value, totals.total.emissionsKg.value))
      return { recommendations, runCount: runs.length }
    },
    [kind, start, end, projectId]
  )
  const data = state.data
  return (
    <section className="card recommendations" aria-labelledby="rec-title" aria-busy={state.status === 'loading'}>
      <h3 id="rec-title">{t('rec.title')}</h3>
      {state.status === 'error' ? (
        <p role="alert" className="error">
          {i18n.error(state.error)}
        </p>
      ) : !data ? (
        <p role="status" className="muted">
          {t('rec.computing')}
        </p>
      ) : data.recommendations.length === 0 ? (
        <p className="muted">{data.runCount === 0 ? t('rec.noRuns') : t('rec.none')}</p>
      ) : (
        <ol>
          {data.recommendations.map((rec) => {
            const { key, params } = recommendationMessage(rec, WINDOW_HOURS)
            return (
              <li key={`${rec.kind}:${rec.from}:${rec.to}`}>
                <span className="rec-kind tag">{t(`rec.kind.${rec.kind}`)}</span> {t(key, params)}
                <div className="rec-figures">
                  <strong>{t('rec.saved', { kg: i18n.kg(rec.savedKg.value) })}</strong>{' '}
                  <span className="muted">
                    {i18n.rangeText(rec.savedKg, i18n.kg)}
                    {' · '}
                    {i18n.plural('rec.runs', rec.runCount, {
                      kg: i18n.kg(rec.emissionsKg.value),
                      range: i18n.rangeText(rec.emissionsKg, i18n.kg)
                    })}
                  </span>
                </div>
              </li>
            )
          })}
        </ol>
      )}
      {data && (
        <p className="muted small">
          {data.runCount >= RECOMMENDATION_RUN_LIMIT
            ? i18n.plural('rec.bounded', RECOMMENDATION_RUN_LIMIT)
            : i18n.plural('rec.fromRuns', data.runCount)}{' '}
          <a href={href('/compare')}>{t('rec.openCompare')}</a>
        </p>
      )}
    </section>
  )
}
