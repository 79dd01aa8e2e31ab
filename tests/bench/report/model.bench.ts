// The report model of a 10,000-run quarter in Node, phase by phase (reference data, what-ifs, whole model): the
// part of the PDF benchmark that is pure computation, quick to repeat. Prints figures; asserts nothing.
// Run: npx tsx tests/bench/report/model.bench.ts
import { loadavg } from 'node:os'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { quarterPeriod } from '../../../shared/ledger/period'
import { loadReferenceData } from '../../../shared/refdata/index'
import { buildReportModel, type ReportRun, totalsFromRuns } from '../../../shared/report'
import { whatIfsOf } from '../../../shared/report/what-ifs'
import { LAB_DEFAULTS, labTables } from '../../unit/report/fixture-lab'

const RUNS = 10_000
const ROUNDS = Number(process.env.ROUNDS ?? 5)
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
/** CPU time of fn, ms: steadier than wall time on a loaded machine (other processes take turns on the cores). */
const time = (fn: () => unknown): number => {
  const t0 = process.cpuUsage()
  fn()
  const { user, system } = process.cpuUsage(t0)
  return (user + system) / 1000
}

const tables = labTables({ runs: RUNS, fromMs: Date.UTC(2025, 0, 1), toMs: Date.UTC(2025, 3, 1) })
const ref = loadReferenceData()
const lab = labDefaultsSchema.parse(LAB_DEFAULTS)
const runs: ReportRun[] = tables.runs
const period = quarterPeriod(2025, 1)
const scope = { projectIds: [], people: [] }
const totals = totalsFromRuns(runs, period, scope)
const totalKg = totals.total.total.emissionsKg.value
const ledgerRuns = runs.map((r) => ({ id: r.id, input: r.input, result: r.result }))

const whatIfs: number[] = []
const model: number[] = []
for (let round = 0; round < ROUNDS; round++) {
  whatIfs.push(time(() => whatIfsOf(ledgerRuns, ref, lab, totalKg)))
  model.push(
    time(() =>
      buildReportModel({
        labName: 'Bench',
        period,
        scope,
        generatedAt: new Date(),
        runs,
        projects: tables.projects,
        totals,
        ref,
        lab
      })
    )
  )
}
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}; ${runs.length} runs`
)
console.log(
  `CPU time, what-ifs: median ${median(whatIfs).toFixed(0)} ms  [${whatIfs.map((x) => x.toFixed(0)).join(', ')}]`
)
console.log(`CPU time, model:    median ${median(model).toFixed(0)} ms  [${model.map((x) => x.toFixed(0)).join(', ')}]`)
