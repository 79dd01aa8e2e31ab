import { z } from 'zod'
import { isTimeZone } from './time-zone'
import type { ImportResult } from './types'
import { type SlurmPartition, slurmPartitionSchema } from './types'

/**
 * What a lab sets once for its cluster and the app remembers (the settings table, key CLUSTER_KEY): each partition's
 * hardware and location, and the person each Slurm user name stands for. Applied to every later sacct import, from
 * the Import screen and from watched folders. Account → project is remembered by the ledger's project mappings,
 * like CodeCarbon's project names.
 */
export const CLUSTER_KEY = 'cluster'

const name = z.string().trim().min(1).max(200)

export const clusterSettingsSchema = z.object({
  partitions: z.record(name, slurmPartitionSchema).default({}),
  people: z.record(name, name).default({}),
  /** The zone sacct runs in, offered first when a sacct file is imported (each import may choose another). */
  timeZone: z.string().refine(isTimeZone, 'not a time zone name').optional()
})
export type ClusterSettings = z.infer<typeof clusterSettingsSchema>

export const emptyClusterSettings = (): ClusterSettings => ({ partitions: {}, people: {} })

/** The lab's partitions with a watched folder's own on top (a folder of another cluster may name them differently). */
export function partitionsFor(
  lab: ClusterSettings,
  folder: Record<string, SlurmPartition> | undefined
): Record<string, SlurmPartition> {
  return { ...lab.partitions, ...folder }
}

/** The Slurm runs of an import with their user names replaced by the people the lab mapped them to. */
export function applyPeople(result: ImportResult, people: Record<string, string>): ImportResult {
  if (Object.keys(people).length === 0) return result
  return {
    ...result,
    runs: result.runs.map((run) => {
      const person = run.input.source.kind === 'slurm' ? people[run.input.person.trim()] : undefined
      if (person === undefined) return run
      return {
        ...run,
        input: {
          ...run.input,
          person,
          notes: [run.input.notes, `Person ${person}: the lab's mapping of Slurm user ${run.input.person}.`]
            .filter((n) => n !== '')
            .join('\n')
            .slice(0, 10_000)
        }
      }
    })
  }
}

/** The Slurm user names of an import, each with its run count, in order of first appearance. */
export function slurmUsers(result: ImportResult): { user: string; runs: number }[] {
  const counts = new Map<string, number>()
  for (const run of result.runs) {
    if (run.input.source.kind !== 'slurm') continue
    const user = run.input.person.trim()
    counts.set(user, (counts.get(user) ?? 0) + 1)
  }
  return [...counts].map(([user, runs]) => ({ user, runs }))
}
