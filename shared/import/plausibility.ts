import { LIMITS } from '../domain/limits'
import type { RunInput } from '../domain/run'
import { type Message, msg } from '../messages/index'
import { importWarning } from './issues'
import type { ImportWarning } from './types'

/**
 * Where an imported figure stops being physically plausible for an ML run. Past these the import warns (naming
 * file, row and field) and still keeps the run: a unit or clock mix-up is likely, but the user decides.
 */
export const PLAUSIBILITY_LIMITS = {
  /**
   * A year (365.25 days). The longest training jobs run for months; a longer batch run is a unit or clock error
   * (CodeCarbon's duration 1e9 s moves the start 31.7 years back). Continuous services (hoursPerDay) are exempt.
   */
  maxDurationS: 365.25 * 86_400,
  /**
   * Mean power per device (GPU, CPU, TPU). The largest accelerators draw 1.0–1.4 kW (B200, MI355X), server CPUs up to
   * about 0.5 kW; 2 kW leaves room for a device's share of memory and fans, so only impossible figures are flagged.
   */
  maxPowerPerDeviceW: 2_000,
  /** Mean power of a run whose devices are unknown: 10 kW, about a whole 8-GPU server at full load. */
  maxPowerPerRunW: 10_000,
  /**
   * The lowest intensity a file's emissions may imply. The lowest yearly grid figure in the bundled data is 9 g/kWh;
   * below 1 g/kWh the emissions and the energy are in mismatched units (Wh written as kWh, g as kg).
   */
  minIntensityGPerKWh: 1
} as const

/** How the file names the figures checked, for the warnings' field. */
export interface PlausibilityFields {
  duration: string
  energy: string
  /** The field of the i-th device's measured (or given) power; absent when the file gives no device's power. */
  devicePower?: (index: number, measured: boolean) => string
}

/** Where the run is in its file: a CSV row, a JSON run's position, or the whole file (nvidia-smi). */
export type RunPlace = { row: number; unit: 'row' | 'run' } | undefined

/** The warnings for a run's implausible duration, mean power or device power; none for a plausible run. */
export function plausibilityWarnings(
  input: RunInput,
  fileName: string,
  place: RunPlace,
  fields: PlausibilityFields
): ImportWarning[] {
  const where: Message = place
    ? msg(place.unit === 'row' ? 'import.where.row' : 'import.where.run', { file: fileName, row: place.row })
    : msg('import.where.file', { file: fileName })
  const warn = (message: Message, field: string): ImportWarning => importWarning(message, place?.row, field)
  const warnings: ImportWarning[] = []
  const { durationS } = input

  if (input.hoursPerDay === undefined && durationS > PLAUSIBILITY_LIMITS.maxDurationS) {
    const years = durationS / (365.25 * 86_400)
    warnings.push(
      warn(
        msg('import.longDuration', {
          where,
          field: fields.duration,
          durationS,
          years,
          start: Date.parse(input.startedAt)
        }),
        fields.duration
      )
    )
  }

  let deviceFlagged = false
  const { devicePower } = fields
  if (devicePower)
    input.devices.forEach((device, index) => {
      const measured = device.measuredPowerW !== undefined
      const powerW = device.measuredPowerW ?? device.powerW
      if (powerW === undefined || powerW <= PLAUSIBILITY_LIMITS.maxPowerPerDeviceW) return
      const field = devicePower(index, measured)
      warnings.push(
        warn(
          msg('import.highDevicePower', {
            where,
            field,
            powerW,
            device: device.name,
            limitW: PLAUSIBILITY_LIMITS.maxPowerPerDeviceW
          }),
          field
        )
      )
      deviceFlagged = true
    })

  const hours = (durationS / 3600) * ((input.hoursPerDay ?? 24) / 24)
  // A device's own implausible power already explains the run's (nvidia-smi's energy is its devices'): said once.
  if (!deviceFlagged && input.measuredEnergyKWh !== undefined && hours > 0) {
    // The devices draw IT power: an energy that already holds the data centre's overhead is divided by it first.
    const pue = input.measuredEnergyIncludesPue ? (input.pue ?? 1) : 1
    const powerKW = input.measuredEnergyKWh / pue / hours
    const devices = input.devices.reduce((n, d) => n + d.count, 0)
    const limitKW =
      (devices > 0 ? devices * PLAUSIBILITY_LIMITS.maxPowerPerDeviceW : PLAUSIBILITY_LIMITS.maxPowerPerRunW) / 1000
    if (powerKW > limitKW) {
      const params = { where, field: fields.energy, energyKWh: input.measuredEnergyKWh, hours, powerKW, limitKW }
      warnings.push(
        warn(
          devices > 0 ? msg('import.highPower', { ...params, devices }) : msg('import.highPowerNoDevices', params),
          fields.energy
        )
      )
    }
  }

  return warnings
}

/**
 * The warning for a file whose own emissions and energy imply an intensity no grid has (below
 * PLAUSIBILITY_LIMITS.minIntensityGPerKWh, above LIMITS.maxIntensityGPerKWh): one of the two is in the wrong unit.
 * None when either figure is absent or zero.
 */
export function reportedIntensityWarning(
  emissionsKg: number | undefined,
  energyKWh: number | undefined,
  fileName: string,
  row: number,
  fields: { emissions: string; energy: string }
): ImportWarning | undefined {
  if (emissionsKg === undefined || energyKWh === undefined || !(emissionsKg > 0) || !(energyKWh > 0)) return undefined
  const intensityGPerKWh = (emissionsKg / energyKWh) * 1000
  const low = PLAUSIBILITY_LIMITS.minIntensityGPerKWh
  const high = LIMITS.maxIntensityGPerKWh
  if (intensityGPerKWh >= low && intensityGPerKWh <= high) return undefined
  const where = msg('import.where.row', { file: fileName, row })
  return importWarning(
    msg('import.implausibleIntensity', { where, ...fields, emissionsKg, energyKWh, intensityGPerKWh, low, high }),
    row,
    fields.emissions
  )
}
