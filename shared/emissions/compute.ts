import { assertFinite } from '../domain/limits'
import { add, exact, multiply, type Range, spread } from '../domain/range'
import type { RunResult, TraceStep } from '../domain/result'
import type { DeviceKind, RunInput } from '../domain/run'
import { type SourceRef, sourceRefSchema } from '../domain/source'
import { english, type Message, msg, verbatim } from '../messages/index'
import type { ResolvedFactors } from './factors'
import { usageHours } from './hours'
import { POWER_MODEL_SOURCE, RUN_INPUT_SOURCE } from './method-sources'
import { EMBODIED_FACTORS, MEASURED_ENERGY_SPREAD, MEMORY_POWER } from './uncertainty'

const HOURS_PER_YEAR = 8760
const G_PER_KG = 1000
const W_PER_KW = 1000

/** Applies a non-decreasing function to each bound, so the range stays ordered. */
const mapRange = (r: Range, fn: (x: number) => number): Range => ({
  value: fn(r.value),
  low: fn(r.low),
  high: fn(r.high)
})

const zeroBreakdown = (): Record<DeviceKind | 'memory', number> => ({ gpu: 0, cpu: 0, tpu: 0, memory: 0 })

/**
 * A device's mean draw at utilisation u: P_idle + u × (P_max − P_idle) for a catalogue power (both terms positive, so
 * the bounds combine bound by bound), the power × u for one entered, the measured mean as it is (u is then 1).
 */
export function drawAt(power: ResolvedFactors['devices'][number], u: number): Range {
  const { model } = power
  if (model === undefined) return mapRange(power.powerW, (w) => w * u)
  const at = (idle: number, full: number) => (1 - u) * idle + u * full
  return {
    value: at(model.idleW.value, model.fullW.value),
    low: at(model.idleW.low, model.fullW.low),
    high: at(model.idleW.high, model.fullW.high)
  }
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
 * One run's energy, emissions and their ranges from already-resolved factors (docs/methodology.md).
 * Pure arithmetic: the order of operations keeps the best estimates equal to mlco2's and Green Algorithms'.
 * factors.devices[i] is the power of input.devices[i]. The one place the method's arithmetic is done: computeRun
 * describes these figures.
 */
export function computeFigures(input: RunInput, factors: ResolvedFactors): RunFigures {
  if (factors.devices.length !== input.devices.length) {
    throw new Error(
      `computeRun: the run has ${input.devices.length} devices but ${factors.devices.length} resolved powers`
    )
  }
  const hours = usageHours(input.durationS, input.hoursPerDay)
  const isMeasured = input.measuredEnergyKWh !== undefined

  // The estimate is computed even when a measurement replaces it: the trace shows both, and it splits the measured
  // energy between device kinds.
  const byKind = zeroBreakdown()
  const devices = input.devices.map((device, i): DeviceFigures => {
    const power = factors.devices[i]!
    const utilization = power.origin === 'measured' ? 1 : device.utilization
    const energyKWh = mapRange(drawAt(power, utilization), (w) => (device.count * w * hours) / W_PER_KW)
    byKind[device.kind] += energyKWh.value
    const embodied = factors.embodied[power.embodiedClass]
    const embodiedKg =
      embodied === undefined
        ? undefined
        : (embodied.totalKg * hours * device.count) / (embodied.lifespanYears * HOURS_PER_YEAR)
    return { utilization, energyKWh, embodiedKg }
  })

  const memoryGB = input.memoryGB ?? 0
  const memoryWPerGB = {
    value: factors.memoryWPerGB,
    low: factors.memoryWPerGB * MEMORY_POWER.low,
    high: factors.memoryWPerGB * MEMORY_POWER.high
  }
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

  const breakdownKWh = {
    ...splitIT(byKind, estimatedITKWh.value, itEnergyKWh.value, isMeasured, input),
    overhead: energyKWh.value - itEnergyKWh.value
  }

  const intensity = factors.location.intensityGPerKWh
  const emissionsKg: Range = {
    value: (energyKWh.value * intensity.value) / G_PER_KG,
    low: (energyKWh.low * intensity.low) / G_PER_KG,
    high: (energyKWh.high * intensity.high) / G_PER_KG
  }
  const share = factors.renewable.share
  const supplier = factors.renewable.uncoveredGPerKWh
  const marketEmissionsKg =
    supplier === undefined
      ? mapRange(emissionsKg, (kg) => kg * (1 - share))
      : mapRange(energyKWh, (kWh) => (kWh * (1 - share) * supplier) / G_PER_KG)
  const embodiedKg = add(
    ...devices.map(({ embodiedKg: kg }) =>
      kg === undefined ? exact(0) : { value: kg, low: kg * EMBODIED_FACTORS.low, high: kg * EMBODIED_FACTORS.high }
    )
  )

  const { carGPerKm, treeMonthG, flightKg } = factors.equivalents
  const emissionsG = emissionsKg.value * G_PER_KG
  const equivalents = {
    carKm: emissionsG / carGPerKm,
    treeMonths: emissionsG / treeMonthG,
    flights: emissionsKg.value / flightKg
  }

  // The inputs are bounded (domain/limits.ts), so this cannot fail for a validated run; it guards the ledger, the
  // backups and the exports against a factor table or a caller that is not.
  for (const [name, r] of Object.entries({ energyKWh, itEnergyKWh, emissionsKg, marketEmissionsKg, embodiedKg }))
    assertFinite(`computeRun ${name}`, r)

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
    ...(factors.location.labelMsg ? { locationLabelMsg: factors.location.labelMsg } : {}),
    hours,
    devices,
    memoryKWh,
    estimatedITKWh,
    measuredKWh
  }
}

/**
 * The reference data's note on an embodied figure as a message the app translates, when it is the bundled note;
 * another text (a lab's own figure) is shown as written.
 */
const embodiedNote = (embodiedClass: 'cpu' | 'gpu' | 'tpu', note: string): Message | string => {
  const known = msg(`embodiedNote.${embodiedClass}`)
  return english(known) === note ? known : note
}

/** A trace line from its messages (their English text is made only when the command line or a report asks). */
function step(label: Message, formula: Message | undefined, value: number, unit: string, sourceId?: string): TraceStep {
  // Built field by field (no spreads: every stored run has ~20 lines).
  const line: TraceStep = formula
    ? { labelMsg: label, formulaMsg: formula, value, unit }
    : { labelMsg: label, value, unit }
  if (sourceId !== undefined) line.sourceId = sourceId
  return line
}

/** computeFigures with the trace of every step, the assumptions made and the sources cited: a stored run's result. */
export function computeRun(input: RunInput, factors: ResolvedFactors): RunResult {
  const figures = computeFigures(input, factors)
  const { hours, pue, itEnergyKWh, energyKWh, emissionsKg, equivalents } = figures
  const trace: TraceStep[] = []
  const assumptions: Message[] = factors.assumptionMsgs ?? factors.assumptions.map(verbatim)
  const isMeasured = input.measuredEnergyKWh !== undefined

  trace.push(
    input.hoursPerDay === undefined
      ? step(msg('trace.hours'), msg('formula.hours', { durationS: input.durationS }), hours, 'h')
      : step(
          msg('trace.hoursService', { hoursPerDay: input.hoursPerDay }),
          msg('formula.hoursService', { durationS: input.durationS, hoursPerDay: input.hoursPerDay }),
          hours,
          'h'
        )
  )

  input.devices.forEach((device, i) => {
    const power = factors.devices[i]!
    const { utilization, energyKWh: kWh } = figures.devices[i]!
    const detail = power.detailMsg ?? verbatim(power.detail)
    trace.push(
      step(msg('trace.power', { device: device.name, detail }), undefined, power.powerW.value, 'W', power.sourceId)
    )
    if (power.model !== undefined) {
      const { tdpW, idleW, fullW } = power.model
      trace.push(
        step(
          msg('trace.powerModel', { device: device.name, tdpW }),
          msg('formula.powerModel', { idleW: idleW.value, fullW: fullW.value, utilization }),
          drawAt(power, utilization).value,
          'W',
          POWER_MODEL_SOURCE.id
        )
      )
    }
    trace.push(
      step(
        msg('trace.deviceEnergy', { count: device.count, device: device.name }),
        power.model === undefined
          ? msg('formula.deviceEnergy', { count: device.count, powerW: power.powerW.value, utilization, hours })
          : msg('formula.deviceEnergyDraw', { count: device.count, powerW: drawAt(power, utilization).value, hours }),
        kWh.value,
        'kWh'
      )
    )
    if (power.origin === 'unknown' && !isMeasured) assumptions.push(msg('assume.unknownPower', { device: device.name }))
    if (power.origin === 'measured' && device.utilization !== 1) {
      assumptions.push(msg('assume.measuredPowerUtilisation', { device: device.name, utilization: device.utilization }))
    }
  })

  const memoryGB = input.memoryGB ?? 0
  if (memoryGB > 0) {
    trace.push(
      step(
        msg('trace.memoryEnergy'),
        msg('formula.memoryEnergy', { memoryGB, wPerGB: factors.memoryWPerGB, hours }),
        figures.memoryKWh.value,
        'kWh',
        factors.memorySourceId
      )
    )
  }
  trace.push(
    step(
      msg(isMeasured ? 'trace.estimatedItEnergy' : 'trace.itEnergy'),
      msg('formula.sum', {
        terms: [...figures.devices.map((d) => d.energyKWh), figures.memoryKWh].map((r) => r.value)
      }),
      figures.estimatedITKWh.value,
      'kWh'
    )
  )

  trace.push(
    step(msg('trace.pue', { origin: msg(`pue.${factors.pue.origin}`) }), undefined, pue.value, '', factors.pue.sourceId)
  )
  const facilityStep = (): TraceStep =>
    step(
      msg('trace.facilityEnergy'),
      msg('formula.facilityEnergy', { itKWh: itEnergyKWh.value, pue: pue.value }),
      energyKWh.value,
      'kWh'
    )
  const measured = figures.measuredKWh
  if (measured === undefined) {
    trace.push(facilityStep())
  } else {
    const source = msg(`sourceKind.${input.source.kind}`)
    trace.push(
      step(
        msg(input.measuredEnergyIncludesPue ? 'trace.measuredEnergyWithPue' : 'trace.measuredEnergy', { source }),
        undefined,
        measured.value,
        'kWh',
        RUN_INPUT_SOURCE.id
      )
    )
    if (input.measuredEnergyIncludesPue) {
      assumptions.push(msg('assume.measuredIncludesPue', { pue: pue.value }))
      trace.push(
        step(
          msg('trace.itFromMeasured'),
          msg('formula.itFromMeasured', { measuredKWh: measured.value, pue: pue.value }),
          itEnergyKWh.value,
          'kWh'
        )
      )
    } else {
      trace.push(facilityStep())
    }
  }
  // splitIT's last resort: a measured energy with no estimate to split it by and no device to share it among.
  if (isMeasured && !(figures.estimatedITKWh.value > 0) && input.devices.reduce((n, d) => n + d.count, 0) === 0) {
    assumptions.push(msg('assume.noDevice'))
  }

  const location = factors.location
  const intensity = figures.intensityGPerKWh
  trace.push(
    step(
      msg('trace.intensity', { detail: intensityDetail(location) }),
      undefined,
      intensity.value,
      'gCO2e/kWh',
      location.sourceId
    )
  )
  if (location.comparison !== undefined) {
    const { intensityGPerKWh, sourceId, year } = location.comparison
    trace.push(step(msg('trace.providerIntensity', { year }), undefined, intensityGPerKWh, 'gCO2e/kWh', sourceId))
  }
  trace.push(
    step(
      msg('trace.locationEmissions'),
      msg('formula.locationEmissions', { energyKWh: energyKWh.value, intensity: intensity.value }),
      emissionsKg.value,
      'kgCO2e'
    )
  )

  const share = factors.renewable.share
  trace.push(
    step(
      msg('trace.renewable', { origin: msg(`renewable.${factors.renewable.origin}`) }),
      undefined,
      share,
      '',
      factors.renewable.sourceId
    )
  )
  trace.push(
    step(
      msg('trace.marketEmissions'),
      factors.renewable.uncoveredGPerKWh === undefined
        ? msg('formula.marketEmissions', { emissionsKg: emissionsKg.value, share })
        : msg('formula.marketSupplier', {
            energyKWh: energyKWh.value,
            share,
            supplier: factors.renewable.uncoveredGPerKWh
          }),
      figures.marketEmissionsKg.value,
      'kgCO2e'
    )
  )

  input.devices.forEach((device, i) => {
    const embodiedClass = factors.devices[i]!.embodiedClass
    const entry = factors.embodied[embodiedClass]
    const kg = figures.devices[i]!.embodiedKg
    if (entry === undefined || kg === undefined) {
      assumptions.push(msg('assume.noEmbodied', { embodiedClass, device: device.name }))
      return
    }
    trace.push(
      step(
        msg('trace.embodied', {
          count: device.count,
          device: device.name,
          note: embodiedNote(embodiedClass, entry.note)
        }),
        msg('formula.embodied', {
          totalKg: entry.totalKg,
          hours,
          lifespanYears: entry.lifespanYears,
          count: device.count
        }),
        kg,
        'kgCO2e',
        entry.sourceId
      )
    )
  })

  const { carGPerKm, treeMonthG, flightKg, flightLabel } = factors.equivalents
  const emissionsG = emissionsKg.value * G_PER_KG
  const sourceIds = factors.equivalentsSourceIds
  trace.push(
    step(msg('trace.carKm'), msg('formula.carKm', { emissionsG, carGPerKm }), equivalents.carKm, 'km', sourceIds.carKm),
    step(
      msg('trace.treeMonths'),
      msg('formula.treeMonths', { emissionsG, treeMonthG }),
      equivalents.treeMonths,
      'tree-months',
      sourceIds.treeMonths
    ),
    step(
      msg('trace.flights', { flight: flightMessage(flightLabel) }),
      msg('formula.flights', { emissionsKg: emissionsKg.value, flightKg }),
      equivalents.flights,
      'flights',
      sourceIds.flights
    )
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
    ...(location.labelMsg ? { locationLabelMsg: location.labelMsg } : {}),
    trace,
    assumptions: assumptions.map(english),
    assumptionMsgs: assumptions,
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
    for (const key of Object.keys(split) as (keyof typeof split)[])
      split[key] = (itKWh * estimated[key]) / estimatedTotalKWh
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

function intensityDetail(location: ResolvedFactors['location']): Message {
  const name = location.labelMsg ?? verbatim(location.label)
  const where = location.from === 'lab' ? msg('intensity.labLocation', { location: name }) : name
  switch (location.origin) {
    case 'hourly':
      return msg(location.hourlyWeighting === 'power-samples' ? 'intensity.hourlyMeasured' : 'intensity.hourly', {
        where
      })
    case 'yearly':
      if (location.gridLabel !== undefined)
        return msg(location.exactYear ? 'intensity.grid' : 'intensity.gridOther', {
          where,
          grid: location.gridLabel,
          year: location.year!
        })
      return msg(location.exactYear ? 'intensity.yearly' : 'intensity.yearlyOther', { where, year: location.year! })
    case 'custom':
      return msg('intensity.custom', { where })
    case 'unknown':
      return msg('intensity.unknown', { where })
  }
}

/** Sources checked once each: the same few objects are cited by every run computed (an import, a report's rebuild). */
const checkedSources = new WeakMap<SourceRef, SourceRef>()
const checkedSource = (source: SourceRef): SourceRef => {
  let checked = checkedSources.get(source)
  if (!checked) checkedSources.set(source, (checked = sourceRefSchema.parse(source)))
  return checked
}

/** The sources the trace cites, in order of first use; a cited id missing from the list is a defect of the data. */
function citedSources(trace: TraceStep[], sources: SourceRef[]): SourceRef[] {
  const ids = [...new Set(trace.flatMap((step) => (step.sourceId === undefined ? [] : [step.sourceId])))]
  return ids.map((id) => {
    const source = sources.find((s) => s.id === id)
    if (source === undefined)
      throw new Error(`computeRun: the trace cites source '${id}', which the resolved factors do not list`)
    return checkedSource(source)
  })
}

/** The reference data's flight label as a message: the known one translated, any other shown as the data gives it. */
const flightMessage = (label: string): Message =>
  label === 'one passenger, Paris–London flight' ? msg('flight.parisLondon') : verbatim(label)
