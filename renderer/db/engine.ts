import { type LabDefaults, labDefaultsSchema } from '../../shared/emissions/lab-defaults'
import { estimateRun } from '../../shared/emissions/resolve'
import type { ReferenceData } from '../../shared/refdata/index'
import type { LedgerEngine } from './api'

/**
 * The engine the app opens the ledger with: the shared methodology on the bundled reference data, with the lab
 * defaults the ledger stores. Hourly intensity profiles are not used for stored runs (they load asynchronously and
 * per location); the yearly intensity of the run's year applies.
 */
export const createLedgerEngine = (ref: ReferenceData): LedgerEngine<LabDefaults> => ({
  dataVersion: ref.manifest.dataVersion,
  labDefaultsSchema,
  defaultLabDefaults: labDefaultsSchema.parse({}),
  compute: (input, lab) => estimateRun(input, ref, lab)
})
