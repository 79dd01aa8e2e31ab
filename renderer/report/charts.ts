import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  type Plugin,
  PointElement
} from 'chart.js'
import type { Range } from '../../shared/domain/range'
import { formatQuantity, type ReportLanguage, type TableUnit } from '../../shared/report/format'

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend)

/** Crisp in print: three device pixels per CSS pixel, drawn at once (no animation), fixed size (no resize). */
const PRINT = { animation: false as const, responsive: false, devicePixelRatio: 3, events: [] as [] }
const INK = '#1a1a1a'
const FONT = { family: 'system-ui, "DejaVu Sans", sans-serif', size: 10 }

/** Diagonal hatching: readable in black and white where a second colour would not be. */
function hatch(ctx: CanvasRenderingContext2D): CanvasPattern | string {
  const tile = document.createElement('canvas')
  tile.width = 8
  tile.height = 8
  const t = tile.getContext('2d')
  if (!t) return '#999'
  t.fillStyle = '#fff'
  t.fillRect(0, 0, 8, 8)
  t.strokeStyle = INK
  t.lineWidth = 1.2
  t.beginPath()
  t.moveTo(0, 8)
  t.lineTo(8, 0)
  t.moveTo(-2, 2)
  t.lineTo(2, -2)
  t.moveTo(6, 10)
  t.lineTo(10, 6)
  t.stroke()
  return ctx.createPattern(tile, 'repeat') ?? '#999'
}

/**
 * Writes each bar's label at its end (the top of the stack for stacked bars), and for ranges draws the low–high
 * whisker through it. `values` are the bars' full heights.
 */
const barAnnotations = (
  values: number[],
  labels: string[],
  ranges: (Range | undefined)[],
  horizontal: boolean
): Plugin<'bar'> => ({
  id: 'barAnnotations',
  afterDatasetsDraw(chart) {
    const { ctx } = chart
    const meta = chart.getDatasetMeta(0)
    const scale = horizontal ? chart.scales.x : chart.scales.y
    if (!scale) return
    ctx.save()
    ctx.font = `${FONT.size}px ${FONT.family}`
    ctx.fillStyle = INK
    ctx.strokeStyle = INK
    ctx.lineWidth = 1
    meta.data.forEach((bar, i) => {
      const centre = bar.getProps(['x', 'y'], true) as { x: number; y: number }
      const across = horizontal ? centre.y : centre.x
      let end = scale.getPixelForValue(values[i] ?? 0)
      const range = ranges[i]
      if (range) {
        const lo = scale.getPixelForValue(range.low)
        const hi = scale.getPixelForValue(range.high)
        const line = (a: [number, number], b: [number, number]) => {
          ctx.moveTo(...(horizontal ? a : ([a[1], a[0]] as [number, number])))
          ctx.lineTo(...(horizontal ? b : ([b[1], b[0]] as [number, number])))
        }
        ctx.beginPath()
        line([lo, across], [hi, across])
        line([lo, across - 4], [lo, across + 4])
        line([hi, across - 4], [hi, across + 4])
        ctx.stroke()
        end = horizontal ? Math.max(end, hi) : Math.min(end, hi)
      }
      const text = labels[i] ?? ''
      ctx.textAlign = horizontal ? 'left' : 'center'
      ctx.textBaseline = horizontal ? 'middle' : 'bottom'
      if (horizontal) ctx.fillText(text, end + 4, across)
      else ctx.fillText(text, across, end - 2)
    })
    ctx.restore()
  }
})

export interface TrendChartData {
  months: string[]
  emissionsKg: Range[]
  marketKg: number[]
  inPeriod: boolean[]
  /** The chart's one unit (g, kg or t CO2e): axis, bar labels and ticks in it. */
  unit: TableUnit
  language: ReportLanguage
  labels: { inPeriod: string; before: string; market: string }
}

/** Axis ticks in the chart's unit and locale: never Chart.js's own "0.000000". */
const ticksIn = (language: ReportLanguage) => ({
  font: FONT,
  color: INK,
  callback: (value: number | string) => formatQuantity(Number(value), language)
})

const scaleRange = (r: Range, unit: TableUnit): Range => ({
  value: r.value * unit.perBase,
  low: r.low * unit.perBase,
  high: r.high * unit.perBase
})

/** Monthly location-based emissions (bars: solid in the period, hatched before) with the market-based line. */
export function drawTrendChart(canvas: HTMLCanvasElement, d: TrendChartData): Chart {
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2D canvas context for the trend chart')
  const values = d.emissionsKg.map((r) => r.value * d.unit.perBase)
  return new Chart(ctx, {
    type: 'bar',
    data: {
      labels: d.months,
      datasets: [
        {
          label: d.labels.inPeriod,
          data: values.map((v, i) => (d.inPeriod[i] ? v : 0)),
          backgroundColor: '#444',
          borderColor: INK,
          borderWidth: 1,
          stack: 'kg',
          order: 2
        },
        {
          label: d.labels.before,
          data: values.map((v, i) => (d.inPeriod[i] ? 0 : v)),
          backgroundColor: hatch(ctx),
          borderColor: INK,
          borderWidth: 1,
          stack: 'kg',
          order: 2
        },
        {
          // A line dataset inside a bar chart: Chart.js mixed charts.
          type: 'line' as unknown as 'bar',
          label: d.labels.market,
          data: d.marketKg.map((v) => v * d.unit.perBase),
          borderColor: INK,
          backgroundColor: '#fff',
          borderWidth: 1.5,
          borderDash: [5, 3],
          pointStyle: 'triangle',
          pointRadius: 4,
          order: 1
        } as never
      ]
    },
    options: {
      ...PRINT,
      scales: {
        x: { stacked: true, ticks: { font: FONT, color: INK }, grid: { display: false } },
        y: {
          stacked: true,
          beginAtZero: true,
          title: { display: true, text: d.unit.symbol, font: FONT, color: INK },
          ticks: ticksIn(d.language)
        }
      },
      plugins: { legend: { position: 'bottom', labels: { font: FONT, color: INK, boxWidth: 14 } } }
    },
    plugins: [
      barAnnotations(
        values,
        values.map((v) => (v > 0 ? formatQuantity(v, d.language) : '')),
        [],
        false
      )
    ]
  })
}

/** Horizontal bars of kg CO2e with their ranges as whiskers and the value and share written beside them. */
export function drawBreakdownChart(
  canvas: HTMLCanvasElement,
  rowsKg: { label: string; emissionsKg: Range; share: number }[],
  { unit, language, axis }: { unit: TableUnit; language: ReportLanguage; axis: string }
): Chart {
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2D canvas context for a breakdown chart')
  const rows = rowsKg.map((r) => ({ ...r, emissionsKg: scaleRange(r.emissionsKg, unit) }))
  const highest = Math.max(0, ...rows.map((r) => r.emissionsKg.high))
  return new Chart(ctx, {
    type: 'bar',
    data: {
      labels: rows.map((r) => (r.label.length > 34 ? `${r.label.slice(0, 33)}…` : r.label)),
      datasets: [
        {
          label: unit.symbol,
          data: rows.map((r) => r.emissionsKg.value),
          backgroundColor: '#8a8a8a',
          borderColor: INK,
          borderWidth: 1,
          // As thick as in a chart of several rows (24 px each), also when one bar has a taller canvas to itself.
          maxBarThickness: 18
        }
      ]
    },
    options: {
      ...PRINT,
      indexAxis: 'y',
      layout: { padding: { right: 8 } },
      scales: {
        // Room on the right for the labels written after the whiskers.
        x: {
          beginAtZero: true,
          suggestedMax: highest * 1.35,
          title: { display: true, text: axis, font: FONT, color: INK },
          ticks: ticksIn(language)
        },
        y: { ticks: { font: FONT, color: INK, autoSkip: false }, grid: { display: false } }
      },
      plugins: { legend: { display: false } }
    },
    plugins: [
      barAnnotations(
        rows.map((r) => r.emissionsKg.value),
        rows.map((r) => `${formatQuantity(r.emissionsKg.value, language)} (${Math.round(r.share * 100)} %)`),
        rows.map((r) => r.emissionsKg),
        true
      )
    ]
  })
}
