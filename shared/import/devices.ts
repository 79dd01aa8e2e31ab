import type { DeviceInput, DeviceKind } from '../domain/run'
import { LOW_MATCH_CONFIDENCE, type ImportOptions } from './types'

/**
 * A device named by an imported file, matched to the hardware catalogue by the injected matcher. The file's name is
 * kept as the display name; what the user should check goes to warnings.
 */
export function importedDevice(
  kind: DeviceKind,
  name: string,
  count: number,
  options: ImportOptions,
  warnings: string[],
  extra: Partial<DeviceInput> = {}
): DeviceInput {
  const device: DeviceInput = { kind, name, count, utilization: 1, ...extra }
  if (!options.matchHardware) return device
  const match = options.matchHardware(name, kind)
  if (!match) {
    warnings.push(`${kind.toUpperCase()} "${name}" is not in the hardware catalogue: its power is unknown until you pick one`)
    return device
  }
  if (match.confidence < LOW_MATCH_CONFIDENCE) {
    warnings.push(`${kind.toUpperCase()} "${name}" was matched to "${match.name}" with low confidence: check it`)
  }
  return { ...device, hardwareId: match.id }
}
