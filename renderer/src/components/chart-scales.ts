import { massUnitOf, type TableUnit } from '../../../shared/report/format'

/** Longest category label drawn on an axis; Chart.js clips longer ones at the canvas edge. */
export const AXIS_LABEL_CHARS = 22

/**
 * A category label short enough for a chart axis: long cloud region names would otherwise be clipped at the canvas
 * edge. The full name stays in the tooltip and in the table beside the chart.
 */
export const shortLabel = (label: string, maxChars: number): string =>
  label.length <= maxChars ? label : `${label.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`

/**
 * The two axes of a bar chart: the value axis titled with its unit, the category axis with shortened labels.
 * Horizontal bars put the values on x.
 */
export const barScales = ({
  labels,
  unit,
  horizontal,
  textColour,
  gridColour
}: {
  labels: string[]
  unit: string
  horizontal: boolean
  textColour: string
  gridColour: string
}) => {
  const valueAxis = {
    ticks: { color: textColour },
    grid: { color: gridColour },
    title: { display: true, text: unit, color: textColour }
  }
  const categoryAxis = {
    ticks: {
      color: textColour,
      callback: (_: unknown, index: number) => shortLabel(labels[index] ?? '', AXIS_LABEL_CHARS)
    },
    grid: { color: gridColour }
  }
  return horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis }
}

/**
 * The options of the app's bar charts. locale is the UI's: Chart.js writes its axis numbers with it ("3.000" in
 * German), and the tooltips write figures with the app's own formatter in the same locale.
 */
export const barChartOptions = ({
  labels,
  unit,
  horizontal,
  locale,
  format,
  seriesCount,
  textColour,
  gridColour
}: {
  labels: string[]
  unit: string
  horizontal: boolean
  locale: string
  format: (value: number) => string
  seriesCount: number
  textColour: string
  gridColour: string
}) => ({
  locale,
  animation: false as const,
  maintainAspectRatio: false,
  indexAxis: horizontal ? ('y' as const) : ('x' as const),
  plugins: {
    legend: { display: seriesCount > 1, labels: { color: textColour } },
    tooltip: {
      callbacks: {
        title: (items: { dataIndex: number }[]) => labels[items[0]?.dataIndex ?? 0] ?? '',
        label: (item: { dataset: { label?: string }; raw: unknown }) =>
          `${item.dataset.label ?? ''}: ${format(Number(item.raw))}`
      }
    }
  },
  scales: barScales({ labels, unit, horizontal, textColour, gridColour })
})

/**
 * Emission series in one unit for a chart: g, kg or t CO2e chosen from the largest figure, as the report's tables do
 * (massUnitOf), so that an axis does not read 0.002 kg beside cards that read 2 g. Returns the values in that unit.
 */
export const inMassUnit = <S extends { values: number[] }>(
  seriesKg: readonly S[]
): { unit: TableUnit; series: S[] } => {
  const unit = massUnitOf(seriesKg.flatMap((s) => s.values))
  return { unit, series: seriesKg.map((s) => ({ ...s, values: s.values.map((kg) => kg * unit.perBase) })) }
}
