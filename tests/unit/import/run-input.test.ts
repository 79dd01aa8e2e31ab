import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runInputSchema } from '../../../shared/domain/run'
import { catalogueMatcher, createImporter } from '../../../shared/import'
import { loadReferenceData } from '../../../shared/refdata'

// The CodeCarbon importer builds runs without parsing each with zod (shared/import/codecarbon.ts, buildRun): these
// tests hold it to the schema: every run it returns parses into itself, and what the schema refuses is a row error.

const HEADER =
  'timestamp,run_id,project_name,duration,emissions,energy_consumed,cpu_energy,gpu_energy,ram_energy,cpu_count,cpu_model,gpu_count,gpu_model,ram_total_size,country_iso_code,cloud_provider,cloud_region,pue,cpu_power,codecarbon_version'

const cell = (values: string[]) => fc.constantFrom(...values)
const row = fc.record({
  timestamp: cell(['2025-03-01T10:00:00', '2025-03-01 10:00:00+02:00', '0001-01-01T00:00:00', 'soon']),
  project: fc.oneof(
    cell(['', 'p', '"a, b"']),
    fc.string({ maxLength: 250 }).map((t) => `"${t.replace(/"/g, '""')}"`)
  ),
  duration: cell(['', '0', '3600.5', '1e9', '1e11', '1e300', '-1', 'x']),
  emissions: cell(['', '0.5', '1e-9', '-2']),
  energy: cell(['', '0', '2.5', '1e308']),
  part: cell(['', '1e308', '0.1']),
  cpuCount: cell(['', '0', '8', '2.5']),
  cpuModel: cell(['', 'AMD EPYC 7763 64-Core Processor', 'Unknown CPU 9000']),
  gpuCount: cell(['', '0', '1', '4']),
  gpuModel: cell([
    '',
    '1 x NVIDIA A100-SXM4-40GB',
    '0 x NVIDIA A100-SXM4-40GB',
    '2 x NVIDIA A100 4 x Tesla V100',
    'Mystery GPU',
    '99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999 x A100'
  ]),
  ram: cell(['', '64', '1e6']),
  country: cell(['', 'FRA', 'de', 'x1']),
  cloud: cell([',', 'GCP,us-central1', 'aws,']),
  pue: cell(['', '1', '1.5', '0.9', '6']),
  cpuPower: cell(['', '42.5']),
  version: cell(['', '2.3.4', '3.2.1'])
})

describe('CodeCarbon runs and runInputSchema', () => {
  it('every run parses into itself; a row with no run has an error (property)', () => {
    const matcher = catalogueMatcher(loadReferenceData())
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.boolean(), (rows, withCatalogue) => {
        const lines = rows.map(
          (r, i) =>
            `${r.timestamp},id-${i},${r.project},${r.duration},${r.emissions},${r.energy},${r.part},${r.part},${r.part},${r.cpuCount},${r.cpuModel},` +
            `${r.gpuCount},${r.gpuModel},${r.ram},${r.country},${r.cloud},${r.pue},${r.cpuPower},${r.version}`
        )
        const importer = createImporter('codecarbon', {
          fileName: 'p.csv',
          ...(withCatalogue ? { matchHardware: matcher } : {})
        })
        importer.push(`${HEADER}\n${lines.join('\n')}\n`)
        const result = importer.finish()
        for (const run of result.runs) expect(runInputSchema.parse(run.input)).toEqual(run.input)
        const rowsWithRuns = new Set(result.runs.map((run) => Number(run.externalId.replace('codecarbon:id-', '')) + 2))
        const rowsWithErrors = new Set(result.errors.map((e) => e.row))
        for (let r = 2; r < rows.length + 2; r++) expect(rowsWithRuns.has(r) !== rowsWithErrors.has(r)).toBe(true)
      }),
      { numRuns: 300 }
    )
  })

  it('refuses cells past their limits and what only the schema refuses, by row and field', () => {
    const importer = createImporter('codecarbon', { fileName: 'z.csv' })
    importer.push(
      'timestamp,run_id,duration,energy_consumed,cpu_energy,gpu_energy,gpu_model,gpu_count\n' +
        '2025-03-01T10:00:00Z,a,60,1,,,0 x NVIDIA A100-SXM4-40GB,\n' +
        '2025-03-01T10:00:00Z,b,60,,1e308,1e308,,\n' +
        '2025-03-01T10:00:00Z,c,1e11,1,,,,\n' +
        '2025-03-01T10:00:00Z,d,60,,6e6,6e6,,\n' +
        '2000-01-01T00:10:00Z,e,3600,1,,,,\n' +
        '0099-03-01T10:00:00Z,f,60,1,,,,\n' +
        '2025-03-01T10:00:00Z,g,60,1,,,,1e308\n' +
        '2025-03-01T10:00:00Z,h,60,1,,,,1.5\n' +
        '2025-03-01T10:00:00Z,i,60,1,,,,\n'
    )
    const result = importer.finish()
    expect(result.runs.map((r) => r.externalId)).toEqual(['codecarbon:i'])
    expect(result.errors).toMatchObject([
      { row: 2, field: 'device1.count', message: 'Too small: expected number to be >=1' },
      { row: 3, field: 'cpu_energy', message: 'z.csv row 3: cpu_energy 1e+308 is above the limit of 10000000 kWh' },
      { row: 3, field: 'gpu_energy', message: 'z.csv row 3: gpu_energy 1e+308 is above the limit of 10000000 kWh' },
      { row: 4, field: 'duration', message: 'z.csv row 4: duration 100000000000 is above the limit of 315576000 s' },
      { row: 5, field: 'measuredEnergyKWh', message: 'Too big: expected number to be <=10000000' },
      {
        row: 6,
        field: 'duration',
        message: 'z.csv row 6: the run starts in 1999 (timestamp − duration), not between 2000 and 2100'
      },
      {
        row: 7,
        field: 'timestamp',
        message: 'z.csv row 7: timestamp "0099-03-01T10:00:00Z" is not between the years 2000 and 2100'
      },
      { row: 8, field: 'gpu_count', message: 'z.csv row 8: gpu_count 1e+308 is above the limit of 100000 GPUs' },
      { row: 9, field: 'gpu_count', message: 'z.csv row 9: gpu_count 1.5 is not a whole number' }
    ])
  })
})
