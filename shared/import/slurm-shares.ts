/**
 * Energy accounting plugins measure whole nodes: a job sharing a node is charged everything the node drew while it
 * ran (../shared/formats/slurm-sacct.md §6). A job's share of a node is its allocated fraction among the jobs of the
 * file running there at the same time, by GPUs when they all hold GPUs, else by CPUs, weighted by time.
 */

export interface NodeUse {
  id: string
  jobId: string
  hosts: string[]
  startMs: number
  endMs: number
  gpus: number
  cpus: number
  /** Only measured allocations get a share; every allocation counts as a neighbour. */
  measured: boolean
}

export interface Share {
  /** 0–1: the part of the recorded energy that is the job's. */
  share: number
  by: 'gpus' | 'cpus'
  sharedWith: string[]
}

/** The shares of measured allocations that shared a node with another allocation of the file; the others are whole. */
export function allocationShares(uses: NodeUse[]): Map<string, Share> {
  const byHost = new Map<string, NodeUse[]>()
  for (const use of uses) {
    for (const host of use.hosts) {
      const list = byHost.get(host)
      if (list) list.push(use)
      else byHost.set(host, [use])
    }
  }
  const shares = new Map<string, Share>()
  for (const use of uses) {
    if (!use.measured || use.endMs <= use.startMs || use.hosts.length === 0) continue
    let sum = 0
    let by: Share['by'] = 'gpus'
    const others = new Set<string>()
    for (const host of use.hosts) {
      const neighbours = (byHost.get(host) ?? []).filter(
        (o) => o !== use && o.startMs < use.endMs && o.endMs > use.startMs
      )
      if (neighbours.length === 0) {
        sum += 1
        continue
      }
      const hostBy: Share['by'] = use.gpus > 0 && neighbours.every((o) => o.gpus > 0) ? 'gpus' : 'cpus'
      if (hostBy === 'cpus') by = 'cpus'
      for (const o of neighbours) others.add(o.jobId)
      sum += timeWeightedShare(use, neighbours, hostBy)
    }
    if (others.size > 0) {
      shares.set(use.id, { share: sum / use.hosts.length, by, sharedWith: [...others].sort() })
    }
  }
  return shares
}

function timeWeightedShare(use: NodeUse, neighbours: NodeUse[], by: Share['by']): number {
  // per node: a job on several nodes is taken to spread its allocation evenly over them
  const weight = (u: NodeUse): number => (by === 'gpus' ? u.gpus : u.cpus) / Math.max(1, u.hosts.length)
  const cuts = new Set<number>([use.startMs, use.endMs])
  for (const o of neighbours) {
    if (o.startMs > use.startMs) cuts.add(o.startMs)
    if (o.endMs < use.endMs) cuts.add(o.endMs)
  }
  const times = [...cuts].sort((a, b) => a - b)
  let weighted = 0
  for (let i = 0; i + 1 < times.length; i++) {
    const from = times[i] as number
    const to = times[i + 1] as number
    const active = neighbours.filter((o) => o.startMs < to && o.endMs > from)
    const own = weight(use)
    const total = own + active.reduce((n, o) => n + weight(o), 0)
    // allocations without the resource (0 CPUs listed) split the node evenly
    const part = total > 0 ? own / total : 1 / (active.length + 1)
    weighted += (to - from) * part
  }
  return weighted / (use.endMs - use.startMs)
}
