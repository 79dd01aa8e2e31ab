// Writes a file so that a crash, a full disk or a power cut leaves either the old file or the new one, never half:
// write a temporary file in the same folder, flush it to disk, then rename it over the target.
import { randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** The file-system calls used, injectable so that tests can make any step fail. */
export interface AtomicWriteFs {
  open(
    path: string,
    flags: 'wx'
  ): Promise<{ writeFile(data: string | Uint8Array): Promise<void>; sync(): Promise<void>; close(): Promise<void> }>
  rename(from: string, to: string): Promise<void>
  rm(path: string, options: { force: true }): Promise<void>
}

export const TEMP_SUFFIX = '.tmp'

/** The temporary sibling of a target: hidden, unique, recognisable (so stale ones can be cleaned up). */
export function tempPathFor(targetPath: string, unique: string): string {
  return join(dirname(targetPath), `.${basename(targetPath)}.${unique}${TEMP_SUFFIX}`)
}

export async function writeFileAtomic(
  targetPath: string,
  data: string | Uint8Array,
  fs: AtomicWriteFs = nodeFs
): Promise<void> {
  const tempPath = tempPathFor(targetPath, randomBytes(6).toString('hex'))
  try {
    const handle = await fs.open(tempPath, 'wx')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(tempPath, targetPath)
  } catch (error) {
    await fs.rm(tempPath, { force: true }).catch(() => undefined)
    throw error
  }
}
