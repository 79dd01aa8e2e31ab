import { useEffect, useRef } from 'react'
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
    m.Chart.register(m.BarController, m.BarElement, m.LineController, m.LineElement, m.PointElement, m.CategoryScale, m.LinearScale, m.Tooltip, m.Legend)
    return m
  })
  return chartModule
}

const cssColour = (name: string): string => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#1f6f4a'

/**
 * A bar chart (vertical for trends, horizontal for breakdowns), animation off, numbers in the UI's locale. The value
 * axis is titled with its unit. The canvas has an accessible name; the same figures are always given as a table beside it for screen readers
 * and keyboard users.
 */
export function BarChart({ labels, series, label, unit, horizontal = false, format }: {
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
  useEffect(() => {
    let chart: import('chart.js').Chart | undefined
    let cancelled = false
    void loadChart().then(({ Chart }) => {
      if (cancelled || !canvas.current) return
      const colours = ['--chart-1', '--chart-2', '--chart-3', '--chart-4'].map(cssColour)
      const text = cssColour('--muted')
      const grid = cssColour('--border')
      chart = new Chart(canvas.current, {
        type: 'bar',
        data: { labels, datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: colours[i % colours.length] })) },
        options: barChartOptions({ labels, unit, horizontal, locale, format, seriesCount: series.length, textColour: text, gridColour: grid })
      })
    })
    return () => {
      cancelled = true
      chart?.destroy()
    }
  }, [labels, series, unit, horizontal, format, locale])
  return <canvas ref={canvas} role="img" aria-label={label} />
}
