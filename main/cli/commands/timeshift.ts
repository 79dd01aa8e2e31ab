import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { PlanningError } from '../../../shared/planning/errors'
import { type HourlySeries, isoHour, seriesOfProfile } from '../../../shared/planning/hourly'
import { HOUR_MS } from '../../../shared/planning/hourly'
import { type ProjectedSeries, seriesOnAnyDate } from '../../../shared/planning/projection'
import { dodgeStudy, type Study, type StudyZone } from '../../../shared/planning/study'
import { strategySpan } from '../../../shared/planning/sweep'
import {
  comparePaperStrategies,
  PAPER_STRATEGIES,
  planTimeShift,
  type ShiftPlan,
  type ShiftStrategy
} from '../../../shared/planning/timeshift'
import {
  bundledHourlyYears,
  findLocation,
  loadHourlyProfile,
  loadReferenceData,
  parseHourlyProfileCsv
} from '../../../shared/refdata'
import { type Flags, InputError, UsageError } from '../args'
import { type Command, writeJson } from '../command'

const usage = `
usage: timeshift (--zone ZONE | --profile FILE) --start ISO --hours N --power-kw P
                 [--strategy flexible --window-hours W | --strategy pause-resume --extra-percent P] [--json]
       timeshift --study --hours N --power-kw P --year Y [--zones ZONE[:YEAR],...] [--json]

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
--study: Dodge et al.'s study: per zone, the mean saving over every start hour of year Y of each of the eight
settings, beside the saving of running in that zone instead of the dirtiest one studied. --zones picks zones (a
zone's own year after a colon, e.g. US-MIDW-MISO:2023); by default every bundled zone with data for Y.
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

/** A bundled hourly zone named directly, or through a location whose entry names one. */
function bundledZone(text: string): string {
  const direct = text.trim().toUpperCase()
  if (bundledHourlyYears(direct).length > 0) return direct
  const ref = loadReferenceData()
  const entry = findLocation(ref, text)
  if (entry?.hourlyZone && bundledHourlyYears(entry.hourlyZone).length > 0) return entry.hourlyZone
  const zones = [...new Set(ref.locations.flatMap((e) => (e.hourlyZone ? [e.hourlyZone] : [])))].sort()
  const what = entry ? `${entry.name} has no hourly data bundled` : `'${text}' is not a zone with hourly data`
  throw new InputError(
    `--zone: ${what} (bundled: ${zones.join(', ')}); import its Electricity Maps hourly export with --profile FILE`
  )
}

/**
 * The zone's series over the hours the plans look at, on any date (issue 12): the bundled years' actual hours, and
 * beyond them a projection from the same weeks and hours of every bundled year (projection.ts).
 */
async function bundledSeries(text: string, startUtcMs: number, spanHours: number): Promise<ProjectedSeries> {
  const zone = bundledZone(text)
  const profiles = await Promise.all(bundledHourlyYears(zone).map((year) => loadHourlyProfile(zone, year)))
  const years = profiles.flatMap((p) =>
    p
      ? [
          {
            year: new Date(p.startUtc).getUTCFullYear(),
            startUtcMs: Date.parse(p.startUtc),
            values: p.lifecycleGPerKWh
          }
        ]
      : []
  )
  const first = profiles.find((p) => p !== undefined)!
  return seriesOnAnyDate(zone, first.name, first.sourceId, years, startUtcMs, startUtcMs + (spanHours + 1) * HOUR_MS)
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

async function runStudy(flags: Flags, io: Parameters<Command['run']>[2]): Promise<void> {
  const hours = flags.number('hours', { min: 1, max: 8784, integer: true })
  const powerKW = flags.number('power-kw', { min: 0, max: 1_000_000 })
  const year = flags.number('year', { min: 1900, max: 2200, integer: true })
  const zonesText = flags.string('zones')
  const json = flags.boolean('json')
  flags.rejectUnknown()
  if (hours === undefined) throw new UsageError('--hours N is required')
  if (powerKW === undefined) throw new UsageError('--power-kw P is required')
  if (year === undefined) throw new UsageError('--year Y is required')
  const ref = loadReferenceData()
  const wanted = zonesText
    ? zonesText.split(',').map((item) => {
        const [zone, own] = item.trim().toUpperCase().split(':')
        const zoneYear = own === undefined ? year : Number(own)
        if (!zone || !Number.isInteger(zoneYear)) throw new InputError(`--zones: '${item}' is not ZONE or ZONE:YEAR`)
        return { zone, year: zoneYear }
      })
    : (ref.manifest.hourlyZones ?? [])
        .filter((z) => bundledHourlyYears(z).includes(year))
        .map((zone) => ({ zone, year }))
  if (wanted.length === 0) throw new InputError(`--year: no bundled zone has hourly data for ${year}`)
  const zones: StudyZone[] = []
  for (const { zone, year: zoneYear } of wanted) {
    const profile = await loadHourlyProfile(zone, zoneYear)
    if (!profile) {
      const years = bundledHourlyYears(zone)
      throw new InputError(
        `--zones: ${zone} has no hourly data for ${zoneYear}${years.length > 0 ? ` (bundled: ${years.join(', ')})` : ''}`
      )
    }
    zones.push({ zone, label: profile.name, year: zoneYear, intensitiesGPerKWh: profile.lifecycleGPerKWh })
  }
  let study: Study
  try {
    study = dodgeStudy(zones, { hours, powerKW })
  } catch (error) {
    if (error instanceof PlanningError) throw new InputError(`--hours: ${error.message}`)
    throw error
  }
  if (json) {
    writeJson(io, {
      hours,
      powerKW,
      referenceZone: study.referenceZone,
      rows: study.rows.map((row) => ({
        zone: row.zone,
        year: row.year,
        starts: row.starts,
        meanBaselineKg: row.meanBaselineKg,
        regionSavingPct: row.regionSavingPct,
        strategies: row.strategies.map((r) => ({
          strategy: r.strategy.kind,
          ...(r.strategy.kind === 'flexible'
            ? { windowHours: r.strategy.windowHours }
            : { extraPercent: r.strategy.extraPercent }),
          meanSavedKg: r.meanSavedKg,
          meanSavingsPct: r.meanSavingsPct
        }))
      }))
    })
    return
  }
  const head = study.rows[0]!.strategies.map((r) =>
    r.strategy.kind === 'flexible' ? `FS+${r.strategy.windowHours}h` : `P&R+${r.strategy.extraPercent}%`
  )
  const lines = [
    `Dodge et al. study: ${hours} h at ${powerKW} kW, mean over every start hour; savings in % of the baseline; region: vs ${study.referenceZone}`,
    `${'zone'.padEnd(14)} ${'year'} ${'baseline kg'.padStart(11)} ${head.map((h) => h.padStart(8)).join(' ')} ${'region'.padStart(7)}`,
    ...study.rows.map(
      (row) =>
        `${row.zone.padEnd(14)} ${row.year} ${row.meanBaselineKg.toFixed(3).padStart(11)} ${row.strategies
          .map((r) => `${r.meanSavingsPct.toFixed(1)} %`.padStart(8))
          .join(' ')} ${`${row.regionSavingPct.toFixed(1)} %`.padStart(7)}`
    ),
    ''
  ]
  io.stdout(lines.join('\n'))
}

export const timeshift: Command = {
  name: 'timeshift',
  summary: 'plan a job at the cleanest hours of a zone (flexible start, pause and resume)',
  usage,
  booleanFlags: ['study'],
  async run(positionals, flags, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`)
    if (flags.boolean('study')) return runStudy(flags, io)
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

    const widest = Math.max(...(strategy ? [strategy] : PAPER_STRATEGIES).map((st) => strategySpan(hours, st)))
    const onAnyDate = profile === undefined ? await bundledSeries(zone!, startUtcMs, widest) : undefined
    const series = onAnyDate ? onAnyDate.series : readProfile(profile!)
    const projection = onAnyDate?.projected ? { projected: true, years: onAnyDate.fromYears } : {}
    // The spread between the years a projection rests on, as the plan's range: its hours at the lowest and highest.
    const rangeOf = (plan: ShiftPlan) => {
      if (!onAnyDate?.projected) return {}
      const kg = (hoursMs: number[], values: number[]): number =>
        (powerKW * hoursMs.reduce((sum, ms) => sum + values[(ms - series.startUtcMs) / HOUR_MS]!, 0)) / 1000
      return {
        projectedRangeKg: {
          baseline: [
            kg(plan.baselineHoursUtcMs, onAnyDate.lowGPerKWh),
            kg(plan.baselineHoursUtcMs, onAnyDate.highGPerKWh)
          ],
          optimized: [kg(plan.chosenHoursUtcMs, onAnyDate.lowGPerKWh), kg(plan.chosenHoursUtcMs, onAnyDate.highGPerKWh)]
        }
      }
    }
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
        strategy
          ? { zone: series.zone, ...projection, ...planJson(plans[0]!), ...rangeOf(plans[0]!) }
          : { zone: series.zone, ...projection, plans: plans.map((p) => ({ ...planJson(p), ...rangeOf(p) })) }
      )
    else
      io.stdout(
        (onAnyDate?.projected
          ? `Projected from ${onAnyDate.fromYears.join(', ')} (median of the same weeks and hours; no data for these dates)\n`
          : '') + planText(plans, series)
      )
  }
}
