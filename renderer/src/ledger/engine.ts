import { dataVersion } from '../../../data/manifest.json'
import type { RunInput } from '../../../shared/domain/run'
import { type LabDefaults, labDefaultsSchema, resultLabDefaults } from '../../../shared/emissions/lab-defaults'
import type { Ledger, LedgerEngine } from '../../db'

export type Catalogue = typeof import('./catalogue')
export type AppLedger = Ledger<LabDefaults>

let loading: Promise<Catalogue> | undefined
let loaded: Catalogue | undefined

/** Loads the reference data and the method once; every later call gets the same module. */
export const loadCatalogue = (): Promise<Catalogue> => {
  loading ??= import('./catalogue').then((m) => (loaded = m))
  return loading
}

/**
 * The engine the ledger opens with. Its compute needs the catalogue, which loads lazily: withEngine() below makes
 * every repository call that computes wait for it, so no caller can reach compute too early.
 */
export const lazyEngine: LedgerEngine<LabDefaults> = {
  dataVersion,
  labDefaultsSchema,
  defaultLabDefaults: labDefaultsSchema.parse({}),
  resultPart: resultLabDefaults,
  compute: (input: RunInput, lab: LabDefaults) => {
    if (!loaded) throw new Error('The reference data is not loaded yet.')
    return loaded.estimateRun(input, loaded.ref, lab, loaded.hourlyProfilesOfRun(input, loaded.ref, lab))
  },
  // A run in a zone with hourly profiles takes the intensity of its hours (issue 12): the ledger awaits this before
  // compute in create, update, import and recompute, so the zone-years its runs need are loaded.
  prepare: async (inputs, lab) => {
    const catalogue = await loadCatalogue()
    await catalogue.preloadRunHourly(inputs, catalogue.ref, lab)
  }
}

const after =
  <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    await loadCatalogue()
    return fn(...args)
  }

/** The ledger with the computing calls waiting for the catalogue first. */
export const withEngine = (ledger: AppLedger): AppLedger => ({
  ...ledger,
  runs: {
    ...ledger.runs,
    create: after(ledger.runs.create),
    update: after(ledger.runs.update),
    explain: after(ledger.runs.explain)
  },
  imports: { ...ledger.imports, preview: after(ledger.imports.preview), commit: after(ledger.imports.commit) },
  recompute: { ...ledger.recompute, run: after(ledger.recompute.run) }
})
