import { msg } from '../../shared/messages/index'
import { aggregateRepo } from './aggregate'
import type { Ledger, OpenLedgerOptions } from './api'
import { backupsRepo } from './backups'
import { closedQuartersRepo } from './closed-quarters'
import { createContext } from './context'
import { guarded, LedgerError } from './errors'
import { importsRepo } from './imports'
import { projectsRepo } from './projects'
import { recomputeRepo } from './recompute'
import { runsRepo } from './runs'
import { LedgerDb, SCHEMA_VERSION } from './schema'
import { settingsRepo } from './settings'
import { trashRepo } from './trash'

const BLOCKED_MESSAGE =
  'Carbon Ledger is open in another window with an older version of the ledger. Close that window to continue: the upgrade waits for it, and no data is lost.'
const VERSION_CHANGE_MESSAGE =
  'The ledger was upgraded by another window of Carbon Ledger. Reload this window to continue.'

/** Opens (creating or upgrading) the ledger database and returns its repositories. */
export const openLedger = async <L>(options: OpenLedgerOptions<L>): Promise<Ledger<L>> => {
  const db = new LedgerDb(options.name ?? 'carbon-ledger', SCHEMA_VERSION, options.engine)
  db.on('blocked', () => options.onBlocked?.(BLOCKED_MESSAGE))
  db.on('versionchange', () => {
    // Close so that the other window's upgrade can proceed; this window must reload.
    db.close()
    options.onVersionChange?.(VERSION_CHANGE_MESSAGE)
    return false
  })
  const newer = (cause?: unknown) => new LedgerError('blocked', msg('ledger.blocked'), { cause })
  await guarded(() => db.open()).catch((err: unknown) => {
    throw (err as { name?: string }).name === 'VersionError' ? newer(err) : err
  })
  // Dexie 4 opens a database of a higher version as it is; this app would then write to a schema it does not know.
  if (db.backendDB().version > SCHEMA_VERSION * 10) {
    db.close()
    throw newer()
  }
  const ctx = createContext(db, options.engine, options.freeDiskBytes)
  const aggregate = aggregateRepo(ctx)
  return {
    projects: projectsRepo(ctx),
    runs: runsRepo(ctx),
    trash: trashRepo(ctx),
    imports: importsRepo(ctx),
    settings: settingsRepo(ctx),
    recompute: recomputeRepo(ctx),
    aggregate,
    backups: backupsRepo(ctx),
    closedQuarters: closedQuartersRepo(ctx, aggregate),
    close: () => db.close()
  }
}
