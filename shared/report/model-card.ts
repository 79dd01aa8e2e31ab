import type { RunResult } from '../domain/result'
import type { RunInput } from '../domain/run'

/**
 * The `co2_eq_emissions` block of a Hugging Face model card's YAML metadata
 * (https://huggingface.co/docs/hub/model-cards-co2): emissions in grams of CO2e, the tool as source, the kind of
 * training, where and on what it ran. Pure: a project's runs or one run in, the YAML text out, to paste into the
 * card's front matter.
 */

export interface ModelCardRun {
  input: Pick<RunInput, 'kind' | 'devices'>
  result: Pick<RunResult, 'emissionsKg' | 'locationLabel'>
}

/** Hugging Face's words for the kinds of work (its examples are "pre-training" and "fine-tuning"). */
const TRAINING_TYPES: Record<RunInput['kind'], string> = {
  training: 'pre-training',
  'fine-tuning': 'fine-tuning',
  'hyperparameter-search': 'hyperparameter search',
  inference: 'inference',
  other: 'other'
}

/** At most this many places or hardware set-ups are named; the rest are counted. */
const NAMED = 3

/** Distinct values, the largest emitters first. */
function byEmissions(runs: readonly ModelCardRun[], pick: (r: ModelCardRun) => string): string[] {
  const kg = new Map<string, number>()
  for (const r of runs) {
    const key = pick(r)
    if (key) kg.set(key, (kg.get(key) ?? 0) + r.result.emissionsKg.value)
  }
  return [...kg].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k)
}

const named = (values: string[]): string =>
  values.length <= NAMED ? values.join(', ') : `${values.slice(0, NAMED).join(', ')} and ${values.length - NAMED} more`

/** "8 × NVIDIA A100 80GB + 2 × AMD EPYC 7763"; '' for a run that names no device. */
const hardwareOf = (r: ModelCardRun): string => r.input.devices.map((d) => `${d.count} × ${d.name}`).join(' + ')

/** A YAML double-quoted scalar: JSON's string escapes are valid in it. */
const quoted = (s: string): string => JSON.stringify(s)

/** Grams with at most one decimal: the card's figure is a best estimate, not an exact count. */
const grams = (kg: number): number => Math.round(kg * 10_000) / 10

/** The block for these runs (location-based emissions, the figure the card's field asks for). */
export function modelCardCo2Block(runs: readonly ModelCardRun[], toolVersion: string): string {
  const kg = runs.reduce((s, r) => s + r.result.emissionsKg.value, 0)
  const lines = [
    'co2_eq_emissions:',
    `  emissions: ${grams(Number.isFinite(kg) ? kg : 0)}`,
    `  source: ${quoted(`Carbon Ledger ${toolVersion}`.trim())}`,
    `  training_type: ${quoted(named(byEmissions(runs, (r) => TRAINING_TYPES[r.input.kind])))}`,
    `  geographical_location: ${quoted(named(byEmissions(runs, (r) => r.result.locationLabel)))}`,
    `  hardware_used: ${quoted(named(byEmissions(runs, hardwareOf)))}`
  ]
  return `${lines.join('\n')}\n`
}
