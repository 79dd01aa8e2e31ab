/** Header names as the importers match them. */

/** CodeCarbon and nvidia-smi: trimmed, lower case, nvidia-smi's unit suffix (" [W]") removed. */
export function normaliseHeaderName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\s*\[[^\]]*\]$/, '')
}

/** The ledger's own columns, compared without case, spaces, dots, dashes or underscores: startedAt = Started_At. */
export function squashHeaderName(name: string): string {
  return name.toLowerCase().replace(/[\s._-]/g, '')
}
