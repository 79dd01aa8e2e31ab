import { hourlyProfilesOfRun, preloadRunHourly } from '../emissions/hourly-preload'
import { type LabDefaults, labDefaultsSchema, resultLabDefaults } from '../emissions/lab-defaults'
import { estimateRun } from '../emissions/resolve'
import type { BackupTables } from '../ledger/backup'
import { type ExplainedRun, explainRuns, labAtStampKey } from '../ledger/compact'
import type { RunRecord } from '../ledger/records'
import type { ReferenceData } from '../refdata/index'

/**
 * Archived runs with their trace, assumptions and sources rebuilt (archives carry runs as the ledger stores them:
 * figures only since schema version 4) with the bundled reference data and the lab defaults of each run's stamp,
 * as the archive kept them; runs that cannot be rebuilt exactly keep their figures with a note.
 */
export const explainArchiveRuns = (
  runs: readonly RunRecord[],
  tables: Pick<BackupTables, 'settings'>,
  ref: ReferenceData
): Promise<ExplainedRun[]> =>
  explainRuns<LabDefaults>(
    runs,
    {
      dataVersion: ref.manifest.dataVersion,
      resultPart: resultLabDefaults,
      compute: (input, lab) => estimateRun(input, ref, lab, hourlyProfilesOfRun(input, ref, lab)),
      prepare: (inputs, lab) => preloadRunHourly(inputs, ref, lab),
      alternatives: [(input, lab) => estimateRun(input, ref, lab)]
    },
    async (stamp) => {
      const kept = tables.settings.find((s) => s.key === labAtStampKey(stamp))?.value
      const parsed = labDefaultsSchema.safeParse(
        kept ?? tables.settings.find((s) => s.key === 'labDefaults')?.value ?? {}
      )
      return parsed.success ? parsed.data : undefined
    }
  )
