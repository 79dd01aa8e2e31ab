import { add, exact, multiply, spread, type Range } from '../domain/range'
import type { DeviceKind, RunInput } from '../domain/run'
import type { RunResult, TraceStep } from '../domain/result'
import { sourceRefSchema, type SourceRef } from '../domain/source'
import type { ResolvedFactors } from './factors'
import { formatNumber as f } from './format'
import { usageHours } from './hours'
import { RUN_INPUT_SOURCE } from './method-sources'
import { EMBODIED_FACTORS, MEASURED_ENERGY_SPREAD, MEMORY_POWER } from './uncertainty'

const HOURS_PER_YEAR = 8760
const G_PER_KG = 1000
const W_PER_KW = 1000

/** Applies a non-decreasing function to each bound, so the range stays ordered. */
const mapRange = (r: Range, fn: (x: number) => number): Range => ({ value: fn(r.value), low: fn(r.low), high: fn(r.high) })

const zeroBreakdown = (): Record<DeviceKind | 'memory', number> => ({ gpu: 0, cpu: 0, tpu: 0, memory: 0 })

const PUE_ORIGIN_LABEL: Record<ResolvedFactors['pue']['origin'], string> = {
  run: 'set for this run',
  provider: "the cloud provider's published PUE",
  lab: "the lab's PUE for its own machines",
  'unknown-data-centre': 'average of an unknown data centre',
  'personal-computer': 'a personal computer has no facility overhead'
}

const RENEWABLE_ORIGIN_LABEL: Record<ResolvedFactors['renewable']['origin'], string> = {
  run: 'set for this run',
  provider: "the cloud provider's renewable purchases",
  lab: "the lab's electricity contract",
  none: 'no renewable purchases known'
}

/** One device's share of a run's figures (same index as input.devices). */
export interface DeviceFigures {
  /** The utilisation applied: 1 for a measured mean power, which already reflects how busy the device was. */
  utilization: number
  energyKWh: Range
  /** Embodied emissions, best estimate; undefined when the method has no factors for the device's class. */
  embodiedKg: number | undefined
}

/**
 * A run's figures without the trace, assumptions and sources: what planning and the report's what-ifs compare, and
 * the terms computeRun's trace shows. Computing them formats no text.
 */
export interface RunFigures extends Omit<RunResult, 'trace' | 'assumptions' | 'sources' | 'dataVersion'> {
  hours: number
  devices: DeviceFigures[]
  memoryKWh: Range
  /** IT energy from powers and hours, also when a measured energy replaces it. */
  estimatedITKWh: Range
  /** The measured energy with its range, when the run has one. */
  measuredKWh: Range | undefined
}

/**
 * One run's energy, emissions and their ranges from already-resolved factors (DESIGN.md §2, docs/methodology.md).
 * Pure arithmetic: the order of operations keeps the best estimates equal to mlco2's and Green Algorithms'.
 * factors.devices[i] is the power of input.devices[i]. The one place the method's arithmetic is done: computeRun
 * describes these figures.
 */
export function computeFigures(input: RunInput, factors: ResolvedFactors): RunFigures {
  if (factors.devices.length !== input.devices.length) {
    throw new Error(`computeRun: the run has ${input.devices.length} devices but ${factors.devices.length} resolved powers`)
  }
  const hours = usageHours(input.durationS, input.hoursPerDay)
  const isMeasured = input.measuredEnergyKWh !== undefined

  // The estimate is computed even when a measurement replaces it: the trace shows both, and it splits the measured
  // energy between device kinds.
  const byKind = zeroBreakdown()
  const devices = input.devices.map((device, i): DeviceFigures => {
    const power = factors.devices[i]!
    const utilization = power.origin === 'measured' ? 1 : device.utilization
    const energyKWh = mapRange(power.powerW, (w) => (device.count * w * utilization * hours) / W_PER_KW)
    byKind[device.kind] += energyKWh.value
    const embodied = factors.embodied[power.embodiedClass]
    const embodiedKg = embodied === undefined ? undefined : (embodied.totalKg * hours * device.count) / (embodied.lifespanYears * HOURS_PER_YEAR)
    return { utilization, energyKWh, embodiedKg }
  })

  const memoryGB = input.memoryGB ?? 0
  const memoryWPerGB = { value: factors.memoryWPerGB, low: factors.memoryWPerGB * MEMORY_POWER.low, high: factors.memoryWPerGB * MEMORY_POWER.high }
  const memoryKWh = mapRange(memoryWPerGB, (wPerGB) => (memoryGB * wPerGB * hours) / W_PER_KW)
  byKind.memory = memoryKWh.value
  const estimatedITKWh = add(...devices.map((d) => d.energyKWh), memoryKWh)

  const { pue } = factors.pue
  let itEnergyKWh: Range
  let energyKWh: Range
  let measuredKWh: Range | undefined
  if (input.measuredEnergyKWh === undefined) {
    itEnergyKWh = estimatedITKWh
    energyKWh = multiply(itEnergyKWh, pue)
  } else {
    measuredKWh = spread(input.measuredEnergyKWh, MEASURED_ENERGY_SPREAD)
    if (input.measuredEnergyIncludesPue) {
      energyKWh = measuredKWh
      itEnergyKWh = mapRange(measuredKWh, (kWh) => kWh / pue.value)
    } else {
      itEnergyKWh = measuredKWh
      energyKWh = multiply(itEnergyKWh, pue)
    }
  }

  const breakdownKWh = { ...splitIT(byKind, estimatedITKWh.value, itEnergyKWh.value, isMeasured, input), overhead: energyKWh.value - itEnergyKWh.value }

  const intensity = factors.location.intensityGPerKWh
  const emissionsKg: Range = {
    value: (energyKWh.value * intensity.value) / G_PER_KG,
    low: (energyKWh.low * intensity.low) / G_PER_KG,
    high: (energyKWh.high * intensity.high) / G_PER_KG
  }
  const share = factors.renewable.share
  const marketEmissionsKg = mapRange(emissionsKg, (kg) => kg * (1 - share))
  const embodiedKg = add(
    ...devices.map(({ embodiedKg: kg }) => (kg === undefined ? exact(0) : { value: kg, low: kg * EMBODIED_FACTORS.low, high: kg * EMBODIED_FACTORS.high }))
  )

  const { carGPerKm, treeMonthG, flightKg } = factors.equivalents
  const emissionsG = emissionsKg.value * G_PER_KG
  const equivalents = { carKm: emissionsG / carGPerKm, treeMonths: emissionsG / treeMonthG, flights: emissionsKg.value / flightKg }

  return {
    method: isMeasured ? 'measured' : 'estimated',
    itEnergyKWh,
    energyKWh,
    breakdownKWh,
    pue,
    intensityGPerKWh: intensity,
    emissionsKg,
    marketEmissionsKg,
    embodiedKg,
    equivalents,
    locationId: factors.location.id,
    locationLabel: factors.location.label,
    hours,
    devices,
    memoryKWh,
    estimatedITKWh,
    measuredKWh
  }
}

/** computeFigures with the trace of every step, the assumptions made and the sources cited: a stored run's result. */
export function computeRun(input: RunInput, factors: ResolvedFactors): RunResult {
  const figures = computeFigures(input, factors)
  const { hours, pue, itEnergyKWh, energyKWh, emissionsKg, equivalents } = figures
  const trace: TraceStep[] = []
  const assumptions = [...factors.assumptions]
  const isMeasured = input.measuredEnergyKWh !== undefined

  trace.push({
    label: input.hoursPerDay === undefined ? 'Hours of use' : `Hours of use (continuous service, ${f(input.hoursPerDay)} h a day)`,
    formula:
      input.hoursPerDay === undefined
        ? `${f(input.durationS)} s / 3600`
        : `${f(input.durationS)} s / 3600 × ${f(input.hoursPerDay)} h / 24 h`,
    value: hours,
    unit: 'h'
  })

  input.devices.forEach((device, i) => {
    const power = factors.devices[i]!
    const { utilization, energyKWh: kWh } = figures.devices[i]!
    trace.push({ label: `Power of ${device.name} (${power.detail})`, value: power.powerW.value, unit: 'W', sourceId: power.sourceId })
    trace.push({
      label: `Energy of ${f(device.count)} × ${device.name}`,
      formula: `${f(device.count)} × ${f(power.powerW.value)} W × ${f(utilization)} × ${f(hours)} h / 1000`,
      value: kWh.value,
      unit: 'kWh'
    })
    if (power.origin === 'unknown' && !isMeasured) {
      assumptions.push(
        `The power of ${device.name} is unknown, so it counts as 0 W and the energy is understated: choose it from the catalogue or enter its power.`
      )
    }
    if (power.origin === 'measured' && device.utilization !== 1) {
      assumptions.push(`The measured power of ${device.name} is a mean over the run, so its utilisation (${f(device.utilization)}) is not applied again.`)
    }
  })

  const memoryGB = input.memoryGB ?? 0
  if (memoryGB > 0) {
    trace.push({
      label: 'Energy of memory',
      formula: `${f(memoryGB)} GB × ${f(factors.memoryWPerGB)} W/GB × ${f(hours)} h / 1000`,
      value: figures.memoryKWh.value,
      unit: 'kWh',
      sourceId: factors.memorySourceId
    })
  }
  trace.push({
    label: isMeasured ? 'Estimated IT energy (for comparison; the measured energy is used)' : 'IT energy',
    formula: [...figures.devices.map((d) => d.energyKWh), figures.memoryKWh].map((r) => f(r.value)).join(' + '),
    value: figures.estimatedITKWh.value,
    unit: 'kWh'
  })

  trace.push({ label: `PUE (${PUE_ORIGIN_LABEL[factors.pue.origin]})`, value: pue.value, unit: '', sourceId: factors.pue.sourceId })
  const facilityStep = (): TraceStep => ({ label: 'Facility energy', formula: `${f(itEnergyKWh.value)} kWh × ${f(pue.value)}`, value: energyKWh.value, unit: 'kWh' })
  const measured = figures.measuredKWh
  if (measured === undefined) {
    trace.push(facilityStep())
  } else {
    trace.push({
      label: `Measured energy (${input.source.kind}${input.measuredEnergyIncludesPue ? ', data centre overhead included' : ''})`,
      value: measured.value,
      unit: 'kWh',
      sourceId: RUN_INPUT_SOURCE.id
    })
    if (input.measuredEnergyIncludesPue) {
      assumptions.push(
        `The measured energy already includes the data centre overhead, so it is not multiplied by the PUE again; its IT share is taken as measured / ${f(pue.value)}.`
      )
      trace.push({ label: 'IT energy (measured / PUE)', formula: `${f(measured.value)} kWh / ${f(pue.value)}`, value: itEnergyKWh.value, unit: 'kWh' })
    } else {
      trace.push(facilityStep())
    }
  }
  // splitIT's last resort: a measured energy with no estimate to split it by and no device to share it among.
  if (isMeasured && !(figures.estimatedITKWh.value > 0) && input.devices.reduce((n, d) => n + d.count, 0) === 0) {
    assumptions.push('The run lists no device, so its measured energy is shown on the GPU line of the breakdown.')
  }

  const location = factors.location
  const intensity = figures.intensityGPerKWh
  trace.push({ label: `Grid intensity (${intensityLabel(location)})`, value: intensity.value, unit: 'gCO2e/kWh', sourceId: location.sourceId })
  trace.push({
    label: 'Emissions, location-based',
    formula: `${f(energyKWh.value)} kWh × ${f(intensity.value)} g/kWh / 1000`,
    value: emissionsKg.value,
    unit: 'kgCO2e'
  })

  const share = factors.renewable.share
  trace.push({ label: `Renewable share (${RENEWABLE_ORIGIN_LABEL[factors.renewable.origin]})`, value: share, unit: '', sourceId: factors.renewable.sourceId })
  trace.push({
    label: 'Emissions, market-based',
    formula: `${f(emissionsKg.value)} kg × (1 − ${f(share)})`,
    value: figures.marketEmissionsKg.value,
    unit: 'kgCO2e'
  })

  input.devices.forEach((device, i) => {
    const embodiedClass = factors.devices[i]!.embodiedClass
    const entry = factors.embodied[embodiedClass]
    const kg = figures.devices[i]!.embodiedKg
    if (entry === undefined || kg === undefined) {
      assumptions.push(`No embodied emissions are known for the class '${embodiedClass}' of ${device.name}: its embodied share counts 0.`)
      return
    }
    trace.push({
      label: `Embodied emissions of ${f(device.count)} × ${device.name} (${entry.note})`,
      formula: `${f(entry.totalKg)} kg × ${f(hours)} h / (${f(entry.lifespanYears)} y × 8760 h) × ${f(device.count)}`,
      value: kg,
      unit: 'kgCO2e',
      sourceId: entry.sourceId
    })
  })

  const { carGPerKm, treeMonthG, flightKg, flightLabel } = factors.equivalents
  const emissionsG = emissionsKg.value * G_PER_KG
  trace.push(
    { label: 'Equivalent: km by car', formula: `${f(emissionsG)} g / ${f(carGPerKm)} g/km`, value: equivalents.carKm, unit: 'km', sourceId: factors.equivalentsSourceIds.carKm },
    { label: 'Equivalent: tree-months of absorption', formula: `${f(emissionsG)} g / ${f(treeMonthG)} g`, value: equivalents.treeMonths, unit: 'tree-months', sourceId: factors.equivalentsSourceIds.treeMonths },
    { label: `Equivalent: flights ${flightLabel}`, formula: `${f(emissionsKg.value)} kg / ${f(flightKg)} kg`, value: equivalents.flights, unit: 'flights', sourceId: factors.equivalentsSourceIds.flights }
  )

  return {
    method: figures.method,
    itEnergyKWh,
    energyKWh,
    breakdownKWh: figures.breakdownKWh,
    pue,
    intensityGPerKWh: intensity,
    emissionsKg,
    marketEmissionsKg: figures.marketEmissionsKg,
    embodiedKg: figures.embodiedKg,
    equivalents,
    locationId: location.id,
    locationLabel: location.label,
    trace,
    assumptions,
    sources: citedSources(trace, factors.sources),
    dataVersion: factors.dataVersion
  }
}

/**
 * IT energy per device kind and memory. A measured energy is split in the proportions of the estimate; without an
 * estimate (no known power), evenly per device, or all on the GPU line when the run lists no device.
 */
function splitIT(
  estimated: Record<DeviceKind | 'memory', number>,
  estimatedTotalKWh: number,
  itKWh: number,
  isMeasured: boolean,
  input: RunInput
): Record<DeviceKind | 'memory', number> {
  if (!isMeasured) return estimated
  const split = zeroBreakdown()
  if (estimatedTotalKWh > 0) {
    for (const key of Object.keys(split) as (keyof typeof split)[]) split[key] = (itKWh * estimated[key]) / estimatedTotalKWh
    return split
  }
  const deviceCount = input.devices.reduce((n, d) => n + d.count, 0)
  if (deviceCount === 0) {
    split.gpu = itKWh
    return split
  }
  for (const device of input.devices) split[device.kind] += (itKWh * device.count) / deviceCount
  return split
}

function intensityLabel(location: ResolvedFactors['location']): string {
  const where = location.from === 'lab' ? `${location.label}, the lab's default location` : location.label
  switch (location.origin) {
    case 'hourly':
      return `${where}, mean of the hourly profile over the run's hours`
    case 'yearly':
      return `${where}, ${location.year} yearly average${location.exactYear ? '' : ", the run's year is not in the data"}`
    case 'custom':
      return `${where}, custom value`
    case 'unknown':
      return `${where}, world average`
  }
}

/** The sources the trace cites, in order of first use; a cited id missing from the list is a defect of the data. */
function citedSources(trace: TraceStep[], sources: SourceRef[]): SourceRef[] {
  const ids = [...new Set(trace.flatMap((step) => (step.sourceId === undefined ? [] : [step.sourceId])))]
  return ids.map((id) => {
    const source = sources.find((s) => s.id === id)
    if (source === undefined) throw new Error(`computeRun: the trace cites source '${id}', which the resolved factors do not list`)
    return sourceRefSchema.parse(source)
  })
}
