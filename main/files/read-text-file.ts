// Reads a file the user chose (import, restore) as text, refusing one too large to cross IPC.
import * as nodeFs from 'node:fs/promises'
import { basename } from 'node:path'
import { MAX_FILE_BYTES, type OpenedFile } from '../../shared/ipc/contract'
import { HostError } from '../ipc/host-error'
import { decodeText } from './decode-text'

export interface ReadFs {
  stat(path: string): Promise<{ size: number; isFile(): boolean }>
  readFile(path: string): Promise<Uint8Array>
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`
}

export async function readTextFile(path: string, maxBytes = MAX_FILE_BYTES, fs: ReadFs = nodeFs): Promise<OpenedFile> {
  const name = basename(path)
  const info = await fs.stat(path)
  if (!info.isFile()) throw new HostError(`${name} is not a file.`)
  if (info.size > maxBytes)
    throw new HostError(`${name} is ${megabytes(info.size)}; files up to ${megabytes(maxBytes)} can be opened.`)
  const bytes = await fs.readFile(path)
  return { name, sizeBytes: bytes.byteLength, text: decodeText(bytes) }
}
