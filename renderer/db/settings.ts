import { CLUSTER_KEY, clusterSettingsSchema, emptyClusterSettings } from '../../shared/import/cluster'
import type { SettingsRepo } from './api'
import { describeIssues, type LedgerContext } from './context'
import { guarded, LedgerError } from './errors'

export const settingsRepo = <L>(ctx: LedgerContext<L>): SettingsRepo<L> => ({
  getLabDefaults: () => guarded(() => ctx.readLab()),
  setLabDefaults: async (lab) => {
    const parsed = ctx.engine.labDefaultsSchema.safeParse(lab)
    if (!parsed.success) throw new LedgerError('invalid', `Invalid lab defaults: ${describeIssues(parsed.error)}`)
    await guarded(() => ctx.db.settings.put({ key: 'labDefaults', value: parsed.data, updatedAt: ctx.now() }))
    // Every run now carries a stale stamp; recompute.run() brings them up to date in the background.
    ctx.setLabCache(parsed.data)
  },
  getCluster: async () => {
    const stored = await guarded(() => ctx.db.settings.get(CLUSTER_KEY))
    // A value a restore brought in that no longer parses is not fatal to an import: the lab sets it again.
    const parsed = clusterSettingsSchema.safeParse(stored?.value)
    return parsed.success ? parsed.data : emptyClusterSettings()
  },
  setCluster: async (cluster) => {
    const parsed = clusterSettingsSchema.safeParse(cluster)
    if (!parsed.success) throw new LedgerError('invalid', `Invalid cluster settings: ${describeIssues(parsed.error)}`)
    await guarded(() => ctx.db.settings.put({ key: CLUSTER_KEY, value: parsed.data, updatedAt: ctx.now() }))
  }
})
