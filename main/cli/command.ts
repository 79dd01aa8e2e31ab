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
