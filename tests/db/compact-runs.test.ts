import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLedgerEngine, openLedger } from '../../renderer/db'
import { LedgerDb } from '../../renderer/db/schema'
import type { RunResult } from '../../shared/domain/result'
import { isExplained } from '../../shared/ledger/compact'
import { loadReferenceData } from '../../shared/refdata/index'
import { explainArchiveRuns } from '../../shared/report/explain-archive'
import { freshName } from './support'

/**
 * Compact runs (issue 15): the ledger stores a run's figures only and rebuilds its trace, assumptions and sources on
 * demand. With the real methodology and reference data, whatever the run, the rebuilt result must be exactly the
 * one the engine produced when the run was stored: the ledger's own rebuild and the command line's (from an archive's
 * tables) alike.
 */
const ref = loadReferenceData()
const HARDWARE = [
  { name: 'A100', hardwareId: 'gpu:nvidia-a100-sxm4-80-gb' },
  { name: 'H100' },
  { name: 'Some unknown accelerator' },
  { name: 'V100', hardwareId: 'gpu:nvidia-tesla-v100' }
]
const LOCATIONS = [
  { kind: 'zone', zone: 'FR' },
  { kind: 'zone', zone: 'US-CAL-CISO' },
  { kind: 'country', code: 'DE' },
  { kind: 'cloud', provider: 'aws', region: 'us-east-1' },
  { kind: 'custom', intensityGPerKWh: 420, label: 'Campus' },
  { kind: 'unknown' }
] as const

const draftArb = fc.record({
  startedAt: fc
    .integer({ min: Date.UTC(2021, 0, 1), max: Date.UTC(2026, 11, 1) })
    .map((ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString()),
  durationS: fc.integer({ min: 60, max: 5 * 86400 }),
  device: fc.constantFrom(...HARDWARE),
  count: fc.integer({ min: 1, max: 8 }),
  utilization: fc.double({ min: 0.05, max: 1, noNaN: true }),
  location: fc.constantFrom(...LOCATIONS),
  measuredEnergyKWh: fc.option(fc.double({ min: 0.01, max: 500, noNaN: true }), { nil: undefined }),
  reportedEmissionsKg: fc.option(fc.double({ min: 0.01, max: 100, noNaN: true }), { nil: undefined }),
  memoryGB: fc.option(fc.integer({ min: 1, max: 512 }), { nil: undefined })
})

describe('compact runs with the real methodology', { timeout: 120_000 }, () => {
  it('rebuilds exactly the trace, assumptions and sources the engine produced when each run was stored', async () => {
    const engine = createLedgerEngine(ref)
    const produced = new Map<string, RunResult>()
    const recording = {
      ...engine,
      compute: (input: Parameters<typeof engine.compute>[0], lab: Parameters<typeof engine.compute>[1]) => {
        const result = engine.compute(input, lab)
        produced.set(input.title, result)
        return result
      }
    }
    const name = freshName()
    const ledger = await openLedger({ name, engine: recording })
    // The lab counts the files' own emissions: their trace line and assumption must come back too.
    await ledger.settings.setLabDefaults(engine.labDefaultsSchema.parse({ countedEmissions: 'reported' }))
    const drafts = fc.sample(draftArb, { numRuns: 60, seed: 15 })
    for (const [i, d] of drafts.entries()) {
      await ledger.runs.create({
        title: `run ${i}`,
        project: 'p',
        startedAt: d.startedAt,
        durationS: d.durationS,
        devices: [{ kind: 'gpu', ...d.device, count: d.count, utilization: d.utilization }],
        location: d.location,
        measuredEnergyKWh: d.measuredEnergyKWh,
        reportedEmissionsKg: d.measuredEnergyKWh === undefined ? undefined : d.reportedEmissionsKg,
        memoryGB: d.memoryGB
      })
    }
    const stored = await ledger.runs.list()
    expect(stored).toHaveLength(drafts.length)
    // Stored compact: no trace, assumptions or sources on disk.
    const raw = new LedgerDb(name)
    await raw.open()
    const onDisk = await raw.runs.toArray()
    raw.close()
    expect(onDisk.every((r) => !isExplained(r.result) && r.result.trace === undefined)).toBe(true)

    const explained = await ledger.runs.explain(stored)
    for (const run of explained) expect(run.result, run.input.title).toStrictEqual(produced.get(run.input.title))
    // Some runs took hourly intensities and some counted the file's emissions: both paths were rebuilt.
    const traced = (id: string) => explained.some((r) => r.result.trace.some((s) => JSON.stringify(s).includes(id)))
    expect(traced('"trace.countedReported"')).toBe(true)
    expect(traced('"intensity.hourly"')).toBe(true)

    const tables = { settings: [{ key: 'labDefaults', value: await ledger.settings.getLabDefaults(), updatedAt: 0 }] }
    const fromArchive = await explainArchiveRuns(stored, tables, ref)
    for (const run of fromArchive) expect(run.result, run.input.title).toStrictEqual(produced.get(run.input.title))
    ledger.close()
  })
})
