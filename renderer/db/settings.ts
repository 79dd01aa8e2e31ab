import { CLUSTER_KEY, clusterSettingsSchema, emptyClusterSettings } from '../../shared/import/cluster'
import { FILE_CLOCKS_KEY, fileClockSchema, fileClocksSchema, withFileClock } from '../../shared/import/file-clocks'
import { labAtStampKey } from '../../shared/ledger/compact'
import { engineStamp } from '../../shared/ledger/import-plan'
import {
  assetRegisterSchema,
  assetsOf,
  REPORT_SETTING_KEYS,
  reportSettingsOf,
  reportSettingsSchema
} from '../../shared/report/assets'
import type { SettingsRepo } from './api'
import { describeIssues, type LedgerContext } from './context'
import { guarded, LedgerError } from './errors'

export const settingsRepo = <L>(ctx: LedgerContext<L>): SettingsRepo<L> => {
  // Report settings and the asset register are settings records like the lab defaults: backups carry them.
  const read = async (key: string): Promise<unknown> => (await guarded(() => ctx.db.settings.get(key)))?.value
  const write = (key: string, value: unknown) =>
    guarded(() => ctx.db.settings.put({ key, value, updatedAt: ctx.now() }))
  return {
    getLabDefaults: () => guarded(() => ctx.readLab()),
    setLabDefaults: async (lab) => {
      const parsed = ctx.engine.labDefaultsSchema.safeParse(lab)
      if (!parsed.success) throw new LedgerError('invalid', `Invalid lab defaults: ${describeIssues(parsed.error)}`)
      // Runs computed with the defaults being replaced keep their stamp until recomputed: the defaults behind each
      // stamp are kept, so that their trace can still be rebuilt (shared/ledger/compact.ts), also after a restore.
      const before = await ctx.lab()
      const now = ctx.now()
      const stampOf = (l: L) => engineStamp(ctx.engine, l)
      await guarded(() =>
        ctx.db.settings.bulkPut([
          { key: labAtStampKey(stampOf(before)), value: before, updatedAt: now },
          { key: labAtStampKey(stampOf(parsed.data)), value: parsed.data, updatedAt: now },
          { key: 'labDefaults', value: parsed.data, updatedAt: now }
        ])
      )
      // Every run now carries a stale stamp; recompute.run() brings them up to date in the background.
      ctx.setLabCache(parsed.data)
    },
    getReportSettings: async () => reportSettingsOf(await read(REPORT_SETTING_KEYS.report)),
    setReportSettings: async (settings) => {
      const parsed = reportSettingsSchema.safeParse(settings)
      if (!parsed.success) throw new LedgerError('invalid', `Invalid report settings: ${describeIssues(parsed.error)}`)
      await write(REPORT_SETTING_KEYS.report, parsed.data)
    },
    getAssets: async () => assetsOf(await read(REPORT_SETTING_KEYS.assets)),
    setAssets: async (assets) => {
      const parsed = assetRegisterSchema.safeParse(assets)
      if (!parsed.success) throw new LedgerError('invalid', `Invalid asset register: ${describeIssues(parsed.error)}`)
      await write(REPORT_SETTING_KEYS.assets, parsed.data)
    },
    getCluster: async () => {
      // A value a restore brought in that no longer parses is not fatal to an import: the lab sets it again.
      const parsed = clusterSettingsSchema.safeParse(await read(CLUSTER_KEY))
      return parsed.success ? parsed.data : emptyClusterSettings()
    },
    getFileClocks: async () => {
      const parsed = fileClocksSchema.safeParse(await read(FILE_CLOCKS_KEY))
      return parsed.success ? parsed.data : {}
    },
    setFileClock: async (fileName, clock) => {
      const parsed = fileClockSchema.safeParse(clock)
      if (!parsed.success)
        throw new LedgerError('invalid', `Invalid clock of ${fileName}: ${describeIssues(parsed.error)}`)
      const parsedAll = fileClocksSchema.safeParse(await read(FILE_CLOCKS_KEY))
      await write(FILE_CLOCKS_KEY, withFileClock(parsedAll.success ? parsedAll.data : {}, fileName, parsed.data))
    },
    setCluster: async (cluster) => {
      const parsed = clusterSettingsSchema.safeParse(cluster)
      if (!parsed.success) throw new LedgerError('invalid', `Invalid cluster settings: ${describeIssues(parsed.error)}`)
      await write(CLUSTER_KEY, parsed.data)
    }
  }
}
