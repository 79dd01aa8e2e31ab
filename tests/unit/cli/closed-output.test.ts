// The built command line when its output goes away: a reader that closes early (`… --json | head`) ends it quietly,
// a stdout that cannot be written (a full disk) is one line on stderr and exit 1. Never a stack trace.
import { spawn } from 'node:child_process'
import { closeSync, existsSync, openSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const bundle = resolve('out/cli/carbon-ledger.mjs')
const built = existsSync(bundle)
const fixture = resolve('tests/fixtures/import/codecarbon/codecarbon-repo-sample.csv')

function exitOf(child: ReturnType<typeof spawn>): Promise<{ code: number | null; stderr: string }> {
  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text))
  return new Promise((done) => child.on('close', (code) => done({ code, stderr })))
}

describe.skipIf(!built)(
  'the built command line with a closed output (skipped when out/cli is missing: npm install or npm run build:cli makes it)',
  () => {
    it('exits 0 with nothing on stderr when the reader closes the pipe before the output ends', async () => {
      const child = spawn(process.execPath, [bundle, 'import', fixture, '--json'], {
        stdio: ['ignore', 'pipe', 'pipe']
      })
      // The reader goes away before reading anything, as `| head -0` would.
      child.stdout.destroy()
      const { code, stderr } = await exitOf(child)
      expect(stderr).toBe('')
      expect(code).toBe(0)
    })

    it.skipIf(!existsSync('/dev/full'))(
      'says in one line that the output could not be written, and exits 1 (skipped without /dev/full)',
      async () => {
        const full = openSync('/dev/full', 'w')
        try {
          const child = spawn(process.execPath, [bundle, 'import', fixture, '--json'], {
            stdio: ['ignore', full, 'pipe']
          })
          const { code, stderr } = await exitOf(child)
          expect(stderr).toBe('carbon-ledger: the output could not be written (ENOSPC)\n')
          expect(code).toBe(1)
        } finally {
          closeSync(full)
        }
      }
    )
  }
)
