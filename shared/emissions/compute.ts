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

/**
 * One run's energy, emissions and their ranges from already-resolved factors (DESIGN.md §2, docs/methodology.md).
 * Pure arithmetic: the order of operations keeps the best estimates equal to mlco2's and Green Algorithms'.
 * factors.devices[i] is the power of input.devices[i].
 */
export function computeRun(input: RunInput, factors: ResolvedFactors): RunResult {
  if (factors.devices.length !== input.devices.length) {
    throw new Error(`computeRun: the run has ${input.devices.length} devices but ${factors.devices.length} resolved powers`)
  }
  const trace: TraceStep[] = []
  const assumptions = [...factors.assumptions]
  const hours = usageHours(input.durationS, input.hoursPerDay)
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

  // The estimate is computed even when a measurement replaces it: the trace shows both, and it splits the measured
  // energy between device kinds.
  const byKind = zeroBreakdown()
  const deviceKWh: Range[] = input.devices.map((device, i) => {
    const power = factors.devices[i]!
    // A measured mean power already reflects how busy the device was.
    const utilization = power.origin === 'measured' ? 1 : device.utilization
    trace.push({ label: `Power of ${device.name} (${power.detail})`, value: power.powerW.value, unit: 'W', sourceId: power.sourceId })
    const kWh = mapRange(power.powerW, (w) => (device.count * w * utilization * hours) / W_PER_KW)
    trace.push({
      label: `Energy of ${f(device.count)} × ${device.name}`,
      formula: `${f(device.count)} × ${f(power.powerW.value)} W × ${f(utilization)} × ${f(hours)} h / 1000`,
      value: kWh.value,
      unit: 'kWh'
    })
    byKind[device.kind] += kWh.value
    if (power.origin === 'unknown' && !isMeasured) {
      assumptions.push(
        `The power of ${device.name} is unknown, so it counts as 0 W and the energy is understated: choose it from the catalogue or enter its power.`
      )
    }
    if (power.origin === 'measured' && device.utilization !== 1) {
      assumptions.push(`The measured power of ${device.name} is a mean over the run, so its utilisation (${f(device.utilization)}) is not applied again.`)
    }
    return kWh
  })

  const memoryGB = input.memoryGB ?? 0
  const memoryWPerGB = { value: factors.memoryWPerGB, low: factors.memoryWPerGB * MEMORY_POWER.low, high: factors.memoryWPerGB * MEMORY_POWER.high }
  const memoryKWh = mapRange(memoryWPerGB, (wPerGB) => (memoryGB * wPerGB * hours) / W_PER_KW)
  if (memoryGB > 0) {
    trace.push({
      label: 'Energy of memory',
      formula: `${f(memoryGB)} GB × ${f(factors.memoryWPerGB)} W/GB × ${f(hours)} h / 1000`,
      value: memoryKWh.value,
      unit: 'kWh',
      sourceId: factors.memorySourceId
    })
  }
  byKind.memory = memoryKWh.value
  const estimatedITKWh = add(...deviceKWh, memoryKWh)
  trace.push({
    label: isMeasured ? 'Estimated IT energy (for comparison; the measured energy is used)' : 'IT energy',
    formula: [...deviceKWh, memoryKWh].map((r) => f(r.value)).join(' + '),
    value: estimatedITKWh.value,
    unit: 'kWh'
  })

  const { pue } = factors.pue
  trace.push({ label: `PUE (${PUE_ORIGIN_LABEL[factors.pue.origin]})`, value: pue.value, unit: '', sourceId: factors.pue.sourceId })

  let itEnergyKWh: Range
  let energyKWh: Range
  if (input.measuredEnergyKWh === undefined) {
    itEnergyKWh = estimatedITKWh
    energyKWh = multiply(itEnergyKWh, pue)
    trace.push({ label: 'Facility energy', formula: `${f(itEnergyKWh.value)} kWh × ${f(pue.value)}`, value: energyKWh.value, unit: 'kWh' })
  } else {
    const measured = spread(input.measuredEnergyKWh, MEASURED_ENERGY_SPREAD)
    trace.push({
      label: `Measured energy (${input.source.kind}${input.measuredEnergyIncludesPue ? ', data centre overhead included' : ''})`,
      value: measured.value,
      unit: 'kWh',
      sourceId: RUN_INPUT_SOURCE.id
    })
    if (input.measuredEnergyIncludesPue) {
      energyKWh = measured
      itEnergyKWh = mapRange(measured, (kWh) => kWh / pue.value)
      assumptions.push(
        `The measured energy already includes the data centre overhead, so it is not multiplied by the PUE again; its IT share is taken as measured / ${f(pue.value)}.`
      )
      trace.push({ label: 'IT energy (measured / PUE)', formula: `${f(measured.value)} kWh / ${f(pue.value)}`, value: itEnergyKWh.value, unit: 'kWh' })
    } else {
      itEnergyKWh = measured
      energyKWh = multiply(itEnergyKWh, pue)
      trace.push({ label: 'Facility energy', formula: `${f(itEnergyKWh.value)} kWh × ${f(pue.value)}`, value: energyKWh.value, unit: 'kWh' })
    }
  }

  const breakdownKWh = { ...splitIT(byKind, estimatedITKWh.value, itEnergyKWh.value, isMeasured, input, assumptions), overhead: energyKWh.value - itEnergyKWh.value }

  const location = factors.location
  const intensity = location.intensityGPerKWh
  trace.push({ label: `Grid intensity (${intensityLabel(location)})`, value: intensity.value, unit: 'gCO2e/kWh', sourceId: location.sourceId })
  const emissionsKg: Range = {
    value: (energyKWh.value * intensity.value) / G_PER_KG,
    low: (energyKWh.low * intensity.low) / G_PER_KG,
    high: (energyKWh.high * intensity.high) / G_PER_KG
  }
  trace.push({
    label: 'Emissions, location-based',
    formula: `${f(energyKWh.value)} kWh × ${f(intensity.value)} g/kWh / 1000`,
    value: emissionsKg.value,
    unit: 'kgCO2e'
  })

  const share = factors.renewable.share
  trace.push({ label: `Renewable share (${RENEWABLE_ORIGIN_LABEL[factors.renewable.origin]})`, value: share, unit: '', sourceId: factors.renewable.sourceId })
  const marketEmissionsKg = mapRange(emissionsKg, (kg) => kg * (1 - share))
  trace.push({
    label: 'Emissions, market-based',
    formula: `${f(emissionsKg.value)} kg × (1 − ${f(share)})`,
    value: marketEmissionsKg.value,
    unit: 'kgCO2e'
  })

  const embodiedKg = add(
    ...input.devices.map((device, i) => {
      const embodiedClass = factors.devices[i]!.embodiedClass
      const entry = factors.embodied[embodiedClass]
      if (entry === undefined) {
        assumptions.push(`No embodied emissions are known for the class '${embodiedClass}' of ${device.name}: its embodied share counts 0.`)
        return exact(0)
      }
      const kg = (entry.totalKg * hours * device.count) / (entry.lifespanYears * HOURS_PER_YEAR)
      trace.push({
        label: `Embodied emissions of ${f(device.count)} × ${device.name} (${entry.note})`,
        formula: `${f(entry.totalKg)} kg × ${f(hours)} h / (${f(entry.lifespanYears)} y × 8760 h) × ${f(device.count)}`,
        value: kg,
        unit: 'kgCO2e',
        sourceId: entry.sourceId
      })
      return { value: kg, low: kg * EMBODIED_FACTORS.low, high: kg * EMBODIED_FACTORS.high }
    })
  )

  const { carGPerKm, treeMonthG, flightKg, flightLabel } = factors.equivalents
  const emissionsG = emissionsKg.value * G_PER_KG
  const equivalents = { carKm: emissionsG / carGPerKm, treeMonths: emissionsG / treeMonthG, flights: emissionsKg.value / flightKg }
  trace.push(
    { label: 'Equivalent: km by car', formula: `${f(emissionsG)} g / ${f(carGPerKm)} g/km`, value: equivalents.carKm, unit: 'km', sourceId: factors.equivalentsSourceIds.carKm },
    { label: 'Equivalent: tree-months of absorption', formula: `${f(emissionsG)} g / ${f(treeMonthG)} g`, value: equivalents.treeMonths, unit: 'tree-months', sourceId: factors.equivalentsSourceIds.treeMonths },
    { label: `Equivalent: flights ${flightLabel}`, formula: `${f(emissionsKg.value)} kg / ${f(flightKg)} kg`, value: equivalents.flights, unit: 'flights', sourceId: factors.equivalentsSourceIds.flights }
  )

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
  input: RunInput,
  assumptions: string[]
): Record<DeviceKind | 'memory', number> {
  if (!isMeasured) return estimated
  const split = zeroBreakdown()
  if (estimatedTotalKWh > 0) {
    for (const key of Object.keys(split) as (keyof typeof split)[]) split[key] = (itKWh * estimated[key]) / estimatedTotalKWh
    return split
  }
  const deviceCount = input.devices.reduce((n, d) => n + d.count, 0)
  if (deviceCount === 0) {
    assumptions.push('The run lists no device, so its measured energy is shown on the GPU line of the breakdown.')
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
