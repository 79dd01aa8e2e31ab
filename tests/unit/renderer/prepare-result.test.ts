import { describe, expect, it } from 'vitest'
import { prepareResult } from '../../../renderer/src/screens/import/prepare-result'
import { emptyClusterSettings } from '../../../shared/import/cluster'
import { importFixture } from '../import/support'

const measured = (runs: { input: { measuredEnergyKWh?: number } }[]): number =>
  runs.reduce((sum, r) => sum + (r.input.measuredEnergyKWh ?? 0), 0)

describe('what the Import preview stores from a multi-rank CodeCarbon file', () => {
  const parsed = importFixture('codecarbon/multi-rank.csv')

  it('merges every recognised group by default: a machine-mode run is counted once, not once per rank', () => {
    const { result, rankGroups, mergeIds } = prepareResult(parsed, emptyClusterSettings())
    expect(mergeIds).toEqual(rankGroups.map((g) => g.id))
    expect(result.runs).toHaveLength(7 - 3 - 1)
    // llm-ddp: one rank's 5.818 kWh (machine mode); vit-small: 0.412 + 0.407 (process mode); the later vit-small run
    expect(measured(result.runs)).toBeCloseTo(5.818 + 0.412 + 0.407 + 0.201, 9)
  })

  it('keeps a group apart when chosen: its ranks are stored as they were, each with its energy', () => {
    const groups = prepareResult(parsed, emptyClusterSettings()).rankGroups
    const ddp = groups.find((g) => g.project === 'llm-ddp')!
    const vit = groups.find((g) => g.project === 'vit-small')!
    const { result, mergeIds } = prepareResult(parsed, emptyClusterSettings(), [vit.id])
    expect(mergeIds).toEqual([vit.id])
    expect(result.runs).toHaveLength(7 - 1)
    expect(measured(result.runs)).toBeCloseTo(ddp.apartKWh! + 0.412 + 0.407 + 0.201, 9)
    expect(prepareResult(parsed, emptyClusterSettings(), []).result.runs).toEqual(parsed.runs)
  })

  it("puts the lab's people on Slurm runs", () => {
    const sacct = importFixture('slurm/sacct-energy-gpu.psv', { timeZone: 'Europe/Berlin' })
    const { result, rankGroups } = prepareResult(sacct, { partitions: {}, people: { anna: 'Anna Schmidt' } })
    expect(rankGroups).toEqual([])
    expect(result.runs.some((r) => r.input.person === 'Anna Schmidt')).toBe(true)
    expect(result.runs.some((r) => r.input.person === 'anna')).toBe(false)
  })
})
