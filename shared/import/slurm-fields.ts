/** Readers of sacct's cells (../shared/formats/slurm-sacct.md §4, §7): pure, each answers a value or a problem. */
import { type Message, msg } from '../messages/index'
import { clip } from './values'

/** The columns the recommended command exports, in its order: a file without a header is read with them. */
export const SACCT_COLUMNS = [
  'JobID',
  'JobIDRaw',
  'JobName',
  'User',
  'Account',
  'Partition',
  'State',
  'ExitCode',
  'Start',
  'End',
  'ElapsedRaw',
  'AllocTRES',
  'ConsumedEnergyRaw',
  'NodeList',
  'NNodes'
] as const

/** What the message for a file missing columns recommends. */
export const SACCT_COMMAND = `TZ=UTC sacct --allusers --duplicates --starttime 2025-01-01T00:00:00 --endtime 2025-04-01T00:00:00 --parsable2 --format=${SACCT_COLUMNS.join(',')} > cluster.psv`

/** Every field name sacct prints that a file's header may hold (lower case): detection and delimiter finding. */
export const KNOWN_SACCT_FIELDS = new Set(
  [
    ...SACCT_COLUMNS,
    'Cluster',
    'Elapsed',
    'ConsumedEnergy',
    'AllocGRES',
    'ReqGRES',
    'AllocCPUS',
    'ReqMem',
    'Submit',
    'Group',
    'UID',
    'GID',
    'TRESUsageInAve',
    'TRESUsageInTot',
    'TRESUsageOutTot',
    'ReqTRES',
    'Timelimit',
    'CPUTime',
    'CPUTimeRAW',
    'MaxRSS',
    'QOS',
    'WorkDir',
    'Comment',
    'Eligible',
    'Reservation',
    'Priority',
    'AllocNodes',
    'NCPUS',
    'NTasks',
    'Suspended',
    'TotalCPU',
    'DerivedExitCode'
  ].map((f) => f.toLowerCase())
)

/**
 * End states of jobs that did not run to completion yet used the cluster (§7). Everything else that ran is either
 * COMPLETED or still going (RUNNING, SUSPENDED, …: provisional).
 */
const UNSUCCESSFUL = new Set([
  'CANCELLED',
  'FAILED',
  'TIMEOUT',
  'OUT_OF_MEMORY',
  'NODE_FAIL',
  'PREEMPTED',
  'REQUEUED',
  'BOOT_FAIL',
  'DEADLINE',
  'REVOKED'
])
const IN_PROGRESS = new Set(['RUNNING', 'SUSPENDED', 'RESIZING', 'REQUEUE_FED', 'REQUEUE_HOLD', 'STOPPED', 'SIGNALING'])

/** The first word of State, without `by <uid>` or the table layout's `+`. */
export function stateOf(text: string): string {
  return (text.trim().split(/\s+/)[0] ?? '').replace(/\+$/, '').toUpperCase()
}

export type StateClass = 'completed' | 'unsuccessful' | 'in-progress' | 'pending' | 'unknown'

export function classifyState(state: string): StateClass {
  if (state === 'COMPLETED') return 'completed'
  if (UNSUCCESSFUL.has(state)) return 'unsuccessful'
  if (IN_PROGRESS.has(state)) return 'in-progress'
  if (state === 'PENDING') return 'pending'
  return 'unknown'
}

/** A JobID taken apart (§3): `58101`, `7700_3`, `7700_[12-40%4]`, `58200+1`, and their steps after a dot. */
export interface JobIdParts {
  /** Everything before the first dot: the allocation the row belongs to. */
  allocation: string
  /** The part of the allocation that names its run: a heterogeneous job's components share it (58200+1 → 58200). */
  run: string
  /** The step after the dot (batch, extern, 0, 0+1), absent on allocation rows. */
  step?: string
  /** A row of array tasks not yet started (7700_[12-40%4]). */
  pendingArray: boolean
}

export function jobIdParts(jobId: string): JobIdParts {
  const text = jobId.trim()
  // a pending array's range may hold no dot, but its brackets never hold the step's
  const close = text.indexOf(']')
  const dot = text.indexOf('.', close === -1 ? 0 : close)
  const allocation = dot === -1 ? text : text.slice(0, dot)
  const plus = allocation.indexOf('+')
  return {
    allocation,
    run: plus === -1 ? allocation : allocation.slice(0, plus),
    ...(dot === -1 ? {} : { step: text.slice(dot + 1) }),
    pendingArray: allocation.includes('[')
  }
}

/** problem completes "<field> …" in a row's error. */
export type Read<T> = { ok: true; value: T } | { ok: false; problem: Message }

/** Whole seconds of ElapsedRaw. */
export function readElapsedRaw(text: string): Read<number> {
  const t = text.trim()
  if (!/^\d+$/.test(t)) return { ok: false, problem: msg('cell.notWholeSeconds', { text: clip(t) }) }
  const value = Number(t)
  if (!Number.isSafeInteger(value)) return { ok: false, problem: msg('cell.outOfRange', { text: clip(t) }) }
  return { ok: true, value }
}

/** Elapsed as `[D-]HH:MM:SS`, `MM:SS` or `MM:SS.mmm` (days may exceed 99). */
export function readElapsed(text: string): Read<number> {
  const t = text.trim()
  const m = /^(?:(\d+)-)?(?:(\d+):)?(\d+):(\d+(?:\.\d+)?)$/.exec(t)
  if (!m || (m[1] !== undefined && m[2] === undefined)) {
    return { ok: false, problem: msg('cell.notElapsed', { text: clip(t) }) }
  }
  const [, d, h, mi, s] = m
  const minutes = Number(mi)
  const seconds = Number(s)
  if ((h !== undefined && minutes > 59) || seconds >= 60)
    return { ok: false, problem: msg('cell.notElapsed', { text: clip(t) }) }
  return { ok: true, value: Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3600 + minutes * 60 + seconds }
}

/** The resources of an AllocTRES cell (§4): GPUs, CPUs, memory, nodes and energy as counted over the whole job. */
export interface Tres {
  /** The untyped gres/gpu count, or the sum of the typed ones when the site lists only those. */
  gpus: number
  /** gres/gpu:<type>=N entries, in the cell's order. */
  gpuTypes: { type: string; count: number }[]
  cpus?: number
  memoryGB?: number
  nodes?: number
  energyJ?: number
}

const MEMORY_UNITS: Record<string, number> = { K: 1 / 1024 ** 2, M: 1 / 1024, G: 1, T: 1024, P: 1024 ** 2 }

export function readTres(text: string): Read<Tres> {
  const tres: Tres = { gpus: 0, gpuTypes: [] }
  let untyped: number | undefined
  for (const entry of text.split(',')) {
    const item = entry.trim()
    if (item === '') continue
    const eq = item.indexOf('=')
    if (eq === -1) return { ok: false, problem: msg('cell.notTres', { text: clip(item) }) }
    const name = item.slice(0, eq).toLowerCase()
    const value = item.slice(eq + 1)
    if (name === 'mem') {
      const m = /^(\d+(?:\.\d+)?)([KMGTP]?)$/i.exec(value)
      if (!m) return { ok: false, problem: msg('cell.notTres', { text: clip(item) }) }
      tres.memoryGB = Number(m[1]) * (MEMORY_UNITS[(m[2] || 'M').toUpperCase()] ?? 1)
      continue
    }
    const counted =
      name === 'cpu' || name === 'node' || name === 'energy' || name === 'gres/gpu' || name.startsWith('gres/gpu:')
    if (!counted) continue
    if (!/^\d+$/.test(value)) return { ok: false, problem: msg('cell.notTres', { text: clip(item) }) }
    const n = Number(value)
    if (name === 'cpu') tres.cpus = n
    else if (name === 'node') tres.nodes = n
    else if (name === 'energy') tres.energyJ = n
    else if (name === 'gres/gpu') untyped = n
    else if (name.startsWith('gres/gpu:')) tres.gpuTypes.push({ type: item.slice('gres/gpu:'.length, eq), count: n })
    // gres/gpumem, gres/gpuutil: usage metrics, not GPUs
  }
  // never typed and untyped together: the untyped count is the total when the site gives it
  tres.gpus = untyped ?? tres.gpuTypes.reduce((sum, t) => sum + t.count, 0)
  return { ok: true, value: tres }
}

/** GPUs of the old AllocGRES/ReqGRES strings (`gpu:2`, `gpu:a100:2`, `gpu:a100:2(IDX:0-1)`), for old clusters. */
export function readGres(text: string): Tres['gpuTypes'] {
  const types: Tres['gpuTypes'] = []
  for (const entry of text.split(',')) {
    const m = /^gpu(?::([^:(]+))?:(\d+)/i.exec(entry.trim())
    if (m) types.push({ type: m[1] ?? '', count: Number(m[2]) })
  }
  return types
}

/** ConsumedEnergy with its suffix (K, M, G, T, P = ×1000ⁿ), when the raw field is absent. */
export function readEnergyWithSuffix(text: string): Read<number | undefined> {
  const t = text.trim()
  if (t === '') return { ok: true, value: undefined }
  const m = /^(\d+(?:\.\d+)?)([KMGTP]?)$/i.exec(t)
  if (!m) return { ok: false, problem: msg('cell.notJoules', { text: clip(t) }) }
  const power = ' KMGTP'.indexOf((m[2] || ' ').toUpperCase())
  return { ok: true, value: Number(m[1]) * 1000 ** power }
}

/**
 * The host names of a compressed Slurm host list: `gpu[03-04]` → gpu03, gpu04; `n[01-02,07],login1`; several
 * bracket groups in one name multiply out. `None assigned` → none.
 */
export function expandHostList(text: string): string[] {
  const t = text.trim()
  if (t === '' || t.toLowerCase().startsWith('none')) return []
  const hosts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i <= t.length; i++) {
    const c = t[i]
    if (c === '[') depth += 1
    else if (c === ']') depth -= 1
    else if ((c === ',' && depth === 0) || i === t.length) {
      hosts.push(...expandHost(t.slice(start, i)))
      start = i + 1
    }
  }
  return hosts
}

function expandHost(pattern: string): string[] {
  const open = pattern.indexOf('[')
  if (open === -1) return pattern === '' ? [] : [pattern]
  const close = pattern.indexOf(']', open)
  if (close === -1) return [pattern]
  const head = pattern.slice(0, open)
  const tails = expandHost(pattern.slice(close + 1))
  const out: string[] = []
  for (const range of pattern.slice(open + 1, close).split(',')) {
    const [from = '', to] = range.split('-')
    const width = from.length
    const last = to === undefined ? Number(from) : Number(to)
    // a range this long is no host list: kept as written rather than expanded
    if (!/^\d+$/.test(from) || !Number.isFinite(last) || last - Number(from) > 100_000) return [pattern]
    for (let n = Number(from); n <= last; n++) {
      const name = head + String(n).padStart(width, '0')
      for (const tail of tails.length > 0 ? tails : ['']) out.push(name + tail)
    }
  }
  return out
}
