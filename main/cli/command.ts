import type { Flags } from './args'

/** What a command needs from the process: injected so tests run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

export interface Command {
  name: string
  summary: string
  usage: string
  booleanFlags: string[]
  run: (positionals: string[], flags: Flags, io: CliIo) => Promise<void>
}

/** Writes a JSON document as the whole of stdout (`--json`). */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`)
}

const FLUSH_CHARS = 1 << 16

/**
 * Writes an object as the whole of stdout, one JSON document, without ever holding it as one string: fields that are
 * arrays are written one element per line, in pieces of about 64 KB (an import's 100,000 runs).
 */
export function writeJsonLines(io: CliIo, value: Record<string, unknown>): void {
  let parts: string[] = ['{']
  let chars = 0
  const add = (text: string): void => {
    parts.push(text)
    chars += text.length
    if (chars >= FLUSH_CHARS) {
      io.stdout(parts.join(''))
      parts = []
      chars = 0
    }
  }
  let first = true
  for (const [key, field] of Object.entries(value)) {
    const text = Array.isArray(field) ? '[' : JSON.stringify(field)
    // as JSON.stringify: a field that has no JSON form (undefined) is left out
    if (text === undefined) continue
    add(`${first ? '' : ',\n'}${JSON.stringify(key)}:${text}`)
    first = false
    if (!Array.isArray(field)) continue
    field.forEach((element: unknown, i) => {
      add(i > 0 ? ',\n' : '\n')
      add(JSON.stringify(element) ?? 'null')
    })
    add(field.length > 0 ? '\n]' : ']')
  }
  parts.push('}\n')
  io.stdout(parts.join(''))
}
