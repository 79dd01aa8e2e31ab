import type { DeviceKind } from '../domain/run'
import { type HardwareTable, matchHardware } from '../refdata/hardware'
import type { HardwareMatch, ImportOptions } from './types'

type Matcher = NonNullable<ImportOptions['matchHardware']>

/** The importers' matcher backed by the hardware catalogue of the reference data. */
export function catalogueMatcher(ref: HardwareTable): Matcher {
  return (text, kind) => {
    const match = matchHardware(ref, text, kind)
    return match && { id: match.entry.id, name: match.entry.name, confidence: match.confidence }
  }
}

/** A file names the same few models on every row: each is matched once per import. */
export function memoiseMatcher(match: Matcher): Matcher {
  const seen = new Map<string, HardwareMatch | undefined>()
  return (text: string, kind: DeviceKind) => {
    const key = `${kind}\u0000${text}`
    if (!seen.has(key)) seen.set(key, match(text, kind))
    return seen.get(key)
  }
}
