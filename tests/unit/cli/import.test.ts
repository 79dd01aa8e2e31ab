import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, cliJson } from './support'

const fixtures = join(__dirname, '../../fixtures/import')

interface ImportJson {
  format: string
  summary: {
    rows: number
    runs: number
    skippedRows: number
    energyKWh: number
    emissionsKg: number
    reportedEmissionsKg: number
  }
  runs: {
    externalId: string
    project: string
    startedAt: string
    durationS: number
    energyKWh: number | null
    emissionsKg: number
    emissionsSource: 'reported' | 'computed'
    location: string
    hardware: string[]
    warnings: string[]
  }[]
  warnings: { message: string }[]
  errors: { row: number; field: string; message: string }[]
}

const importFile = async (...argv: string[]) => (await cliJson('import', ...argv)) as unknown as ImportJson

describe('cli import', () => {
  it("reads CodeCarbon's own sample: runs, energies and emissions as reported", async () => {
    const r = await importFile(join(fixtures, 'codecarbon/codecarbon-repo-sample.csv'))
    expect(r.format).toBe('codecarbon')
    expect(r.summary.rows).toBe(28)
    expect(r.summary.runs).toBeGreaterThan(0)
    expect(r.summary.runs).toBeLessThanOrEqual(28)
    expect(r.runs[0]?.emissionsSource).toBe('reported')
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
    expect(r.summary.reportedEmissionsKg).toBeCloseTo(
      sum(r.runs.filter((x) => x.emissionsSource === 'reported').map((x) => x.emissionsKg)),
      15
    )
    expect(r.summary.energyKWh).toBeCloseTo(sum(r.runs.map((x) => x.energyKWh ?? 0)), 15)
    expect(r.runs[0]?.location).toBe('FRA')
  })

  it("keeps its field names and adds the file's own figures beside the ledger's, with the gap by its parts", async () => {
    const r = (await cliJson('import', join(fixtures, 'codecarbon/layout-H2.csv'))) as unknown as {
      summary: { emissionsKg: number; reportedEmissionsKg: number; recomputedEmissionsKg: number }
      runs: {
        energyKWh: number
        emissionsKg: number
        reported: { energyKWh: number; intensityGPerKWh: number; countryIso: string; pue?: number }
        recomputedEmissionsKg: number
        reconcile: { gapKg: number; intensityGapKg: number; pueGapKg: number; energyGapKg: number; reasons: string[] }
      }[]
    }
    const run = r.runs[0]!
    expect(run.emissionsKg).toBe(0.0425)
    expect(run.energyKWh).toBe(0.3044)
    expect(run.reported).toMatchObject({ energyKWh: 0.3044, countryIso: 'DEU' })
    expect(run.reported.pue).toBeUndefined()
    expect(run.reported.intensityGPerKWh).toBeCloseTo((0.0425 / 0.3044) * 1000, 10)
    // the file has no pue column: the ledger applies the average data centre's 1.56
    const { gapKg, intensityGapKg, pueGapKg, energyGapKg, reasons } = run.reconcile
    expect(gapKg).toBeCloseTo(run.recomputedEmissionsKg - 0.0425, 12)
    expect(intensityGapKg + pueGapKg + energyGapKg).toBeCloseTo(gapKg, 12)
    expect(pueGapKg / gapKg).toBeCloseTo(Math.log(1.56) / Math.log(run.recomputedEmissionsKg / 0.0425), 10)
    expect(reasons[1]).toMatch(/^PUE: the file applied none \(it has no pue column\); the ledger applies 1\.56/)
    expect(r.summary.recomputedEmissionsKg).toBe(run.recomputedEmissionsKg)
    expect(r.summary.emissionsKg).toBe(0.0425)
  })

  it('integrates the H100 nvidia-smi log to about 76.2 kJ and names the GPU', async () => {
    const r = await importFile(join(fixtures, 'nvidia-smi/h100-training-power.csv'))
    expect(r.format).toBe('nvidia-smi')
    expect(r.summary.runs).toBe(1)
    const run = r.runs[0]
    expect((run?.energyKWh ?? 0) * 3600).toBeCloseTo(76.2, 1)
    expect(run?.hardware.join()).toMatch(/H100/)
    expect(run?.emissionsSource).toBe('computed')
    expect(run?.emissionsKg).toBeGreaterThan(0)
  })

  it('reports bad rows by row and field and still imports the good ones (exit 0)', async () => {
    const out = await cli('import', join(fixtures, 'codecarbon/oddity-bad-values.csv'), '--json')
    expect(out.code).toBe(0)
    const r = JSON.parse(out.stdout) as ImportJson
    expect(r.errors.length).toBeGreaterThan(0)
    expect(r.summary.skippedRows).toBeGreaterThan(0)
    expect(r.summary.runs).toBeGreaterThan(0)
    const first = r.errors[0]
    expect(out.stderr).toContain(`oddity-bad-values.csv: row ${first?.row}, field ${first?.field}`)
  })

  it('refuses a binary file with a message naming it (exit 1)', async () => {
    const out = await cli('import', join(fixtures, 'detect/binary.png'))
    expect(out.code).toBe(1)
    expect(out.stderr).toMatch(/binary\.png/)
    expect(out.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('refuses a missing file (exit 1) and a wrong --format (exit 1) or an unknown one (exit 2)', async () => {
    expect((await cli('import', join(fixtures, 'nope.csv'))).code).toBe(1)
    const wrong = await cli('import', join(fixtures, 'nvidia-smi/h100-training-power.csv'), '--format', 'codecarbon')
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toMatch(/looks like nvidia-smi/)
    expect((await cli('import', join(fixtures, 'nvidia-smi/h100-training-power.csv'), '--format', 'excel')).code).toBe(
      2
    )
    expect((await cli('import')).code).toBe(2)
  })
})

describe('cli data', () => {
  it('gives the data version, table sizes, sources and licences', async () => {
    const r = (await cliJson('data')) as {
      dataVersion: string
      tables: Record<string, number>
      sources: { title: string; licence?: string; attribution: string }[]
    }
    expect(r.dataVersion).toMatch(/^\d{4}\./)
    expect(r.tables.gpus).toBeGreaterThan(30)
    expect(r.tables.countries).toBeGreaterThan(150)
    expect(r.sources.map((s) => s.licence)).toEqual(expect.arrayContaining(['MIT', 'CC BY 4.0']))
    expect(r.sources.some((s) => /Electricity Maps/.test(s.attribution))).toBe(true)
  })
  it('searches the catalogue', async () => {
    const r = (await cliJson('data', '--hardware', 'H100')) as unknown as { name: string }[]
    expect(r.length).toBeGreaterThan(0)
    expect(r.every((e) => /H100/i.test(e.name))).toBe(true)
  })
})
