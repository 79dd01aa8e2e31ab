import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const bundle = resolve('out/cli/carbon-ledger.mjs')
const built = existsSync(bundle)

function node(...args: string[]) {
  const r = spawnSync(process.execPath, [bundle, ...args], { encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe.skipIf(!built)(
  'the built command line (skipped when out/cli is missing: npm install or npm run build:cli makes it)',
  () => {
    it('prints one JSON document and exits 0', () => {
      const r = node(
        'estimate',
        '--gpu-power-w',
        '300',
        '--hours',
        '100',
        '--intensity',
        '566.3',
        '--pue',
        '1',
        '--json'
      )
      expect(r.code).toBe(0)
      expect(JSON.parse(r.stdout).emissionsKg).toBeCloseTo(16.989, 12)
    })
    it('loads a zone’s hourly profile from its own chunk', () => {
      const r = node(
        'timeshift',
        '--zone',
        'DE-LU',
        '--start',
        '2024-06-01T00:00:00Z',
        '--hours',
        '4',
        '--power-kw',
        '1',
        '--strategy',
        'flexible',
        '--window-hours',
        '12',
        '--json'
      )
      expect(r.code).toBe(0)
      const doc = JSON.parse(r.stdout)
      expect(doc.optimizedKg).toBeLessThanOrEqual(doc.baselineKg)
    })
    it('answers bad input with exit 1 and one line, never a stack trace', () => {
      const r = node('import', join('tests/fixtures/import/detect/binary.png'))
      expect(r.code).toBe(1)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).not.toMatch(/\bat .*\.mjs/)
    })
    it('answers a zone without a bundled hourly profile with exit 1 and a clear line, not an internal error', () => {
      const r = node(
        'timeshift',
        '--zone',
        'XX',
        '--start',
        '2024-06-01T00:00:00Z',
        '--hours',
        '4',
        '--power-kw',
        '1',
        '--strategy',
        'flexible',
        '--window-hours',
        '6'
      )
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(/'XX' is not a zone with hourly data/)
      expect(r.stderr).not.toMatch(/internal error/)
    })
    it('answers bad usage with exit 2', () => {
      expect(node('estimate', '--nonsense').code).toBe(2)
    })
  }
)
