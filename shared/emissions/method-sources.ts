import type { SourceRef } from '../domain/source'

/** Sources that are not reference datasets: the run's own figures, the lab's defaults, and this method's choices. */
export const RUN_INPUT_SOURCE: SourceRef = { id: 'run-input', title: 'Figures given for this run (entered or imported)' }
export const LAB_DEFAULTS_SOURCE: SourceRef = { id: 'lab-defaults', title: "The lab's defaults (PUE, location, contract, custom hardware)" }
export const METHOD_SOURCE: SourceRef = {
  id: 'carbon-ledger-method',
  title: 'Carbon Ledger methodology: defaults and uncertainty ranges (docs/methodology.md)'
}

export const METHOD_SOURCES: SourceRef[] = [RUN_INPUT_SOURCE, LAB_DEFAULTS_SOURCE, METHOD_SOURCE]
