import { assertFinite } from '../domain/limits'
import type { Range } from '../domain/range'
import type { RunResult, TraceStep } from '../domain/result'
import type { RunInput } from '../domain/run'
import { english, msg } from '../messages/index'
import type { ResolvedFactors } from './factors'
import type { LabDefaults } from './lab-defaults'
import { RUN_INPUT_SOURCE } from './method-sources'

const G_PER_KG = 1000

/**
 * The lab's choice of which emissions count (issue 11, reconciliation; docs/methodology.md "Which figure the ledger
 * counts"). With 'reported', a run whose file reported emissions counts the file's figure: its range is the file's
 * figure with the ledger's own relative uncertainty (measured energy, PUE and intensity), widened to reach the
 * ledger's recomputed figure, since the two readings of one run disagree by that much. The recomputed figures stay in
 * `recomputed`; energy stays the ledger's (the file's energy is already what the ledger measures with, only its PUE
 * may differ, and the reconciliation shows it). Market-based: the file says nothing about contractual instruments, so
 * a supplier's factor still applies to the uncovered energy; without one, market-based follows the counted
 * location-based figure as it does in the method.
 */
export function countEmissions(
  input: RunInput,
  result: RunResult,
  factors: Pick<ResolvedFactors, 'renewable' | 'equivalents'>,
  lab: Pick<LabDefaults, 'countedEmissions'>
): RunResult {
  const reportedKg = input.reportedEmissionsKg
  if (lab.countedEmissions !== 'reported' || reportedKg === undefined) return result
  const recomputed = result.emissionsKg
  const relative = (bound: number): number => (recomputed.value > 0 ? bound / recomputed.value : 1)
  const emissionsKg: Range = {
    value: reportedKg,
    low: Math.min(reportedKg * relative(recomputed.low), recomputed.value),
    high: Math.max(reportedKg * relative(recomputed.high), recomputed.value)
  }
  assertFinite('countEmissions emissionsKg', { ...emissionsKg })
  const { share, uncoveredGPerKWh } = factors.renewable
  const marketEmissionsKg: Range =
    uncoveredGPerKWh === undefined
      ? {
          value: emissionsKg.value * (1 - share),
          low: emissionsKg.low * (1 - share),
          high: emissionsKg.high * (1 - share)
        }
      : result.marketEmissionsKg
  const { carGPerKm, treeMonthG, flightKg } = factors.equivalents
  const emissionsG = reportedKg * G_PER_KG
  const energy = result.energyKWh.value
  const assumption = msg('assume.countedReported', {
    reportedKg,
    recomputedKg: recomputed.value,
    intensity: input.reported?.intensityGPerKWh ?? (energy > 0 ? (reportedKg / energy) * G_PER_KG : 0)
  })
  const step: TraceStep = {
    labelMsg: msg('trace.countedReported'),
    formulaMsg: msg('formula.countedReported', { low: emissionsKg.low, high: emissionsKg.high }),
    value: reportedKg,
    unit: 'kgCO2e',
    sourceId: RUN_INPUT_SOURCE.id
  }
  const at = result.trace.findIndex((s) => s.labelMsg?.id === 'trace.locationEmissions')
  const trace = [...result.trace]
  trace.splice(at < 0 ? trace.length : at + 1, 0, step)
  return {
    ...result,
    emissionsKg,
    marketEmissionsKg,
    recomputed: { emissionsKg: recomputed, marketEmissionsKg: result.marketEmissionsKg },
    equivalents: {
      carKm: emissionsG / carGPerKm,
      treeMonths: emissionsG / treeMonthG,
      flights: reportedKg / flightKg
    },
    trace,
    assumptions: [...result.assumptions, english(assumption)],
    assumptionMsgs: [...(result.assumptionMsgs ?? []), assumption],
    sources: result.sources.some((s) => s.id === RUN_INPUT_SOURCE.id)
      ? result.sources
      : [...result.sources, RUN_INPUT_SOURCE]
  }
}
