import { describe, expect, it } from 'vitest'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { compareLocations } from '../../../shared/planning/location'
import { planningRef } from './refdata-fixture'

const ref = planningRef()
const noLab = labDefaultsSchema.parse({})
// One Old GPU (TDP 400 W, 360 W at full load) for 10 h: 3.6 kWh of IT energy (2.4–4.4 with the full-load range)
const run = {
  startedAt: '2024-05-01T00:00:00Z',
  durationS: 10 * 3600,
  devices: [{ kind: 'gpu' as const, hardwareId: 'gpu:old', name: 'Old GPU', count: 1 }],
  location: { kind: 'cloud' as const, provider: 'aws', region: 'dirty-1' }
}

describe('compareLocations', () => {
  const c = compareLocations(run, ref, noLab)
  const ranking = (scope: string) => c.rankings.find((r) => r.scope === scope)!

  it('estimates the current location: 3.6 kWh × AWS PUE 1.2 × 500 g/kWh = 2.16 kg', () => {
    expect(c.current.locationId).toBe('cloud:aws:dirty-1')
    expect(c.current.emissionsKg.value).toBeCloseTo(2.16, 10)
    expect(c.itEnergyKWh.value).toBeCloseTo(3.6, 10)
  })

  it("ranks the same provider's regions, all cloud regions, countries and zones by emissions", () => {
    expect(c.rankings.map((r) => r.scope)).toEqual(['same-provider', 'cloud', 'country', 'zone'])
    expect(ranking('same-provider').rows.map((r) => r.locationId)).toEqual(['cloud:aws:clean-1', 'cloud:aws:dirty-1'])
    expect(ranking('cloud').rows.map((r) => r.locationId)).toEqual([
      'cloud:gcp:green-1',
      'cloud:aws:clean-1',
      'cloud:aws:dirty-1'
    ])
    expect(ranking('country').rows.map((r) => r.name)).toEqual(['France'])
    expect(ranking('zone').rows[0]).toMatchObject({ name: 'Germany', hourlyZone: 'DE-LU', intensityYear: 2024 })
  })

  it('uses each cloud region its own PUE and renewable share, market-based beside', () => {
    const green = ranking('cloud').rows[0]!
    expect(green.emissionsKg.value).toBeCloseTo((3.6 * 1.1 * 20) / 1000, 10)
    expect(green.marketEmissionsKg.value).toBe(0)
    expect(green.pue.value).toBe(1.1)
    // a country keeps the workload's own data centre: unknown, 1.56
    expect(ranking('country').rows[0]!.emissionsKg.value).toBeCloseTo((3.6 * 1.56 * 50) / 1000, 10)
  })

  it('gives the saving against the current location with its range, by hand', () => {
    const clean = ranking('same-provider').rows[0]!
    expect(clean.savingKg.value).toBeCloseTo(0.9 * (2.4 - 0.48), 10)
    // IT 2.4–4.4 kWh; current PUE × intensity 1.14 × 450 … 1.26 × 550 g; clean 1.14 × 90 … 1.26 × 110 g
    expect(clean.savingKg.low).toBeCloseTo(2.4 * (1.14 * 0.45 - 1.26 * 0.11), 10)
    expect(clean.savingKg.high).toBeCloseTo(4.4 * (1.26 * 0.55 - 1.14 * 0.09), 10)
    const current = ranking('same-provider').rows[1]!
    expect(current.current).toBe(true)
    expect(current.savingKg.value).toBe(0)
  })

  it('has no same-provider ranking away from the cloud, and says so', () => {
    const onPrem = compareLocations({ ...run, location: { kind: 'zone', zone: 'DE-LU' } }, ref, noLab)
    expect(onPrem.rankings.map((r) => r.scope)).toEqual(['cloud', 'country', 'zone'])
    expect(onPrem.notes.join(' ')).toContain('no same-provider ranking')
    expect(onPrem.rankings[2]!.rows[0]!.current).toBe(true)
  })

  it('only the scopes asked for', () => {
    expect(compareLocations(run, ref, noLab, { scopes: ['country'] }).rankings.map((r) => r.scope)).toEqual(['country'])
  })
})
