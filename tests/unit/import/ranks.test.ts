import { describe, expect, it } from 'vitest'
import { runInputSchema } from '../../../shared/domain/run'
import { findRankGroups, mergeRanks } from '../../../shared/import'
import { importFixture } from './support'

describe('CodeCarbon rows of one distributed run (multi-rank)', () => {
  const result = importFixture('codecarbon/multi-rank.csv')
  const groups = findRankGroups(result.runs)

  it('recognises the ranks by project, devices and overlapping times, not the later run of the same project', () => {
    expect(result.runs).toHaveLength(7)
    expect(groups.map((g) => [g.project, g.trackingMode, g.ranks.map((r) => r.row)])).toEqual([
      ['llm-ddp', 'machine', [2, 3, 4, 5]],
      ['vit-small', 'process', [6, 7]]
    ])
  })

  it('rows of the same project and devices at the same time in other countries are other machines, not ranks', () => {
    const odd = importFixture('codecarbon/oddity-bad-values.csv')
    const ok = odd.runs.filter(
      (r) => r.externalId !== undefined && ['FRA', 'ESP'].includes(String(r.input.reported?.countryIso))
    )
    expect(ok.map((r) => r.input.reported?.countryIso).sort()).toEqual(['ESP', 'FRA'])
    expect(findRankGroups(odd.runs)).toEqual([])
  })

  it('machine mode: four ranks measured the same machine, so merging stores one rank, not four', () => {
    const ddp = groups[0]!
    expect(ddp.apartKWh).toBeCloseTo(5.812 + 5.815 + 5.809 + 5.818, 9)
    expect(ddp.mergedKWh).toBeCloseTo(5.818, 9)
    expect(ddp.merged.input.devices.find((d) => d.kind === 'gpu')?.count).toBe(4)
    expect(ddp.merged.input.reportedEmissionsKg).toBeCloseTo(5.818 * 0.056, 6)
    expect(ddp.merged.warningMsgs?.[0]?.id).toBe('ranks.mergedMachine')
  })

  it('process mode: each rank measured its own process and GPU, so merging adds them', () => {
    const vit = groups[1]!
    expect(vit.mergedKWh).toBeCloseTo(0.412 + 0.407, 9)
    expect(vit.apartKWh).toBeCloseTo(0.412 + 0.407, 9)
    expect(vit.merged.input.devices.find((d) => d.kind === 'gpu')?.count).toBe(2)
    expect(vit.merged.input.startedAt).toBe('2025-02-04T09:30:00Z')
    expect(vit.merged.input.durationS).toBeCloseTo(3602, 6)
  })

  it('keeps what the files reported for the merged run: its energy and the intensity it implies (issue 11)', () => {
    const [ddp, vit] = groups
    expect(ddp!.merged.input.reported?.energyKWh).toBeCloseTo(5.818, 9)
    expect(ddp!.merged.input.reported?.intensityGPerKWh).toBeCloseTo(
      (ddp!.merged.input.reportedEmissionsKg! / 5.818) * 1000,
      9
    )
    expect(ddp!.merged.input.reported?.countryIso).toBe('FRA')
    expect(vit!.merged.input.reported?.energyKWh).toBeCloseTo(0.412 + 0.407, 9)
    expect(runInputSchema.safeParse(vit!.merged.input).success).toBe(true)
  })

  it('merges the chosen groups only, each into one run that the ledger accepts, stable across re-imports', () => {
    const merged = mergeRanks(result, groups, new Set([groups[0]!.id]))
    expect(merged.runs).toHaveLength(4)
    const run = merged.runs[0]!
    expect(run.externalId).toBe(`${result.runs[0]!.externalId}+ranks`)
    expect(runInputSchema.parse(run.input)).toEqual(run.input)
    const again = findRankGroups(importFixture('codecarbon/multi-rank.csv').runs)
    expect(again.map((g) => g.id)).toEqual(groups.map((g) => g.id))
    expect(mergeRanks(result, groups, new Set()).runs).toEqual(result.runs)
  })
})
