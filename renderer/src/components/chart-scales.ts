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
export const barScales = ({ labels, unit, horizontal, textColour, gridColour }: {
  labels: string[]
  unit: string
  horizontal: boolean
  textColour: string
  gridColour: string
}) => {
  const valueAxis = { ticks: { color: textColour }, grid: { color: gridColour }, title: { display: true, text: unit, color: textColour } }
  const categoryAxis = {
    ticks: { color: textColour, callback: (_: unknown, index: number) => shortLabel(labels[index] ?? '', AXIS_LABEL_CHARS) },
    grid: { color: gridColour }
  }
  return horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis }
}
