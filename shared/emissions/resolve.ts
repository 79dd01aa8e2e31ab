import { exact, type Range, spread } from '../domain/range'
import type { RunResult } from '../domain/result'
import type { DeviceInput, LocationInput, RunInput } from '../domain/run'
import { type SourceRef, sourceRefSchema } from '../domain/source'
import { english, type Message, msg } from '../messages/index'
import { findHardware, HARDWARE_MATCH_THRESHOLD, hardwareFamily, matchHardware } from '../refdata/hardware'
import type { ReferenceData } from '../refdata/index'
import { normaliseProvider, resolveLocation, yearlyIntensity } from '../refdata/locations'
import type { HardwareEntry, HourlyProfile, LocationEntry, MethodDefaults, YearlyIntensity } from '../refdata/schema'
import { computeFigures, computeRun, type RunFigures } from './compute'
import { countEmissions } from './counted'
import type { DevicePower, ResolvedFactors, ResolvedLocation } from './factors'
import { hourlyRunIntensity, hoursTouched } from './hourly-intensity'
import type { LabDefaults } from './lab-defaults'
import { LAB_DEFAULTS_SOURCE, METHOD_SOURCES, RUN_INPUT_SOURCE } from './method-sources'
import {
  CPU_POWER_MODEL,
  CUSTOM_INTENSITY_SPREAD,
  GPU_POWER_MODEL,
  HOURLY_ESTIMATED_EXTRA_SPREAD,
  HOURLY_INTENSITY_SPREAD,
  MAX_INTENSITY_SPREAD,
  MEASURED_POWER_SPREAD,
  OTHER_YEAR_SPREAD_PER_YEAR,
  SAME_YEAR_INTENSITY_SPREAD,
  STATED_PUE_SPREAD,
  type TdpFraction,
  UNKNOWN_INTENSITY_FACTORS,
  UNKNOWN_PUE_BOUNDS,
  USER_POWER_SPREAD
} from './uncertainty'

/**
 * The hourly profiles of the run's zone that the caller loaded (issue 12): one zone-year, or several. Profiles load
 * asynchronously and resolving is synchronous, so callers preload them (hourly-preload.ts: preloadRunHourly, then
 * hourlyProfilesOfRun); profiles of another zone are ignored.
 */
export type HourlyInput = HourlyProfile | readonly HourlyProfile[]

/** The tables a run is resolved against: the reference data with the lab's own entries in front. */
interface Tables {
  hardware: HardwareEntry[]
  locations: LocationEntry[]
  labHardware: Set<HardwareEntry>
  labLocations: Set<LocationEntry>
}

/**
 * Looks up every factor of a run (docs/methodology.md): device powers, grid intensity, PUE, renewable share, and the
 * method's defaults, each with its range, origin and source. `hourly` is the seam of the hourly step: the profile of
 * the run's zone when the caller has loaded it (loadHourlyProfile); it is used, before any yearly value, when it is
 * that zone's and covers the run's hours. Without it the zone's yearly value applies, else the country's.
 */
export function resolveFactors(
  input: RunInput,
  ref: ReferenceData,
  lab: LabDefaults,
  hourly?: HourlyInput
): ResolvedFactors {
  const assumptions: Message[] = []
  const factors = resolve(input, ref, lab, hourly, (make) => assumptions.push(make()))
  return { ...factors, assumptions: assumptions.map(english), assumptionMsgs: assumptions }
}

/** resolveFactors then computeRun, counting the file's emissions where the lab chose to: a run's result from the reference data and the lab's defaults. */
export function estimateRun(input: RunInput, ref: ReferenceData, lab: LabDefaults, hourly?: HourlyInput): RunResult {
  const factors = resolveFactors(input, ref, lab, hourly)
  return countEmissions(input, computeRun(input, factors), factors, lab)
}

/**
 * estimateRun's figures without its trace, assumptions and sources, for comparisons that estimate a run many times
 * over (planning, the report's what-ifs): the same factors and the same arithmetic (computeFigures), no text.
 */
export function estimateFigures(
  input: RunInput,
  ref: ReferenceData,
  lab: LabDefaults,
  hourly?: HourlyInput
): RunFigures {
  return computeFigures(
    input,
    resolve(input, ref, lab, hourly, () => {})
  )
}

/**
 * What resolve() reads of a run when no hourly profile is given: per device its kind, catalogue id, name, stated and
 * measured power and cores; the location; the start's year; the stated renewable share and PUE. Counts, utilisation,
 * duration, memory and a measured energy only enter computeFigures. Keep in step with resolve and its helpers: the
 * unit test (tests/unit/emissions/figures-estimator.test.ts) compares the two ways over varied runs.
 */
const yearlyFactorsKey = (input: RunInput): string =>
  JSON.stringify([
    input.devices.map((d) => [d.kind, d.hardwareId, d.name, d.powerW, d.measuredPowerW, d.cores]),
    input.location,
    new Date(input.startedAt).getUTCFullYear(),
    input.renewableShare,
    input.pue
  ])

/**
 * estimateFigures on yearly factors for callers that estimate many runs and variants of them against one reference
 * data and lab (the report's what-ifs: thousands of runs, each on its own place and hardware and on another):
 * the factors of each distinct device, place and year are resolved once, and each run's arithmetic done on them.
 * The figures are exactly estimateFigures'. Scoped to one call, so its cache goes with it.
 */
export function yearlyFiguresEstimator(ref: ReferenceData, lab: LabDefaults): (input: RunInput) => RunFigures {
  const resolved = new Map<string, ResolvedFactors>()
  return (input) => {
    const key = yearlyFactorsKey(input)
    let factors = resolved.get(key)
    if (!factors) resolved.set(key, (factors = resolve(input, ref, lab, undefined, () => {})))
    return computeFigures(input, factors)
  }
}

/** The location entry a run's intensity comes from (its own location, else the lab's), with the lab's entries. */
export function runLocationEntry(input: RunInput, ref: ReferenceData, lab: LabDefaults): LocationEntry | undefined {
  const locationInput = input.location.kind !== 'unknown' ? input.location : lab.location
  return resolveLocation(withLabEntries(ref, lab), locationInput)
}

/** Records an assumption; the message is only made when it is kept. */
type Note = (make: () => Message) => void

function resolve(
  input: RunInput,
  ref: ReferenceData,
  lab: LabDefaults,
  hourly: HourlyInput | undefined,
  note: Note
): ResolvedFactors {
  const tables = withLabEntries(ref, lab)
  const defaults = ref.defaults
  const defaultSource = (key: string): string => {
    const id = defaults.sourceIds[key]
    if (id === undefined) throw new Error(`data/defaults.json: sourceIds has no '${key}'`)
    return id
  }

  const devices = input.devices.map((device) => resolvePower(device, tables, note))

  const fromRun = input.location.kind !== 'unknown'
  const locationInput: LocationInput = fromRun ? input.location : lab.location
  const from = fromRun ? 'run' : 'lab'
  const entry = resolveLocation(tables, locationInput)
  const location = resolveIntensity(
    input,
    locationInput,
    from,
    entry,
    tables,
    lab,
    defaults,
    defaultSource,
    hourly,
    note
  )

  const isCloud = locationInput.kind === 'cloud'
  const pue = resolvePue(input, locationInput, entry, tables, lab, defaults, defaultSource, note)
  // Market-based (GHG Protocol Scope 2): only contractual instruments count, never a provider's offsets (mlco2's
  // offsetRatio is not used). The lab's instruments cover its own machines; a cloud run has only its own share.
  const share =
    input.renewableShare !== undefined
      ? { share: input.renewableShare, origin: 'run' as const, sourceId: RUN_INPUT_SOURCE.id }
      : !isCloud && lab.renewableShare !== undefined
        ? { share: lab.renewableShare, origin: 'lab' as const, sourceId: LAB_DEFAULTS_SOURCE.id }
        : { share: 0, origin: 'none' as const }
  const supplier = !isCloud ? lab.supplierIntensityGPerKWh : undefined
  if (share.share < 1 && supplier === undefined) note(() => msg('assume.marketLocationBased'))
  const renewable = supplier === undefined ? share : { ...share, uncoveredGPerKWh: supplier }

  return {
    devices,
    memoryWPerGB: defaults.memoryWPerGB,
    memorySourceId: defaultSource('memoryWPerGB'),
    location,
    pue,
    renewable,
    embodied: defaults.embodied,
    equivalents: defaults.equivalents,
    equivalentsSourceIds: {
      carKm: defaultSource('equivalents.carGPerKm'),
      treeMonths: defaultSource('equivalents.treeMonthG'),
      flights: defaultSource('equivalents.flightKg')
    },
    assumptions: [],
    sources: [...sourcesOf(ref)],
    dataVersion: ref.manifest.dataVersion
  }
}

const parsedSources = new WeakMap<ReferenceData, SourceRef[]>()

/** Every source a factor may cite: the data's (as SourceRefs, checked once per reference data) and the method's. */
function sourcesOf(ref: ReferenceData): SourceRef[] {
  let sources = parsedSources.get(ref)
  if (!sources)
    parsedSources.set(
      ref,
      (sources = [...ref.manifest.sources.map((s) => sourceRefSchema.parse(s)), ...METHOD_SOURCES])
    )
  return sources
}

const mergedTables = new WeakMap<ReferenceData, WeakMap<LabEntries, Tables>>()
type LabEntries = Pick<LabDefaults, 'hardware' | 'locations'>

/** Lab entries first, replacing a reference entry of the same id. Memoised: the lookups index each table once. */
function withLabEntries(ref: ReferenceData, lab: LabEntries): Tables {
  let byLab = mergedTables.get(ref)
  if (!byLab) {
    byLab = new WeakMap()
    mergedTables.set(ref, byLab)
  }
  let tables = byLab.get(lab)
  if (!tables) {
    const merge = <T extends { id: string }>(base: T[], own: T[]): T[] => {
      if (own.length === 0) return base
      const ids = new Set(own.map((e) => e.id))
      return [...own, ...base.filter((e) => !ids.has(e.id))]
    }
    tables = {
      hardware: merge(ref.hardware, lab.hardware),
      locations: merge(ref.locations, lab.locations),
      labHardware: new Set(lab.hardware),
      labLocations: new Set(lab.locations)
    }
    byLab.set(lab, tables)
  }
  return tables
}

function resolvePower(device: DeviceInput, tables: Tables, note: Note): DevicePower {
  const embodiedClass = device.kind
  if (device.measuredPowerW !== undefined) {
    return {
      powerW: spread(device.measuredPowerW, MEASURED_POWER_SPREAD),
      origin: 'measured',
      detail: english(msg('power.measured')),
      detailMsg: msg('power.measured'),
      embodiedClass,
      sourceId: RUN_INPUT_SOURCE.id
    }
  }
  if (device.powerW !== undefined) {
    const detailMsg = msg('power.user')
    return {
      powerW: spread(device.powerW, USER_POWER_SPREAD),
      origin: 'user',
      detail: english(detailMsg),
      detailMsg,
      embodiedClass,
      sourceId: RUN_INPUT_SOURCE.id
    }
  }
  // One family-name rule (the app, imports and the command line alike): a name every word of which is in the names
  // of several models ("V100", "A100") is the family, counted with their span, even where the catalogue also holds
  // an entry of that bare name; a catalogue id, or a name only one model fits, picks the model.
  const family = device.hardwareId === undefined ? hardwareFamily(tables, device.name, device.kind) : []
  if (family.length > 1) return ambiguousPower(device, family, note)
  const entry = catalogueEntry(device, tables, note)
  if (entry === undefined) {
    const detailMsg = msg('power.unknown')
    return { powerW: exact(0), origin: 'unknown', detail: english(detailMsg), detailMsg, embodiedClass }
  }
  const perCore = entry.tdpPerCoreW !== undefined && device.cores !== undefined
  const tdpW = tdpOf(entry, device)
  if (entry.tdpPerCoreW !== undefined && device.cores === undefined) {
    note(() => msg('assume.coresMissing', { device: device.name, tdpW: entry.tdpW }))
  }
  const detailMsg = perCore
    ? msg('power.cataloguePerCore', {
        name: entry.name,
        perCoreW: entry.tdpPerCoreW!,
        cores: device.cores!,
        ...fractionParams(device.kind)
      })
    : msg('power.catalogue', { name: entry.name, ...fractionParams(device.kind) })
  const model = powerModel(device.kind, tdpW, tdpW)
  return {
    powerW: model.fullW,
    origin: 'catalogue',
    detail: english(detailMsg),
    detailMsg,
    model,
    hardwareId: entry.id,
    embodiedClass,
    sourceId: tables.labHardware.has(entry) ? LAB_DEFAULTS_SOURCE.id : entry.sourceIds[0]
  }
}

/** The power model's fractions of TDP for a device class (uncertainty.ts): TPUs take the GPUs'. */
const fractionsOf = (kind: DeviceInput['kind']): Record<'idle' | 'full', TdpFraction> =>
  kind === 'cpu' ? CPU_POWER_MODEL : GPU_POWER_MODEL

/** The power model's fractions named in a catalogue power's detail ("full load (0.9 × TDP; idle 0.19 × TDP)"). */
const fractionParams = (kind: DeviceInput['kind']) => {
  const { idle, full } = fractionsOf(kind)
  return { full: full.value, idle: idle.value }
}

/**
 * Idle and full-load draw of a device whose TDP lies between minW and maxW (equal for one catalogue model; a family's
 * span otherwise): best estimates at the midpoint, bounds from the lowest TDP's low to the highest TDP's high.
 */
function powerModel(kind: DeviceInput['kind'], minW: number, maxW: number): NonNullable<DevicePower['model']> {
  const { idle, full } = fractionsOf(kind)
  const tdpW = (minW + maxW) / 2
  const of = (f: TdpFraction): Range => ({ value: tdpW * f.value, low: minW * f.low, high: maxW * f.high })
  return { tdpW, idleW: of(idle), fullW: of(full) }
}

/** A catalogue entry's TDP for the device: per core × the cores reserved when the entry is per core and they are given. */
const tdpOf = (entry: HardwareEntry, device: DeviceInput): number =>
  entry.tdpPerCoreW !== undefined && device.cores !== undefined ? entry.tdpPerCoreW * device.cores : entry.tdpW

/**
 * A name the catalogue holds several models of ("A100"): the power spans their TDPs, so the run is counted with an
 * honest range instead of 0 W, and the user is told which models it could be.
 */
function ambiguousPower(device: DeviceInput, candidates: HardwareEntry[], note: Note): DevicePower {
  const tdps = candidates.map((e) => tdpOf(e, device))
  const minW = Math.min(...tdps)
  const maxW = Math.max(...tdps)
  const valueW = (minW + maxW) / 2
  const names = candidates.map((e) => e.name).join(', ')
  note(() => msg('assume.ambiguousHardware', { device: device.name, names, valueW, minW, maxW }))
  const detailMsg = msg('power.ambiguous', { names, ...fractionParams(device.kind) })
  const model = powerModel(device.kind, minW, maxW)
  return {
    powerW: model.fullW,
    origin: 'catalogue',
    detail: english(detailMsg),
    detailMsg,
    model,
    embodiedClass: device.kind,
    sourceId: candidates[0]!.sourceIds[0]
  }
}

/** The catalogue entry of a device: by its id, else by its name when the match is confident enough. */
function catalogueEntry(device: DeviceInput, tables: Tables, note: Note): HardwareEntry | undefined {
  if (device.hardwareId !== undefined) {
    const entry = findHardware(tables, device.hardwareId)
    if (entry) return entry
    note(() => msg('assume.hardwareIdMissing', { hardwareId: String(device.hardwareId), device: device.name }))
  }
  const match = matchHardware(tables, device.name, device.kind)
  if (match === undefined) return undefined
  if (match.confidence < HARDWARE_MATCH_THRESHOLD) {
    note(() => msg('assume.weakMatch', { device: device.name, entry: match.entry.name }))
    return undefined
  }
  if (match.matchedBy === 'fuzzy')
    note(() => msg('assume.fuzzyMatch', { device: device.name, entry: match.entry.name }))
  return match.entry
}

function describeLocation(location: LocationInput): Message {
  switch (location.kind) {
    case 'cloud':
      return msg('location.cloud', { provider: location.provider, region: location.region })
    case 'country':
      return msg('location.country', { code: location.code })
    case 'zone':
      return msg('location.zone', { zone: location.zone })
    case 'custom':
      return msg('text', { text: location.label })
    case 'unknown':
      return msg('location.unknown')
  }
}

function resolveIntensity(
  input: RunInput,
  locationInput: LocationInput,
  from: 'run' | 'lab',
  entry: LocationEntry | undefined,
  tables: Tables,
  lab: LabDefaults,
  defaults: MethodDefaults,
  defaultSource: (key: string) => string,
  hourly: HourlyInput | undefined,
  note: Note
): ResolvedLocation {
  if (locationInput.kind === 'custom') {
    return {
      id: 'custom',
      label: locationInput.label,
      intensityGPerKWh: spread(locationInput.intensityGPerKWh, CUSTOM_INTENSITY_SPREAD),
      origin: 'custom',
      sourceId: from === 'run' ? RUN_INPUT_SOURCE.id : LAB_DEFAULTS_SOURCE.id,
      exactYear: true,
      hourly: false,
      from
    }
  }
  if (entry === undefined) {
    const world = defaults.worldIntensityGPerKWh
    const low = world * UNKNOWN_INTENSITY_FACTORS.low
    const high = world * UNKNOWN_INTENSITY_FACTORS.high
    note(() =>
      locationInput.kind === 'unknown'
        ? msg('assume.unknownLocation', { world, low, high })
        : msg('assume.locationNotFound', { location: describeLocation(locationInput), world })
    )
    const labelMsg =
      locationInput.kind === 'unknown'
        ? msg('location.unknownLabel')
        : msg('location.notFound', { location: describeLocation(locationInput) })
    return {
      id: 'unknown',
      label: english(labelMsg),
      labelMsg,
      intensityGPerKWh: {
        value: world,
        low: world * UNKNOWN_INTENSITY_FACTORS.low,
        high: world * UNKNOWN_INTENSITY_FACTORS.high
      },
      origin: 'unknown',
      sourceId: defaultSource('worldIntensityGPerKWh'),
      exactYear: false,
      hourly: false,
      from
    }
  }

  const fromLab = tables.labLocations.has(entry)
  const profiles = (Array.isArray(hourly) ? hourly : hourly ? [hourly] : []) as readonly HourlyProfile[]
  const zoneProfiles = profiles.filter((p) => entry.hourlyZone !== undefined && p.zone === entry.hourlyZone)
  const grid = fromLab ? undefined : gridOf(entry, tables)
  // Hours outside the profiles take the grid's yearly value (a cloud region's zone), never the provider's figure.
  const fromProfiles =
    zoneProfiles.length > 0 ? hourlyLocation(input, entry, grid?.[0] ?? entry, zoneProfiles, from, note) : undefined
  if (fromProfiles) return fromProfiles

  const year = new Date(input.startedAt).getUTCFullYear()
  const useProvider = entry.kind === 'cloud' && lab.cloudIntensity === 'provider'
  if (grid !== undefined && !useProvider) return gridIntensity(entry, grid, year, from, note)
  const { intensity, exactYear } = yearlyIntensity(entry, year)
  const relative = exactYear
    ? SAME_YEAR_INTENSITY_SPREAD
    : Math.min(
        MAX_INTENSITY_SPREAD,
        SAME_YEAR_INTENSITY_SPREAD + OTHER_YEAR_SPREAD_PER_YEAR * Math.abs(intensity.year - year)
      )
  if (!exactYear) {
    note(() =>
      msg('assume.otherYear', { location: entry.name, year, usedYear: intensity.year, pct: Math.round(relative * 100) })
    )
  }
  if (useProvider) note(() => msg('assume.providerIntensity', { location: entry.name, year: intensity.year }))
  return {
    id: entry.id,
    label: entry.name,
    intensityGPerKWh: spread(intensity.intensityGPerKWh, relative),
    origin: 'yearly',
    sourceId: fromLab ? LAB_DEFAULTS_SOURCE.id : intensity.sourceId,
    year: intensity.year,
    exactYear,
    hourly: false,
    from
  }
}

/** The relative range of a yearly average used for a run of `year`: wider the further its year is. */
function yearlySpread(entry: LocationEntry, year: number): number {
  const { intensity, exactYear } = yearlyIntensity(entry, year)
  return exactYear
    ? SAME_YEAR_INTENSITY_SPREAD
    : Math.min(
        MAX_INTENSITY_SPREAD,
        SAME_YEAR_INTENSITY_SPREAD + OTHER_YEAR_SPREAD_PER_YEAR * Math.abs(intensity.year - year)
      )
}

/**
 * The newest yearly intensity a run at this catalogue location can take: of its grid (zone or country, whichever
 * has the newer year; a cloud region's zone), else its own series. What a picker shows beside the name, so that it
 * names the value runs use (Germany: Electricity Maps' 2025 zone value, not the country series' 2024).
 */
export function newestIntensity(entry: LocationEntry, ref: ReferenceData): YearlyIntensity {
  const grid = gridOf(entry, withLabEntries(ref, NO_LAB_ENTRIES)) ?? [entry]
  return grid.map((g) => yearlyIntensity(g).intensity).reduce((newest, c) => (c.year > newest.year ? c : newest))
}
const NO_LAB_ENTRIES: LabEntries = { hardware: [], locations: [] }

/**
 * The grid a location draws from (DESIGN §2 "one intensity per place and time"): its zone and its country, first
 * choice first. A cloud region's zone is the one data/locations.json maps it to (gridZone), else its country; a
 * country's own series comes before its national zone; a national zone's before its country's. Undefined for a
 * cloud region with neither, which keeps the provider's figure.
 */
function gridOf(entry: LocationEntry, tables: Tables): LocationEntry[] | undefined {
  const zone = (id: string | undefined) =>
    id === undefined ? undefined : resolveLocation(tables, { kind: 'zone', zone: id })
  const country = (iso3: string | undefined) =>
    iso3 === undefined ? undefined : resolveLocation(tables, { kind: 'country', code: iso3 })
  const pair =
    entry.kind === 'cloud'
      ? [zone(entry.gridZone), country(entry.countryIso3)]
      : entry.kind === 'country'
        ? [entry, zone(entry.iso2)]
        : [entry, entry.id.length === 'zone:XX'.length ? country(entry.countryIso3) : undefined]
  const found = pair.filter((e): e is LocationEntry => e !== undefined)
  return found.length === 0 ? undefined : found
}

/**
 * The yearly intensity of a location's grid for the run's year: the first grid entry with that year, else the
 * grid entry with the nearest year (wider range). Where another source has the same place and year at another value,
 * the range widens to hold both; a cloud region's own published factor is traced beside it as a comparison.
 */
function gridIntensity(
  entry: LocationEntry,
  grid: LocationEntry[],
  year: number,
  from: 'run' | 'lab',
  note: Note
): ResolvedLocation {
  const sameYear = grid.flatMap((g) => {
    const { intensity, exactYear } = yearlyIntensity(g, year)
    return exactYear ? [{ entry: g, intensity }] : []
  })
  const comparison =
    entry.kind === 'cloud'
      ? (() => {
          const own = yearlyIntensity(entry, year).intensity
          return { intensityGPerKWh: own.intensityGPerKWh, sourceId: own.sourceId, year: own.year }
        })()
      : undefined
  const base = {
    id: entry.id,
    label: entry.name,
    origin: 'yearly' as const,
    hourly: false,
    from,
    ...(comparison ? { comparison } : {}),
    ...(entry.kind === 'cloud' ? { gridLabel: grid[0]!.name } : {})
  }
  if (sameYear.length === 0) {
    // the grid entry whose nearest year is closest to the run's: a zone with last year's value beats a country
    // series that stops two years back (grid order breaks ties)
    const nearest = grid
      .map((g) => ({ entry: g, intensity: yearlyIntensity(g, year).intensity }))
      .reduce((best, c) => (Math.abs(c.intensity.year - year) < Math.abs(best.intensity.year - year) ? c : best))
    const first = nearest.entry
    const { intensity } = nearest
    const relative = Math.min(
      MAX_INTENSITY_SPREAD,
      SAME_YEAR_INTENSITY_SPREAD + OTHER_YEAR_SPREAD_PER_YEAR * Math.abs(intensity.year - year)
    )
    note(() =>
      msg('assume.otherYear', { location: first.name, year, usedYear: intensity.year, pct: Math.round(relative * 100) })
    )
    return {
      ...base,
      intensityGPerKWh: spread(intensity.intensityGPerKWh, relative),
      sourceId: intensity.sourceId,
      year: intensity.year,
      exactYear: false
    }
  }
  const [chosen, ...others] = sameYear
  const values = sameYear.map((s) => s.intensity.intensityGPerKWh)
  const value = chosen!.intensity.intensityGPerKWh
  const disagreeing = others.filter((o) => o.intensity.intensityGPerKWh !== value)
  for (const other of disagreeing)
    note(() =>
      msg('assume.sourcesDisagree', {
        location: chosen!.entry.name,
        year,
        value,
        other: other.entry.name,
        otherValue: other.intensity.intensityGPerKWh
      })
    )
  return {
    ...base,
    intensityGPerKWh: {
      value,
      low: Math.min(...values) * (1 - SAME_YEAR_INTENSITY_SPREAD),
      high: Math.max(...values) * (1 + SAME_YEAR_INTENSITY_SPREAD)
    },
    sourceId: chosen!.intensity.sourceId,
    year,
    exactYear: true
  }
}

/**
 * The run's intensity from its zone's hourly profiles (hourlyRunIntensity): energy-weighted over its hours, the
 * zone's yearly average for hours no profile covers. Undefined when no profile covers any of its hours. The range
 * weighs each part's own: ±5 % (more for estimated hours) for profile hours, the yearly range for the others.
 */
function hourlyLocation(
  input: RunInput,
  entry: LocationEntry,
  yearlyEntry: LocationEntry,
  profiles: readonly HourlyProfile[],
  from: 'run' | 'lab',
  note: Note
): ResolvedLocation | undefined {
  const startUtcMs = Date.parse(input.startedAt)
  const result = hourlyRunIntensity({
    startUtcMs,
    endUtcMs: startUtcMs + input.durationS * 1000,
    profiles,
    yearlyGPerKWh: (year) => yearlyIntensity(yearlyEntry, year).intensity.intensityGPerKWh,
    ...(input.energyByHourKWh ? { energyByHourKWh: input.energyByHourKWh } : {})
  })
  if (result.hourlyShare === 0) return undefined
  if (result.weighting === 'uniform-mismatch')
    note(() =>
      msg('assume.hourlyEnergyMismatch', {
        given: input.energyByHourKWh!.length,
        hours: hoursTouched(startUtcMs, startUtcMs + input.durationS * 1000)
      })
    )
  if (input.hoursPerDay !== undefined && result.weighting !== 'power-samples') note(() => msg('assume.serviceHours'))
  const yearlySpans = result.spans.filter((s) => s.origin === 'yearly')
  if (yearlySpans.length > 0) {
    const years = [...new Set(yearlySpans.map((s) => s.year))].join(', ')
    note(() => msg('assume.hourlyPartly', { location: entry.name, pct: Math.round(result.hourlyShare * 100), years }))
  }
  const relative =
    result.hourlyShare * HOURLY_INTENSITY_SPREAD +
    result.estimatedShare * HOURLY_ESTIMATED_EXTRA_SPREAD +
    yearlySpans.reduce((sum, s) => sum + s.energyShare * yearlySpread(yearlyEntry, s.year), 0)
  return {
    id: entry.id,
    label: entry.name,
    intensityGPerKWh: spread(result.intensityGPerKWh, relative),
    origin: 'hourly',
    sourceId: profiles[0]!.sourceId,
    exactYear: true,
    hourly: true,
    ...(result.weighting === 'power-samples' ? { hourlyWeighting: 'power-samples' as const } : {}),
    hourlySpans: result.spans.map((s) => ({
      fromUtc: new Date(s.fromUtcMs).toISOString(),
      toUtc: new Date(s.toUtcMs).toISOString(),
      origin: s.origin,
      year: s.year,
      meanGPerKWh: s.meanGPerKWh,
      energyShare: s.energyShare
    })),
    from
  }
}

/** A stated PUE (run, lab, provider) with its small range; never under 1. */
const statedPue = (pue: number): Range => ({
  value: pue,
  low: Math.max(1, pue * (1 - STATED_PUE_SPREAD)),
  high: pue * (1 + STATED_PUE_SPREAD)
})

function providerPue(provider: string, defaults: MethodDefaults): number | undefined {
  const wanted = normaliseProvider(provider)
  const key = Object.keys(defaults.pue.byProvider).find((k) => normaliseProvider(k) === wanted)
  return key === undefined ? undefined : defaults.pue.byProvider[key]
}

function resolvePue(
  input: RunInput,
  locationInput: LocationInput,
  entry: LocationEntry | undefined,
  tables: Tables,
  lab: LabDefaults,
  defaults: MethodDefaults,
  defaultSource: (key: string) => string,
  note: Note
): ResolvedFactors['pue'] {
  if (input.pue !== undefined) return { pue: statedPue(input.pue), origin: 'run', sourceId: RUN_INPUT_SOURCE.id }
  if (locationInput.kind === 'cloud') {
    if (entry?.pue !== undefined)
      return {
        pue: statedPue(entry.pue),
        origin: 'provider',
        sourceId: tables.labLocations.has(entry)
          ? LAB_DEFAULTS_SOURCE.id
          : (entry.pueSourceId ?? entrySourceId(entry, tables))
      }
    const byProvider = providerPue(locationInput.provider, defaults)
    if (byProvider !== undefined)
      return { pue: statedPue(byProvider), origin: 'provider', sourceId: defaultSource('pue.byProvider') }
  } else if (lab.ownMachines.kind === 'personal-computer') {
    return {
      pue: exact(defaults.pue.personalComputer),
      origin: 'personal-computer',
      sourceId: defaultSource('pue.personalComputer')
    }
  } else if (lab.ownMachines.pue !== undefined) {
    return { pue: statedPue(lab.ownMachines.pue), origin: 'lab', sourceId: LAB_DEFAULTS_SOURCE.id }
  }
  const unknown = defaults.pue.unknownDataCentre
  note(() =>
    msg('assume.unknownPue', {
      pue: unknown,
      low: Math.min(unknown, UNKNOWN_PUE_BOUNDS.low),
      high: Math.max(unknown, UNKNOWN_PUE_BOUNDS.high)
    })
  )
  return {
    pue: {
      value: unknown,
      low: Math.min(unknown, UNKNOWN_PUE_BOUNDS.low),
      high: Math.max(unknown, UNKNOWN_PUE_BOUNDS.high)
    },
    origin: 'unknown-data-centre',
    sourceId: defaultSource('pue.unknownDataCentre')
  }
}

/** The source of a cloud region's own figures (PUE, renewable share): the dataset its intensity comes from. */
function entrySourceId(entry: LocationEntry, tables: Tables): string {
  return tables.labLocations.has(entry) ? LAB_DEFAULTS_SOURCE.id : entry.intensities.at(-1)!.sourceId
}
