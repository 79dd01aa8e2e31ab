/**
 * The command line's argument parser: `--name value`, `--name=value`, boolean `--flag`, positionals.
 * Own and small: the CLI has a handful of commands and must start fast.
 */

export class UsageError extends Error {}

/** Bad input (a file, a row, a value): exit 1 with one clear line. */
export class InputError extends Error {}

export interface ParsedArgs {
  positionals: string[]
  flags: Map<string, string | true>
}

export function parseArgs(argv: string[], booleanFlags: ReadonlySet<string>): ParsedArgs {
  const positionals: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq)
    if (flags.has(name)) throw new UsageError(`--${name} is given twice`)
    if (booleanFlags.has(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`)
      flags.set(name, true)
      continue
    }
    // A flag followed by nothing or by another flag is kept as given without a value: an unknown flag is then
    // reported as unknown (rejectUnknown), a known one as needing a value (Flags.string).
    const next = argv[i + 1]
    if (eq === -1 && (next === undefined || next.startsWith('--'))) {
      flags.set(name, true)
      continue
    }
    flags.set(name, eq === -1 ? (argv[++i] as string) : arg.slice(eq + 1))
  }
  return { positionals, flags }
}

/** Reads flags by kind and remembers which were read, so unknown flags are reported. */
export class Flags {
  private readonly read = new Set<string>()

  constructor(private readonly parsed: ParsedArgs) {}

  has(name: string): boolean {
    this.read.add(name)
    return this.parsed.flags.has(name)
  }

  string(name: string): string | undefined {
    this.read.add(name)
    const value = this.parsed.flags.get(name)
    if (value === true) throw new UsageError(`--${name} needs a value`)
    return value
  }

  /** A finite number within [min, max]; bad values are bad input (exit 1), not bad usage. */
  number(name: string, { min = -Infinity, max = Infinity, integer = false } = {}): number | undefined {
    const text = this.string(name)
    if (text === undefined) return undefined
    const value = Number(text.trim())
    if (text.trim() === '' || !Number.isFinite(value)) throw new InputError(`--${name}: '${text}' is not a number`)
    if (integer && !Number.isInteger(value)) throw new InputError(`--${name}: '${text}' is not a whole number`)
    if (value < min || value > max) {
      const bounds = max === Infinity ? `at least ${min}` : `between ${min} and ${max}`
      throw new InputError(`--${name}: ${text} is out of range (must be ${bounds})`)
    }
    return value
  }

  /** A share 0–1, also written as a percentage ("80%", or "80": a number above 1 can only be a percentage). */
  fraction(name: string): number | undefined {
    const text = this.string(name)
    if (text === undefined) return undefined
    const percent = text.trim().endsWith('%')
    const value = Number(percent ? text.trim().slice(0, -1) : text.trim())
    if (!Number.isFinite(value)) throw new InputError(`--${name}: '${text}' is not a number`)
    const share = percent || value > 1 ? value / 100 : value
    if (share < 0 || share > 1) throw new InputError(`--${name}: ${text} must be between 0 and 1 (or 0% and 100%)`)
    return share
  }

  boolean(name: string): boolean {
    this.read.add(name)
    return this.parsed.flags.get(name) === true
  }

  /** Call after reading every flag a command knows. */
  rejectUnknown(): void {
    for (const name of this.parsed.flags.keys()) {
      if (!this.read.has(name)) throw new UsageError(`unknown option --${name}`)
    }
  }

  exclusive(...names: string[]): void {
    const given = names.filter((n) => this.parsed.flags.has(n))
    if (given.length > 1) throw new UsageError(`${given.map((n) => `--${n}`).join(' and ')} exclude each other`)
  }
}
