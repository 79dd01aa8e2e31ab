import { useMemo } from 'react'
import type { Period } from '../../../../shared/ledger/period'
import { buildWasteModel, LOW_GPU_UTILISATION, type WasteGroup } from '../../../../shared/waste/waste'
import { LoadStatus } from '../../components/Status'
import { useI18n } from '../../i18n/I18nProvider'
import { useLedgerQuery } from '../../ledger/useLedgerQuery'

const monthStartMs = (month: string): number => Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1)

/**
 * Waste (issue 14): energy and emissions of unsuccessful jobs and of runs with idle GPUs in the period, per person and
 * project, and what the lab would have saved without them. Reads the period's runs (the rollups do not carry a run's
 * outcome); runs counted in the month they started, as the totals are.
 */
export function Waste({ period }: { period: Period }) {
  const { t, ...i18n } = useI18n()
  const state = useLedgerQuery(
    async ({ ledger }) => {
      const [runs, projects] = await Promise.all([
        ledger.runs.list({
          fromMs: monthStartMs(period.start),
          toMs: Date.UTC(Number(period.end.slice(0, 4)), Number(period.end.slice(5, 7)), 1),
          newestFirst: false
        }),
        ledger.projects.list()
      ])
      const names = new Map(projects.map((p) => [p.id, p.name]))
      return buildWasteModel(
        runs.map((r) => ({
          person: r.person,
          project: names.get(r.projectId) ?? r.projectId,
          input: r.input,
          result: r.result
        }))
      )
    },
    [period.start, period.end]
  )
  const model = state.data
  const rows = useMemo(
    () =>
      model
        ? [
            ...model.byPerson.map((g) => ({ kind: t('waste.person'), g })),
            ...model.byProject.map((g) => ({ kind: t('waste.project'), g }))
          ]
        : [],
    [model, t]
  )
  if (!model) return <LoadStatus state={state} />
  const cell = (g: WasteGroup['total']) => `${i18n.kg(g.emissionsKg.value)} · ${i18n.kWh(g.energyKWh.value)}`
  return (
    <section aria-labelledby="waste-title" className="card">
      <h2 id="waste-title">{t('waste.title')}</h2>
      {model.saved.runs === 0 ? (
        <p>{t('waste.none')}</p>
      ) : (
        <>
          <dl className="waste-figures">
            <dt>{t('waste.unsuccessful')}</dt>
            <dd aria-label={t('waste.unsuccessful')}>
              {i18n.plural('waste.runs', model.unsuccessful.runs)} · {cell(model.unsuccessful)}
            </dd>
            <dt>{t('waste.lowUtilisation', { threshold: i18n.pct(LOW_GPU_UTILISATION) })}</dt>
            <dd aria-label={t('waste.lowUtilisationShort')}>
              {i18n.plural('waste.runs', model.lowUtilisation.runs)} · {cell(model.lowUtilisation)}
            </dd>
            <dt>{t('waste.saved')}</dt>
            <dd aria-label={t('waste.saved')}>
              {t('waste.savedValue', {
                kg: i18n.kg(model.saved.emissionsKg.value),
                kWh: i18n.kWh(model.saved.energyKWh.value),
                share: i18n.pct(model.savedShare)
              })}
            </dd>
          </dl>
          <p className="muted">{t('waste.note')}</p>
          <table aria-label={t('waste.table')}>
            <thead>
              <tr>
                <th scope="col">{t('waste.who')}</th>
                <th scope="col">{t('waste.unsuccessful')}</th>
                <th scope="col">{t('waste.lowUtilisationShort')}</th>
                <th scope="col">{t('waste.share')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ kind, g }) => (
                <tr key={`${kind}:${g.key}`}>
                  <th scope="row">
                    {kind}: {g.key || t('waste.unnamed')}
                  </th>
                  <td>{g.unsuccessful.runs > 0 ? cell(g.unsuccessful) : '–'}</td>
                  <td>{g.lowUtilisation.runs > 0 ? cell(g.lowUtilisation) : '–'}</td>
                  <td>
                    {g.all.emissionsKg.value > 0 ? i18n.pct(g.total.emissionsKg.value / g.all.emissionsKg.value) : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
