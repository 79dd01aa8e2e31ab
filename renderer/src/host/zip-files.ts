import { strToU8, type Zippable, zipSync } from 'fflate'

/**
 * Files saved together, as one zip for the browser's single download (the desktop app writes a folder instead).
 * Pure: every entry stored under its name at the top level, with the given time (the zip's entries carry one).
 */
export function zipFiles(files: readonly { name: string; content: string }[], at: Date): Uint8Array {
  const entries: Zippable = {}
  for (const f of files) entries[f.name] = [strToU8(f.content), { mtime: at }]
  return zipSync(entries, { level: 6 })
}
