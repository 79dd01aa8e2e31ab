import { useMemo } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { BarChart, type ChartSeries } from './Chart'
import { inMassUnit } from './chart-scales'

/**
 * A bar chart of emissions given in kg, drawn in one unit (g, kg or t CO2e) chosen from its largest figure, the
 * unit its axis is titled with; the tooltips write each figure as the cards do.
 */
export function MassBarChart({
  labels,
  seriesKg,
  label,
  horizontal = false
}: {
  labels: string[]
  seriesKg: ChartSeries[]
  /** The chart's accessible name, without the unit (added here). */
  label: string
  horizontal?: boolean
}) {
  const i18n = useI18n()
  const { unit, series } = useMemo(() => inMassUnit(seriesKg), [seriesKg])
  const format = useMemo(() => (value: number) => i18n.kg(value / unit.perBase), [i18n, unit])
  return (
    <BarChart
      labels={labels}
      series={series}
      label={`${label}, ${unit.symbol}`}
      unit={unit.symbol}
      horizontal={horizontal}
      format={format}
    />
  )
}
