import { describe, expect, it } from 'vitest'
import { createImporter } from '../../../shared/import'
import type { ImportOptions } from '../../../shared/import/types'
import { importFixture, runById } from './support'

const RUN = 'codecarbon:11111111-2222-3333-4444-555555555555'
const EMISSIONS_LAYOUTS = ['H0', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7', 'R1', 'R2', 'R3', 'R4', 'R5', 'X3']
const WITH_PUE = new Set(['H4', 'H5', 'H6', 'H7', 'R1', 'R2', 'R3', 'R4', 'R5'])
const WITHOUT_HARDWARE = new Set(['H0', 'H1'])
const WITHOUT_GPU = new Set(['R3', 'R4'])

const cpu = { kind: 'cpu', name: 'AMD EPYC 7742 64-Core Processor', count: 1, utilization: 1, cores: 16 }
const a100 = { kind: 'gpu', name: 'NVIDIA A100-SXM4-40GB', count: 1, utilization: 1 }

describe('CodeCarbon layouts', () => {
  it.each(EMISSIONS_LAYOUTS)('imports layout %s by column name, keeping the last cumulative snapshot', (layout) => {
    const result = importFixture(`codecarbon/layout-${layout}.csv`)
    expect(result.format).toBe('codecarbon')
    expect(result.errors).toEqual([])
    expect(result.rows).toBe(2)
    expect(result.runs).toHaveLength(1)
    const run = runById(result, RUN)
    const { input } = run
    expect(input.startedAt).toBe('2025-03-04T11:00:00Z')
    expect(input.durationS).toBe(3600)
    expect(input.measuredEnergyKWh).toBe(0.3044)
    expect(input.reportedEmissionsKg).toBe(0.0425)
    expect(run.emissionsSource).toBe('reported')
    expect(input.project).toBe('layout test')
    expect(input.location).toEqual({ kind: 'country', code: 'DEU' })
    expect(input.source).toEqual({ kind: 'codecarbon', fileName: `layout-${layout}.csv`, externalId: RUN })
    if (WITH_PUE.has(layout)) {
      expect(input.pue).toBe(1)
      expect(input.measuredEnergyIncludesPue).toBe(true)
    } else {
      expect(input.pue).toBeUndefined()
      expect(input.measuredEnergyIncludesPue).toBe(false)
    }
    const devices = WITHOUT_HARDWARE.has(layout) ? [] : WITHOUT_GPU.has(layout) ? [cpu] : [cpu, a100]
    expect(input.devices).toEqual(devices)
    expect(input.memoryGB).toBe(WITHOUT_HARDWARE.has(layout) ? undefined : 62.7)
    expect(result.warnings.map((w) => w.message).join('\n')).toMatch(/1 row\(s\) were earlier cumulative snapshots/)
  })

  it.each(['T1', 'T2', 'T3'])('imports task layout %s with every row its own task', (layout) => {
    const result = importFixture(`codecarbon/layout-${layout}.csv`)
    expect(result.errors).toEqual([])
    expect(result.runs.map((r) => r.externalId)).toEqual([`${RUN}:preprocess`, `${RUN}:train`])
    const preprocess = runById(result, `${RUN}:preprocess`).input
    expect(preprocess.durationS).toBe(1800)
    expect(preprocess.measuredEnergyKWh).toBe(0.1522)
    expect(preprocess.startedAt).toBe('2025-03-04T11:00:00Z')
    expect(preprocess.title).toBe('preprocess (CodeCarbon task)')
    expect(runById(result, `${RUN}:train`).input.measuredEnergyKWh).toBe(0.3044)
  })

  it('notes that powers before 3.2.1 are the last interval and from 3.2.1 the mean', () => {
    expect(importFixture('codecarbon/layout-H4.csv').runs[0]?.input.notes).toBe(
      'CodeCarbon power: CPU 42.5 W, GPU 250 W, RAM 11.9 W (last measured interval, not the mean)'
    )
    expect(importFixture('codecarbon/layout-H7.csv').runs[0]?.input.notes).toMatch(/\(mean over the run\)$/)
  })
})

describe('the sample shipped with CodeCarbon', () => {
  const result = importFixture('codecarbon/codecarbon-repo-sample.csv')

  it('keeps one run per run_id and one per row without run_id', () => {
    expect(result.rows).toBe(28)
    expect(result.errors).toEqual([])
    expect(result.runs).toHaveLength(21)
    expect(result.warnings.map((w) => w.message)).toEqual([
      'codecarbon-repo-sample.csv: 7 row(s) were earlier cumulative snapshots of a run already in the file; each run kept only its row with the longest duration',
      "codecarbon-repo-sample.csv: the timestamps carry no time zone; they were read as UTC (set the file's time zone to correct them)"
    ])
  })

  it('takes the longest snapshot and starts the run at timestamp − duration', () => {
    const run = runById(result, 'codecarbon:8a1d9822-56c9-4c52-8497-5a2e32dd5b03')
    expect(run.input.durationS).toBe(91.82258701324464)
    expect(run.input.measuredEnergyKWh).toBe(6.403828607971138e-5)
    expect(run.input.startedAt).toBe('2024-05-31T11:09:24.177Z')
    // Apple M1 is written as the GPU too: it is the CPU, not a GPU.
    expect(run.input.devices).toEqual([{ kind: 'cpu', name: 'Apple M1', count: 1, utilization: 1, cores: 8 }])
  })

  it('sums the part energies of a row whose energy_consumed is empty and computes its emissions', () => {
    const run = result.runs.find((r) => r.input.startedAt === '2024-05-31T10:44:44.617Z')
    expect(run?.input.measuredEnergyKWh).toBeCloseTo(5.41164398111679e-7 + 5.236769318580628e-5, 18)
    expect(run?.emissionsSource).toBe('computed')
    expect(run?.input.reportedEmissionsKg).toBeUndefined()
    expect(run?.warnings).toContain(
      'energy_consumed is empty: the energy is the sum of the CPU, GPU and RAM energies given'
    )
  })

  it('gives the same external ids on a re-import', () => {
    const again = importFixture('codecarbon/codecarbon-repo-sample.csv')
    expect(again.runs.map((r) => r.externalId)).toEqual(result.runs.map((r) => r.externalId))
    expect(new Set(result.runs.map((r) => r.externalId)).size).toBe(21)
  })

  it('reads the wall clock at the offset given instead of assuming UTC', () => {
    const paris = importFixture('codecarbon/codecarbon-repo-sample.csv', { timeZoneOffsetMinutes: 120 })
    const run = runById(paris, 'codecarbon:409f7ac2-203f-4191-9bf4-e3cdf9470de8')
    expect(run.input.startedAt).toBe('2024-05-31T10:33:17.534+02:00')
    expect(paris.warnings.some((w) => /time zone/.test(w.message))).toBe(false)
  })
})

describe('CodeCarbon oddities', () => {
  it('trims padded header names and cells, with CRLF line ends', () => {
    const result = importFixture('codecarbon/oddity-padded-crlf.csv')
    expect(result.errors).toEqual([])
    const p1 = runById(result, 'codecarbon:p1').input
    expect(p1.project).toBe('padded')
    expect(p1.startedAt).toBe('2025-01-10T07:58:00Z')
    expect(p1.measuredEnergyKWh).toBe(0.01)
    expect(p1.pue).toBe(1.2)
    expect(p1.measuredEnergyIncludesPue).toBe(true)
    expect(p1.devices).toEqual([
      { kind: 'cpu', name: 'Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz', count: 1, utilization: 1, cores: 40 }
    ])
    expect(p1.location).toEqual({ kind: 'country', code: 'FRA' })
    const p2 = runById(result, 'codecarbon:p2')
    expect(p2.emissionsSource).toBe('computed')
    expect(p2.input.pue).toBeUndefined()
    expect(p2.input.location).toEqual({ kind: 'unknown' })
    expect(p2.warnings).toContain('the file gives no location: set it')
  })

  it('keeps quoted project names with commas, quotes, newlines and non-ASCII text', () => {
    const result = importFixture('codecarbon/oddity-quoted-utf8.csv')
    expect(result.errors).toEqual([])
    expect(result.runs.map((r) => r.input.project)).toEqual([
      'lr=0.1, batch=64, note="best"',
      'multi\nline project',
      'bert-base: v1.2+fp16'
    ])
  })

  it('handles empty numeric cells, None and empty run ids, and rows with no energy at all', () => {
    const result = importFixture('codecarbon/oddity-empty-cells.csv')
    expect(result.errors).toEqual([])
    expect(result.runs).toHaveLength(3)
    const [summed, noEnergy, bare] = result.runs
    expect(summed?.externalId).toMatch(/^codecarbon:h[0-9a-f]{16}$/)
    expect(summed?.input.measuredEnergyKWh).toBeCloseTo(0.3, 12)
    expect(summed?.emissionsSource).toBe('computed')
    expect(summed?.input.location).toEqual({ kind: 'unknown' })
    expect(noEnergy?.input.measuredEnergyKWh).toBeUndefined()
    expect(noEnergy?.warnings).toContain('the file gives no energy for this run: it is estimated from the hardware')
    expect(bare?.input.durationS).toBe(300)
    expect(bare?.input.memoryGB).toBeUndefined()
    expect(bare?.input.devices).toEqual([
      { kind: 'cpu', name: 'Intel(R) Core(TM) i7-10700 CPU @ 2.90GHz', count: 1, utilization: 1 }
    ])
  })

  it('reads scientific notation and counts written as floats', () => {
    const result = importFixture('codecarbon/oddity-scientific.csv')
    expect(result.errors).toEqual([])
    const run = runById(result, 'codecarbon:s1').input
    expect(run.durationS).toBe(60)
    expect(run.measuredEnergyKWh).toBe(2.7e-9)
    expect(run.reportedEmissionsKg).toBe(1.5e-10)
    expect(run.memoryGB).toBe(0)
    expect(run.devices.map((d) => [d.kind, d.name, d.count, d.cores])).toEqual([
      ['cpu', 'Intel(R) Core(TM) i7-10700 CPU @ 2.90GHz', 1, 8],
      ['gpu', 'Tesla V100-SXM2-16GB', 5, undefined]
    ])
  })

  it('reports negative and non-numeric values by row and field, and still imports the valid rows', () => {
    const result = importFixture('codecarbon/oddity-bad-values.csv')
    expect(result.rows).toBe(8)
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'cpu_energy'],
      [4, 'duration'],
      [5, 'emissions'],
      [7, 'timestamp'],
      [8, 'pue'],
      [9, 'ram_total_size']
    ])
    expect(result.errors[0]?.message).toBe('oddity-bad-values.csv row 3: cpu_energy -0.5 is negative')
    expect(result.errors[1]?.message).toBe('oddity-bad-values.csv row 4: duration "abc" is not a number')
    expect(result.runs.map((r) => r.externalId)).toEqual(['codecarbon:ok-1', 'codecarbon:ok-2'])
    expect(runById(result, 'codecarbon:ok-2').input.location).toEqual({ kind: 'country', code: 'ESP' })
  })

  it('keeps the longest snapshot of each run, the later row on ties, and merges identical rows without run_id', () => {
    const result = importFixture('codecarbon/oddity-snapshots.csv')
    expect(result.runs.map((r) => [r.externalId, r.input.durationS, r.input.measuredEnergyKWh])).toEqual([
      ['codecarbon:run-a', 30, 0.003],
      ['codecarbon:run-b', 50, 0.005],
      ['codecarbon:run-c', 3600, 0.1],
      [expect.stringMatching(/^codecarbon:h/), 60, 0.0007]
    ])
    expect(result.warnings[0]?.message).toMatch(/: 4 row\(s\) were earlier cumulative snapshots/)
  })

  it('splits joined GPU models, ignores a GPU named like the CPU, and uses gpu_count for a bare name', () => {
    const result = importFixture('codecarbon/oddity-gpu-models.csv')
    const gpus = (id: string): [string, number][] =>
      runById(result, `codecarbon:${id}`)
        .input.devices.filter((d) => d.kind === 'gpu')
        .map((d) => [d.name, d.count])
    expect(gpus('g1')).toEqual([
      ['NVIDIA GeForce RTX 4060', 1],
      ['NVIDIA GeForce RTX 3080 Ti', 1]
    ])
    expect(gpus('g2')).toEqual([])
    expect(runById(result, 'codecarbon:g2').input.devices.map((d) => d.name)).toEqual(['Apple M2 Pro'])
    expect(gpus('g3')).toEqual([['NVIDIA A100-SXM4-80GB', 4]])
    expect(gpus('g4')).toEqual([['Tesla T4', 2]])
    expect(gpus('g5')).toEqual([
      ['NVIDIA RTX A6000', 2],
      ['NVIDIA A40', 10]
    ])
    expect(gpus('g6')).toEqual([])
    expect(runById(result, 'codecarbon:g6').warnings).toContain(
      'gpu_count is 3 but gpu_model is empty: add the GPUs by hand if they matter'
    )
  })

  it('matches hardware through the injected matcher, keeping names it cannot match with a warning', () => {
    const matchHardware: ImportOptions['matchHardware'] = (text, kind) => {
      if (kind === 'gpu' && text.includes('A100'))
        return { id: 'nvidia-a100-sxm4-80gb', name: 'NVIDIA A100 80GB', confidence: 0.95 }
      if (kind === 'gpu' && text.includes('T4')) return { id: 'nvidia-t4', name: 'NVIDIA T4', confidence: 0.4 }
      return undefined
    }
    const result = importFixture('codecarbon/oddity-gpu-models.csv', { matchHardware })
    const g3 = runById(result, 'codecarbon:g3')
    expect(g3.input.devices[1]).toEqual({
      kind: 'gpu',
      hardwareId: 'nvidia-a100-sxm4-80gb',
      name: 'NVIDIA A100-SXM4-80GB',
      count: 4,
      utilization: 1
    })
    expect(g3.warnings).toEqual([
      'CPU "Intel(R) Core(TM) i7-10700 CPU @ 2.90GHz" is not in the hardware catalogue: its power is unknown until you pick one'
    ])
    const g4 = runById(result, 'codecarbon:g4')
    expect(g4.input.devices[1]).toEqual({ kind: 'gpu', name: 'Tesla T4', count: 2, utilization: 1 })
    expect(g4.warnings).toContain('GPU "Tesla T4" may be "NVIDIA T4" (weak match): pick it to use its power')
  })

  it('turns cloud columns, ISO codes and the Quebec fallback into locations', () => {
    const result = importFixture('codecarbon/oddity-locations.csv')
    const location = (id: string): unknown => runById(result, `codecarbon:${id}`).input.location
    expect(location('l1')).toEqual({ kind: 'unknown' })
    expect(runById(result, 'codecarbon:l1').warnings).toContain(
      'CodeCarbon could not locate the machine (it wrote its Quebec fallback): the location is unknown, set it'
    )
    expect(location('l2')).toEqual({ kind: 'cloud', provider: 'gcp', region: 'europe-west1' })
    expect(location('l3')).toEqual({ kind: 'cloud', provider: 'aws', region: 'us-east-1' })
    expect(location('l4')).toEqual({ kind: 'country', code: 'USA' })
    expect(location('l5')).toEqual({ kind: 'unknown' })
    expect(location('l6')).toEqual({ kind: 'country', code: 'FRA' })
  })

  it('tolerates rows shorter and longer than the header and ignores unknown columns', () => {
    const result = importFixture('codecarbon/oddity-ragged-rows.csv')
    expect(result.errors).toEqual([])
    expect(result.runs.map((r) => [r.externalId, r.input.durationS, r.input.measuredEnergyKWh])).toEqual([
      ['codecarbon:r1', 100, 0.01],
      ['codecarbon:r2', 200, 0.02],
      ['codecarbon:r3', 300, undefined]
    ])
  })

  it('keeps repeated task names of one run apart in task files', () => {
    const result = importFixture('codecarbon/oddity-task-repeats.csv')
    expect(result.runs.map((r) => r.externalId)).toEqual([
      'codecarbon:t-run:load',
      'codecarbon:t-run:train',
      'codecarbon:t-run:train:2',
      expect.stringMatching(/^codecarbon:h[0-9a-f]{16}:eval$/)
    ])
    expect(runById(result, 'codecarbon:t-run:train:2').input.measuredEnergyKWh).toBe(0.007)
  })

  it('never takes the default experiment_id of CodeCarbon 2.7+ for a run id', () => {
    const importer = createImporter('codecarbon', { fileName: 'no-run-id.csv' })
    importer.push(
      'timestamp,project_name,experiment_id,duration,energy_consumed\n' +
        '2025-01-01T00:01:00,p,5b0fa12a-3dd7-45bb-9766-cc326314d9f1,60,0.1\n' +
        '2025-01-01T00:03:00,p,5b0fa12a-3dd7-45bb-9766-cc326314d9f1,120,0.2\n'
    )
    const result = importer.finish()
    expect(result.runs.map((r) => r.input.measuredEnergyKWh)).toEqual([0.1, 0.2])
    expect(result.runs.every((r) => /^codecarbon:h[0-9a-f]{16}$/.test(r.externalId))).toBe(true)
  })

  it('reports a header without the columns a run needs', () => {
    const importer = createImporter('codecarbon', { fileName: 'x.csv' })
    importer.push('timestamp,project_name,emissions\n2025-01-01T00:00:00,p,0.1\n')
    const result = importer.finish()
    expect(result.errors).toMatchObject([
      { row: 1, field: 'duration', message: 'x.csv: the header has no "duration" column' }
    ])
    expect(result.runs).toEqual([])
  })
})

describe('a 100,000-row CodeCarbon file', () => {
  it('imports every row, streamed in 64 KB chunks', () => {
    const header =
      'timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,country_name,country_iso_code,region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,cpu_utilization_percent,gpu_utilization_percent,ram_utilization_percent,ram_used_gb,on_cloud,pue,wue,cloud_provider,cloud_region\n'
    const lines: string[] = [header]
    const count = 100_000
    for (let i = 0; i < count; i++) {
      const seconds = String(i % 60).padStart(2, '0')
      const minutes = String(Math.floor(i / 60) % 60).padStart(2, '0')
      const hours = String(Math.floor(i / 3600) % 24).padStart(2, '0')
      lines.push(
        `2025-06-01T${hours}:${minutes}:${seconds},"proj, ${i % 7}",run-${i},5b0fa12a-3dd7-45bb-9766-cc326314d9f1,${i + 1},` +
          `1e-05,1e-08,42.5,250.0,11.9,0.001,0.002,0.0005,${(i + 1) * 1e-6},0.0,Germany,DEU,berlin,Linux,3.11.4,3.2.2,16,` +
          `AMD EPYC 7742 64-Core Processor,1,1 x NVIDIA A100-SXM4-40GB,13.4,52.5,62.7,machine,35.0,90.0,20.0,12.5,N,1.0,0.0,,\n`
      )
    }
    const text = lines.join('')
    const importer = createImporter('codecarbon', { fileName: 'big.csv' })
    for (let at = 0; at < text.length; at += 65_536) importer.push(text.slice(at, at + 65_536))
    const result = importer.finish()
    expect(result.rows).toBe(count)
    expect(result.errors).toEqual([])
    expect(result.runs).toHaveLength(count)
    const last = result.runs[count - 1]
    expect(last?.externalId).toBe('codecarbon:run-99999')
    expect(last?.input.durationS).toBe(100_000)
    expect(last?.input.measuredEnergyKWh).toBeCloseTo(0.1, 12)
    expect(last?.input.project).toBe('proj, 4')
    const total = result.runs.reduce((sum, r) => sum + (r.input.measuredEnergyKWh ?? 0), 0)
    expect(total).toBeCloseTo(((count * (count + 1)) / 2) * 1e-6, 6)
  }, 60_000)
})

describe("CodeCarbon's own figures (issue 11, reconciliation)", () => {
  it('keeps what the file reported: energy, implied intensity, PUE, location as written, version', () => {
    const result = importFixture('codecarbon/codecarbon-repo-sample.csv')
    const run = runById(result, 'codecarbon:409f7ac2-203f-4191-9bf4-e3cdf9470de8')
    expect(run.input.reportedEmissionsKg).toBe(3.435810400385386e-5)
    expect(run.input.reported).toEqual({
      energyKWh: 0.0004047892176375,
      intensityGPerKWh: (3.435810400385386e-5 / 0.0004047892176375) * 1000,
      pue: 1,
      countryName: 'France',
      countryIso: 'FRA',
      region: 'île-de-france',
      toolVersion: '2.4.3rc1',
      locationFallback: false
    })
  })

  it('keeps no PUE for a file written before CodeCarbon had one', () => {
    const run = runById(importFixture('codecarbon/layout-H2.csv'), 'codecarbon:11111111-2222-3333-4444-555555555555')
    expect(run.input.reported?.pue).toBeUndefined()
    expect(run.input.reported?.intensityGPerKWh).toBeCloseTo((0.0425 / 0.3044) * 1000, 10)
  })

  it("marks CodeCarbon's Quebec fallback, not an unreadable code or a cloud region", () => {
    const result = importFixture('codecarbon/oddity-locations.csv')
    const fallback = (id: string): boolean | undefined =>
      runById(result, `codecarbon:${id}`).input.reported?.locationFallback
    expect(fallback('l1')).toBe(true)
    expect(fallback('l2')).toBe(false)
    expect(fallback('l4')).toBe(false)
    expect(fallback('l5')).toBe(false)
    expect(runById(result, 'codecarbon:l2').input.reported).toMatchObject({
      cloudProvider: 'gcp',
      cloudRegion: 'europe-west1'
    })
  })
})
