import type { Range } from '../../shared/domain/range'
import type { RunResult } from '../../shared/domain/result'
import { traceStepText } from '../../shared/emissions/trace-text'

const number = (value: number): string =>
  Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toPrecision(3)

const withRange = (r: Range, unit: string): string => `${number(r.value)} ${unit} (${number(r.low)}–${number(r.high)})`

/**
 * What a single run's market-based figure is. The lab's contractual instruments are volumes shared by a period's
 * runs, applied where a ledger's period is summed (the app, `report`), never to one run alone.
 */
const marketLabel = (result: RunResult): string =>
  result.marketEmissionsKg.value === result.emissionsKg.value
    ? 'equal to location-based: no contractual instruments for one run (likely understates)'
    : "from the run's renewable share and the lab's supplier factor"

/** Plain-text form of a result for people at a terminal: the figures, then how they were reached. */
export function formatResult(result: RunResult): string {
  const lines = [
    `Energy            ${withRange(result.energyKWh, 'kWh')}  [${result.method}]`,
    `Emissions         ${withRange(result.emissionsKg, 'kg CO2eq')}  location-based`,
    `Market-based      ${withRange(result.marketEmissionsKg, 'kg CO2eq')}  ${marketLabel(result)}`,
    `Embodied          ${withRange(result.embodiedKg, 'kg CO2eq')}`,
    `Grid intensity    ${withRange(result.intensityGPerKWh, 'gCO2eq/kWh')}  ${result.locationLabel}`,
    `PUE               ${number(result.pue.value)}`,
    `Equivalent to     ${number(result.equivalents.carKm)} km by car, ${number(result.equivalents.treeMonths)} tree-months`,
    '',
    'How it was computed:',
    ...result.trace.map((s) => {
      const { label, formula } = traceStepText(s)
      return `  ${label}: ${formula ? `${formula} = ` : ''}${number(s.value)} ${s.unit}${s.sourceId ? `  [${s.sourceId}]` : ''}`
    }),
    '',
    'Assumptions:',
    ...result.assumptions.map((a) => `  - ${a}`),
    '',
    `Data version ${result.dataVersion}. Sources: ${result.sources.map((s) => s.title).join('; ')}`,
    ''
  ]
  return lines.join('\n')
}
