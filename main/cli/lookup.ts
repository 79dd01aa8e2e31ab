import type { DeviceKind, LocationInput } from '../../shared/domain/run'
import {
  findLocation,
  locationInputOf,
  matchHardware,
  type ReferenceData,
  searchHardware,
  searchLocations
} from '../../shared/refdata'
import type { HardwareEntry } from '../../shared/refdata/schema'
import { InputError } from './args'

/** Below this a catalogue match is a guess: the user is shown candidates instead of a silent wrong device. */
const MIN_CONFIDENCE = 0.8

/** `alternative` names the command's way around the catalogue (e.g. "--gpu-power-w W"), when it has one. */
export function resolveHardwareName(
  ref: ReferenceData,
  text: string,
  kind: DeviceKind,
  flag: string,
  alternative?: string
): HardwareEntry {
  const match = matchHardware(ref, text, kind)
  if (match && match.confidence >= MIN_CONFIDENCE) return match.entry
  const candidates = searchHardware(ref, text, kind, 5).map((e) => e.name)
  const hint = candidates.length > 0 ? `; did you mean: ${candidates.join(', ')}?` : ''
  const instead = alternative ? ` (or give ${alternative})` : ''
  throw new InputError(`${flag}: '${text}' is not in the hardware catalogue${hint}${instead}`)
}

export function resolveLocationText(ref: ReferenceData, text: string, flag: string): LocationInput {
  const entry = findLocation(ref, text)
  const input = entry && locationInputOf(entry)
  if (input) return input
  const candidates = searchLocations(ref, text, 5).map((e) => e.id)
  const hint = candidates.length > 0 ? `; did you mean: ${candidates.join(', ')}?` : ''
  throw new InputError(`${flag}: unknown location '${text}'${hint} (or give --intensity in gCO2eq/kWh)`)
}
