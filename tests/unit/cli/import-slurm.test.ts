import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, cliJson } from './support'

const fixtures = join(__dirname, '../../fixtures/import/slurm')

interface SlurmImportJson {
  format: string
  summary: {
    rows: number
    runs: number
    skippedRows: number
    energyKWh: number
    gpuHours: number
    unsuccessfulRuns: number
  }
  runs: {
    externalId: string
    jobId?: string
    person: string
    project: string
    energyKWh: number | null
    gpuHours: number
    state?: string
    successful?: boolean
    hardware: string[]
    location: string
  }[]
  warnings: { message: string }[]
}

const importSlurm = async (...argv: string[]) => (await cliJson('import', ...argv)) as unknown as SlurmImportJson

describe('cli import of sacct output', () => {
  it('sums the energy-accounting fixture: runs, measured energy, GPU-hours, unsuccessful runs', async () => {
    const r = await importSlurm(
      join(fixtures, 'sacct-energy-gpu.psv'),
      '--format',
      'slurm',
      '--time-zone',
      'Europe/Berlin'
    )
    expect(r.format).toBe('slurm')
    expect(r.summary.runs).toBe(10)
    expect(r.summary.gpuHours).toBeCloseTo(412.385, 6)
    expect(r.summary.unsuccessfulRuns).toBe(3)
    // the job rows' 266.162475 kWh less what the two array tasks' shared node is not theirs
    const sharedOff = (13_683_420 * (1 - (6629 * 0.5 + 574) / 7203) + 12_597_410 * 0.5) / 3.6e6
    expect(r.summary.energyKWh).toBeCloseTo(266.162475 - sharedOff, 6)
    const job = r.runs.find((x) => x.jobId === '58233')
    expect(job).toMatchObject({ person: 'anna', project: 'vision', state: 'FAILED', successful: false })
  })

  it('reports no energy for a cluster without energy accounting, and its GPU-hours', async () => {
    const r = await importSlurm(join(fixtures, 'sacct-no-energy.psv'))
    expect(r.summary).toMatchObject({ runs: 10, energyKWh: 0, unsuccessfulRuns: 6 })
    expect(r.summary.gpuHours).toBeCloseTo(52.161111, 5)
    expect(r.runs.every((x) => x.energyKWh === null)).toBe(true)
  })

  it("uses the lab's partitions file for hardware and location", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slurm-cli-'))
    const file = join(dir, 'partitions.json')
    writeFileSync(
      file,
      JSON.stringify({ 'gpu-a100': { gpu: 'NVIDIA A100-SXM4-80GB', location: { kind: 'country', code: 'DE' } } })
    )
    const r = await importSlurm(join(fixtures, 'sacct-energy-gpu.psv'), '--partitions', file)
    const run = r.runs.find((x) => x.jobId === '58101')
    expect(run?.hardware[0]).toBe('4 × NVIDIA A100-SXM4-80GB')
    expect(run?.location).toBe('DE')
    writeFileSync(file, JSON.stringify({ 'gpu-a100': { location: { kind: 'planet' } } }))
    const bad = await cli('import', join(fixtures, 'sacct-energy-gpu.psv'), '--partitions', file)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('gpu-a100.location')
  })

  it('names missing columns with the recommended command and exits 1; bad usage exits 2', async () => {
    const out = await cli('import', join(fixtures, 'quirk-missing-columns.psv'))
    expect(out.code).toBe(1)
    expect(out.stderr).toContain('row 1, field Start')
    expect(out.stderr).toContain('sacct --allusers')
    expect((await cli('import', join(fixtures, 'sacct-no-energy.psv'), '--time-zone', 'Nowhere/City')).code).toBe(1)
    expect((await cli('import', join(fixtures, 'sacct-no-energy.psv'), '--format', 'codecarbon')).code).toBe(1)
    expect((await cli('import', join(fixtures, 'sacct-no-energy.psv'), '--format', 'pbs')).code).toBe(2)
  })

  it('lists bad rows by row and field on stderr and keeps the good ones (exit 0)', async () => {
    const out = await cli('import', join(fixtures, 'quirk-bad-values.psv'), '--json')
    expect(out.code).toBe(0)
    expect(out.stderr).toContain('row 3, field ElapsedRaw')
    expect(out.stderr).toContain('row 8, field Start')
    expect((JSON.parse(out.stdout) as SlurmImportJson).summary).toMatchObject({ runs: 2, skippedRows: 6 })
  })
})
