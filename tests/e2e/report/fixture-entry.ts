/**
 * A page on the report's own origin that fills the ledger (this origin's IndexedDB, the one report.html opens):
 * window.reportFixture.restore(archiveText) or .restoreLab(options), which builds the fixture lab in the page.
 * Bundled by server.ts with esbuild.
 */
import { createLedgerEngine, openLedger } from '../../../renderer/db'
import { loadReferenceData } from '../../../shared/refdata/index'
import { labArchive, type LabOptions } from '../../unit/report/fixture-lab'

const restore = async (text: string): Promise<number> => {
  const ledger = await openLedger({ engine: createLedgerEngine(loadReferenceData()) })
  try {
    const report = await ledger.backups.restore(() => new Blob([text]).stream(), 'replace')
    return report.added
  } finally {
    ledger.close()
  }
}

const fixture = {
  restore,
  async restoreLab(options: LabOptions): Promise<number> {
    return restore(JSON.stringify(await labArchive(options)))
  }
}

declare global {
  interface Window {
    reportFixture: typeof fixture
  }
}
window.reportFixture = fixture
document.title = 'report fixture ready'
