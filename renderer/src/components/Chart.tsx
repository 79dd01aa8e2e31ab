import type { ChartConfiguration } from 'chart.js'
import { type DependencyList, type RefObject, useEffect, useEffectEvent, useRef } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { barChartOptions } from './chart-scales'

export interface ChartSeries {
  label: string
  values: number[]
}

type ChartModule = typeof import('chart.js')
let chartModule: Promise<ChartModule> | undefined
/** Chart.js loads on first use, with only the pieces the app draws: bars and lines. */
const loadChart = (): Promise<ChartModule> => {
  chartModule ??= import('chart.js').then((m) => {
    m.Chart.register(
      m.BarController,
      m.BarElement,
      m.LineController,
      m.LineElement,
      m.PointElement,
      m.CategoryScale,
      m.LinearScale,
      m.Tooltip,
      m.Legend
    )
    return m
  })
  return chartModule
}

/** A colour of the theme (light or dark) from its CSS custom property, else the fallback. */
export const cssColour = (name: string, fallback = '#1f6f4a'): string =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback

/**
 * Draws a Chart.js chart on the canvas once Chart.js has loaded, anew when deps change; the previous one is destroyed
 * on change and unmount. config is read when drawing, so it sees the theme's colours then.
 */
export const useChart = (
  canvas: RefObject<HTMLCanvasElement | null>,
  config: () => ChartConfiguration,
  deps: DependencyList
): void => {
  // The config and canvas of the render that draws: they are read then, not watched (deps say when to draw anew).
  const draw = useEffectEvent((Chart: typeof import('chart.js').Chart) =>
    canvas.current ? new Chart(canvas.current, config()) : undefined
  )
  useEffect(() => {
    let chart: import('chart.js').Chart | undefined
    let cancelled = false
    void loadChart().then(({ Chart }) => {
      if (!cancelled) chart = draw(Chart)
    })
    return () => {
      cancelled = true
      chart?.destroy()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps: what its config reads
  }, deps)
}

/**
 * A bar chart (vertical for trends, horizontal for breakdowns), animation off, numbers in the UI's locale. The value
 * axis is titled with its unit. The canvas has an accessible name; the same figures are always given as a table beside it for screen readers
 * and keyboard users.
 */
export function BarChart({
  labels,
  series,
  label,
  unit,
  horizontal = false,
  format
}: {
  labels: string[]
  series: ChartSeries[]
  label: string
  /** The value axis's unit, e.g. "kg CO2e". */
  unit: string
  horizontal?: boolean
  format: (value: number) => string
}) {
  const { locale } = useI18n()
  const canvas = useRef<HTMLCanvasElement>(null)
  useChart(canvas, () => {
    const colours = ['--chart-1', '--chart-2', '--chart-3', '--chart-4'].map((name) => cssColour(name))
    return {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.values,
          backgroundColor: colours[i % colours.length]
        }))
      },
      options: barChartOptions({
        labels,
        unit,
        horizontal,
        locale,
        format,
        seriesCount: series.length,
        textColour: cssColour('--muted'),
        gridColour: cssColour('--border')
      })
    }
  }, [labels, series, unit, horizontal, format, locale])
  return <canvas ref={canvas} role="img" aria-label={label} />
}
