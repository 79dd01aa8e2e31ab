import { describe, expect, it } from 'vitest'
import { type RunInputDraft, runInputSchema } from '../../../shared/domain/run'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateRun } from '../../../shared/emissions/resolve'
import { type LedgerRun, recommendChanges } from '../../../shared/planning/recommend'
import { planningRef } from './refdata-fixture'

const ref = planningRef()
const noLab = labDefaultsSchema.parse({})
const old = { kind: 'gpu' as const, hardwareId: 'gpu:old', name: 'Old GPU', count: 1 }
const ledgerRun = (id: string, draft: RunInputDraft): LedgerRun => {
  const input = runInputSchema.parse(draft)
  return { id, input, result: estimateRun(input, ref, noLab) }
}

// A: 10 h on AWS dirty-1: 4 kWh IT × 1.2 × 500 g = 2.4 kg. B: 4 h in DE-LU: 1.6 kWh × 1.56 × 400 g = 0.9984 kg.
const a = ledgerRun('a', {
  startedAt: '2024-05-01T00:00:00Z',
  durationS: 10 * 3600,
  devices: [old],
  location: { kind: 'cloud', provider: 'aws', region: 'dirty-1' }
})
const b = ledgerRun('b', {
  startedAt: '2024-05-01T00:00:00Z',
  durationS: 4 * 3600,
  devices: [old],
  location: { kind: 'zone', zone: 'DE-LU' }
})
// DE-LU hours from 2024-05-01T00: 400 ×4, 500 ×4, 100 ×4, then 300
const deLu = {
  zone: 'DE-LU',
  label: 'Germany',
  startUtcMs: Date.UTC(2024, 4, 1),
  intensitiesGPerKWh: Array.from({ length: 48 }, (_, h) => (h < 4 ? 400 : h < 8 ? 500 : h < 12 ? 100 : 300)),
  sourceId: 'em'
}

describe('recommendChanges', () => {
  const recommendations = recommendChanges([a, b], ref, noLab, { 'DE-LU': deLu })

  it('finds the region, hardware and start-time changes, largest saving first', () => {
    expect(recommendations.map((r) => [r.kind, r.from, r.to, r.runIds])).toEqual([
      ['region', 'AWS dirty-1', 'AWS clean-1', ['a']],
      ['hardware', 'Old GPU', 'New GPU', ['a', 'b']],
      ['start-time', 'Germany', 'up to 24 h later', ['b']]
    ])
  })

  it('computes each saving by hand', () => {
    const [region, hardware, start] = recommendations
    // region: 3.6 kWh (full load 0.9 × 400 W × 10 h) × 1.2 × (500 − 100) g
    expect(region!.savedKg.value).toBeCloseTo(0.9 * 1.92, 10)
    // all at full load, 0.9 × TDP (the power model). hardware: New does the work in half the time at the same TDP: half of A's 2.4 kg and of B's 0.9984 kg
    expect(hardware!.savedKg.value).toBeCloseTo(0.9 * (1.2 + 0.4992), 10)
    expect(hardware!.runCount).toBe(2)
    expect(hardware!.emissionsKg.value).toBeCloseTo(0.9 * (2.4 + 0.9984), 10)
    // start: 4 h at 2.496 kWh / 4 h = 0.624 kW; hours 8–11 (100 g) instead of 0–3 (400 g)
    expect(start!.savedKg.value).toBeCloseTo((0.9 * 0.624 * (1600 - 400)) / 1000, 10)
    for (const r of recommendations) expect(r.savedKg.low).toBeLessThanOrEqual(r.savedKg.value)
    expect(start!.title).toBe('Start the run in Germany up to 24 h later, at the cleanest hours')
    expect(region!.title).toBe('Move the run from AWS dirty-1 to AWS clean-1')
    expect(hardware!.title).toBe('Move the 2 runs from Old GPU to New GPU')
  })

  it('never recommends hardware with less memory than the current one (Small GPU is as efficient, 16 GB < 40 GB)', () => {
    expect(recommendations.some((r) => r.to === 'Small GPU')).toBe(false)
  })

  it("gives no start-time recommendation without the zone's hourly data, and honours the limit", () => {
    const withoutHourly = recommendChanges([a, b], ref, noLab, {}, { limit: 5 })
    expect(withoutHourly.map((r) => r.kind)).toEqual(['region', 'hardware'])
    expect(recommendChanges([a, b], ref, noLab, { 'DE-LU': deLu }, { limit: 1 })).toHaveLength(1)
  })

  it('recommends nothing for runs already at the best choice', () => {
    const clean = ledgerRun('c', {
      startedAt: '2024-05-01T00:00:00Z',
      durationS: 3600,
      devices: [{ ...old, hardwareId: 'gpu:new', name: 'New GPU' }],
      location: { kind: 'cloud', provider: 'aws', region: 'clean-1' }
    })
    expect(recommendChanges([clean], ref, noLab)).toEqual([])
  })
})

describe('a recommendation never saves more than the runs recorded, nor less than nothing', () => {
  // A's own figures as a measured run would record them: the same value, a much narrower range than the yearly
  // estimate the comparisons rest on. The estimate's high saving, scaled by the value's share, exceeds A's high.
  const narrow = {
    value: a.result.emissionsKg.value,
    low: 0.98 * a.result.emissionsKg.value,
    high: 1.02 * a.result.emissionsKg.value
  }
  const measured: LedgerRun = { ...a, result: { ...a.result, emissionsKg: narrow } }
  const unclamped = recommendChanges([a], ref, noLab).find((r) => r.kind === 'region')!

  it('keeps each term of the saving within the same term of the recorded emissions and at or above 0', () => {
    expect(unclamped.savedKg.high).toBeGreaterThan(narrow.value)
    for (const rec of recommendChanges([measured, b], ref, noLab, { 'DE-LU': deLu }, { limit: 10 })) {
      for (const term of ['low', 'value', 'high'] as const) {
        expect(rec.savedKg[term]).toBeGreaterThanOrEqual(0)
        expect(rec.savedKg[term]).toBeLessThanOrEqual(rec.emissionsKg[term] + 1e-12)
      }
    }
  })

  it('clamps the high bound at the recorded high where the scaled estimate would exceed it', () => {
    const region = recommendChanges([measured], ref, noLab).find((r) => r.kind === 'region')!
    expect(region.savedKg.value).toBeCloseTo(unclamped.savedKg.value, 12)
    expect(region.savedKg.high).toBe(Math.min(unclamped.savedKg.high, narrow.high))
  })
})
