import { z } from 'zod'
import { add, exact, type Range, rangeSchema } from '../domain/range'
import type { StoredResult } from '../domain/result'
import type { RunInput } from '../domain/run'
import type { RunFigures } from '../emissions/compute'
import type { LabDefaults } from '../emissions/lab-defaults'
import { yearlyFiguresEstimator } from '../emissions/resolve'
import { HOURLY_INTENSITY_SPREAD } from '../emissions/uncertainty'
import type { ReferenceData } from '../refdata/index'
import { normaliseProvider, resolveLocation, yearlyIntensity } from '../refdata/locations'
import type { HardwareEntry, LocationEntry } from '../refdata/schema'
import { parseInput, PlanningError } from './errors'
import {
  DEFAULT_MFU,
  hardwareCandidates,
  type HardwareOptions,
  hardwareOptionsSchema,
  precisionSchema,
  rankHardware,
  runAccelerator
} from './hardware'
import type { HourlySeries } from './hourly'
import { locationCandidates, locationInputOf, runAt } from './location'
import { shiftJobOfRun } from './run-shift'
import { inRecordedTerms, savingAcrossLocations } from './saving'
import { type DeviceSegment, sameSegment, segmentOf } from './segment'
import { planTimeShift } from './timeshift'

/**
 * Recommendations from the lab's own runs of a period: for each kind of change (region, hardware, start time) and
 * each group of runs it applies to, what it would have saved; the few largest first.
 */

export interface LedgerRun {
  /** The ledger's id, so a screen can link to the runs; optional for runs not yet stored. */
  id?: string
  input: RunInput
  result: StoredResult
}

export interface Recommendation {
  kind: 'region' | 'hardware' | 'start-time'
  /** One sentence, e.g. "Move the 12 runs from AWS us-east-1 to AWS eu-north-1". */
  title: string
  from: string
  to: string
  runCount: number
  runIds: string[]
  /** kg CO2eq the change would have saved over those runs, location-based. */
  savedKg: Range
  /** Those runs' own recorded emissions, for scale. */
  emissionsKg: Range
}

export const recommendationOptionsSchema = z.object({
  /** How many recommendations to return. */
  limit: z.number().int().positive().default(3),
  precision: precisionSchema.default('fp16'),
  mfu: rangeSchema.default(DEFAULT_MFU),
  /** Flexible Start window for the start-time recommendation, hours. */
  windowHours: z.number().int().min(0).default(24)
})

type Options = z.infer<typeof recommendationOptionsSchema>

/** What every run's evaluation reads, built once per call. */
interface Context {
  ref: ReferenceData
  lab: LabDefaults
  options: Options
  locations: { locations: LocationEntry[] }
  regions: LocationEntry[]
  /** cleanestRegion by provider and year: the same for every run of a provider in a year. */
  cleanest: Map<string, LocationEntry | undefined>
  candidates: { entry: HardwareEntry; custom: boolean }[]
  hardware: HardwareEntry[]
  /** compareHardware's options for every run, validated once; hardwareIds is set per run. */
  hardwareOptions: HardwareOptions
  hourly: Record<string, HourlySeries>
  groups: Map<string, Group>
  /** estimateFigures on yearly factors, each distinct device, place and year resolved once for the whole call. */
  estimate: (input: RunInput) => RunFigures
  /** The most efficient candidate by current hardware and the name its segment is read from: the same for many runs. */
  efficient: Map<string, HardwareEntry | undefined>
}

interface Group {
  kind: Recommendation['kind']
  from: string
  to: string
  runs: LedgerRun[]
  savedKg: Range[]
}

function addTo(
  groups: Map<string, Group>,
  key: string,
  make: () => Omit<Group, 'runs' | 'savedKg'>,
  run: LedgerRun,
  savedKg: Range
): void {
  let group = groups.get(key)
  if (!group) groups.set(key, (group = { ...make(), runs: [], savedKg: [] }))
  group.runs.push(run)
  group.savedKg.push(savedKg)
}

const perITKWh = (emissionsKg: Range, it: Range): Range => ({
  value: it.value > 0 ? emissionsKg.value / it.value : 0,
  low: it.low > 0 ? emissionsKg.low / it.low : 0,
  high: it.high > 0 ? emissionsKg.high / it.high : 0
})

/** A cloud run's cleanest region of the same provider for its year: lowest yearly intensity × PUE. */
function cleanestRegion(
  entry: LocationEntry,
  year: number,
  regions: LocationEntry[],
  ref: ReferenceData
): LocationEntry | undefined {
  const provider = normaliseProvider(entry.provider ?? '')
  const score = (e: LocationEntry): number =>
    yearlyIntensity(e, year).intensity.intensityGPerKWh * (e.pue ?? providerPue(ref, provider) ?? 1)
  let best: LocationEntry | undefined
  for (const candidate of regions) {
    if (normaliseProvider(candidate.provider ?? '') !== provider) continue
    if (!best || score(candidate) < score(best)) best = candidate
  }
  return best
}

function providerPue(ref: ReferenceData, provider: string): number | undefined {
  const key = Object.keys(ref.defaults.pue.byProvider).find((k) => normaliseProvider(k) === provider)
  return key === undefined ? undefined : ref.defaults.pue.byProvider[key]
}

/** Moving a cloud run to its provider's cleanest region: same IT energy, that region's PUE and intensity. */
function regionSaving(run: LedgerRun, { ref, locations, regions, cleanest, groups, estimate }: Context): void {
  if (run.input.location.kind !== 'cloud') return
  const entry = resolveLocation(locations, run.input.location)
  if (!entry) return
  const year = new Date(run.input.startedAt).getUTCFullYear()
  const key = `${normaliseProvider(entry.provider ?? '')}:${year}`
  if (!cleanest.has(key)) cleanest.set(key, cleanestRegion(entry, year, regions, ref))
  const best = cleanest.get(key)
  const location = best && best.id !== entry.id ? locationInputOf(best) : undefined
  if (!best || !location) return
  // Both estimates on yearly averages, so that an hourly-based recorded result does not skew the difference.
  const here = estimate(run.input)
  const there = estimate(runAt(run.input, best, location))
  const saved = inRecordedTerms(
    savingAcrossLocations(
      here.itEnergyKWh,
      perITKWh(here.emissionsKg, here.itEnergyKWh),
      perITKWh(there.emissionsKg, there.itEnergyKWh)
    ),
    here.emissionsKg.value,
    run.result.emissionsKg
  )
  if (saved.value <= 0) return
  addTo(
    groups,
    `region:${entry.id}:${best.id}`,
    () => ({ kind: 'region', from: entry.name, to: best.name }),
    run,
    saved
  )
}

/**
 * The most efficient accelerator of the same kind and segment (highest FLOPS per watt at the precision) that has at
 * least the current one's memory, so the job still fits: a laptop GPU only against laptop GPUs, an inference part
 * only against inference parts (segment.ts). `segment` is the current device's, from the run's own name too (a
 * laptop part may be matched to its desktop namesake in the catalogue).
 */
function efficientHardware(
  current: HardwareEntry,
  segment: DeviceSegment,
  candidates: HardwareEntry[],
  precision: 'fp32' | 'fp16'
): HardwareEntry | undefined {
  const peak = (e: HardwareEntry): number | undefined => (precision === 'fp32' ? e.fp32Tflops : e.fp16Tflops)
  let best: HardwareEntry | undefined
  for (const e of candidates) {
    const p = peak(e)
    if (e.kind !== current.kind || p === undefined) continue
    if (!sameSegment(segmentOf(e.name, e.kind), segment)) continue
    if (current.memoryGB !== undefined && (e.memoryGB === undefined || e.memoryGB < current.memoryGB)) continue
    if (!best || p / e.tdpW > peak(best)! / best.tdpW) best = e
  }
  return best
}

function hardwareSaving(
  run: LedgerRun,
  { ref, lab, options, candidates, hardware, hardwareOptions, groups, estimate, efficient }: Context
): void {
  const current = runAccelerator(ref, lab, run.input, ['gpu', 'tpu'])
  if (!current) return
  const segmentName = `${run.input.devices[current.index]?.name ?? ''} ${current.entry.name}`
  const key = `${current.entry.id}\u0000${segmentName}`
  if (!efficient.has(key))
    efficient.set(
      key,
      efficientHardware(current.entry, segmentOf(segmentName, current.entry.kind), hardware, options.precision)
    )
  const best = efficient.get(key)
  if (!best || best.id === current.entry.id) return
  let comparison
  try {
    // The ledger's runs were validated when they were stored: compareHardware without checking each one again.
    comparison = rankHardware(
      { kind: 'run', run: run.input },
      { ...hardwareOptions, hardwareIds: [best.id] },
      ref,
      lab,
      candidates,
      estimate
    )
  } catch (error) {
    if (error instanceof PlanningError) return
    throw error
  }
  const row = comparison.rows.find((r) => r.hardwareId === best.id)
  const currentRow = comparison.rows.find((r) => r.current)
  if (!row?.savingKg || row.savingKg.value <= 0 || !currentRow) return
  addTo(
    groups,
    `hardware:${current.entry.id}:${best.id}`,
    () => ({ kind: 'hardware', from: current.entry.name, to: best.name }),
    run,
    inRecordedTerms(row.savingKg, currentRow.emissionsKg.value, run.result.emissionsKg)
  )
}

/** Flexible Start on the run's zone's hourly profile, when the caller loaded one that covers the run. */
function startTimeSaving(run: LedgerRun, { lab, locations, hourly, options, groups }: Context): void {
  if (Object.keys(hourly).length === 0) return
  const windowHours = options.windowHours
  const entry = resolveLocation(locations, run.input.location.kind === 'unknown' ? lab.location : run.input.location)
  const profile = entry?.hourlyZone ? hourly[entry.hourlyZone] : undefined
  if (!entry || !profile) return
  let plan
  try {
    plan = planTimeShift(profile, shiftJobOfRun(run.input, run.result).job, { kind: 'flexible', windowHours })
  } catch (error) {
    if (error instanceof PlanningError) return
    throw error
  }
  if (plan.savedKg <= 0) return
  const energy = run.result.energyKWh
  const ratio = (x: number): number => (energy.value > 0 ? x / energy.value : 1)
  const saved = inRecordedTerms(
    {
      value: plan.savedKg,
      low: plan.savedKg * ratio(energy.low) * (1 - HOURLY_INTENSITY_SPREAD),
      high: plan.savedKg * ratio(energy.high) * (1 + HOURLY_INTENSITY_SPREAD)
    },
    plan.baselineKg,
    run.result.emissionsKg
  )
  addTo(
    groups,
    `start:${entry.id}`,
    () => ({ kind: 'start-time', from: entry.name, to: `up to ${windowHours} h later` }),
    run,
    saved
  )
}

function titleOf(group: Group): string {
  const runs = group.runs.length === 1 ? 'the run' : `the ${group.runs.length} runs`
  switch (group.kind) {
    case 'region':
      return `Move ${runs} from ${group.from} to ${group.to}`
    case 'hardware':
      return `Move ${runs} from ${group.from} to ${group.to}`
    case 'start-time':
      return `Start ${runs} in ${group.from} ${group.to}, at the cleanest hours`
  }
}

/**
 * The few changes that would have saved the most over `runs` (a period of the ledger), each with its kg saved and
 * range. `hourly` holds the series of the zones the caller could load (loadHourlyProfile → seriesOfProfile); runs in
 * other zones get no start-time recommendation. Pure: plain data in and out.
 */
export function recommendChanges(
  runs: LedgerRun[],
  ref: ReferenceData,
  lab: LabDefaults,
  hourly: Record<string, HourlySeries> = {},
  optionsDraft: z.input<typeof recommendationOptionsSchema> = {}
): Recommendation[] {
  const options = parseInput(recommendationOptionsSchema, optionsDraft, 'options')
  const all = locationCandidates(ref, lab)
  const candidates = hardwareCandidates(ref, lab)
  const context: Context = {
    ref,
    lab,
    options,
    locations: { locations: all },
    regions: all.filter((e) => e.kind === 'cloud'),
    cleanest: new Map(),
    candidates,
    hardware: candidates.map((c) => c.entry),
    hardwareOptions: hardwareOptionsSchema.parse({ precision: options.precision, mfu: options.mfu }),
    hourly,
    groups: new Map(),
    estimate: yearlyFiguresEstimator(ref, lab),
    efficient: new Map()
  }
  for (const run of runs) {
    regionSaving(run, context)
    hardwareSaving(run, context)
    startTimeSaving(run, context)
  }
  return [...context.groups.values()]
    .map((group) => ({
      kind: group.kind,
      title: titleOf(group),
      from: group.from,
      to: group.to,
      runCount: group.runs.length,
      runIds: group.runs.flatMap((r) => (r.id === undefined ? [] : [r.id])),
      savedKg: add(...group.savedKg),
      emissionsKg: group.runs.reduce((sum, r) => add(sum, r.result.emissionsKg), exact(0))
    }))
    .sort((a, b) => b.savedKg.value - a.savedKg.value || a.title.localeCompare(b.title))
    .slice(0, options.limit)
}
