/**
 * A page on the report's own origin that fills the ledger (this origin's IndexedDB, the one report.html opens):
 * window.reportFixture.restore(archiveText) or .restoreLab(options), which builds the fixture lab in the page (both
 * replace the ledger, or merge into it: a big ledger is restored in parts).
 * Bundled by server.ts with esbuild.
 */
import { createLedgerEngine, openLedger } from '../../../renderer/db'
import { loadReferenceData } from '../../../shared/refdata/index'
import { labArchive, type LabOptions } from '../../unit/report/fixture-lab'

const restore = async (text: string, mode: 'replace' | 'merge' = 'replace'): Promise<number> => {
  const ledger = await openLedger({ engine: createLedgerEngine(loadReferenceData()) })
  try {
    const report = await ledger.backups.restore(() => new Blob([text]).stream(), mode)
    return report.added
  } finally {
    ledger.close()
  }
}

const fixture = {
  restore,
  async restoreLab(options: LabOptions, mode: 'replace' | 'merge' = 'replace'): Promise<number> {
    return restore(JSON.stringify(await labArchive(options)), mode)
  }
}

declare global {
  interface Window {
    reportFixture: typeof fixture
  }
}
window.reportFixture = fixture
document.title = 'report fixture ready'
