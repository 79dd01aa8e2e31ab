import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createLedgerEngine, openLedger } from '../../renderer/db'
import { loadReportData, loadReportModel } from '../../renderer/report/load'
import { isExplained } from '../../shared/ledger/compact'
import { english } from '../../shared/messages/index'
import { loadReferenceData } from '../../shared/refdata/index'
import { labArchive, type LabOptions } from '../unit/report/fixture-lab'
import { freshName } from './support'

const Q4 = { fromMs: Date.UTC(2024, 9, 1), toMs: Date.UTC(2025, 0, 1) }

/**
 * A varied ledger: runs stored compact with their cites (as the app stores them now), compact without them (as
 * stored before issue 13) and whole (an archive from before compact runs), every kind of place and measured runs.
 */
async function variedLedger(): Promise<string> {
  const name = freshName()
  const ledger = await openLedger({ name, engine: createLedgerEngine(loadReferenceData()) })
  const parts: LabOptions[] = [
    { runs: 160, seed: 3, idPrefix: 'cited', compact: true, ...Q4 },
    { runs: 120, seed: 4, idPrefix: 'old', compact: 'figures-only', ...Q4 },
    { runs: 80, seed: 5, idPrefix: 'whole', ...Q4 },
    // runs of the quarter before: the comparisons and the trend
    { runs: 60, seed: 6, idPrefix: 'before', compact: true, fromMs: Date.UTC(2024, 6, 1), toMs: Q4.fromMs }
  ]
  try {
    for (const [i, options] of parts.entries()) {
      const text = JSON.stringify(await labArchive(options))
      await ledger.backups.restore(() => new Blob([text]).stream(), i === 0 ? 'replace' : 'merge')
    }
    const stored = await ledger.runs.list({ ...Q4 })
    // The ledger holds all three forms (the test would prove nothing otherwise).
    expect(stored.filter((r) => r.result.cites !== undefined).length).toBe(160)
    expect(stored.filter((r) => isExplained(r.result)).length).toBe(80)
    expect(stored.filter((r) => !isExplained(r.result) && r.result.cites === undefined).length).toBe(120)
  } finally {
    ledger.close()
  }
  return name
}

describe('the report page reads compact runs by their cites (issue 13)', () => {
  it('builds the same model as from every run rebuilt: figures, sections, factor register', async () => {
    const name = await variedLedger()
    const now = new Date('2026-12-05T12:00:00Z')
    const period = { kind: 'quarter', start: '2024-10', end: '2024-12' } as const
    for (const language of ['en', 'de'] as const)
      for (const scope of [
        { projectIds: [], people: [] },
        { projectIds: ['p-llm', 'p-rl'], people: [] }
      ]) {
        const params = { period, scope, labName: 'Lab', language }
        // The old way: every compact run rebuilt (runs.explain), as the CSV export still reads them.
        const rebuilt = await loadReportData(params, now, name)
        expect(rebuilt.runs.length).toBeGreaterThan(0)
        // The page's way: cites where stored, rebuilt only where not.
        const page = await loadReportModel({ ...params, print: false, pageNumbers: false }, now, name)
        expect(page).toEqual(rebuilt.model)
        expect(page.ghg.factors.length).toBeGreaterThan(1)
        expect(page.assumptions.length).toBeGreaterThan(0)
        expect(page.sources.some((s) => s.runs > 0)).toBe(true)
      }
  }, 120_000)

  it('stores cites that are what the rebuilt trace says: assumptions, sources, the intensity line', async () => {
    const name = await variedLedger()
    const ledger = await openLedger({ name, engine: createLedgerEngine(loadReferenceData()) })
    try {
      const cited = (await ledger.runs.list({ ...Q4 })).filter((r) => r.result.cites !== undefined)
      const rebuilt = await ledger.runs.explain(cited.map((r) => ({ ...r, result: { ...r.result, cites: undefined } })))
      const grains = new Set<string>()
      for (const [i, run] of rebuilt.entries()) {
        const cites = cited[i]!.result.cites!
        // Read here from the rebuilt result as the report read it before cites (not through citesOf).
        const step = run.result.trace.find((s) => s.unit === 'gCO2e/kWh')!
        const label = JSON.stringify(step.labelMsg ?? step.label)
        const granularity = label.includes('hourly') ? 'hourly' : label.includes('custom') ? 'custom' : 'yearly'
        grains.add(granularity)
        expect(cites).toEqual({
          assumptionMsgs: run.result.assumptionMsgs,
          sourceIds: run.result.sources.map((s) => s.id),
          intensity: { granularity, ...(step.sourceId !== undefined ? { sourceId: step.sourceId } : {}) }
        })
        expect(cites.assumptionMsgs.map((m) => english(m))).toEqual(run.result.assumptions)
      }
      expect([...grains].sort()).toEqual(['custom', 'yearly'])
    } finally {
      ledger.close()
    }
  }, 120_000)
})
