import { createReadStream, statSync } from 'node:fs'
import { basename } from 'node:path'
import { InputError } from './args'

const CHUNK_BYTES = 1 << 20

/**
 * Streams a text file in chunks of decoded UTF-8 (multi-byte characters are never split), so a 100 MB import
 * never holds the whole file.
 */
export async function* readTextChunks(path: string): AsyncGenerator<string> {
  let size: number
  try {
    const stat = statSync(path)
    if (stat.isDirectory()) throw new InputError(`${path} is a folder, not a file`)
    size = stat.size
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError(`${path}: no such file, or it cannot be read`)
  }
  if (size === 0) throw new InputError(`${basename(path)} is empty`)
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK_BYTES })
  try {
    for await (const chunk of stream) yield chunk as string
  } catch (error) {
    throw new InputError(
      `${basename(path)}: reading failed (${error instanceof Error ? error.message : String(error)})`
    )
  }
}
