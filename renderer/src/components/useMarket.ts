import { useMemo } from 'react'
import { hasInstruments } from '../../../shared/emissions/instruments'
import type { LabDefaults } from '../../../shared/emissions/lab-defaults'
import {
  type MarketCell,
  marketContextOf,
  type MarketFigures,
  marketFigures,
  type MarketLine,
  marketSpan
} from '../../../shared/emissions/market'
import { customPeriod, monthsOf, type Period, previousPeriod } from '../../../shared/ledger/period'
import { type AsyncState, useAsync } from '../app/useAsync'
import type { I18n } from '../i18n/I18nProvider'
import { loadCatalogue } from '../ledger/engine'
import { useLedgerQuery } from '../ledger/useLedgerQuery'

/** A period's market-based figures, and its months' for the trend. */
export type MarketPeriod = MarketFigures & { byMonth: Map<string, number> }

/**
 * The market-based figures of a period and the one before from the lab's contractual instruments (market.ts), or
 * undefined when the lab holds none (the runs' own market-based sums then stand). Certificates are volumes shared
 * by every run of their period, so the cells are the whole lab's, month × location × project, from the earliest
 * certificate that reaches the period; a project's figure is its cells' share.
 */
export const useMarket = (
  period: Period,
  projectId?: string
): AsyncState<{ current: MarketPeriod; previous: MarketPeriod } | undefined> => {
  // The catalogue loads outside the live query: an await on anything but the ledger would hide its reads.
  const catalogue = useAsync(loadCatalogue, [])
  const ref = catalogue.data?.ref
  // The period by value: a screen makes a new object each render, and the query runs again only when it changes.
  const { kind, start, end } = period
  const shown = useMemo((): Period => ({ kind, start, end }), [kind, start, end])
  const market = useLedgerQuery(
    async ({ ledger }) => {
      const lab: LabDefaults = await ledger.settings.getLabDefaults()
      if (ref === undefined || !hasInstruments(lab.instruments)) return undefined
      const context = marketContextOf([...ref.locations, ...lab.locations], lab.supplierIntensityGPerKWh)
      const include = (c: MarketCell) => projectId === undefined || c.project === projectId
      const figures = async (p: Period) => {
        const range = { fromMonth: p.start, toMonth: p.end }
        const span = marketSpan(lab.instruments, range)
        const answer = await ledger.aggregate.totals({
          period: customPeriod(span.fromMonth, span.toMonth),
          groupBy: ['month', 'location', 'project']
        })
        const cells: MarketCell[] = answer.rows.map((r) => ({
          month: r.group.month!,
          locationId: r.group.location ?? 'unknown',
          ...(r.group.project !== undefined ? { project: r.group.project } : {}),
          energyKWh: r.totals.energyKWh,
          emissionsKg: r.totals.emissionsKg
        }))
        const total = marketFigures(cells, lab.instruments, range, context, include)
        // The trend's bars by month, from the same allocation (what earlier months used stays used).
        const byMonth = new Map(
          monthsOf(p).map((m) => [
            m,
            marketFigures(cells, lab.instruments, { fromMonth: m, toMonth: m }, context, include).marketEmissionsKg
              .value
          ])
        )
        return { ...total, byMonth }
      }
      const [current, previous] = await Promise.all([figures(shown), figures(previousPeriod(shown))])
      return { current, previous }
    },
    [ref, shown, projectId]
  )
  return ref === undefined ? { ...catalogue, data: undefined } : market
}

/** One sentence naming what the market-based figure comes from: each instrument with the energy it covered. */
export function marketNote(figures: MarketFigures, i18n: I18n): string {
  const { t } = i18n
  const kWh = (l: MarketLine) => i18n.kWh(l.energyKWh)
  const g = (n: number) => i18n.num(n)
  const parts = figures.lines.map((l) => {
    switch (l.kind) {
      case 'certificate':
        return t('market.certificateUse', {
          type: l.instrument.type,
          reference: l.instrument.reference,
          volume: g(l.instrument.volumeMWh),
          place: l.instrument.place,
          kWh: kWh(l)
        })
      case 'supplier':
        return t('market.supplierUse', {
          place: l.instrument.place,
          intensity: g(l.instrument.intensityGPerKWh),
          source: l.instrument.source,
          kWh: kWh(l)
        })
      case 'lab-supplier':
        return t('market.labSupplierUse', { intensity: g(l.intensityGPerKWh), kWh: kWh(l) })
      case 'provider':
        return t('market.claimUse', {
          provider: l.instrument.provider,
          year: l.instrument.year,
          intensity: g(l.instrument.intensityGPerKWh),
          source: l.instrument.source,
          kWh: kWh(l)
        })
      case 'residual':
        return t('market.residualUse', {
          intensity: g(l.mix.intensityGPerKWh),
          source: l.mix.sourceId,
          year: l.mix.year,
          kWh: kWh(l)
        })
      case 'location':
        return t('market.locationUse', { kWh: kWh(l) })
    }
  })
  return t('market.from', { instruments: parts.join('; ') })
}
