import { describe, expect, it } from 'vitest'
import { add } from '../../../shared/domain/range'
import { compareHardware } from '../../../shared/planning/hardware'
import { compareLocations } from '../../../shared/planning/location'
import { type LedgerRun, recommendChanges } from '../../../shared/planning/recommend'
import { inRecordedTerms } from '../../../shared/planning/saving'
import { loadReferenceData } from '../../../shared/refdata/index'
import { LAB_DEFAULTS, labTables } from '../report/fixture-lab'

// recommendChanges compares thousands of runs: it validates its options once, keeps each provider's cleanest region
// per year and skips re-validating the ledger's runs. Its savings must be exactly those of the public comparisons,
// which validate every argument and compare each run on its own, restated as the same share of the run's recorded
// emissions (inRecordedTerms), so that no change saves more than the runs emitted.
describe('recommendChanges on the fixture lab: the same savings as comparing each run on its own', () => {
  const ref = loadReferenceData()
  const runs: LedgerRun[] = labTables({ runs: 120 }).runs.map((r) => ({ id: r.id, input: r.input, result: r.result }))
  const byId = new Map(runs.map((r) => [r.id!, r]))
  const recommendations = recommendChanges(runs, ref, LAB_DEFAULTS, {}, { limit: 1000 })

  it('finds both kinds of change', () => {
    expect(recommendations.filter((r) => r.kind === 'region').length).toBeGreaterThan(0)
    expect(recommendations.filter((r) => r.kind === 'hardware').length).toBeGreaterThan(0)
  })

  it('sums compareHardware’s saving on the recommended accelerator, run by run', () => {
    for (const rec of recommendations.filter((r) => r.kind === 'hardware')) {
      const savings = rec.runIds.map((id) => {
        const run = byId.get(id)!
        const rows = compareHardware({ kind: 'run', run: run.input }, ref, LAB_DEFAULTS).rows
        const current = rows.find((r) => r.current)!.emissionsKg.value
        return inRecordedTerms(rows.find((r) => r.name === rec.to)!.savingKg!, current, run.result.emissionsKg)
      })
      expect(rec.savedKg).toStrictEqual(add(...savings))
      expect(rec.savedKg.value).toBeLessThan(rec.emissionsKg.value)
    }
  })

  it('sums compareLocations’ saving in the recommended region, run by run', () => {
    for (const rec of recommendations.filter((r) => r.kind === 'region')) {
      const savings = rec.runIds.map((id) => {
        const run = byId.get(id)!
        const ranking = compareLocations(run.input, ref, LAB_DEFAULTS, { scopes: ['same-provider'] }).rankings[0]!
        const current = ranking.rows.find((r) => r.current)!.emissionsKg.value
        const saving = ranking.rows.find((r) => r.name === rec.to)!.savingKg
        return inRecordedTerms(saving, current, run.result.emissionsKg)
      })
      expect(rec.savedKg).toStrictEqual(add(...savings))
      expect(rec.savedKg.value).toBeLessThan(rec.emissionsKg.value)
    }
  })
})
