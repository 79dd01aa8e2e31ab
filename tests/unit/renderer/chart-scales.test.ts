import { Ticks } from 'chart.js'
import { describe, expect, it } from 'vitest'
import { barChartOptions, barScales, inMassUnit, shortLabel } from '../../../renderer/src/components/chart-scales'
import { formatMassKg } from '../../../renderer/src/format/format'

describe('shortLabel', () => {
  it('keeps a label that fits', () => {
    expect(shortLabel('France', 22)).toBe('France')
    expect(shortLabel('1234567890123456789012', 22)).toBe('1234567890123456789012')
  })
  it('cuts a long region name to the limit, ellipsis included', () => {
    const cut = shortLabel('AWS US East (N. Virginia), Ashburn, USA', 22)
    expect(cut).toBe('AWS US East (N. Virgi…')
    expect(cut).toHaveLength(22)
  })
  it('drops the space before the ellipsis', () => {
    expect(shortLabel('europe-west1 (St. Ghislain, Belgium)', 14)).toBe('europe-west1…')
  })
})

describe('barScales', () => {
  const labels = ['France', 'US East (N. Virginia), Ashburn, USA']
  const colours = { textColour: '#111', gridColour: '#ccc' }
  it('titles the value axis with the unit: y for a trend, x for a horizontal breakdown', () => {
    const trend = barScales({ labels, unit: 'kg CO2e', horizontal: false, ...colours })
    expect(trend.y).toMatchObject({ title: { display: true, text: 'kg CO2e' } })
    expect(trend.x).not.toHaveProperty('title')
    const breakdown = barScales({ labels, unit: 'kg CO2e', horizontal: true, ...colours })
    expect(breakdown.x).toMatchObject({ title: { display: true, text: 'kg CO2e' } })
    expect(breakdown.y).not.toHaveProperty('title')
  })
  it('shortens the category labels only', () => {
    const { y } = barScales({ labels, unit: 'kg CO2e', horizontal: true, ...colours })
    const tick = (y.ticks as { callback: (value: unknown, index: number) => string }).callback
    expect(tick(0, 0)).toBe('France')
    expect(tick(1, 1)).toBe('US East (N. Virginia)…')
  })
})

describe('barChartOptions', () => {
  const options = (locale: string) =>
    barChartOptions({
      labels: ['Jan 2026', 'Feb 2026'],
      unit: 'kg CO2e',
      horizontal: false,
      locale,
      format: (v) => formatMassKg(locale, v),
      seriesCount: 2,
      textColour: '#111',
      gridColour: '#ccc'
    })
  // Chart.js's own number formatter for linear axes, as a scale calls it (this = the scale).
  const tick = (locale: string, value: number) =>
    Ticks.formatters.numeric.call({ chart: { options: options(locale) }, options: { ticks: {} } } as never, value, 1, [
      { value: 0 },
      { value: 500 },
      { value: 3000 }
    ])

  it("gives Chart.js the UI's locale, so the axis numbers read 3.000 in German and 3,000 in English", () => {
    expect(options('de-DE').locale).toBe('de-DE')
    expect(tick('de-DE', 3000)).toBe('3.000')
    expect(tick('en-GB', 3000)).toBe('3,000')
  })

  it('writes the tooltip with the app formatter and the full category name', () => {
    const { callbacks } = options('de-DE').plugins.tooltip
    expect(callbacks.label({ dataset: { label: 'Standortbasiert' }, raw: 2500 })).toBe('Standortbasiert: 2.500 kg')
    expect(callbacks.title([{ dataIndex: 1 }])).toBe('Feb 2026')
  })
})

describe('inMassUnit (one unit per chart, from its largest figure, as the report does)', () => {
  it('draws tiny totals in g, ordinary ones in kg and large ones in t, every series alike', () => {
    const tiny = inMassUnit([
      { label: 'location', values: [0.0021, 0.0004] },
      { label: 'market', values: [0.001, 0] }
    ])
    expect(tiny.unit.symbol).toBe('g CO2e')
    expect(tiny.series[0]!.values[0]).toBeCloseTo(2.1, 12)
    expect(tiny.series[1]!.values[0]).toBeCloseTo(1, 12)
    expect(inMassUnit([{ label: 'a', values: [0.5, 12] }]).unit.symbol).toBe('kg CO2e')
    const large = inMassUnit([{ label: 'a', values: [25_000, 10] }])
    expect(large.unit.symbol).toBe('t CO2e')
    expect(large.series[0]!.values).toEqual([25, 0.01])
  })
})
