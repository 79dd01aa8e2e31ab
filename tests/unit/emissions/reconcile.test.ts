import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exact } from '../../../shared/domain/range'
import { type RunInputDraft, runInputSchema } from '../../../shared/domain/run'
import { computeRun } from '../../../shared/emissions/compute'
import { countEmissions } from '../../../shared/emissions/counted'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { reconcile, reconcileTotals } from '../../../shared/emissions/reconcile'
import { estimateRun } from '../../../shared/emissions/resolve'
import { english } from '../../../shared/messages/index'
import { loadReferenceData } from '../../../shared/refdata/index'
import { importFixture } from '../import/support'
import { factors } from './factors-fixture'

const run = (draft: Partial<RunInputDraft>) =>
  runInputSchema.parse({
    startedAt: '2024-05-31T10:00:00Z',
    durationS: 3600,
    source: { kind: 'codecarbon', fileName: 'emissions.csv' },
    ...draft
  })

/** A CodeCarbon file written before 2.2.3 (no pue column): 0.1 kWh at 235 g/kWh, 0.0235 kg. */
const oldFile = run({
  measuredEnergyKWh: 0.1,
  reportedEmissionsKg: 0.0235,
  reported: { energyKWh: 0.1, intensityGPerKWh: 235, countryName: 'France', countryIso: 'FRA', region: 'île-de-france' }
})
/** The ledger's data: the unknown data centre's PUE 1.56 and 408.3 g/kWh, so 0.1 × 1.56 × 408.3 / 1000 kg. */
const ledgerFactors = factors({
  pue: { pue: exact(1.56), origin: 'unknown-data-centre', sourceId: 'run-input' },
  location: { ...factors().location, intensityGPerKWh: exact(408.3) }
})

describe('reconcile', () => {
  it('splits the gap into PUE and intensity, the parts summing to it (hand-computed)', () => {
    const result = computeRun(oldFile, ledgerFactors)
    const r = reconcile(oldFile, result)!
    // ledger 0.1 × 1.56 × 408.3 / 1000 = 0.0636948 kg against the file's 0.0235 kg
    expect(r.recomputedKg).toBeCloseTo(0.0636948, 7)
    expect(r.reportedKg).toBe(0.0235)
    expect(r.gapKg).toBeCloseTo(0.0401948, 7)
    // L = gap / ln(0.0636948 / 0.0235) = 0.0401948 / 0.997126 = 0.0403106
    // PUE: L × ln(1.56) = 0.0403106 × 0.444686 = 0.0179255; intensity: L × ln(408.3 / 235) = 0.0403106 × 0.552440
    const byKind = Object.fromEntries(r.parts.map((p) => [p.kind, p]))
    expect(byKind.pue!.fileValue).toBe(1)
    expect(byKind.pue!.ledgerValue).toBeCloseTo(1.56, 10)
    expect(byKind.pue!.gapKg).toBeCloseTo(0.0179255, 6)
    expect(byKind.intensity!.fileValue).toBe(235)
    expect(byKind.intensity!.ledgerValue).toBe(408.3)
    expect(byKind.intensity!.gapKg).toBeCloseTo(0.0222693, 6)
    expect(byKind.energy!.ratio).toBeCloseTo(1, 12)
    expect(byKind.energy!.gapKg).toBeCloseTo(0, 12)
    expect(r.parts.reduce((sum, p) => sum + p.gapKg, 0)).toBeCloseTo(r.gapKg, 12)
    // the largest part first; the energy part, which does not move the figure, is no reason
    expect(r.parts[0]!.kind).toBe('intensity')
    const reasons = r.reasons.map(english)
    expect(reasons).toHaveLength(2)
    expect(reasons[0]).toBe(
      'Grid intensity: the file used 235 g/kWh for France (FRA), île-de-france; the ledger uses 408 g/kWh (Test grid, custom value; Figures given for this run (entered or imported)) (55% of the gap)'
    )
    expect(reasons[1]).toBe(
      'PUE: the file applied none (it has no pue column); the ledger applies 1.56 (average of an unknown data centre) (45% of the gap)'
    )
  })

  it('says the figures agree when energy, PUE and intensity are the same', () => {
    const input = run({
      measuredEnergyKWh: 2,
      measuredEnergyIncludesPue: true,
      pue: 1.2,
      reportedEmissionsKg: 0.2,
      reported: { energyKWh: 2, pue: 1.2, intensityGPerKWh: 100 }
    })
    const result = computeRun(input, factors({ pue: { pue: exact(1.2), origin: 'run', sourceId: 'run-input' } }))
    const r = reconcile(input, result)!
    expect(r.gapKg).toBeCloseTo(0, 12)
    expect(r.parts.every((p) => Math.abs(p.gapKg) < 1e-12)).toBe(true)
    expect(r.reasons.map(english)).toEqual(['The file and the ledger agree: the same energy, PUE and intensity.'])
  })

  it('names an IT energy the ledger counts differently (an edited run) and a PUE the file applied', () => {
    // file: 1 kWh with its PUE 1.0 at 200 g/kWh = 0.2 kg; ledger: 0.5 kWh IT × 1.5 at 200 g/kWh = 0.15 kg
    const input = run({
      measuredEnergyKWh: 0.5,
      reportedEmissionsKg: 0.2,
      reported: { energyKWh: 1, pue: 1, intensityGPerKWh: 200 }
    })
    const result = computeRun(
      input,
      factors({
        pue: { pue: exact(1.5), origin: 'lab', sourceId: 'lab-defaults' },
        location: { ...factors().location, intensityGPerKWh: exact(200) }
      })
    )
    const r = reconcile(input, result)!
    expect(r.recomputedKg).toBeCloseTo(0.15, 12)
    const byKind = Object.fromEntries(r.parts.map((p) => [p.kind, p]))
    // L = −0.05 / ln(0.75) = 0.173803; energy L × ln(0.5) = −0.120472, PUE L × ln(1.5) = 0.070472
    expect(byKind.energy!.gapKg).toBeCloseTo(-0.120472, 5)
    expect(byKind.pue!.gapKg).toBeCloseTo(0.070472, 5)
    expect(byKind.intensity!.gapKg).toBeCloseTo(0, 12)
    expect(byKind.energy!.gapKg + byKind.pue!.gapKg).toBeCloseTo(-0.05, 12)
    expect(english(r.reasons[0]!)).toBe(
      'IT energy: the file measured 1 kWh; the ledger counts 0.5 kWh (241% of the gap)'
    )
  })

  it('does not split a gap when the file reports 0 kg, and names CodeCarbon falling back to Quebec', () => {
    const input = run({
      measuredEnergyKWh: 0.1,
      reportedEmissionsKg: 0,
      reported: { energyKWh: 0.1, countryName: 'Canada', countryIso: 'CAN', region: 'quebec', locationFallback: true }
    })
    const r = reconcile(input, computeRun(input, factors()))!
    expect(r.parts).toEqual([])
    expect(r.reasons.map(english)).toEqual([
      "CodeCarbon could not locate the machine and fell back to its default (Canada (CAN), quebec): the file's intensity is not the machine's grid; the ledger uses the run's or the lab's location instead.",
      'The gap cannot be split into its parts: the file or the ledger has a zero or missing energy or emissions figure.'
    ])
  })

  it('reads a run imported before the reported block from its stored energy and PUE', () => {
    // CodeCarbon 2.5 file: 2 kWh with its PUE 1.2 in it, 0.2 kg; the ledger: the same PUE at 150 g/kWh
    const input = run({ measuredEnergyKWh: 2, measuredEnergyIncludesPue: true, pue: 1.2, reportedEmissionsKg: 0.2 })
    const f = factors({
      pue: { pue: exact(1.2), origin: 'run', sourceId: 'run-input' },
      location: { ...factors().location, intensityGPerKWh: exact(150) }
    })
    const r = reconcile(input, computeRun(input, f))!
    const byKind = Object.fromEntries(r.parts.map((p) => [p.kind, p]))
    expect(byKind.pue!.fileValue).toBe(1.2)
    expect(byKind.pue!.ratio).toBeCloseTo(1, 12)
    expect(byKind.intensity!.fileValue).toBeCloseTo(100, 12)
    expect(byKind.intensity!.gapKg).toBeCloseTo(0.1, 12)
  })

  it('has nothing to reconcile for a run without reported emissions', () => {
    const input = run({ measuredEnergyKWh: 1 })
    expect(reconcile(input, computeRun(input, factors()))).toBeUndefined()
  })

  it("explains a real CodeCarbon file's gap with the bundled data (CodeCarbon's repository sample)", () => {
    const imported = importFixture('codecarbon/codecarbon-repo-sample.csv')
    const first = imported.runs.find((r) => r.externalId === 'codecarbon:409f7ac2-203f-4191-9bf4-e3cdf9470de8')!
    const result = estimateRun(first.input, loadReferenceData(), labDefaultsSchema.parse({}))
    const r = reconcile(first.input, result)!
    expect(r.reportedKg).toBe(3.435810400385386e-5)
    const byKind = Object.fromEntries(r.parts.map((p) => [p.kind, p]))
    // the file: 3.4358e-5 kg / 0.00040479 kWh = 84.88 g/kWh for France; its PUE 1.0 is the ledger's too
    expect(byKind.intensity!.fileValue).toBeCloseTo(84.88, 2)
    expect(byKind.intensity!.ledgerValue).toBe(result.intensityGPerKWh.value)
    expect(byKind.pue!.ratio).toBeCloseTo(1, 12)
    expect(byKind.energy!.ratio).toBeCloseTo(1, 12)
    expect(r.parts.reduce((sum, p) => sum + p.gapKg, 0)).toBeCloseTo(r.gapKg, 15)
    expect(byKind.intensity!.gapKg).toBeCloseTo(r.gapKg, 15)
    expect(english(r.reasons[0]!)).toMatch(
      /^Grid intensity: the file used 84\.88 g\/kWh for France \(FRA\), île-de-france; the ledger uses [\d.]+ g\/kWh \(France, 2024 yearly average; /
    )
  })
})

describe('which figure the ledger counts', () => {
  const result = computeRun(oldFile, ledgerFactors)

  it('counts the recomputed figure by default', () => {
    expect(countEmissions(oldFile, result, ledgerFactors, labDefaultsSchema.parse({}))).toBe(result)
  })

  it("counts the file's figure when the lab says so, with a range reaching the recomputed one", () => {
    const counted = countEmissions(oldFile, result, ledgerFactors, { countedEmissions: 'reported' })
    expect(counted.emissionsKg.value).toBe(0.0235)
    expect(counted.emissionsKg.low).toBeLessThanOrEqual(0.0235)
    expect(counted.emissionsKg.high).toBeCloseTo(0.0636948, 7)
    expect(counted.recomputed?.emissionsKg).toEqual(result.emissionsKg)
    expect(counted.marketEmissionsKg.value).toBe(0.0235)
    expect(counted.equivalents.carKm).toBeCloseTo(23.5 / 175, 12)
    expect(counted.trace.map((s) => s.labelMsg?.id)).toContain('trace.countedReported')
    expect(counted.assumptions.at(-1)).toBe(
      "The lab counts the emissions the file reported (0.0235 kg, at the file's 235 g/kWh) instead of the 0.0637 kg recomputed with the ledger's data; both stay visible."
    )
    // the reconciliation still compares the file with the recomputed figure
    expect(reconcile(oldFile, counted)!.recomputedKg).toBeCloseTo(0.0636948, 7)
  })

  it('leaves a run without reported emissions as computed', () => {
    const input = run({ measuredEnergyKWh: 1 })
    const plain = computeRun(input, factors())
    expect(countEmissions(input, plain, factors(), { countedEmissions: 'reported' })).toBe(plain)
  })
})

describe('reconcileTotals', () => {
  it("sums a file's runs and their parts, the parts adding up to the gap", () => {
    const other = run({
      measuredEnergyKWh: 0.2,
      reportedEmissionsKg: 0.02,
      reported: { energyKWh: 0.2, intensityGPerKWh: 100, locationFallback: true }
    })
    const list = [oldFile, other].map((input) => reconcile(input, computeRun(input, ledgerFactors))!)
    const totals = reconcileTotals(list)
    expect(totals.runs).toBe(2)
    expect(totals.reportedKg).toBeCloseTo(0.0435, 12)
    // 0.0636948 + 0.2 × 1.56 × 408.3 / 1000 = 0.0636948 + 0.1273896
    expect(totals.recomputedKg).toBeCloseTo(0.1910844, 7)
    expect(totals.parts.reduce((s, p) => s + p.gapKg, 0)).toBeCloseTo(totals.gapKg, 12)
    expect(totals.parts[0]!.kind).toBe('intensity')
    expect(totals.fallbackRuns).toBe(1)
    expect(totals.unsplitRuns).toBe(0)
    expect(totals.largest).toBe(list[1])
  })
})

describe('reconcile, for any figures', () => {
  it('splits every gap into finite parts that sum to it, and counts a finite range holding both figures', () => {
    const positive = (max: number) => fc.double({ min: 1e-6, max, noNaN: true })
    fc.assert(
      fc.property(
        positive(1e4),
        fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: undefined }),
        positive(1500),
        fc.double({ min: 1, max: 5, noNaN: true }),
        positive(1500),
        (fileKWh, filePue, fileG, ledgerPue, ledgerG) => {
          const input = run({
            measuredEnergyKWh: fileKWh,
            measuredEnergyIncludesPue: filePue !== undefined,
            ...(filePue !== undefined ? { pue: filePue } : {}),
            reportedEmissionsKg: (fileKWh * fileG) / 1000,
            reported: {
              energyKWh: fileKWh,
              intensityGPerKWh: fileG,
              ...(filePue !== undefined ? { pue: filePue } : {})
            }
          })
          const f = factors({
            pue: { pue: exact(filePue ?? ledgerPue), origin: 'run', sourceId: 'run-input' },
            location: {
              ...factors().location,
              intensityGPerKWh: { value: ledgerG, low: ledgerG * 0.9, high: ledgerG * 1.1 }
            }
          })
          const result = computeRun(input, f)
          const r = reconcile(input, result)!
          expect(r.parts).toHaveLength(3)
          for (const p of r.parts) expect(Number.isFinite(p.gapKg)).toBe(true)
          const sum = r.parts.reduce((s, p) => s + p.gapKg, 0)
          expect(Math.abs(sum - r.gapKg)).toBeLessThanOrEqual(1e-9 * Math.max(r.reportedKg, r.recomputedKg))
          const counted = countEmissions(input, result, f, { countedEmissions: 'reported' }).emissionsKg
          expect(counted.value).toBe(input.reportedEmissionsKg)
          expect(counted.low).toBeLessThanOrEqual(Math.min(counted.value, r.recomputedKg))
          expect(counted.high).toBeGreaterThanOrEqual(Math.max(counted.value, r.recomputedKg))
        }
      ),
      { numRuns: 300 }
    )
  })
})
