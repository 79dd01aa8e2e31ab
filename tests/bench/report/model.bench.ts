// The report's computation for a quarter in Node, phase by phase, as the report page runs it on the runs it read:
// hourly series for the time-shift what-if, Scope 3 category 3 intensities, then the whole model (what-ifs,
// time-shift, breakdowns, factor register); and the rebuild of compact runs' trace, assumptions and sources
// (runs.explain) that the page does first. CPU time, steadier than wall time on a shared machine; the page's
// reading of the ledger and Chromium's printing are in report-pdf.bench.ts. Prints figures; asserts nothing.
// Run: npx tsx tests/bench/report/model.bench.ts [runs …]   (default 10000; ROUNDS=n, default 3)
import { loadavg } from 'node:os'
import { createLedgerEngine } from '../../../renderer/db/engine'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { compactResult, explainRuns } from '../../../shared/ledger/compact'
import { quarterPeriod } from '../../../shared/ledger/period'
import { loadReferenceData } from '../../../shared/refdata/index'
import { buildReportModel, loadShiftSeries, totalsFromRuns } from '../../../shared/report'
import { upstreamIntensities } from '../../../shared/report/upstream'
import { whatIfsOf } from '../../../shared/report/what-ifs'
import { LAB_DEFAULTS, labArchive, labTables } from '../../unit/report/fixture-lab'
import { machineLine } from '../support/machine'

const SIZES = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0)
const ROUNDS = Number(process.env.ROUNDS ?? 3)
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
/** CPU time of fn, ms: steadier than wall time on a loaded machine (other processes take turns on the cores). */
async function time(fn: () => unknown): Promise<number> {
  const t0 = process.cpuUsage()
  await fn()
  const { user, system } = process.cpuUsage(t0)
  return (user + system) / 1000
}

async function measure(runCount: number): Promise<void> {
  // 2024 Q4, as report-pdf.bench.ts: runs in Germany, France and the cloud regions on hourly profiles.
  const options = { runs: runCount, fromMs: Date.UTC(2024, 9, 1), toMs: Date.UTC(2025, 0, 1), hourly: true }
  await labArchive({ ...options, runs: 1 }) // loads the quarter's hourly profiles
  const tables = labTables(options)
  const ref = loadReferenceData()
  const lab = labDefaultsSchema.parse(LAB_DEFAULTS)
  const runs = tables.runs
  const period = quarterPeriod(2024, 4)
  const scope = { projectIds: [], people: [] }
  const totals = totalsFromRuns(runs, period, scope)
  const compact = runs.map((r) => ({ ...r, result: compactResult(r.result) }))
  const engine = createLedgerEngine(ref)
  const phases: Record<string, number[]> = { explain: [], shiftSeries: [], upstream: [], whatIfs: [], model: [] }
  for (let round = 0; round < ROUNDS; round++) {
    phases.explain!.push(await time(() => explainRuns(compact, engine, async () => lab)))
    let shiftSeries: Awaited<ReturnType<typeof loadShiftSeries>> = new Map()
    let upstream: Awaited<ReturnType<typeof upstreamIntensities>> = new Map()
    phases.shiftSeries!.push(await time(async () => (shiftSeries = await loadShiftSeries(runs, ref, lab))))
    phases.upstream!.push(await time(async () => (upstream = await upstreamIntensities(runs, ref, lab))))
    phases.whatIfs!.push(await time(() => whatIfsOf(runs, ref, lab, totals.total.total.emissionsKg.value)))
    phases.model!.push(
      await time(() =>
        buildReportModel({
          labName: 'Bench',
          period,
          scope,
          generatedAt: new Date(),
          runs,
          projects: tables.projects,
          totals,
          ref,
          lab,
          shiftSeries,
          upstreamGPerKWh: upstream
        })
      )
    )
  }
  console.log(
    `\n${runCount.toLocaleString('en-GB')} runs (2024 Q4, hourly factors); load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`
  )
  for (const [phase, ms] of Object.entries(phases))
    console.log(
      `CPU time, ${phase.padEnd(11)} median ${median(ms).toFixed(0).padStart(6)} ms  [${ms.map((x) => x.toFixed(0)).join(', ')}]`
    )
  console.log('(model includes the what-ifs and the time-shift what-if; explain is the rebuild of compact runs)')
}

async function main(): Promise<void> {
  console.log(machineLine())
  for (const runs of SIZES.length > 0 ? SIZES : [10_000]) await measure(runs)
}

void main()
