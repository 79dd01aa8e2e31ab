import type { DeviceInput, ReportedFigures } from '../domain/run'
import { msg } from '../messages/index'
import { runWarnings } from './issues'
import type { ImportedRun, ImportResult } from './types'

/**
 * Distributed training writes one CodeCarbon row per rank (CodeCarbon issues #544, PR #1390): rows of one run are
 * recognised by the same project, the same devices and overlapping times (each rank starts and stops within seconds
 * of the others). The preview offers to merge them or keep them apart, with the energy each choice stores.
 */

/** Two rows are ranks of one run when their times overlap by at least this share of the shorter one. */
export const RANK_OVERLAP = 0.9

export interface RankGroup {
  /** Stable across re-imports: the first rank's id. */
  id: string
  project: string
  /** machine: every rank measured the whole machine; process: each its own process (CodeCarbon's tracking_mode). */
  trackingMode: 'machine' | 'process'
  ranks: ImportedRun[]
  /** What the ranks store kept apart: the sum of their measured energies (undefined when none was measured). */
  apartKWh: number | undefined
  /** What the merged run stores. */
  mergedKWh: number | undefined
  merged: ImportedRun
}

const startMs = (run: ImportedRun): number => Date.parse(run.input.startedAt)
const endMs = (run: ImportedRun): number => startMs(run) + run.input.durationS * 1000
const devicesKey = (devices: DeviceInput[]): string =>
  devices
    .map((d) => `${d.kind}|${d.hardwareId ?? d.name}|${d.count}`)
    .sort()
    .join(';')

/** The groups of two or more CodeCarbon rows that look like ranks of one run, in file order. */
export function findRankGroups(runs: readonly ImportedRun[]): RankGroup[] {
  const byKind = new Map<string, ImportedRun[]>()
  for (const run of runs) {
    if (run.input.source.kind !== 'codecarbon' || run.input.durationS <= 0) continue
    // Ranks share a machine or a cluster's place: rows of other locations are other machines, never ranks of one run.
    const key = `${run.input.project}\u001f${devicesKey(run.input.devices)}\u001f${JSON.stringify(run.input.location ?? null)}`
    const list = byKind.get(key)
    if (list) list.push(run)
    else byKind.set(key, [run])
  }
  const groups: RankGroup[] = []
  for (const list of byKind.values()) {
    const sorted = [...list].sort((a, b) => startMs(a) - startMs(b))
    let current: ImportedRun[] = []
    for (const run of sorted) {
      const first = current[0]
      if (first !== undefined && overlapShare(first, run) >= RANK_OVERLAP) current.push(run)
      else {
        if (current.length > 1) groups.push(groupOf(current))
        current = [run]
      }
    }
    if (current.length > 1) groups.push(groupOf(current))
  }
  return groups.sort((a, b) => (a.ranks[0]?.row ?? 0) - (b.ranks[0]?.row ?? 0))
}

function overlapShare(a: ImportedRun, b: ImportedRun): number {
  const overlap = Math.min(endMs(a), endMs(b)) - Math.max(startMs(a), startMs(b))
  const shorter = Math.min(a.input.durationS, b.input.durationS) * 1000
  return shorter > 0 ? Math.max(0, overlap) / shorter : 0
}

function groupOf(ranks: ImportedRun[]): RankGroup {
  const byRow = [...ranks].sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
  const first = byRow[0] as ImportedRun
  // CodeCarbon's default is machine; a file without the column is taken as such
  const trackingMode = byRow.every((r) => r.trackingMode === 'process') ? 'process' : 'machine'
  const measured = byRow.flatMap((r) => (r.input.measuredEnergyKWh === undefined ? [] : [r.input.measuredEnergyKWh]))
  const apartKWh = measured.length > 0 ? measured.reduce((a, b) => a + b, 0) : undefined
  const longest = byRow.reduce((a, b) => (b.input.durationS > a.input.durationS ? b : a))
  const from = Math.min(...byRow.map(startMs))
  const to = Math.max(...byRow.map(endMs))
  const sum = (values: (number | undefined)[]): number | undefined =>
    values.every((v) => v !== undefined) ? values.reduce<number>((a, b) => a + (b ?? 0), 0) : undefined
  // machine mode: every rank measured the same machine, so the run's figure is one rank's (the one that ran longest);
  // process mode: each rank measured its own process, so the run's figure is their sum
  const mergedKWh =
    trackingMode === 'machine' ? longest.input.measuredEnergyKWh : sum(byRow.map((r) => r.input.measuredEnergyKWh))
  const reported =
    trackingMode === 'machine' ? longest.input.reportedEmissionsKg : sum(byRow.map((r) => r.input.reportedEmissionsKg))
  // ranks that each see the whole machine share its devices; ranks that see one device each add theirs
  const gpusSeen = first.input.devices.filter((d) => d.kind === 'gpu').reduce((n, d) => n + d.count, 0)
  const shared = trackingMode === 'machine' || gpusSeen >= byRow.length
  const devices = first.input.devices.map((d) =>
    shared || d.kind !== 'gpu' ? { ...d } : { ...d, count: d.count * byRow.length }
  )
  const id = `${first.externalId}+ranks`
  const warnings = [
    msg(trackingMode === 'machine' ? 'ranks.mergedMachine' : 'ranks.mergedProcess', { ranks: byRow.length }),
    ...(first.warningMsgs ?? [])
  ]
  const { reportedEmissionsKg: _dropped, measuredEnergyKWh: _measured, reported: firstReported, ...base } = first.input
  // what the files reported, for the merged run: its energy and the intensity it implies are the merged ones
  let mergedReported: ReportedFigures | undefined
  if (firstReported !== undefined) {
    const { energyKWh: _energy, intensityGPerKWh: _intensity, ...where } = firstReported
    mergedReported = where
    if (mergedKWh !== undefined) mergedReported.energyKWh = mergedKWh
    if (reported !== undefined && mergedKWh !== undefined && mergedKWh > 0)
      mergedReported.intensityGPerKWh = (reported / mergedKWh) * 1000
  }
  const merged: ImportedRun = {
    ...first,
    externalId: id,
    input: {
      ...base,
      startedAt: new Date(from).toISOString().replace('.000Z', 'Z'),
      durationS: (to - from) / 1000,
      devices,
      ...(mergedKWh !== undefined ? { measuredEnergyKWh: mergedKWh } : {}),
      ...(reported !== undefined ? { reportedEmissionsKg: reported } : {}),
      ...(mergedReported !== undefined ? { reported: mergedReported } : {}),
      notes: [`Merged from ${byRow.length} ranks: ${byRow.map((r) => r.externalId).join(', ')}`, base.notes]
        .filter((n) => n !== '')
        .join('\n'),
      source: { ...first.input.source, externalId: id }
    },
    ...runWarnings(warnings)
  }
  return { id, project: first.input.project, trackingMode, ranks: byRow, apartKWh, mergedKWh, merged }
}

/** The import with the chosen groups merged (each into one run at its first rank's place); the others kept apart. */
export function mergeRanks(
  result: ImportResult,
  groups: readonly RankGroup[],
  mergeIds: ReadonlySet<string>
): ImportResult {
  const replaced = new Map<string, ImportedRun | null>()
  for (const group of groups) {
    if (!mergeIds.has(group.id)) continue
    group.ranks.forEach((rank, i) => replaced.set(rank.externalId, i === 0 ? group.merged : null))
  }
  const runs = result.runs.flatMap((run) => {
    const replacement = replaced.get(run.externalId)
    return replacement === undefined ? [run] : replacement === null ? [] : [replacement]
  })
  return { ...result, runs }
}
