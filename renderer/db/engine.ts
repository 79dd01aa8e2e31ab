import { hourlyProfilesOfRun, preloadRunHourly } from '../../shared/emissions/hourly-preload'
import { type LabDefaults, labDefaultsSchema, resultLabDefaults } from '../../shared/emissions/lab-defaults'
import { estimateRun } from '../../shared/emissions/resolve'
import type { ReferenceData } from '../../shared/refdata/index'
import type { LedgerEngine } from './api'

/**
 * The engine the app opens the ledger with: the shared methodology on the bundled reference data, with the lab
 * defaults the ledger stores. A run in a zone with hourly profiles takes the intensity of its hours: the ledger
 * calls prepare (which loads the zone-years its runs need) before compute.
 */
export const createLedgerEngine = (ref: ReferenceData): LedgerEngine<LabDefaults> => ({
  dataVersion: ref.manifest.dataVersion,
  labDefaultsSchema,
  defaultLabDefaults: labDefaultsSchema.parse({}),
  resultPart: resultLabDefaults,
  compute: (input, lab) => estimateRun(input, ref, lab, hourlyProfilesOfRun(input, ref, lab)),
  // The app's window computes without hourly profiles (renderer/src/ledger/engine.ts): its runs are rebuilt so here.
  alternatives: [(input, lab) => estimateRun(input, ref, lab)],
  prepare: (inputs, lab) => preloadRunHourly(inputs, ref, lab)
})
