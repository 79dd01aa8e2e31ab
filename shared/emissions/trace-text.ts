import type { TraceStep } from '../domain/result'
import { english } from '../messages/index'

/** A trace line in English, for the command line, reports and exports: from its messages, or the text an old result holds. */
export const traceStepText = (step: TraceStep): { label: string; formula?: string } => {
  const label = step.labelMsg ? english(step.labelMsg) : (step.label ?? '')
  const formula = step.formulaMsg ? english(step.formulaMsg) : step.formula
  return formula === undefined ? { label } : { label, formula }
}
