import type { SourceRef } from '../domain/source'

/** Sources that are not reference datasets: the run's own figures and the lab's defaults. */
export const RUN_INPUT_SOURCE: SourceRef = {
  id: 'run-input',
  title: 'Figures given for this run (entered or imported)'
}
export const LAB_DEFAULTS_SOURCE: SourceRef = {
  id: 'lab-defaults',
  title: "The lab's defaults (PUE, location, contract, custom hardware)"
}

export const METHOD_SOURCES: SourceRef[] = [RUN_INPUT_SOURCE, LAB_DEFAULTS_SOURCE]
