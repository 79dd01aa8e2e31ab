// Benchmarks of the command line (issue: foundation): `import` of a 100,000-row CodeCarbon CSV (38-column layout) and
// of a 24-hour, 8-GPU nvidia-smi log at 100 ms sampling; `estimate` cold start. Prints figures, asserts nothing.
// Targets on a 2-core machine: CSV import under 2 s and 300 MB, and less CPU and memory than pandas reading the same
// file (read_csv + groupby, issue 15); estimate cold start under 200 ms.
// Wall time depends on what else the machine runs, so each figure comes with the child's CPU time (user + sys) and
// the load average.
import { spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { machineLine } from './support/machine'

// BENCH_CLI: another build of the CLI, to compare (default: the one npm run cli uses)
const cli = resolve(process.env.BENCH_CLI ?? 'out/cli/carbon-ledger.mjs')
const rssHook = resolve('tests/bench/support/report-rss.mjs')
// Preloaded beside the RSS hook: the child's own CPU time, written at exit.
const cpuHook = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeFileSync(process.env.BENCH_CPU_FILE, String((u.user + u.system) / 1e6)) })"
)}`
const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-bench-'))

const HEADER_38 =
  'timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,cpu_utilization_percent,gpu_utilization_percent,ram_utilization_percent,ram_used_gb,on_cloud,pue,wue'

async function writeLines(path: string, header: string, count: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(path)
  out.write(`${header}\n`)
  for (let i = 0; i < count; i++) {
    if (!out.write(`${line(i)}\n`)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

function codecarbonRow(i: number): string {
  const start = Date.UTC(2025, 0, 1) + i * 60_000
  const ts = new Date(start).toISOString().slice(0, 19)
  const durationS = 600 + (i % 97) * 13.7
  const energyKWh = durationS * 0.00011
  const id = `${(i + 0x10000000).toString(16)}-0000-4000-8000-${String(i).padStart(12, '0')}`
  return [
    ts,
    `project-${i % 40}`,
    id,
    '5b0fa12a-3dd7-45bb-9766-cc326314d9f1',
    durationS,
    energyKWh * 0.056,
    (energyKWh * 0.056) / durationS,
    42.5,
    281.2,
    38.1,
    energyKWh * 0.1,
    energyKWh * 0.8,
    energyKWh * 0.1,
    energyKWh,
    0,
    'France',
    'FRA',
    'île-de-france',
    '',
    '',
    'Linux-6.1.0-x86_64-with-glibc2.36',
    '3.11.7',
    '3.2.1',
    32,
    'AMD EPYC 7763 64-Core Processor',
    1,
    '1 x NVIDIA A100-SXM4-40GB',
    2.35,
    48.86,
    251.5,
    'machine',
    35.5,
    91.2,
    40.3,
    101.4,
    'N',
    1.0,
    0
  ].join(',')
}

function nvidiaSmiLines(gpus: number, hours: number, intervalMs: number) {
  const samples = Math.round((hours * 3600_000) / intervalMs)
  const t0 = Date.UTC(2025, 2, 1)
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  return {
    count: samples * gpus,
    line(i: number): string {
      const sample = Math.floor(i / gpus)
      const gpu = i % gpus
      const d = new Date(t0 + sample * intervalMs)
      const ts = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`
      const powerW = 300 + 250 * Math.sin(sample / 50 + gpu)
      return `${ts}, NVIDIA A100-SXM4-80GB, ${gpu}, GPU-0000000${gpu}-aaaa-bbbb-cccc-dddddddddddd, ${powerW.toFixed(2)} W, 400.00 W, 87 %`
    }
  }
}

interface Timing {
  seconds: number
  cpuSeconds: number
  peakRssMB: number
  ok: boolean
  stderr: string
}

function timeCli(args: string[]): Timing {
  const rssFile = join(dir, 'rss')
  const cpuFile = join(dir, 'cpu')
  const start = process.hrtime.bigint()
  const child = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(rssHook).href, '--import', cpuHook, cli, ...args],
    {
      env: { ...process.env, BENCH_RSS_FILE: rssFile, BENCH_CPU_FILE: cpuFile },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 1 << 26
    }
  )
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  return {
    seconds,
    cpuSeconds: Number(readFileSync(cpuFile, 'utf8')),
    peakRssMB: Number(readFileSync(rssFile, 'utf8')) / 2 ** 20,
    ok: child.status === 0,
    stderr: child.stderr.toString().slice(0, 300)
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
const load = (): string =>
  `load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`

const PYTHON = process.env.BENCH_PYTHON ?? '/usr/bin/python3'
// The raw limit for the CSV: pandas reads the file and sums it by project, as a lab's own script would.
const PANDAS = [
  'import sys, pandas as pd',
  'df = pd.read_csv(sys.argv[1])',
  "g = df.groupby('project_name')[['duration', 'energy_consumed', 'emissions']].sum()",
  'print(len(df), float(g.energy_consumed.sum()))'
].join('\n')

/** Both commands under GNU time, so that CPU (user + sys) and peak RSS are taken the same way for each. */
function timeProcess(command: string, args: string[]): Timing {
  const start = process.hrtime.bigint()
  const child = spawnSync('/usr/bin/time', ['-f', '%U %S %M', command, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26
  })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const stderr = child.stderr?.toString() ?? String(child.error)
  const [user, sys, maxRssKB] = (stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number)
  return {
    seconds,
    cpuSeconds: (user ?? NaN) + (sys ?? NaN),
    peakRssMB: (maxRssKB ?? NaN) / 1024,
    ok: child.status === 0,
    stderr: stderr.slice(0, 300)
  }
}

const medianOf = (all: Timing[]): Timing => ({
  seconds: median(all.map((r) => r.seconds)),
  cpuSeconds: median(all.map((r) => r.cpuSeconds)),
  peakRssMB: median(all.map((r) => r.peakRssMB)),
  ok: all.every((r) => r.ok),
  stderr: all.find((r) => !r.ok)?.stderr ?? ''
})

/** The CLI against pandas on one file, alternating so that both meet the same load. */
function againstPandas(file: string, rounds: number): void {
  if (!existsSync('/usr/bin/time') || spawnSync(PYTHON, ['-c', 'import pandas']).status !== 0) {
    console.log(
      `CLI against pandas: not measured (needs /usr/bin/time and ${PYTHON} with pandas: apt-get install time python3-pandas)`
    )
    return
  }
  const cliRuns: Timing[] = []
  const pandasRuns: Timing[] = []
  for (let i = 0; i < rounds; i++) {
    cliRuns.push(timeProcess(process.execPath, [cli, 'import', file, '--json']))
    pandasRuns.push(timeProcess(PYTHON, ['-c', PANDAS, file]))
  }
  const c = medianOf(cliRuns)
  const p = medianOf(pandasRuns)
  const line = (label: string, r: Timing) =>
    `  ${label}: ${r.seconds.toFixed(2)} s wall, ${r.cpuSeconds.toFixed(2)} s cpu, peak RSS ${r.peakRssMB.toFixed(0)} MB${r.ok ? '' : `  (FAILED: ${r.stderr})`}`
  console.log(`CLI against pandas (read_csv + groupby), same file, median of ${rounds} alternating rounds; ${load()}`)
  console.log(line('carbon-ledger import --json', c))
  console.log(line('pandas', p))
  console.log(
    `  ratio CLI / pandas: cpu ${(c.cpuSeconds / p.cpuSeconds).toFixed(2)}, memory ${(c.peakRssMB / p.peakRssMB).toFixed(2)}`
  )
}

/** Several runs: the median wall time, CPU time and peak RSS (each taken separately). */
function timeRuns(runs: number, args: string[]): Timing {
  return medianOf(Array.from({ length: runs }, () => timeCli(args)))
}

function report(label: string, rows: number, file: string, runs: number, r: Timing): void {
  const mb = statSync(file).size / 2 ** 20
  console.log(
    `${label}: ${rows.toLocaleString('en')} rows, ${mb.toFixed(0)} MB file → ${r.seconds.toFixed(2)} s wall ` +
      `(${r.cpuSeconds.toFixed(2)} s cpu), ${Math.round(rows / r.seconds).toLocaleString('en')} rows/s, ` +
      `peak RSS ${r.peakRssMB.toFixed(0)} MB; ${runs > 1 ? `median of ${runs}, ` : ''}${load()}${r.ok ? '' : `  (FAILED: ${r.stderr})`}`
  )
}

async function main(): Promise<void> {
  console.log(machineLine())
  const csv = join(dir, 'codecarbon-100k.csv')
  await writeLines(csv, HEADER_38, 100_000, codecarbonRow)
  report('import CodeCarbon CSV (38 columns)', 100_000, csv, 5, timeRuns(5, ['import', csv, '--json']))
  againstPandas(csv, 5)

  const smi = nvidiaSmiLines(8, 24, 100)
  const log = join(dir, 'nvidia-smi-8gpu-24h.csv')
  await writeLines(
    log,
    'timestamp, name, index, uuid, power.draw [W], power.limit [W], utilization.gpu [%]',
    smi.count,
    smi.line
  )
  report('import nvidia-smi log (8 GPUs, 24 h, 100 ms)', smi.count, log, 1, timeCli(['import', log, '--json']))

  const estimate = (args: string[], label: string): void => {
    const runs = Array.from({ length: 9 }, () =>
      timeCli(['estimate', ...args, '--hours', '10', '--location', 'FR', '--json'])
    )
    const ms = (seconds: number) => `${(seconds * 1000).toFixed(0)} ms`
    console.log(
      `estimate cold start, ${label} (node + CLI bundle + reference data): median ${ms(median(runs.map((r) => r.seconds)))} wall ` +
        `(best ${ms(Math.min(...runs.map((r) => r.seconds)))}), ${ms(median(runs.map((r) => r.cpuSeconds)))} cpu over 9 runs; ${load()}` +
        `${runs.every((r) => r.ok) ? '' : `  (FAILED: ${runs.find((r) => !r.ok)?.stderr})`}`
    )
  }
  estimate(['--gpu', 'A100 PCIe 40/80GB'], '--gpu')
  estimate(['--gpu-power-w', '300'], '--gpu-power-w')
  rmSync(dir, { recursive: true, force: true })
}

void main()
