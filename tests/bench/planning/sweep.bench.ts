// Benchmark of issue 12's year-long sweep: for every bundled zone (its latest year), a 24-hour 1 kW job at every
// start hour under the paper's eight settings, by sweepStarts (sliding window, sorted sliding window) and by the
// brute force (planTimeShift per start and setting) in the same run; checks they agree. Prints figures, asserts
// nothing. Target: one zone × 8 settings far below 1 s. BENCH_SWEEP_HOURS sets the job length (default 24).
import { performance } from 'node:perf_hooks'
import { HOUR_MS, seriesOfProfile } from '../../../shared/planning/hourly'
import { sweepStarts } from '../../../shared/planning/sweep'
import { PAPER_STRATEGIES, planTimeShift } from '../../../shared/planning/timeshift'
import { bundledHourlyYears, loadHourlyProfile, loadReferenceData } from '../../../shared/refdata/index'
import { machineLine } from '../support/machine'

const hours = Number(process.env.BENCH_SWEEP_HOURS ?? 24)
const zones = loadReferenceData().manifest.hourlyZones ?? []
let fastTotal = 0
let bruteTotal = 0
let worstFast = 0
let maxDiffKg = 0
console.log(machineLine())
console.log(
  `job: ${hours} h at 1 kW, every start hour of the zone's latest bundled year, ${PAPER_STRATEGIES.length} settings`
)
console.log('zone            year  starts   sweep ms   brute ms   speed-up')
async function main(): Promise<void> {
  for (const zone of zones) {
    const year = bundledHourlyYears(zone).at(-1)!
    const series = seriesOfProfile((await loadHourlyProfile(zone, year))!)
    const values = series.intensitiesGPerKWh
    let t0 = performance.now()
    const sweep = sweepStarts(values, hours, PAPER_STRATEGIES)
    const fastMs = performance.now() - t0
    t0 = performance.now()
    for (let s = 0; s < sweep.starts; s++) {
      const job = { startUtcMs: series.startUtcMs + s * HOUR_MS, hours, powerKW: 1 }
      PAPER_STRATEGIES.forEach((strategy, k) => {
        const plan = planTimeShift(series, job, strategy)
        maxDiffKg = Math.max(maxDiffKg, Math.abs(plan.optimizedKg - sweep.optimized[k]![s]! / 1000))
      })
    }
    const bruteMs = performance.now() - t0
    fastTotal += fastMs
    bruteTotal += bruteMs
    worstFast = Math.max(worstFast, fastMs)
    console.log(
      `${zone.padEnd(15)} ${year}  ${String(sweep.starts).padStart(6)} ${fastMs.toFixed(2).padStart(10)} ${bruteMs.toFixed(0).padStart(10)} ${(bruteMs / fastMs).toFixed(0).padStart(9)}×`
    )
  }
  console.log(
    `all ${zones.length} zones × ${PAPER_STRATEGIES.length} settings: sweep ${fastTotal.toFixed(1)} ms (slowest zone ${worstFast.toFixed(2)} ms), brute force ${(bruteTotal / 1000).toFixed(1)} s; largest difference ${maxDiffKg.toExponential(1)} kg`
  )
}

void main()
