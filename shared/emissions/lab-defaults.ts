import { z } from 'zod'
import { LIMITS } from '../domain/limits'
import { locationInputSchema } from '../domain/run'
import { hardwareEntrySchema, locationEntrySchema } from '../refdata/schema'
import { instrumentsSchema, offsetSchema } from './instruments'

/**
 * What a lab says once about its own setting, applied to every run that does not say otherwise. The ledger stores
 * it; changing it recomputes the affected runs. An empty object is valid: every field has a neutral default.
 */
export const labDefaultsSchema = z.object({
  /** Where the lab's runs happen when a run gives no location (its location is 'unknown'). */
  location: locationInputSchema.default({ kind: 'unknown' }),
  /**
   * The lab's own (non-cloud) machines: in a data centre or server room, whose PUE the lab may know, or personal
   * computers (workstations, laptops) with no facility overhead, PUE 1.0. A run on other hardware than the lab's
   * usual kind states its own PUE (e.g. 1 for a laptop run in a lab that otherwise uses a cluster).
   */
  ownMachines: z
    .object({
      kind: z.enum(['data-centre', 'personal-computer']).default('data-centre'),
      /** PUE of the lab's data centre; absent: an unknown data centre's average. Ignored for personal computers. */
      pue: z.number().min(1).max(5).optional()
    })
    .default({ kind: 'data-centre' }),
  /**
   * Share of the lab's electricity covered by certificates or guarantees of origin for renewable energy (0–1), for
   * market-based emissions of its own machines (GHG Protocol Scope 2).
   */
  renewableShare: z.number().min(0).max(1).optional(),
  /** The lab's supplier-specific emission factor (g/kWh) for the energy its certificates do not cover. */
  supplierIntensityGPerKWh: z.number().nonnegative().max(LIMITS.maxIntensityGPerKWh).optional(),
  /** Carbon offsets the lab bought: recorded and reported apart, they never reduce a figure. */
  offsets: z.array(offsetSchema).default([]),
  /** Contractual instruments for market-based emissions (instruments.ts), applied where figures are summed. */
  instruments: instrumentsSchema.default({
    supplierFactors: [],
    certificates: [],
    providerClaims: [],
    residualMixes: [],
    optInProviderClaims: false
  }),
  /**
   * A cloud region's intensity: its grid's ('grid', the default: the zone or country it draws from, the provider's
   * figure traced beside for comparison) or the provider's own published factor ('provider'), stated as an assumption.
   */
  cloudIntensity: z.enum(['grid', 'provider']).default('grid'),
  /**
   * Which emissions the ledger counts for a run whose file reported its own (issue 11, reconciliation): the figure
   * recomputed with the ledger's data ('recomputed', the default) or the file's, as measured and reported
   * ('reported'; shared/emissions/counted.ts). Both stay visible in the run detail, the import preview and the CSV.
   */
  countedEmissions: z.enum(['recomputed', 'reported']).default('recomputed'),
  /** Hardware the catalogue lacks; an entry with a catalogue id replaces the catalogue's. */
  hardware: z.array(hardwareEntrySchema).default([]),
  /** Locations the reference data lacks (the lab's own grid or supplier); an entry with a known id replaces it. */
  locations: z.array(locationEntrySchema).default([])
})
export type LabDefaults = z.infer<typeof labDefaultsSchema>

/**
 * The lab defaults a run's result depends on: all but the contractual instruments and offsets, which are applied
 * where a period's figures are summed (market.ts) or reported apart. A run's stamp hashes only these, so saving an
 * instrument or an offset recomputes no run.
 */
export const resultLabDefaults = ({ instruments: _instruments, offsets: _offsets, ...rest }: LabDefaults): unknown =>
  rest
