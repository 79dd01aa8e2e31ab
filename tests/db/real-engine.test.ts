import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createLedgerEngine, openLedger } from '../../renderer/db'
import { LedgerDb } from '../../renderer/db/schema'
import { traceStepText } from '../../shared/emissions/trace-text'
import { importText } from '../../shared/import/index'
import { quarterPeriod } from '../../shared/ledger/period'
import { loadReferenceData } from '../../shared/refdata/index'
import { freshName } from './support'

const open = (name = freshName()) => openLedger({ name, engine: createLedgerEngine(loadReferenceData()) })

describe('the ledger with the real methodology and importers', () => {
  it('stores the mlco2-compatible figures (300 W × 100 h at 566.3 g/kWh → 30 kWh, 16.989 kg)', async () => {
    const ledger = await open()
    const run = await ledger.runs.create({
      project: 'compat',
      startedAt: '2026-01-10T00:00:00Z',
      durationS: 100 * 3600,
      pue: 1,
      devices: [{ kind: 'gpu', name: 'Some GPU', count: 1, powerW: 300, utilization: 1 }],
      location: { kind: 'custom', intensityGPerKWh: 566.3, label: 'mlco2 example' }
    })
    expect(run.result.energyKWh.value).toBeCloseTo(30, 9)
    expect(run.result.emissionsKg.value).toBeCloseTo(16.989, 9)
    expect(run.result.dataVersion).toBe(loadReferenceData().manifest.dataVersion)
    const { total } = await ledger.aggregate.totals({ period: quarterPeriod(2026, 1) })
    expect(total.emissionsKg.value).toBeCloseTo(16.989, 9)
  })

  it('recomputes a run stored before results held messages into messages, with the same figures and English', async () => {
    const name = freshName()
    const ledger = await open(name)
    const created = await ledger.runs.create({
      project: 'old',
      startedAt: '2026-01-10T00:00:00Z',
      durationS: 7200,
      devices: [{ kind: 'gpu', name: 'A100', count: 2 }]
    })
    const [run] = await ledger.runs.explain([created])
    if (run === undefined) throw new Error('no run')
    ledger.close()
    // As a result-form-1 ledger stored it: English text in the trace, no messages, the stamp without its form.
    const db = new LedgerDb(name)
    await db.open()
    const { assumptionMsgs: _a, locationLabelMsg: _l, ...oldResult } = run.result
    const oldTrace = run.result.trace.map((line) => ({
      ...line,
      labelMsg: undefined,
      formulaMsg: undefined,
      ...traceStepText(line)
    }))
    await db.runs.put({
      ...run,
      result: { ...oldResult, trace: oldTrace },
      computeStamp: run.computeStamp.replace(/^r\d+:/, '')
    })
    db.close()

    const reopened = await open(name)
    expect((await reopened.runs.get(run.id))!.result.trace![0]!.labelMsg).toBeUndefined()
    await reopened.recompute.run()
    const after = (await reopened.runs.explain([(await reopened.runs.get(run.id))!]))[0]!
    expect(after.computeStamp).toBe(run.computeStamp)
    expect(after.result.trace.every((line) => line.labelMsg !== undefined && line.label === undefined)).toBe(true)
    expect(after.result.trace.map(traceStepText)).toEqual(
      oldTrace.map(({ label, formula }) => (formula === undefined ? { label } : { label, formula }))
    )
    expect(after.emissionsKg).toBe(run.emissionsKg)
  })

  it('imports a CodeCarbon file idempotently', async () => {
    const file = 'codecarbon-repo-sample.csv'
    const parsed = importText(
      readFileSync(new URL(`../fixtures/import/codecarbon/${file}`, import.meta.url), 'utf8'),
      file
    )
    if ('error' in parsed) throw new Error(parsed.error)
    expect(parsed.runs.length).toBeGreaterThan(0)
    const ledger = await open()
    const first = await ledger.imports.commit(parsed)
    expect(first.added).toBe(parsed.runs.length)
    const again = await ledger.imports.commit(parsed)
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: parsed.runs.length })
    expect(await ledger.runs.count()).toBe(parsed.runs.length)
  })

  it('recomputes no run when only the contractual instruments or offsets change, and every run when the PUE does', async () => {
    const ledger = await open()
    const run = await ledger.runs.create({
      project: 'instruments',
      startedAt: '2026-01-10T00:00:00Z',
      durationS: 3600,
      devices: [{ kind: 'gpu', name: 'Some GPU', count: 1, powerW: 300, utilization: 1 }],
      location: { kind: 'country', code: 'DE' }
    })
    const lab = await ledger.settings.getLabDefaults()
    await ledger.settings.setLabDefaults({
      ...lab,
      instruments: {
        ...lab.instruments,
        certificates: [
          {
            id: 'c1',
            type: 'GO',
            volumeMWh: 1,
            place: 'DE',
            fromMonth: '2026-01',
            toMonth: '2026-12',
            intensityGPerKWh: 0,
            reference: 'GO-1'
          }
        ]
      },
      offsets: [{ id: 'o1', tonnes: 1, project: 'Forest', year: 2026 }]
    })
    expect((await ledger.recompute.status()).remaining).toBe(0)
    // The run's trace is still rebuilt from its stamp (the stamp holds only what its result depends on).
    const [explained] = await ledger.runs.explain([(await ledger.runs.get(run.id))!])
    expect(explained!.result.trace.some((s) => s.labelMsg?.id === 'trace.embodied')).toBe(true)
    expect(explained!.result.assumptionMsgs?.some((m) => m.id === 'assume.traceUnavailable')).not.toBe(true)
    await ledger.settings.setLabDefaults({
      ...(await ledger.settings.getLabDefaults()),
      ownMachines: { kind: 'data-centre', pue: 1.2 }
    })
    expect((await ledger.recompute.status()).remaining).toBe(1)
  })
})
