import { run } from '../../../main/cli/run'

export interface CliOutcome {
  code: number
  stdout: string
  stderr: string
}

/** Runs one command line in-process, as `npm run --silent cli -- …` would. */
export async function cli(...argv: string[]): Promise<CliOutcome> {
  let stdout = ''
  let stderr = ''
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { code, stdout, stderr }
}

export async function cliJson(...argv: string[]): Promise<Record<string, unknown>> {
  const out = await cli(...argv, '--json')
  if (out.code !== 0) throw new Error(`exit ${out.code}: ${out.stderr}`)
  return JSON.parse(out.stdout) as Record<string, unknown>
}
