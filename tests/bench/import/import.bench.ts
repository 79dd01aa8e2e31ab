// Speed of the CSV reader and of the CodeCarbon importer on a generated 100,000-row, 38-column file (R2 layout),
// fed in 64 KB chunks as a file stream would. Prints figures; asserts nothing. Run: npx tsx tests/bench/import/import.bench.ts
import { createImporter } from '../../../shared/import'
import { createCsvParser } from '../../../shared/import/csv'
import { machineLine } from '../support/machine'

const ROWS = 100_000
const CHUNK = 65_536
const header =
  'timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,country_name,country_iso_code,region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,cpu_utilization_percent,gpu_utilization_percent,ram_utilization_percent,ram_used_gb,on_cloud,pue,wue,cloud_provider,cloud_region\n'

function generate(): string {
  const lines = [header]
  for (let i = 0; i < ROWS; i++) {
    const t = new Date(Date.UTC(2025, 5, 1) + i * 1000).toISOString().slice(0, 19)
    lines.push(
      `${t},"proj, ${i % 7}",${crypto.randomUUID()},5b0fa12a-3dd7-45bb-9766-cc326314d9f1,${i + 1}.123456789,` +
        `1.2345678901234e-05,1.2e-08,42.5,250.0,11.9,0.00123456789,0.00234567891,0.000512345678,${(i + 1) * 1e-6},0.0,Germany,DEU,berlin,` +
        `Linux-5.15.0-91-generic-x86_64-with-glibc2.35,3.11.4,3.2.2,16,AMD EPYC 7742 64-Core Processor,1,1 x NVIDIA A100-SXM4-40GB,` +
        `13.4,52.5,62.7,machine,35.0,90.0,20.0,12.5,N,1.0,0.0,,\n`
    )
  }
  return lines.join('')
}

function time(label: string, run: () => number): void {
  const times: number[] = []
  let rows = 0
  for (let i = 0; i < 5; i++) {
    const start = performance.now()
    rows = run()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const median = times[2] ?? 0
  console.log(
    `${label}: ${rows} rows, median ${median.toFixed(0)} ms of 5 → ${Math.round(rows / (median / 1000)).toLocaleString('en')} rows/s`
  )
}

const text = generate()
console.log(machineLine())
console.log(`file: ${ROWS} rows × 38 columns, ${(text.length / 2 ** 20).toFixed(1)} MiB, chunks of ${CHUNK / 1024} KiB`)
time('csv reader', () => {
  let rows = 0
  const parser = createCsvParser(() => {
    rows += 1
  })
  for (let at = 0; at < text.length; at += CHUNK) parser.push(text.slice(at, at + CHUNK))
  parser.finish()
  return rows - 1
})
time('codecarbon import (read, check and build every run)', () => {
  const importer = createImporter('codecarbon', { fileName: 'bench.csv' })
  for (let at = 0; at < text.length; at += CHUNK) importer.push(text.slice(at, at + CHUNK))
  return importer.finish().runs.length
})

globalThis.gc?.()
const before = process.memoryUsage().heapUsed
const importer = createImporter('codecarbon', { fileName: 'bench.csv' })
for (let at = 0; at < text.length; at += CHUNK) importer.push(text.slice(at, at + CHUNK))
const result = importer.finish()
globalThis.gc?.()
const retainedMiB = (process.memoryUsage().heapUsed - before) / 2 ** 20
console.log(
  `heap held by the ${result.runs.length} imported runs: ${retainedMiB.toFixed(0)} MiB (run with node --expose-gc for an exact figure)`
)
