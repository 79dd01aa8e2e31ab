import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { spread } from '../../../shared/domain/range'
import { type Instruments, instrumentsSchema } from '../../../shared/emissions/instruments'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import {
  type MarketCell,
  type MarketContext,
  marketFigures,
  marketSpan,
  offsetsOf,
  runMarketShare
} from '../../../shared/emissions/market'
import { runsMarket } from '../../../shared/emissions/run-market'

// Germany's grid at 400 g/kWh (±10 %), France's at 50; a cloud region in Germany.
const PLACES: Record<string, { codes: string[]; provider?: string }> = {
  'zone:DE': { codes: ['DE', 'DEU'] },
  'country:FRA': { codes: ['FR', 'FRA'] },
  'cloud:gcp:europe-west3': { codes: ['DE', 'DEU'], provider: 'gcp' }
}
const context: MarketContext = { placeOf: (id) => PLACES[id] }
const cell = (month: string, kWh: number, gPerKWh = 400, locationId = 'zone:DE', project = 'p1'): MarketCell => ({
  month,
  locationId,
  project,
  energyKWh: spread(kWh, 0.1),
  emissionsKg: {
    value: (kWh * gPerKWh) / 1000,
    low: (kWh * 0.9 * gPerKWh * 0.9) / 1000,
    high: (kWh * 1.1 * gPerKWh * 1.1) / 1000
  }
})
const instruments = (i: z.input<typeof instrumentsSchema>): Instruments => instrumentsSchema.parse(i)
const go = (over: Record<string, unknown> = {}) => ({
  id: 'c1',
  type: 'GO' as const,
  volumeMWh: 1.5,
  place: 'de',
  fromMonth: '2025-01',
  toMonth: '2025-12',
  reference: 'GO-DE-2025-001',
  ...over
})
const Q1 = { fromMonth: '2025-01', toMonth: '2025-03' }
const quarter = [cell('2025-01', 1000), cell('2025-02', 1000), cell('2025-03', 1000)]

describe('market-based emissions from contractual instruments', () => {
  it('allocates a certificate in time order until its MWh are used up, mid-period', () => {
    const m = marketFigures(quarter, instruments({ certificates: [go()] }), Q1, context)
    // January covered, half of February, none of March: 0 + 200 + 400 kg.
    expect(m.marketEmissionsKg.value).toBeCloseTo(600, 9)
    expect(m.locationFallbackKWh).toBeCloseTo(1500, 9)
    const certificate = m.lines.find((l) => l.kind === 'certificate')!
    expect(certificate).toMatchObject({ energyKWh: 1500, emissionsKg: 0, usedMWhToDate: 1.5 })
    expect(m.lines.find((l) => l.kind === 'location')?.energyKWh).toBeCloseTo(1500, 9)
    // March alone: what January and February used is gone, so March is at its location-based figure.
    const march = { fromMonth: '2025-03', toMonth: '2025-03' }
    expect(marketSpan(instruments({ certificates: [go()] }), march)).toEqual({
      fromMonth: '2025-01',
      toMonth: '2025-03'
    })
    expect(marketFigures(quarter, instruments({ certificates: [go()] }), march, context).marketEmissionsKg.value).toBe(
      400
    )
  })

  it('covers nothing outside the certificate’s place, and never a cloud region', () => {
    const cells = [...quarter, cell('2025-01', 1000, 400, 'cloud:gcp:europe-west3')]
    const france = marketFigures(cells, instruments({ certificates: [go({ place: 'FRA' })] }), Q1, context)
    expect(france.marketEmissionsKg.value).toBeCloseTo(1600, 9)
    expect(france.lines.some((l) => l.kind === 'certificate')).toBe(false)
    const germany = marketFigures(cells, instruments({ certificates: [go({ volumeMWh: 10 })] }), Q1, context)
    // The three own months are covered; the cloud month keeps its location-based 400 kg.
    expect(germany.marketEmissionsKg.value).toBeCloseTo(400, 9)
  })

  it('applies a supplier factor only in its period and place, after certificates', () => {
    const supplier = {
      id: 's1',
      place: 'DE',
      fromMonth: '2025-02',
      toMonth: '2025-03',
      intensityGPerKWh: 300,
      source: 'Stadtwerke disclosure 2025'
    }
    const m = marketFigures(quarter, instruments({ supplierFactors: [supplier], certificates: [go()] }), Q1, context)
    // January covered; February: 500 kWh covered, 500 at 300 g; March: 1000 at 300 g.
    expect(m.marketEmissionsKg.value).toBeCloseTo(150 + 300, 9)
    expect(m.lines.map((l) => l.kind)).toEqual(['certificate', 'supplier'])
    expect(m.locationFallbackKWh).toBe(0)
    const before = marketFigures(
      quarter,
      instruments({ supplierFactors: [{ ...supplier, fromMonth: '2025-03' }] }),
      Q1,
      context
    )
    expect(before.marketEmissionsKg.value).toBeCloseTo(400 + 400 + 300, 9)
    expect(before.locationFallbackKWh).toBe(2000)
  })

  it('puts uncovered energy at the residual mix where one is bundled, else at location-based with the fallback noted', () => {
    const withResidual: MarketContext = {
      ...context,
      residualOf: (place, year) =>
        place.codes.includes('DE') ? { intensityGPerKWh: 700, sourceId: 'aib-residual-mix', year } : undefined
    }
    const m = marketFigures(quarter, instruments({ certificates: [go()] }), Q1, withResidual)
    expect(m.marketEmissionsKg.value).toBeCloseTo(1500 * 0.7, 9)
    expect(m.locationFallbackKWh).toBe(0)
    expect(m.lines.at(-1)).toMatchObject({ kind: 'residual', mix: { sourceId: 'aib-residual-mix' } })
    const none = marketFigures(quarter, instruments({ certificates: [go()] }), Q1, context)
    expect(none.locationFallbackKWh).toBeGreaterThan(0)
  })

  it("uses a cloud provider's claim only when the lab opts in, for its year", () => {
    const cells = [cell('2025-01', 1000, 400, 'cloud:gcp:europe-west3')]
    const claim = { id: 'p1', provider: 'Google Cloud', intensityGPerKWh: 0, year: 2025, source: 'Google 2025 report' }
    expect(marketFigures(cells, instruments({ providerClaims: [claim] }), Q1, context).marketEmissionsKg.value).toBe(
      400
    )
    const opted = marketFigures(cells, instruments({ providerClaims: [claim], optInProviderClaims: true }), Q1, context)
    expect(opted.marketEmissionsKg.value).toBe(0)
    expect(opted.lines[0]).toMatchObject({ kind: 'provider', energyKWh: 1000 })
    const otherYear = instruments({ providerClaims: [{ ...claim, year: 2024 }], optInProviderClaims: true })
    expect(marketFigures(cells, otherYear, Q1, context).marketEmissionsKg.value).toBe(400)
  })

  it('never subtracts offsets: they are reported apart, by year', () => {
    const offsets = [
      { id: 'o1', tonnes: 5, project: 'Peatland rewetting', year: 2025 },
      { id: 'o2', tonnes: 3, project: 'Cookstoves', year: 2024 }
    ]
    const lab = labDefaultsSchema.parse({ offsets })
    const with_ = marketFigures(quarter, lab.instruments, Q1, context)
    const without = marketFigures(quarter, labDefaultsSchema.parse({}).instruments, Q1, context)
    expect(with_.marketEmissionsKg).toEqual(without.marketEmissionsKg)
    expect(with_.marketEmissionsKg.value).toBe(1200)
    expect(offsetsOf(lab.offsets, Q1)).toMatchObject({ tonnes: 5, offsets: [{ id: 'o1' }] })
  })

  it('refuses instruments that cannot be right, at their field', () => {
    const bad = instrumentsSchema.safeParse({ certificates: [go({ volumeMWh: -1, toMonth: '2024-12' })] })
    expect(bad.success).toBe(false)
    const paths = bad.error!.issues.map((i) => i.path.join('.'))
    expect(paths).toContain('certificates.0.volumeMWh')
    expect(instrumentsSchema.safeParse({ certificates: [go({ toMonth: '2024-12' })] }).error?.issues[0]?.path).toEqual([
      'certificates',
      0,
      'toMonth'
    ])
  })

  it('keeps every figure finite, with low ≤ value ≤ high, and never covers more than the certificate’s volume', () => {
    const month = fc.integer({ min: 1, max: 12 }).map((m) => `2025-${String(m).padStart(2, '0')}`)
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            month,
            fc.double({ min: 0, max: 1e7, noNaN: true }),
            fc.constantFrom('zone:DE', 'country:FRA', 'cloud:gcp:europe-west3', 'nowhere')
          ),
          { maxLength: 20 }
        ),
        fc.double({ min: 0.001, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 2000, noNaN: true }),
        (rows, mwh, supplierG) => {
          const cells = rows.map(([m, kWh, loc]) => cell(m, kWh, 400, loc))
          const i = instruments({
            certificates: [go({ volumeMWh: mwh })],
            supplierFactors: [
              {
                id: 's',
                place: 'FR',
                fromMonth: '2025-01',
                toMonth: '2025-12',
                intensityGPerKWh: supplierG,
                source: 'x'
              }
            ]
          })
          const m = marketFigures(cells, i, { fromMonth: '2025-01', toMonth: '2025-12' }, context)
          const r = m.marketEmissionsKg
          expect([r.low, r.value, r.high].every(Number.isFinite)).toBe(true)
          expect(r.low).toBeLessThanOrEqual(r.value + 1e-9 * Math.max(1, r.value))
          expect(r.value).toBeLessThanOrEqual(r.high + 1e-9 * Math.max(1, r.high))
          const covered = m.lines.filter((l) => l.kind === 'certificate').reduce((s, l) => s + l.energyKWh, 0)
          expect(covered).toBeLessThanOrEqual(mwh * 1000 * (1 + 1e-9))
        }
      ),
      { numRuns: 200 }
    )
  })

  it('uses a residual-mix factor the lab entered for its place and year, naming its source', () => {
    const residual = {
      id: 'r1',
      place: 'DE',
      year: 2025,
      intensityGPerKWh: 650,
      source: 'AIB European Residual Mix 2025'
    }
    const m = marketFigures(quarter, instruments({ certificates: [go()], residualMixes: [residual] }), Q1, context)
    // 1.5 MWh covered at 0, the other 1.5 MWh at 650 g/kWh; nothing left at location-based.
    expect(m.marketEmissionsKg.value).toBeCloseTo(975, 9)
    expect(m.locationFallbackKWh).toBe(0)
    expect(m.lines.at(-1)).toMatchObject({ kind: 'residual', mix: { sourceId: 'AIB European Residual Mix 2025' } })
    // Another year's residual mix does not apply.
    const old = instruments({ residualMixes: [{ ...residual, year: 2024 }] })
    expect(marketFigures(quarter, old, Q1, context).marketEmissionsKg.value).toBe(1200)
  })

  it("gives each run its share of the period's allocation, so the runs sum to the period's figure", () => {
    // Two runs in January (300 and 700 kWh), one across February and March; a 1.5 MWh certificate.
    const part = (month: string, kWh: number) => ({
      month,
      energyKWh: spread(kWh, 0.1),
      emissionsKg: cell(month, kWh).emissionsKg
    })
    const runs = [
      { id: 'a', locationId: 'zone:DE', months: [part('2025-01', 300)], ownMarketKg: spread(120, 0.2) },
      { id: 'b', locationId: 'zone:DE', months: [part('2025-01', 700)], ownMarketKg: spread(280, 0.2) },
      {
        id: 'c',
        locationId: 'zone:DE',
        months: [part('2025-02', 1000), part('2025-03', 1000)],
        ownMarketKg: spread(800, 0.2)
      }
    ]
    const i = instruments({ certificates: [go()] })
    const byRun = runsMarket(runs, quarter, i, context)
    expect(byRun.get('a')).toMatchObject({ basis: 'instruments', emissionsKg: { value: 0 } })
    // Half of February covered, March not: 200 + 400 kg.
    expect(byRun.get('c')!.emissionsKg.value).toBeCloseTo(600, 9)
    const sum = [...byRun.values()].reduce((s, r) => s + r.emissionsKg.value, 0)
    expect(sum).toBeCloseTo(marketFigures(quarter, i, Q1, context).marketEmissionsKg.value, 9)
    const c = byRun.get('c')!.emissionsKg
    expect(c.low).toBeLessThan(c.value)
    expect(c.high).toBeGreaterThan(c.value)
    // Without instruments each run's own figure stands, labelled so.
    const none = runsMarket(runs, quarter, instruments({}), context)
    expect(none.get('b')).toEqual({ basis: 'run', emissionsKg: spread(280, 0.2) })
    // A month the rates lack counts at location-based.
    expect(runMarketShare([part('2026-01', 10)], 'zone:DE', new Map()).value).toBeCloseTo(4, 9)
  })
})
