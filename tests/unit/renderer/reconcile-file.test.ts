import { describe, expect, it } from 'vitest'
import { reconcileFile } from '../../../renderer/src/screens/import/reconcile-file'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateRun } from '../../../shared/emissions/resolve'
import { loadReferenceData } from '../../../shared/refdata/index'
import { importFixture } from '../import/support'

const ref = loadReferenceData()
const compute =
  (lab = labDefaultsSchema.parse({})) =>
  (input: Parameters<typeof estimateRun>[0]) =>
    estimateRun(input, ref, lab)

describe("the import preview's comparison of a file's own emissions with the ledger's", () => {
  const sample = importFixture('codecarbon/codecarbon-repo-sample.csv')

  it("sums the runs that reported emissions (19 of the sample's 21) and splits the difference", () => {
    const file = reconcileFile(sample.runs, compute())!
    expect(file.runsWithFigures).toBe(19)
    expect(file.limited).toBe(false)
    const reported = sample.runs.reduce((sum, r) => sum + (r.input.reportedEmissionsKg ?? 0), 0)
    expect(file.totals.reportedKg).toBeCloseTo(reported, 15)
    expect(file.totals.parts.reduce((sum, p) => sum + p.gapKg, 0)).toBeCloseTo(file.totals.gapKg, 15)
    // the file's PUE 1.0 is the ledger's too: all of the difference is the intensity
    expect(file.totals.parts[0]!.kind).toBe('intensity')
    expect(file.totals.parts[0]!.gapKg).toBeCloseTo(file.totals.gapKg, 15)
  })

  it("compares the recomputed figure also when the lab counts the file's", () => {
    const byDefault = reconcileFile(sample.runs, compute())!
    const counted = reconcileFile(sample.runs, compute(labDefaultsSchema.parse({ countedEmissions: 'reported' })))!
    expect(counted.totals.recomputedKg).toBeCloseTo(byDefault.totals.recomputedKg, 15)
  })

  it('compares only the first runs of a long file, and says so', () => {
    const file = reconcileFile(sample.runs, compute(), 5)!
    expect(file.totals.runs).toBe(5)
    expect(file.runsWithFigures).toBe(19)
    expect(file.limited).toBe(true)
  })

  it('has nothing to compare for a file without reported emissions', () => {
    const h100 = importFixture('nvidia-smi/h100-training-power.csv')
    expect(reconcileFile(h100.runs, compute())).toBeUndefined()
  })
})
