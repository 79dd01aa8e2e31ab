import { Flags, InputError, parseArgs, UsageError } from './args'
import type { CliIo } from './command'
import { commands } from './commands'

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'Carbon Ledger command line',
    '',
    'usage: npm run --silent cli -- <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run '<command> --help' for a command's options. --json makes stdout one JSON document.",
    'Exit codes: 0 success, 1 bad input, 2 bad usage.',
    ''
  ].join('\n')
}

/** Runs one command line; returns the exit code. Never throws, never prints a stack trace. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help())
    return name === undefined ? 2 : 0
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    io.stderr(`carbon-ledger: unknown command '${name}'. Commands: ${commands.map((c) => c.name).join(', ')}\n`)
    return 2
  }
  try {
    const parsed = parseArgs(rest, new Set([...command.booleanFlags, 'help', 'json']))
    const flags = new Flags(parsed)
    if (flags.boolean('help')) {
      io.stdout(`${command.usage.trim()}\n`)
      return 0
    }
    await command.run(parsed.positionals, flags, io)
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`carbon-ledger ${name}: ${error.message}\n${command.usage.trim().split('\n')[0]}\n`)
      return 2
    }
    if (error instanceof InputError) {
      io.stderr(`carbon-ledger ${name}: ${error.message}\n`)
      return 1
    }
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(`carbon-ledger ${name}: internal error: ${message}\n`)
    return 1
  }
}
