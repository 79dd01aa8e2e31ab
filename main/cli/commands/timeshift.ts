import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { PlanningError } from '../../../shared/planning/errors'
import { type HourlySeries, isoHour, seriesOfProfile } from '../../../shared/planning/hourly'
import {
  comparePaperStrategies,
  planTimeShift,
  type ShiftPlan,
  type ShiftStrategy
} from '../../../shared/planning/timeshift'
import { findLocation, loadHourlyProfile, loadReferenceData, parseHourlyProfileCsv } from '../../../shared/refdata'
import { type Flags, InputError, UsageError } from '../args'
import { type Command, writeJson } from '../command'

const usage = `
usage: timeshift (--zone ZONE | --profile FILE) --start ISO --hours N --power-kw P
                 [--strategy flexible --window-hours W | --strategy pause-resume --extra-percent P] [--json]

Plans a job of N whole hours at constant power on a zone's hourly grid intensity (UTC hour slots, life-cycle
gCO2eq/kWh) and shows what moving it saves (Dodge et al. 2022).
  --zone ZONE          a bundled hourly zone (DE-LU, GB, US-CAL-CISO, ...) or a location that has one (gcp:europe-west3)
  --profile FILE       an hourly export of Electricity Maps (CSV) for another zone, instead of --zone
  --start ISO          asked start (ISO 8601); a start inside an hour counts from that UTC hour
  --hours N            whole hours of work
  --power-kw P         constant power drawn, kW
  --strategy S         flexible: the cheapest contiguous N hours starting within W hours of the start;
                       pause-resume: the N cheapest hours within floor(N × (1 + P/100)) hours from the start
  --window-hours W     flexible start window (whole hours)
  --extra-percent P    pause-and-resume allowance, % of N
Without --strategy, the paper's eight settings side by side (W = 6, 12, 18, 24; P = 25, 50, 75, 100).
--json: baselineKg, optimizedKg, savedKg, savingsPct, firstHour, hours (chosen UTC slots), baselineHours, the
considered intensities, notes; without --strategy, one such object per setting under "plans".
`

function strategyOf(flags: Flags): ShiftStrategy | undefined {
  flags.exclusive('window-hours', 'extra-percent')
  const kind = flags.string('strategy')
  const windowHours = flags.number('window-hours', { min: 0, max: 8784, integer: true })
  const extraPercent = flags.number('extra-percent', { min: 0, max: 10_000 })
  if (kind === undefined) {
    if (windowHours !== undefined || extraPercent !== undefined)
      throw new UsageError('--window-hours and --extra-percent need --strategy')
    return undefined
  }
  if (kind === 'flexible') {
    if (windowHours === undefined) throw new UsageError('--strategy flexible needs --window-hours W')
    return { kind: 'flexible', windowHours }
  }
  if (kind === 'pause-resume') {
    if (extraPercent === undefined) throw new UsageError('--strategy pause-resume needs --extra-percent P')
    return { kind: 'pause-resume', extraPercent }
  }
  throw new UsageError(`--strategy: '${kind}' is not flexible or pause-resume`)
}

/** ISO 8601; without an offset the time is taken as UTC, the hour slots' own zone. */
function parseUtc(text: string): number {
  const trimmed = text.trim()
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i.test(trimmed)
    ? Date.parse(hasOffset ? trimmed : `${trimmed}Z`)
    : NaN
  if (Number.isNaN(ms))
    throw new InputError(`--start: '${text}' is not an ISO 8601 date-time (e.g. 2024-03-01T14:00:00Z)`)
  return ms
}

function readProfile(path: string): HourlySeries {
  let text: string
  try {
    if (statSync(path).isDirectory()) throw new InputError(`--profile: ${path} is a folder, not a file`)
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError(`--profile: ${path}: no such file, or it cannot be read`)
  }
  try {
    return seriesOfProfile(parseHourlyProfileCsv(text, basename(path)))
  } catch (error) {
    throw new InputError(error instanceof Error ? error.message : String(error))
  }
}

/** A zone id, or any location whose entry names a bundled hourly zone. */
async function bundledSeries(text: string): Promise<HourlySeries> {
  const direct = await loadHourlyProfile(text.trim().toUpperCase())
  if (direct) return seriesOfProfile(direct)
  const ref = loadReferenceData()
  const entry = findLocation(ref, text)
  const profile = entry?.hourlyZone ? await loadHourlyProfile(entry.hourlyZone) : undefined
  if (profile) return seriesOfProfile(profile)
  const zones = [...new Set(ref.locations.flatMap((e) => (e.hourlyZone ? [e.hourlyZone] : [])))].sort()
  const what = entry ? `${entry.name} has no hourly data bundled` : `'${text}' is not a zone with hourly data`
  throw new InputError(
    `--zone: ${what} (bundled: ${zones.join(', ')}); import its Electricity Maps hourly export with --profile FILE`
  )
}

/** A PlanningError as bad input naming the flag it comes from. */
function inputErrorOf(error: PlanningError): InputError {
  const flag =
    error.code === 'outside-data'
      ? '--start'
      : error.code === 'longer-than-data' || error.code === 'past-end-of-data'
        ? '--hours'
        : undefined
  return new InputError(flag ? `${flag}: ${error.message}` : error.message)
}

function planJson(plan: ShiftPlan) {
  return {
    strategy: plan.strategy.kind,
    ...(plan.strategy.kind === 'flexible'
      ? { windowHours: plan.strategy.windowHours }
      : { extraPercent: plan.strategy.extraPercent }),
    baselineKg: plan.baselineKg,
    optimizedKg: plan.optimizedKg,
    savedKg: plan.savedKg,
    savingsPct: plan.savingsPct,
    firstHour: isoHour(plan.firstHourUtcMs),
    hours: plan.chosenHoursUtcMs.map(isoHour),
    baselineHours: plan.baselineHoursUtcMs.map(isoHour),
    considered: { firstHour: isoHour(plan.span.startUtcMs), intensitiesGPerKWh: plan.span.intensitiesGPerKWh },
    notes: plan.notes
  }
}

const settingLabel = (s: ShiftStrategy): string =>
  s.kind === 'flexible' ? `flexible W=${s.windowHours} h` : `pause-resume p=${s.extraPercent} %`

function planText(plans: ShiftPlan[], series: HourlySeries): string {
  const first = plans[0]!
  const lines = [
    `Zone ${series.zone} (${series.label}), life-cycle intensity; baseline ${first.baselineHoursUtcMs.length} h from ${isoHour(first.baselineHoursUtcMs[0]!)}: ${first.baselineKg.toFixed(3)} kg CO2eq`,
    '',
    ...plans.map(
      (p) =>
        `${settingLabel(p.strategy).padEnd(22)} ${p.optimizedKg.toFixed(3).padStart(10)} kg  saves ${p.savedKg.toFixed(3)} kg (${p.savingsPct.toFixed(1)} %)  first hour ${isoHour(p.firstHourUtcMs)}`
    ),
    ...[...new Set(plans.flatMap((p) => p.notes))].map((n) => `note: ${n}`),
    ''
  ]
  return lines.join('\n')
}

export const timeshift: Command = {
  name: 'timeshift',
  summary: 'plan a job at the cleanest hours of a zone (flexible start, pause and resume)',
  usage,
  booleanFlags: [],
  async run(positionals, flags, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`)
    flags.exclusive('zone', 'profile')
    const zone = flags.string('zone')
    const profile = flags.string('profile')
    const start = flags.string('start')
    const hours = flags.number('hours', { min: 1, max: 8784, integer: true })
    const powerKW = flags.number('power-kw', { min: 0, max: 1_000_000 })
    const strategy = strategyOf(flags)
    const json = flags.boolean('json')
    flags.rejectUnknown()
    if (zone === undefined && profile === undefined) throw new UsageError('give --zone ZONE or --profile FILE')
    if (start === undefined) throw new UsageError('--start ISO is required')
    if (hours === undefined) throw new UsageError('--hours N is required')
    if (powerKW === undefined) throw new UsageError('--power-kw P is required')
    const startUtcMs = parseUtc(start)

    const series = profile !== undefined ? readProfile(profile) : await bundledSeries(zone!)
    const job = { startUtcMs, hours, powerKW }
    let plans: ShiftPlan[]
    try {
      plans = strategy ? [planTimeShift(series, job, strategy)] : comparePaperStrategies(series, job)
    } catch (error) {
      if (error instanceof PlanningError) throw inputErrorOf(error)
      throw error
    }
    if (json)
      writeJson(
        io,
        strategy ? { zone: series.zone, ...planJson(plans[0]!) } : { zone: series.zone, plans: plans.map(planJson) }
      )
    else io.stdout(planText(plans, series))
  }
}
