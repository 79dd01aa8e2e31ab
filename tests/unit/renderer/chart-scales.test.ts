import { describe, expect, it } from 'vitest'
import { barScales, shortLabel } from '../../../renderer/src/components/chart-scales'

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
