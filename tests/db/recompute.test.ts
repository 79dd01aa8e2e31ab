import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { yearPeriod } from '../../shared/ledger/period'
import { freshName, gpuRun, openTest, testEngine } from './support'

describe('background recompute', () => {
  it('recomputes every run in chunks after the lab defaults change, with progress and rollups kept', async () => {
    const ledger = await openTest()
    for (let i = 0; i < 5; i++) await ledger.runs.create(gpuRun({ hours: 1 }))
    expect((await ledger.recompute.status()).remaining).toBe(0)

    await ledger.settings.setLabDefaults({ intensityGPerKWh: 100, renewableShare: 0.5 })
    expect(await ledger.settings.getLabDefaults()).toEqual({ intensityGPerKWh: 100, renewableShare: 0.5 })
    expect(await ledger.recompute.status()).toMatchObject({ remaining: 5, total: 5 })

    const progress: number[] = []
    const done = await ledger.recompute.run({ chunkSize: 2, onProgress: (d) => progress.push(d) })
    expect(done.remaining).toBe(0)
    expect(progress).toEqual([0, 2, 4, 5])
    // 5 × 0.3 kWh × 100 g/kWh = 0.15 kg; market-based half of it.
    const totals = (await ledger.aggregate.totals({ period: yearPeriod(2026) })).total
    expect(totals.emissionsKg.value).toBeCloseTo(0.15, 10)
    expect(totals.marketEmissionsKg.value).toBeCloseTo(0.075, 10)
    expect(totals.runs).toBe(5)
  })

  it('resumes after a restart where it stopped, and treats a new data version as stale', async () => {
    const name = freshName()
    const first = await openTest(name)
    for (let i = 0; i < 4; i++) await first.runs.create(gpuRun({ hours: 1 }))
    await first.settings.setLabDefaults({ intensityGPerKWh: 200, renewableShare: 0 })
    const stop = new AbortController()
    await first.recompute.run({ chunkSize: 3, onProgress: (d) => d >= 3 && stop.abort(), signal: stop.signal })
    expect(await first.recompute.status()).toMatchObject({ remaining: 1, total: 4 })
    first.close()

    const second = await openTest(name)
    expect(await second.recompute.status()).toMatchObject({ remaining: 1, total: 4 })
    expect((await second.recompute.run()).remaining).toBe(0)
    expect((await second.aggregate.totals({ period: yearPeriod(2026) })).total.emissionsKg.value).toBeCloseTo(0.24, 10)
    second.close()

    const upgraded = await openTest(name, testEngine('test-2'))
    expect(await upgraded.recompute.status()).toMatchObject({ remaining: 4, total: 4 })
  })

  it('finishes a pass when the engine cannot compute some runs, leaving them stale with their old result', async () => {
    const name = freshName()
    const seeded = await openTest(name)
    await seeded.runs.create(gpuRun({ title: 'bad' }))
    await seeded.runs.create(gpuRun({ title: 'good' }))
    seeded.close()
    const picky = testEngine('test-2')
    const compute = picky.compute
    picky.compute = (input, lab) => {
      if (input.title === 'bad') throw new Error('unknown hardware')
      return compute(input, lab)
    }
    const ledger = await openTest(name, picky)
    const done = await ledger.recompute.run({ chunkSize: 1 })
    expect(done).toMatchObject({ remaining: 1, total: 2 })
    const runs = await ledger.runs.list()
    expect(runs.find((r) => r.input.title === 'bad')!.result.emissionsKg.value).toBeCloseTo(1.5, 10)
  })
})
