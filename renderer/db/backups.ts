import { type BackupTables, buildArchive, planMerge, readArchive } from '../../shared/ledger/backup'
import type { BackupsRepo } from './api'
import { type LedgerContext, RollupDelta, writeRollups } from './context'
import { guarded, LedgerError } from './errors'
import { SCHEMA_VERSION } from './schema'

export const backupsRepo = <L>(ctx: LedgerContext<L>): BackupsRepo => {
  const { db } = ctx
  const tables = [db.projects, db.runs, db.imports, db.superseded, db.trash, db.mappings, db.settings]

  const readAll = async (): Promise<BackupTables> => ({
    projects: await db.projects.toArray(),
    runs: await db.runs.toArray(),
    imports: await db.imports.toArray(),
    superseded: await db.superseded.toArray(),
    trash: await db.trash.toArray(),
    mappings: await db.mappings.toArray(),
    settings: await db.settings.toArray()
  })

  const writeAll = async (t: BackupTables): Promise<void> => {
    await db.projects.bulkPut(t.projects)
    await db.runs.bulkPut(t.runs)
    await db.imports.bulkPut(t.imports)
    await db.superseded.bulkPut(t.superseded)
    await db.trash.bulkPut(t.trash)
    await db.mappings.bulkPut(t.mappings)
    await db.settings.bulkPut(t.settings)
  }

  return {
    exportText: async () => {
      const content = await guarded(() => db.transaction('r', tables, readAll))
      const archive = await buildArchive(content, {
        schemaVersion: SCHEMA_VERSION,
        dataVersion: ctx.engine.dataVersion,
        createdAt: new Date(ctx.now())
      })
      return JSON.stringify(archive)
    },
    restore: async (text, mode) => {
      // Everything is checked before the transaction: a refused archive changes nothing.
      const check = await readArchive(text, SCHEMA_VERSION)
      if (!check.ok) throw new LedgerError('backup-rejected', check.msg)
      const incoming = check.archive.tables
      const report = await guarded(() =>
        db.transaction('rw', [...tables, db.rollups], async () => {
          if (mode === 'replace') {
            for (const t of [...tables, db.rollups]) await t.clear()
            await writeAll(incoming)
            const delta = new RollupDelta()
            for (const run of incoming.runs) delta.add(run, 1)
            await writeRollups(db, delta)
            const added = Object.values(incoming).reduce((n, rows) => n + rows.length, 0)
            return { mode, added, updated: 0, kept: 0, conflicts: [] }
          }
          const plan = planMerge(await readAll(), incoming)
          const replaced = await db.runs.bulkGet(plan.put.runs.map((r) => r.id))
          const delta = new RollupDelta()
          for (const old of replaced) if (old) delta.add(old, -1)
          for (const run of plan.put.runs) delta.add(run, 1)
          await writeAll(plan.put)
          await writeRollups(db, delta)
          return { mode, added: plan.added, updated: plan.updated, kept: plan.kept, conflicts: plan.conflicts }
        })
      )
      // Settings may have changed the lab defaults: read them again.
      ctx.setLabCache(undefined)
      return report
    }
  }
}
