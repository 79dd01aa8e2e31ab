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

/** The idle and full-load fractions of TDP per device class (uncertainty.ts, docs/methodology.md §1). */
export const POWER_MODEL_SOURCE: SourceRef = {
  id: 'power-model',
  title:
    "Carbon Ledger's power model: idle and full-load fractions of TDP per device class, from an H100 80GB HBM3 nvidia-smi log (131 W idle, 634 W full load of 700 W TDP) and published idle measurements"
}

export const METHOD_SOURCES: SourceRef[] = [RUN_INPUT_SOURCE, LAB_DEFAULTS_SOURCE, POWER_MODEL_SOURCE]
