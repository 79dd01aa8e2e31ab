import { findRankGroups, type ImportResult, mergeRanks, type RankGroup } from '../../../../shared/import'
import { applyPeople, type ClusterSettings } from '../../../../shared/import/cluster'

export interface Prepared {
  /** What the preview shows and the commit stores. */
  result: ImportResult
  /** CodeCarbon rows recognised as ranks of one run. */
  rankGroups: RankGroup[]
  /** The groups to merge. */
  mergeIds: string[]
}

/**
 * The importer's result as the ledger will take it: Slurm users as the lab's people, and recognised ranks merged
 * (all of them unless chosen otherwise: kept apart, machine-mode ranks count one machine once per rank).
 */
export function prepareResult(parsed: ImportResult, cluster: ClusterSettings, mergeIds?: readonly string[]): Prepared {
  const people = applyPeople(parsed, cluster.people)
  const rankGroups = findRankGroups(people.runs)
  const chosen = mergeIds
    ? rankGroups.map((g) => g.id).filter((id) => mergeIds.includes(id))
    : rankGroups.map((g) => g.id)
  return { result: mergeRanks(people, rankGroups, new Set(chosen)), rankGroups, mergeIds: chosen }
}
