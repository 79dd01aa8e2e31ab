import type { DeviceInput, DeviceKind } from '../domain/run'
import { type Message, msg } from '../messages/index'
import { HARDWARE_MATCH_THRESHOLD } from '../refdata/hardware'
import type { ImportOptions } from './types'

/**
 * A device named by an imported file, matched to the hardware catalogue by the injected matcher. The file's name is
 * kept as the display name; what the user should check goes to warnings.
 */
export function importedDevice(
  kind: DeviceKind,
  name: string,
  count: number,
  options: ImportOptions,
  warnings: Message[],
  extra: Partial<DeviceInput> = {}
): DeviceInput {
  const device: DeviceInput = { kind, name, count, utilization: 1, ...extra }
  if (!options.matchHardware) return device
  const match = options.matchHardware(name, kind)
  if (!match) {
    warnings.push(msg('import.notInCatalogue', { kind: kind.toUpperCase(), name }))
    return device
  }
  // A weak match is only a suggestion: it must not decide the power until the user confirms it.
  if (match.confidence < HARDWARE_MATCH_THRESHOLD) {
    warnings.push(msg('import.weakMatch', { kind: kind.toUpperCase(), name, match: match.name }))
    return device
  }
  return { ...device, hardwareId: match.id }
}
