// Free space of the disk holding a folder, for the renderer's check before large writes (imports, restores).
import { statfs } from 'node:fs/promises'

/** Bytes an unprivileged process may still write there; null when the platform cannot tell. */
export async function diskFreeBytes(path: string): Promise<number | null> {
  try {
    const info = await statfs(path)
    return info.bavail * info.bsize
  } catch {
    return null
  }
}
